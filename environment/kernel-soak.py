#!/usr/bin/python3
"""Start-up reliability of the MRI Workbench kernel: N start -> execute -> shutdown cycles through jupyter_client,
each with a time limit, counting the cycles that hang.

Why: the kernel this project did not adopt (rapaio) hangs about one start in five, and the failure only shows
over many starts; a notebook server user sees it as a kernel that never becomes ready. The issue asks for 200
consecutive cycles without a hang, measured and reported, so this script is the measurement. It is not part of
the normal test run (200 cycles take several minutes).

A cycle: start the kernel process, wait for kernel_info (ready), run one cell and check its output, then ask the
kernel to shut down and wait for the process to exit. It counts as a hang when any step exceeds --timeout; a
shutdown that ends only because jupyter_client killed the process (the kernel did not exit by itself within
jupyter_client's grace period) is counted separately as unclean.

    /usr/bin/python3 environment/kernel-soak.py --jar target/mri-workbench.jar --cycles 200
    /usr/bin/python3 environment/kernel-soak.py --kernel-name mri-workbench     # an installed kernelspec

Uses Debian's /usr/bin/python3 (environment/install-deps.sh --jupyter installs jupyter_client there).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client import KernelManager

CODE = 'System.out.println("soak " + (6 * 7))'
EXPECTED = "soak 42"


def install_spec(args, prefix):
    """Registers the kernel under a temporary prefix with the jar's own 'kernel install', as a user would."""
    if args.jar:
        cmd = ["java", "-jar", os.path.abspath(args.jar)]
    else:
        cmd = ["java", "-cp", args.classpath, "org.mriworkbench.cli.Main"]
    cmd += ["kernel", "install", "--prefix", prefix, "--name", "mri-workbench-soak"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
    return "mri-workbench-soak"


def process_cpu_seconds(process):
    """User + system CPU seconds the process has used so far (Linux /proc), or None where that cannot be read."""
    try:
        with open("/proc/%d/stat" % process.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (AttributeError, OSError, ValueError, IndexError):
        return None


def one_cycle(kernel_name, timeout):
    """Runs one cycle; returns (outcome, seconds per phase). Outcome is 'ok', 'unclean' or 'hang: <where>'."""
    phases = {}
    km = KernelManager(kernel_name=kernel_name)
    kc = None
    t0 = time.monotonic()
    step = "start"
    try:
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        step = "ready"
        kc.wait_for_ready(timeout=timeout)
        phases["ready"] = time.monotonic() - t0
        step = "execute"
        out = []
        t1 = time.monotonic()
        reply = kc.execute_interactive(
            CODE, timeout=timeout,
            output_hook=lambda m: out.append(m["content"].get("text", "")) if m["msg_type"] == "stream" else None)
        phases["execute"] = time.monotonic() - t1
        phases["first_cell"] = time.monotonic() - t0  # start to first executed cell (JShell may start meanwhile)
        cpu = process_cpu_seconds(getattr(km.provisioner, "process", None))
        if cpu is not None:
            phases["first_cell_cpu"] = cpu  # the kernel's CPU time until then: what load cannot stretch
        if reply["content"]["status"] != "ok" or EXPECTED not in "".join(out):
            raise RuntimeError("wrong result: %r %r" % (reply["content"].get("status"), "".join(out)))
        step = "shutdown"
        kc.stop_channels()
        kc = None
        process = getattr(km.provisioner, "process", None)
        t2 = time.monotonic()
        km.shutdown_kernel(now=False)
        phases["shutdown"] = time.monotonic() - t2
        code = process.returncode if process is not None else 0
        outcome = "ok" if code == 0 else "unclean (exit %s)" % code
    except Exception as e:  # a timeout anywhere is a hang; anything else is reported with it
        outcome = "hang: %s (%s: %s)" % (step, type(e).__name__, str(e)[:120])
        try:
            if kc is not None:
                kc.stop_channels()
            km.shutdown_kernel(now=True)
        except Exception:
            pass
    phases["total"] = time.monotonic() - t0
    return outcome, phases


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--jar", help="the shaded workbench jar; a temporary kernelspec is installed for it")
    src.add_argument("--classpath", help="a classpath holding org.mriworkbench.cli.Main (no shaded jar needed)")
    src.add_argument("--kernel-name", help="an already installed kernelspec")
    p.add_argument("--cycles", type=int, default=200)
    p.add_argument("--timeout", type=float, default=60.0, help="seconds each step may take (default 60)")
    p.add_argument("--json", help="also write the summary and every cycle's timings here")
    args = p.parse_args()

    with tempfile.TemporaryDirectory(prefix="kernel-soak-") as prefix:
        name = args.kernel_name or install_spec(args, prefix)
        results = []
        started = time.monotonic()
        for i in range(1, args.cycles + 1):
            outcome, phases = one_cycle(name, args.timeout)
            results.append({"cycle": i, "outcome": outcome, **{k: round(v, 3) for k, v in phases.items()}})
            if outcome != "ok" or i % 10 == 0 or i == args.cycles:
                print("[soak] cycle %d/%d: %s (%.1f s)" % (i, args.cycles, outcome, phases["total"]), flush=True)
        elapsed = time.monotonic() - started

    totals = [r["total"] for r in results]
    hangs = [r for r in results if r["outcome"].startswith("hang")]
    unclean = [r for r in results if r["outcome"].startswith("unclean")]
    summary = {
        "kernel": name,
        "cycles": len(results),
        "hangs": len(hangs),
        "unclean_shutdowns": len(unclean),
        "seconds": round(elapsed, 1),
        "cycle_seconds": {
            "median": round(statistics.median(totals), 2),
            "p95": round(sorted(totals)[max(0, int(0.95 * len(totals)) - 1)], 2),
            "max": round(max(totals), 2),
        },
        "ready_seconds_median": round(statistics.median(r.get("ready", 0) for r in results), 2),
        "first_cell_seconds": {
            "median": round(statistics.median(r.get("first_cell", 0) for r in results), 2),
            "p95": round(sorted(r.get("first_cell", 0) for r in results)[max(0, int(0.95 * len(results)) - 1)], 2),
        },
        "shutdown_seconds_median": round(statistics.median(r.get("shutdown", 0) for r in results), 2),
        "timeout_per_step": args.timeout,
    }
    print("[soak] " + json.dumps(summary))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"summary": summary, "cycles": results}, f, indent=1)
    return 1 if hangs else 0


if __name__ == "__main__":
    sys.exit(main())
