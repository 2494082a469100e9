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
        {"text": "System.out.printl", "matches": {"println("}},
        {"text": "Math.floorMo", "matches": {"floorMod("}},
    ]
    complete_code_samples = ["1 + 1", "int x = 3;", 'System.out.println("x");', "int a = 1;\na * 2"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "System.out.println(", "class A {"]
    invalid_code_samples = ["@#$%"]

    code_generate_error = 'throw new IllegalStateException("boom")'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "org.mriworkbench.kernel.KernelSpec.DEFAULT_NAME", "result": "mri-workbench"},
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

    # Beyond the standard suite: what a notebook user relies on.

    def run_cell(self, code, timeout=TIMEOUT):
        self.flush_channels()
        return self.execute_helper(code=code, timeout=timeout)

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
