#!/usr/bin/python3
"""Start to first executed cell, A/B: alternates starts of two installed kernelspecs (A, B, A, B, ...) and reports
each one's median and 95th percentile, with the load average before and after.

Why alternate: this 2-core machine is shared with training runs and builds whose load changes by the minute, so
two runs one after the other measure the load as much as the kernel; alternating starts exposes both kernels to the
same load. Each start is one cycle of environment/kernel-soak.py (start, kernel_info, one cell, shutdown).

    /usr/bin/python3 environment/kernel-start-ab.py --a mri-workbench-nocds --b mri-workbench --starts 20
"""
import argparse
import importlib.util
import json
import os
import statistics
import sys

_spec = importlib.util.spec_from_file_location("kernel_soak", os.path.join(os.path.dirname(__file__), "kernel-soak.py"))
soak = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(soak)


def p95(xs):
    xs = sorted(xs)
    return xs[max(0, int(0.95 * len(xs)) - 1)]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--a", required=True, help="kernelspec name A (e.g. without the change)")
    p.add_argument("--b", required=True, help="kernelspec name B (e.g. with the change)")
    p.add_argument("--starts", type=int, default=20, help="starts of each kernel (default 20)")
    p.add_argument("--timeout", type=float, default=60.0)
    p.add_argument("--json", help="also write every start's timings here")
    args = p.parse_args()

    load_before = os.getloadavg()
    rows = []
    for i in range(args.starts):
        for name in ((args.a, args.b) if i % 2 == 0 else (args.b, args.a)):
            outcome, phases = soak.one_cycle(name, args.timeout)
            rows.append({"kernel": name, "outcome": outcome, "load1": round(os.getloadavg()[0], 2),
                         **{k: round(v, 3) for k, v in phases.items()}})
            print("[ab] %s: %s first cell %.2f s, %.2f s CPU (load %.1f)" % (
                name, outcome, phases.get("first_cell", -1), phases.get("first_cell_cpu", -1), os.getloadavg()[0]),
                flush=True)
    load_after = os.getloadavg()
    summary = {"load_before": [round(x, 2) for x in load_before], "load_after": [round(x, 2) for x in load_after],
               "load1_during_median": statistics.median(r["load1"] for r in rows)}
    for name in (args.a, args.b):
        ok = [r for r in rows if r["kernel"] == name and r["outcome"] == "ok"]
        fc = [r["first_cell"] for r in ok]
        summary[name] = {"starts": sum(1 for r in rows if r["kernel"] == name), "ok": len(ok),
                         "first_cell_median": round(statistics.median(fc), 2) if fc else None,
                         "first_cell_p95": round(p95(fc), 2) if fc else None,
                         "first_cell_cpu_median": round(statistics.median(r.get("first_cell_cpu", 0) for r in ok), 2)
                         if ok else None,
                         "ready_median": round(statistics.median(r["ready"] for r in ok), 2) if ok else None}
    print("[ab] " + json.dumps(summary))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"summary": summary, "starts": rows}, f, indent=1)
    return 0 if all(r["outcome"] == "ok" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
