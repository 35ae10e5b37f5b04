"""How far the latency a pull request shows can be trusted: the old method (eager, then built, each
for half the budget, ratio of the two medians; a gate comparing medians from two runs) against the
driver's paired rounds (src/python/trt_pte/benchmark.py: interleaved rounds, 95% intervals, the base
build's .pte timed in the same process), on a small conv net (xnnpack, float32[4,3,64,64]).

    .venv/bin/python bench/latency.py [--budget 4] [--runs 5] [--builds 20] [--smoke]

Every measurement is a fresh process, as each CI job is. Prints, old against new:
1. the speedup over `--runs` fresh runs, and max/min of them (goal for the new: <= 1.10);
2. a 10% `max-latency-increase` gate on `--builds` unchanged pull-request builds: how many trip
   (goal 0);
3. the same gate on `--builds` builds of a model with 50% more compute: how many trip (goal all);
4. the wall time of the benchmark stage against its budget, and what the base build's side adds.
`--smoke` runs a tiny size in one process (seconds): it proves the script runs, not the numbers.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src" / "python"))

GATE = 0.10  # max-latency-increase: 10%
GOAL_SPREAD = 1.10


def build_model(heavier: bool) -> Any:
    """A small conv net; `heavier` adds a 3x3 and a 1x1 conv of 16 channels: 50.8% more
    multiply-adds per pixel (3*16*9 + 2 * 16*16*9 = 5040 → + 16*16*9 + 16*16 = 7600)."""
    import torch

    torch.manual_seed(0)
    layers: list[Any] = [torch.nn.Conv2d(3, 16, 3, padding=1), torch.nn.ReLU()]
    for _ in range(2):
        layers += [torch.nn.Conv2d(16, 16, 3, padding=1), torch.nn.ReLU()]
    if heavier:
        layers += [torch.nn.Conv2d(16, 16, 3, padding=1), torch.nn.ReLU(), torch.nn.Conv2d(16, 16, 1)]
    return torch.nn.Sequential(*layers).eval()


def write_pte(heavier: bool, shape: tuple[int, ...], out: Path) -> str:
    import torch
    from executorch.backends.xnnpack.partition.xnnpack_partitioner import XnnpackPartitioner
    from executorch.exir import to_edge_transform_and_lower

    exported = torch.export.export(build_model(heavier), (torch.randn(*shape),), strict=False)
    program = to_edge_transform_and_lower(exported, partitioner=[XnnpackPartitioner()]).to_executorch()
    out.write_bytes(program.buffer)
    return str(out)


def _context(shape: tuple[int, ...], heavier: bool, base: str | None) -> Any:
    from trt_pte.context import ExportContext
    from trt_pte.protocol import Dim, InputSpec, parse_request

    request = parse_request(
        {
            "protocol": 1,
            "model": "bench",
            "workspace": str(REPO),
            "target": "xnnpack",
            "output_dir": "/nonexistent",
            "output_name": "bench",
            "base_build": None if base is None else {"pte": base, "ptd": [], "sha256": "0" * 64},
        }
    )
    specs = (InputSpec(None, "float32", tuple(Dim(None, n, n, n) for n in shape)),)
    return ExportContext(request, build_model(heavier), (), {}, specs, None, None)


def measure_new(pte: str, base: str, heavier: bool, shape: tuple[int, ...], budget: float) -> dict[str, Any]:
    """The driver's own path: ExecuTorch's runtime runs the .pte, the base build loads beside it."""
    from trt_pte import benchmark, execution
    from trt_pte.export import benchmark_subjects
    from trt_pte.targets import TargetOutcome

    ctx = _context(shape, heavier, base)
    ran = execution.cpu_execution(ctx, TargetOutcome(pte=pte))
    started = time.perf_counter()
    bench = benchmark.run(ctx, benchmark_subjects(ctx, ran, lambda _line: None), budget, set_threads=ran.set_threads)
    wall = time.perf_counter() - started
    [p] = bench.points
    assert p.base is not None and p.base.change is not None, bench.to_json()
    c = p.base.change
    return {
        "speedup": p.speedup,
        "speedup_ci": [p.ratio.low, p.ratio.high],
        "noisy": p.noise is not None,
        "change": [c.estimate, c.low, c.high],
        "rounds": p.ratio.rounds,
        "wall_s": wall,
    }


def old_time_calls(fn: Any, budget_s: float) -> float:
    """The method before paired rounds: 3 warm-up calls, then one timed call after another until
    the budget is spent (at most 1000); the median."""
    deadline = time.perf_counter() + budget_s
    for _ in range(3):
        fn()
        if time.perf_counter() > deadline:
            break
    samples: list[float] = []
    while not samples or (time.perf_counter() < deadline and len(samples) < 1000):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000.0)
    return statistics.median(samples)


def measure_old(pte: str, heavier: bool, shape: tuple[int, ...], budget: float) -> dict[str, Any]:
    import torch

    from trt_pte import execution
    from trt_pte.example_inputs import make_tensors
    from trt_pte.targets import TargetOutcome

    ctx = _context(shape, heavier, None)
    ran = execution.cpu_execution(ctx, TargetOutcome(pte=pte))
    assert ran.timed is not None and ran.set_threads is not None
    ran.set_threads(torch.get_num_threads())
    args, kwargs = make_tensors(ctx.specs, "opt", 7)
    started = time.perf_counter()
    with torch.no_grad():
        eager = old_time_calls(lambda: ctx.module(*args), budget / 2)
        timed = ran.timed
        built = old_time_calls(lambda: timed(args, kwargs), budget / 2)
    return {"speedup": eager / built, "built_ms": built, "wall_s": time.perf_counter() - started}


def worker(argv: list[str]) -> None:
    raw = json.loads(argv[0])
    shape = tuple(raw["shape"])
    if raw["method"] == "new":
        out = measure_new(raw["pte"], raw["base"], raw["heavier"], shape, raw["budget"])
    else:
        out = measure_old(raw["pte"], raw["heavier"], shape, raw["budget"])
    print(json.dumps(out))


class Runner:
    """Runs each measurement in a fresh process (or, for --smoke, in this one)."""

    def __init__(self, fresh: bool, shape: tuple[int, ...], budget: float) -> None:
        self.fresh, self.shape, self.budget = fresh, shape, budget

    def __call__(self, method: str, pte: str, heavier: bool, base: str | None = None) -> dict[str, Any]:
        job: dict[str, Any] = {"method": method, "pte": pte, "base": base, "heavier": heavier}
        job.update(shape=self.shape, budget=self.budget)
        if not self.fresh:
            if method == "new":
                assert base is not None
                return measure_new(pte, base, heavier, self.shape, self.budget)
            return measure_old(pte, heavier, self.shape, self.budget)
        proc = subprocess.run(
            [sys.executable, __file__, "--worker", json.dumps(job)], capture_output=True, text=True, check=False
        )
        if proc.returncode != 0:
            raise SystemExit(f"a measurement failed:\n{proc.stderr[-3000:]}")
        return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def spread(values: list[float]) -> float:
    return max(values) / min(values)


def measure_all(args: argparse.Namespace, shape: tuple[int, ...]) -> dict[str, Any]:
    """Every measurement: old and new, on unchanged builds and on the heavier model."""
    run = Runner(not args.smoke, shape, args.budget)
    with tempfile.TemporaryDirectory(prefix="bench-latency-") as scratch:
        folder = Path(scratch)
        base = write_pte(False, shape, folder / "base.pte")
        # The unchanged pull request's own build (the smoke size reuses the base's: one lowering less).
        same = base if args.smoke else write_pte(False, shape, folder / "same.pte")
        heavy = write_pte(True, shape, folder / "heavy.pte")
        started = time.perf_counter()
        results: dict[str, Any] = {
            "old_base": run("old", base, False),
            "old_same": [run("old", same, False) for _ in range(args.builds)],
            "old_heavy": [run("old", heavy, True) for _ in range(args.builds)],
            "new_same": [run("new", same, False, base) for _ in range(args.builds)],
            "new_heavy": [run("new", heavy, True, base) for _ in range(args.builds)],
        }
        results["elapsed"] = time.perf_counter() - started
    return results


def print_speedups(runs: int, old: list[dict[str, Any]], new: list[dict[str, Any]]) -> None:
    old_speedups = [r["speedup"] for r in old[:runs]]
    new_speedups = [r["speedup"] for r in new[:runs]]
    print(f"\n1. speedup (eager / built) over {len(old_speedups)} fresh runs")
    print(f"   old, ratio of medians:       {' '.join(f'{s:.2f}' for s in old_speedups)}")
    print(f"      max/min {spread(old_speedups):.2f}")
    cis = " ".join(f"{r['speedup']:.2f} ({r['speedup_ci'][0]:.2f}-{r['speedup_ci'][1]:.2f})" for r in new[:runs])
    print(f"   new, paired rounds (95% CI): {cis}")
    print(f"      max/min {spread(new_speedups):.2f} (goal <= {GOAL_SPREAD:.2f})")


def new_verdicts(results: list[dict[str, Any]]) -> tuple[int, int]:
    """Tripped (the interval's low end above +10%) and could not tell (the interval straddles it)."""
    tripped = sum(r["change"][1] - 1 > GATE for r in results)
    unclear = sum(r["change"][1] - 1 <= GATE < r["change"][2] - 1 for r in results)
    return tripped, unclear


def print_gates(n: int, r: dict[str, Any]) -> None:
    def old_trips(results: list[dict[str, Any]]) -> int:
        return sum(x["built_ms"] / r["old_base"]["built_ms"] - 1 > GATE for x in results)

    same_tripped, same_unclear = new_verdicts(r["new_same"])
    heavy_tripped, heavy_unclear = new_verdicts(r["new_heavy"])
    changes = [x["change"][0] for x in r["new_heavy"]]
    print(f"\n2. a 10% max-latency-increase gate on {n} unchanged pull-request builds (false positives)")
    print(f"   old, built medians of two runs:   {old_trips(r['old_same'])} of {n} tripped")
    print(f"   new, same job, 95% CI above +10%: {same_tripped} of {n} tripped (goal 0), {same_unclear} could not tell")
    print(f"\n3. the same gate on {n} builds with 50% more compute (detection)")
    print(f"   old: {old_trips(r['old_heavy'])} of {n} tripped")
    print(
        f"   new: {heavy_tripped} of {n} tripped (goal {n}), {heavy_unclear} could not tell; "
        f"measured change median {statistics.median(changes):.2f}x"
    )


def print_wall(args: argparse.Namespace, r: dict[str, Any]) -> None:
    old_wall = statistics.median(x["wall_s"] for x in r["old_same"])
    new_wall = statistics.median(x["wall_s"] for x in r["new_same"])
    rounds = statistics.median(x["rounds"] for x in r["new_same"])
    print(f"\n4. wall time of the benchmark stage (budget {args.budget:g} s, median over {args.builds} runs)")
    print(f"   old {old_wall:.2f} s, new {new_wall:.2f} s with the base build as a third side")
    print(f"   ratio new / old: {new_wall / old_wall:.2f}; {rounds:.0f} paired rounds per run")
    print(f"   whole script: {r['elapsed']:.0f} s of measuring")


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--worker":
        worker(sys.argv[2:])
        return 0
    parser = argparse.ArgumentParser()
    parser.add_argument("--budget", type=float, default=4.0, help="benchmark-seconds of each run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--builds", type=int, default=20)
    parser.add_argument("--smoke", action="store_true", help="a tiny size in one process, in seconds")
    args = parser.parse_args()
    shape = (4, 3, 64, 64)
    if args.smoke:
        args.budget, args.runs, args.builds, shape = 0.5, 2, 2, (1, 3, 8, 8)
    import torch

    print(
        f"latency bench: conv net float32{list(shape)}, xnnpack, {torch.get_num_threads()} threads, "
        f"{args.budget:g} s benchmark budget per run, every run a fresh process"
        + (" (smoke size, one process: not the numbers)" if args.smoke else "")
    )
    results = measure_all(args, shape)
    print_speedups(args.runs, results["old_same"], results["new_same"])
    print_gates(args.builds, results)
    print_wall(args, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
