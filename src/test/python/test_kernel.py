"""Jupyter's kernel conformance tests (jupyter_kernel_test) run against the MRI Workbench kernel.

The kernel is found by name through Jupyter's kernelspec search path: KernelConformanceTest (JUnit) installs a
kernelspec into a temporary JUPYTER_PATH entry and sets MRI_KERNEL_NAME. To run it by hand against an installed
kernel: MRI_KERNEL_NAME=mri-workbench /usr/bin/python3 -m unittest -v test_kernel
"""
import os
import time
import unittest

import jupyter_kernel_test
from jupyter_kernel_test.msgspec_v5 import validate_message

TIMEOUT = 30


class WorkbenchKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("MRI_KERNEL_NAME", "mri-workbench")
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world")'
    code_stderr = 'System.err.println("to stderr")'

    completion_samples = [
        # Bare names, as Jupyter expects (JShell's own form is "println("); overloads collapse into one.
        {"text": "System.out.printl", "matches": {"println"}},
        {"text": "Math.floorMo", "matches": {"floorMod"}},
    ]
    complete_code_samples = ["1 + 1", "int x = 3;", 'System.out.println("x");', "int a = 1;\na * 2"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "System.out.println(", "class A {"]
    invalid_code_samples = ["@#$%"]

    code_generate_error = 'throw new IllegalStateException("boom")'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "org.mriworkbench.kernelspec.KernelSpec.DEFAULT_NAME", "result": "mri-workbench"},
        {"code": 'html("<b>done</b>")', "mime": "text/html", "result": "<b>done</b>"},
        {"code": "new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB)",
         "mime": "image/png"},
    ]

    code_display_data = [
        {"code": "display(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_BYTE_GRAY))",
         "mime": "image/png"},
        {"code": 'display(html("<i>shown now</i>"))', "mime": "text/html"},
        {"code": 'display(tech.tablesaw.api.Table.create("t", tech.tablesaw.api.IntColumn.create("x", 1, 2)))',
         "mime": "text/html"},
        {"code": "display(new org.knowm.xchart.XYChartBuilder().width(120).height(90).title(\"c\").build())",
         "mime": "image/png"},
    ]

    code_inspect_sample = "Math.max("

    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6*7"

    # Beyond the standard suite: what a notebook user relies on.

    def run_cell(self, code, timeout=TIMEOUT):
        """Runs code; returns its execute_reply and its output messages (all but status and execute_input).

        Unlike execute_helper, it reads only messages whose parent is this request: on a loaded machine the busy and
        idle of an earlier kernel_info request (jupyter_client retries them while a kernel starts) can arrive late,
        and execute_helper, which does not check the parent, then ends the cell's output at a stranger's idle.
        """
        self.flush_channels()
        msg_id = self.kc.execute(code=code)
        reply = self.get_non_kernel_info_reply(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.get_non_kernel_info_reply(timeout=timeout)
        validate_message(reply, "execute_reply", msg_id)
        output = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            validate_message(msg, msg["msg_type"], msg_id)
            if msg["msg_type"] == "status":
                if msg["content"]["execution_state"] == "idle":
                    return reply, output
            elif msg["msg_type"] != "execute_input":
                output.append(msg)

    def test_compile_error_names_line_and_column(self):
        reply, output = self.run_cell('int ok = 1;\nString s = 42;')
        self.assertEqual(reply["content"]["status"], "error")
        errors = [m for m in output if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)
        self.assertEqual(errors[0]["content"]["ename"], "CompilationException")
        self.assertIn("line 2, column 12", "\n".join(errors[0]["content"]["traceback"]))

    def test_exception_traceback_is_trimmed_to_the_cell(self):
        reply, output = self.run_cell('int n = 0;\nInteger.parseInt("not a number");')
        self.assertEqual(reply["content"]["status"], "error")
        tb = "\n".join(m for e in output if e["msg_type"] == "error" for m in e["content"]["traceback"])
        self.assertIn("java.lang.NumberFormatException", tb)
        self.assertIn("line 2", tb)
        self.assertNotIn("jdk.jshell", tb)
        self.assertNotIn("org.mriworkbench.kernel", tb)

    def test_completion_knows_earlier_cells(self):
        self.run_cell("int valueOne = 1;")
        msg_id = self.kc.complete("int other = 2;\nvalueO")
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        validate_message(reply, "complete_reply", msg_id)
        self.assertEqual(reply["content"]["matches"], ["valueOne"])
        self.assertEqual(reply["content"]["cursor_start"], len("int other = 2;\n"))

    def test_inspect_shows_workbench_javadoc_first_paragraph(self):
        code = "org.mriworkbench.explain.GradCam.of("
        msg_id = self.kc.inspect(code, cursor_pos=len(code))
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        validate_message(reply, "inspect_reply", msg_id)
        self.assertTrue(reply["content"]["found"])
        text = reply["content"]["data"]["text/plain"]
        self.assertIn("GradCam.of(org.deeplearning4j.nn.multilayer.MultiLayerNetwork net)", text)
        self.assertIn("Grad-CAM at the default target layer of net.", text)

    def test_history_search_is_a_glob_over_this_session(self):
        self.run_cell("int historyProbe = 5;")
        self.kc.history(hist_access_type="search", pattern="int historyP*", output=True, raw=True, n=1)
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        history = reply["content"]["history"]
        self.assertEqual(len(history), 1)
        self.assertEqual(history[0][2][0], "int historyProbe = 5;")

    def test_background_thread_updates_a_display_after_its_cell_ended(self):
        # A live chart's pattern: show it under an id, then update it from a thread that outlives the cell.
        reply, output = self.run_cell(
            'display(html("<i>epoch 0</i>"), "live-chart");\n'
            'new Thread(() -> { for (int e = 1; e <= 3; e++) { try { Thread.sleep(300); } '
            'catch (InterruptedException x) { return; } updateDisplay("live-chart", html("<i>epoch " + e + "</i>")); } })'
            '.start();')
        self.assertEqual(reply["content"]["status"], "ok")
        shown = [m for m in output if m["msg_type"] == "display_data"]
        self.assertEqual(shown[0]["content"]["transient"]["display_id"], "live-chart")
        updates = []
        deadline = time.monotonic() + TIMEOUT
        while len(updates) < 3 and time.monotonic() < deadline:  # all after the cell's idle, read by run_cell
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["msg_type"] == "update_display_data":
                validate_message(msg, "update_display_data", msg["parent_header"]["msg_id"])
                updates.append(msg["content"])
        self.assertEqual([u["data"]["text/html"] for u in updates],
                         ["<i>epoch 1</i>", "<i>epoch 2</i>", "<i>epoch 3</i>"])
        self.assertTrue(all(u["transient"]["display_id"] == "live-chart" for u in updates))

    def test_state_persists_between_cells(self):
        self.run_cell("int counter = 41;")
        reply, output = self.run_cell("counter + 1")
        results = [m for m in output if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "42")

    def test_interrupt_stops_a_busy_loop(self):
        self.flush_channels()
        msg_id = self.kc.execute("while (true) {}")
        time.sleep(1.0)
        started = time.monotonic()
        self.km.interrupt_kernel()
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        validate_message(reply, "execute_reply", msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertLess(time.monotonic() - started, 5.0)
        reply, output = self.run_cell("1 + 2")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_a_flood_of_output_is_batched_and_complete(self):
        lines = 200000
        started = time.monotonic()
        reply, output = self.run_cell("for (int i = 0; i < %d; i++) System.out.println(i);" % lines, timeout=120)
        seconds = time.monotonic() - started
        self.assertEqual(reply["content"]["status"], "ok")
        streams = [m for m in output if m["msg_type"] == "stream" and m["content"]["name"] == "stdout"]
        text = "".join(m["content"]["text"] for m in streams)
        self.assertEqual(text.split("\n")[:-1], [str(i) for i in range(lines)])
        # One message per line before batching; now bounded by size (64 KiB) and one per 50 ms tick.
        self.assertLess(len(streams), lines // 100, "%d stream messages for %d lines" % (len(streams), lines))
        print("\n[measured] %d lines: %d stream messages, %.1f s round trip" % (lines, len(streams), seconds))
        reply, output = self.run_cell("1 + 1")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_output_before_a_display_is_shown_before_it(self):
        reply, output = self.run_cell('System.out.println("first");\ndisplay(html("<i>second</i>"));')
        kinds = [m["msg_type"] for m in output if m["msg_type"] in ("stream", "display_data")]
        self.assertEqual(kinds, ["stream", "display_data"])

    def test_system_exit_ends_the_cell_and_keeps_the_kernel(self):
        self.run_cell("int survivor = 7;")
        reply, output = self.run_cell("System.exit(3);")
        self.assertEqual(reply["content"]["status"], "error")
        error = [m for m in output if m["msg_type"] == "error"][0]["content"]
        self.assertIn("System.exit(3) ended this cell only", error["evalue"])
        self.assertIn("SystemExit", "\n".join(error["traceback"]))
        self.assertTrue(self.km.is_alive())
        reply, output = self.run_cell("survivor * 6")
        results = [m for m in output if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "42")

    def test_library_results_render_and_printf_shows_only_its_text(self):
        reply, output = self.run_cell(
            "display(org.mriworkbench.chart.ConfusionMatrixChart.of(org.mriworkbench.eval.ConfusionMatrix.ofCounts("
            "new int[][] {{5, 1}, {2, 7}}), List.of(\"NO_TUMOR\", \"TUMOR\")))")
        shown = [m for m in output if m["msg_type"] == "display_data"]
        self.assertIn("image/png", shown[0]["content"]["data"])
        reply, output = self.run_cell('System.out.printf("acc %.3f%n", 0.8261)')
        self.assertEqual([m["msg_type"] for m in output], ["stream"])
        self.assertEqual(output[0]["content"]["text"], "acc 0.826\n")

    def test_zz_restart_gives_a_fresh_session(self):
        self.run_cell("int beforeRestart = 1;")
        self.km.restart_kernel(now=False)
        self.kc.wait_for_ready(timeout=60)
        reply, output = self.run_cell("beforeRestart")
        self.assertEqual(reply["content"]["status"], "error")
        reply, output = self.run_cell("2 + 2")
        self.assertEqual(reply["content"]["status"], "ok")


if __name__ == "__main__":
    unittest.main()
