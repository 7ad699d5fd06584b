#!/usr/bin/env python3
"""asyncio_bench.py -- compare `asyncscope run` with CPython on asyncio programs.

Usage:
    python3 bench/asyncio_bench.py [--asyncscope PATH] [--python PATH] [--vloop PATH]
                                   [--runs N] [--no-record] [SCENARIO.py ...]

Runs every scenario (default: bench/asyncio/*.py) as a whole process under
both, --runs times each (default 3):

  asyncscope:  asyncscope run --record --max-steps 0 SCENARIO.py
               (--record keeps the event trace in memory, as the window does;
               if the binary does not know --record yet, or with --no-record,
               plain `run` is used and the table says "record: no")
  CPython:     python3 vloop.py --timeout 0 SCENARIO.py
               (the same program on a virtual clock: ../shared/conformance/asyncio/
               vloop.py beside the repository when it is there, else the copy in
               tests/tools/vloop.py)

and prints, per scenario, the median wall time and the median CPU time
(user + system) of each, their ratios (asyncscope / CPython: below 1 means
asyncscope is faster), and the median peak resident memory (ru_maxrss of the
reaped process, from os.wait4) with its ratio. Both must print the same output
and exit with the same status; a difference is flagged in the last column and
makes the exit status of this program 1.

This is a benchmark program, not a test: timings depend on the machine and on
its load. Build asyncscope first (scripts/build.sh); the default binary is
build/asyncscope.
"""

import argparse
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

# run_child: (wall s, peak KiB, exit, stdout, stderr, cpu s) of one reaped child
from bench import (add_interpreter_options, last_line, print_table_header, programs_to_run,  # noqa: E402
                   require_built, run_child)


def default_vloop():
    shared = os.path.join(os.path.dirname(ROOT), "shared", "conformance", "asyncio", "vloop.py")
    return shared if os.path.exists(shared) else os.path.join(ROOT, "tests", "tools", "vloop.py")


def supports_record(asyncscope):
    """True when `asyncscope run --record` is known to this binary."""
    probe = subprocess.run([asyncscope, "run", "--help"], capture_output=True, text=True)
    return "--record" in probe.stdout + probe.stderr


def measure(command, cwd, runs):
    """Runs `command` `runs` times; returns the medians and the last run's result."""
    results = [run_child(command, cwd) for _ in range(runs)]
    last = results[-1]
    return {
        "wall": statistics.median(r[0] for r in results),
        "cpu": statistics.median(r[5] for r in results),
        "peak": statistics.median(r[1] for r in results) / 1024,
        "status": last[2],
        "out": last[3],
        "err": last[4],
        "stable": all(r[2] == last[2] and r[3] == last[3] for r in results),
    }


def check(ours, py):
    if not ours["stable"] or not py["stable"]:
        return "RUNS DIFFER"
    if ours["status"] != py["status"]:
        return f"EXIT {ours['status']} vs {py['status']} {last_line(ours['err'])}".rstrip()
    # vloop merges the program's stdout and stderr into one stream.
    if ours["out"] + ours["err"] != py["out"]:
        return "OUTPUT DIFFERS"
    return "same output"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_interpreter_options(parser)
    parser.add_argument("--vloop", default=default_vloop())
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-record", action="store_true",
                        help="time asyncscope without trace recording (to tell the trace's cost apart)")
    parser.add_argument("scenarios", nargs="*")
    args = parser.parse_args()

    scenarios = programs_to_run(args.scenarios, "asyncio")
    require_built(args.asyncscope, "asyncio_bench.py")
    record = not args.no_record and supports_record(args.asyncscope)
    ours_cmd = [args.asyncscope, "run"] + (["--record"] if record else []) + ["--max-steps", "0"]
    py_cmd = [args.python, os.path.abspath(args.vloop), "--timeout", "0"]

    print(f"median of {args.runs} runs; asyncscope: {' '.join(os.path.basename(c) if i == 0 else c for i, c in enumerate(ours_cmd))}"
          f" (record: {'yes' if record else 'no'}); CPython: {os.path.relpath(args.vloop)}")
    print("time x, cpu x, mem x: asyncscope / CPython (below 1: asyncscope is faster or smaller)")
    header = (f"{'scenario':<26} {'ascope s':>9} {'python s':>9} {'time x':>7}"
              f" {'ascope cpu':>11} {'python cpu':>11} {'cpu x':>6}"
              f" {'ascope MB':>10} {'python MB':>10} {'mem x':>6}  check")
    print_table_header(header)
    all_ok = True
    for scenario in scenarios:
        cwd = os.path.dirname(os.path.abspath(scenario))
        name = os.path.basename(scenario)
        ours = measure(ours_cmd + [name], cwd, args.runs)
        py = measure(py_cmd + [name], cwd, args.runs)
        verdict = check(ours, py)
        all_ok = all_ok and verdict == "same output"
        if not record:
            verdict += " (record: no)"
        print(f"{name[:-3]:<26} {ours['wall']:>9.2f} {py['wall']:>9.2f} {ours['wall'] / py['wall']:>7.2f}"
              f" {ours['cpu']:>11.2f} {py['cpu']:>11.2f} {ours['cpu'] / py['cpu']:>6.2f}"
              f" {ours['peak']:>10.1f} {py['peak']:>10.1f} {ours['peak'] / py['peak']:>6.2f}  {verdict}")
        sys.stdout.flush()
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
