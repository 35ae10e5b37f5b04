"""What running, checking and timing the .pte adds to an export of the example model on CPU.

    .venv/bin/python bench/run_and_time.py [--target xnnpack] [--benchmark-seconds 10]
    .venv/bin/python bench/run_and_time.py --smoke     (the test command: a 1-second budget)

One driver run (as the action starts it: the bootstrap script) of examples/cos_block.py:build; its own stage timings
split it into the export alone (load_model, export, lower, write) and what this project adds after
it (accuracy: loading the .pte in ExecuTorch's runtime and comparing with eager; run: determinism,
latency against eager, memory). Prints both in seconds and their ratio, and fails (exit 1) when
the `run` stage overran its budget `benchmark-seconds` by more than the slack below.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXPORT_STAGES = ("load_model", "export", "lower", "write")
ADDED_STAGES = ("accuracy", "run")
# Determinism's three runs and the memory read come on top of the benchmark's share of the budget.
SLACK_S = 1.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", default="xnnpack", choices=("xnnpack", "portable"))
    parser.add_argument("--benchmark-seconds", type=float, default=10.0)
    parser.add_argument("--smoke", action="store_true", help="a 1-second benchmark budget")
    args = parser.parse_args()
    if args.smoke:
        args.benchmark_seconds = 1.0

    scratch = Path(tempfile.mkdtemp(prefix="trt-pte-bench-"))
    try:
        workspace = scratch / "ws"
        shutil.copytree(REPO / "examples", workspace / "examples")
        request = {
            "protocol": 1,
            "model": "examples/cos_block.py:build",
            "workspace": str(workspace),
            "target": args.target,
            "output_dir": str(workspace / "out"),
            "output_name": "model",
            "inputs": [],
            "benchmark_seconds": args.benchmark_seconds,
        }
        (scratch / "request.json").write_text(json.dumps(request))
        driver = REPO / "src" / "python" / "trt_pte_driver.py"
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, str(driver), "export", "--request", "request.json", "--result", "result.json"],
            cwd=scratch,
            check=False,
            stdout=subprocess.DEVNULL,
        )
        wall = time.perf_counter() - started
        result = json.loads((scratch / "result.json").read_text())
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if result["status"] != "ok":
        print(f"the export failed: {result['error']['message']}", file=sys.stderr)
        return 2
    timings = result["timings"]
    export_s = sum(timings[s] for s in EXPORT_STAGES)
    added_s = sum(timings[s] for s in ADDED_STAGES)
    runs = [p["built"]["runs"] for p in (result["benchmark"] or {"points": []})["points"]]
    print(f"target {args.target}, budget {args.benchmark_seconds:g} s, driver wall {wall:.1f} s")
    print(f"export alone (load, export, lower, write): {export_s:.2f} s")
    print(f"added (accuracy {timings['accuracy']:.2f} s + run {timings['run']:.2f} s): {added_s:.2f} s")
    print(f"ratio added / export alone: {added_s / export_s:.2f}; timed runs per point: {runs}")
    if timings["run"] > args.benchmark_seconds + SLACK_S:
        over = f"the run stage took {timings['run']:.2f} s, over its budget {args.benchmark_seconds:g} s"
        print(over, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
