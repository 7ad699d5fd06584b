#!/usr/bin/env python3
"""bench.py -- compare `asyncscope run` with `python3` on compute-bound programs.

Usage:
    python3 bench/bench.py [--asyncscope PATH] [--python PATH] [--runs N] [PROGRAM.py ...]

Runs every program (default: bench/programs/*.py) with both interpreters,
--runs times each (default 3), and prints, for the best (fastest) run of each:
wall time, peak resident memory (the child's ru_maxrss from os.wait4) and the
asyncscope/python3 ratios. It also checks that both printed the same stdout
and exited with status 0; a mismatch is flagged in the table (and the exit
status of bench.py is 1), since a fast wrong answer is worth nothing.

This is a benchmark program, not a test: timings depend on the machine.
Build asyncscope first (scripts/build.sh); the default binary is build/asyncscope.
"""

import argparse
import os
import selectors
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run_best(command, cwd, runs):
    best = None
    for _ in range(runs):
        result = run_child(command, cwd)
        if best is None or result[0] < best[0]:
            best = result
    return best


def run_child(command, cwd):
    """Runs `command` in `cwd`, reaping it with os.wait4 so that ru_maxrss is the
    child's own peak. Returns (wall seconds, peak RSS in KiB, exit status, stdout, stderr,
    CPU seconds: user + system of the child and the children it reaped)."""
    start = time.perf_counter()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.chdir(cwd)
            devnull = os.open(os.devnull, os.O_RDONLY)
            os.dup2(devnull, 0)
            os.dup2(out_w, 1)
            os.dup2(err_w, 2)
            for fd in (out_r, out_w, err_r, err_w, devnull):
                os.close(fd)
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    os.close(out_w)
    os.close(err_w)
    chunks = {out_r: [], err_r: []}
    selector = selectors.DefaultSelector()
    for fd in chunks:
        selector.register(fd, selectors.EVENT_READ)
    while selector.get_map():
        for key, _ in selector.select():
            data = os.read(key.fd, 65536)
            if data:
                chunks[key.fd].append(data)
            else:
                selector.unregister(key.fd)
                os.close(key.fd)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    return (elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status),
            b"".join(chunks[out_r]), b"".join(chunks[err_r]), usage.ru_utime + usage.ru_stime)


# What bench.py and asyncio_bench.py share besides run_child: the two
# interpreters' options, the programs to run, the check that asyncscope is built
# and the look of the tables.

def add_interpreter_options(parser):
    """--asyncscope PATH and --python PATH, the two programs compared."""
    parser.add_argument("--asyncscope", default=os.path.join(ROOT, "build", "asyncscope"))
    parser.add_argument("--python", default="python3")


def programs_to_run(named, folder):
    """The programs named on the command line, else every *.py in `folder` (beside this file), sorted."""
    return named or sorted(
        os.path.join(HERE, folder, name)
        for name in os.listdir(os.path.join(HERE, folder)) if name.endswith(".py"))


def require_built(asyncscope, program):
    if not os.access(asyncscope, os.X_OK):
        sys.exit(f"{program}: {asyncscope} is not built; run scripts/build.sh first")


def print_table_header(header):
    print(header)
    print("-" * len(header))


def last_line(stderr):
    """The last line a child wrote to stderr (its error message), or ""."""
    return (stderr.decode(errors="replace").strip().splitlines() or [""])[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_interpreter_options(parser)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("programs", nargs="*")
    args = parser.parse_args()

    programs = programs_to_run(args.programs, "programs")
    require_built(args.asyncscope, "bench.py")

    header = (f"{'program':<22} {'python3 s':>10} {'asyncscope s':>13} {'time x':>7}"
              f" {'python3 MiB':>12} {'asyncscope MiB':>15} {'mem x':>6}  check")
    print(f"best of {args.runs} runs; peak RSS from os.wait4 (ru_maxrss)")
    print_table_header(header)
    all_ok = True
    for program in programs:
        cwd = os.path.dirname(os.path.abspath(program))
        name = os.path.basename(program)
        py = run_best([args.python, name], cwd, args.runs)
        ours = run_best([args.asyncscope, "run", name], cwd, args.runs)
        if ours[2] != 0:
            check = f"asyncscope exit {ours[2]}: {last_line(ours[4])}"
        elif py[2] != 0:
            check = f"python3 exit {py[2]}"
        elif ours[3] != py[3]:
            check = "OUTPUT DIFFERS"
        else:
            check = "same output"
        all_ok = all_ok and check == "same output"
        print(f"{name:<22} {py[0]:>10.2f} {ours[0]:>13.2f} {ours[0] / py[0]:>7.2f}"
              f" {py[1] / 1024:>12.1f} {ours[1] / 1024:>15.1f} {ours[1] / py[1]:>6.2f}  {check}")
        sys.stdout.flush()
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
