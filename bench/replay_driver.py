"""A stand-in for `python -m trt_pte` used only by bench/publish: `versions` runs the real driver;
`export` hard-links a prepared .pte into the output folder and writes the result file, so the
action's own work (everything but the export) can be timed on a .pte of any size. It appends the
seconds it spent to $BENCH_EXPORT_LOG so the benchmark can subtract them.

    python bench/replay_driver.py -m trt_pte (versions | export --request R --result S)
"""

from __future__ import annotations

import json
import os
import sys
import time


def export(request_path: str, result_path: str) -> None:
    started = time.perf_counter()
    with open(request_path, encoding="utf-8") as f:
        request = json.load(f)
    source = os.environ["BENCH_PTE"]
    name = f"{request['output_name']}.pte"
    os.makedirs(request["output_dir"], exist_ok=True)
    os.link(source, os.path.join(request["output_dir"], name))
    from trt_pte.deps import versions

    result = {
        "protocol": 1,
        "status": "ok",
        "driver_version": "bench",
        "target": request["target"],
        "versions": versions(),
        "files": [
            {"name": name, "kind": "pte", "bytes": os.path.getsize(source), "sha256": os.environ["BENCH_PTE_SHA256"]}
        ],
        "partition": {"undelegated": 1},
        "accuracy": {
            "status": "skipped",
            "against": "executorch runtime",
            "reason": "benchmark",
            "tolerance": None,
            "points": [],
            "max_abs": 0,
            "max_rel": 0,
            "passed": None,
        },
        "timings": {},
        "details": {},
        "inputs": [],
    }
    with open(result_path, "w", encoding="utf-8") as f:
        json.dump(result, f)
    with open(os.environ["BENCH_EXPORT_LOG"], "a", encoding="utf-8") as f:
        f.write(f"{time.perf_counter() - started}\n")


def main(argv: list[str]) -> None:
    if argv[:3] == ["-m", "trt_pte", "export"]:
        export(argv[argv.index("--request") + 1], argv[argv.index("--result") + 1])
    else:
        os.execv(sys.executable, [sys.executable, *argv])


if __name__ == "__main__":
    main(sys.argv[1:])
