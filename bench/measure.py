"""Runs a command and reports its wall time and peak RSS (from wait4), for bench/inspect.ts.

    python bench/measure.py COMMAND [ARG...]

Prints one JSON line: {"wall_s", "maxrss_kib", "exit", "stdout"}, with the command's stdout
captured; its stderr passes through.
"""

import json
import os
import subprocess
import sys
import time


def main() -> None:
    started = time.perf_counter()
    child = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE)
    assert child.stdout is not None
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    text = out.decode(errors="replace")
    print(json.dumps({"wall_s": wall, "maxrss_kib": usage.ru_maxrss, "exit": child.returncode, "stdout": text}))


if __name__ == "__main__":
    main()
