"""Latency of what ran against eager PyTorch, on the same device and inputs, after warm-up, within
a time budget. GPU runs are timed with CUDA events (they wait for the device); CPU runs with the
wall clock, both sides with the same number of threads."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .context import ExportContext, Runner
from .example_inputs import make_tensors, shapes_to_check

WARMUP = 3
MAX_RUNS = 1000


@dataclass
class Timing:
    median_ms: float
    p10_ms: float
    p90_ms: float
    runs: int

    def to_json(self) -> dict[str, Any]:
        return {"median_ms": self.median_ms, "p10_ms": self.p10_ms, "p90_ms": self.p90_ms, "runs": self.runs}


@dataclass
class Point:
    shape: str
    eager: Timing
    built: Timing

    @property
    def speedup(self) -> float | None:
        """Eager median / built median; None when the built median is too small to divide by."""
        return self.eager.median_ms / self.built.median_ms if self.built.median_ms > 0 else None

    def to_json(self) -> dict[str, Any]:
        return {
            "shape": self.shape,
            "eager": self.eager.to_json(),
            "built": self.built.to_json(),
            "speedup": self.speedup,
        }


@dataclass
class Benchmark:
    device: str
    budget_s: float
    built: str  # what was timed: a runtime running the .pte, or the compiled module
    threads: int | None
    points: list[Point] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "device": self.device,
            "budget_s": self.budget_s,
            "built": self.built,
            "threads": self.threads,
            "points": [p.to_json() for p in self.points],
        }


def summarize(samples_ms: list[float]) -> Timing:
    """Median and the 10th/90th percentiles (inclusive interpolation, so p10 <= median <= p90)."""
    if len(samples_ms) == 1:
        only = samples_ms[0]
        return Timing(only, only, only, 1)
    deciles = statistics.quantiles(samples_ms, n=10, method="inclusive")
    return Timing(statistics.median(samples_ms), deciles[0], deciles[-1], len(samples_ms))


def _timer(device: Any) -> Callable[[Callable[[], Any]], float]:
    """Milliseconds for one call of fn, waiting for the device on a GPU."""
    if device is None:

        def wall(fn: Callable[[], Any]) -> float:
            started = time.perf_counter()
            fn()
            return (time.perf_counter() - started) * 1000.0

        return wall
    import torch

    def events(fn: Callable[[], Any]) -> float:
        start = torch.cuda.Event(enable_timing=True)
        end = torch.cuda.Event(enable_timing=True)
        start.record()
        fn()
        end.record()
        end.synchronize()
        return float(start.elapsed_time(end))

    return events


def time_calls(fn: Callable[[], Any], budget_s: float, device: Any) -> Timing:
    """Warm-up, then one timed call after another until the budget is spent (at least one)."""
    one = _timer(device)
    deadline = time.perf_counter() + budget_s
    for _ in range(WARMUP):
        fn()
        if time.perf_counter() > deadline:
            break
    samples: list[float] = []
    while not samples or (time.perf_counter() < deadline and len(samples) < MAX_RUNS):
        samples.append(one(fn))
    return summarize(samples)


def _bind(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Callable[[], Any]:
    return lambda: fn(*args, **kwargs)


def run(
    ctx: ExportContext,
    built: Runner,
    built_label: str,
    budget_s: float,
    *,
    set_threads: Callable[[int], None] | None = None,
    device_name: str = "cpu",
) -> Benchmark:
    """Eager and `built` at opt (static inputs) or at min, opt and max (dynamic ones), the budget
    shared equally between the points and the two sides."""
    import torch

    points = shapes_to_check(ctx.specs)
    threads: int | None = None
    if ctx.device is None:
        threads = torch.get_num_threads()
        if set_threads is not None:
            set_threads(threads)  # ExecuTorch's threadpool gets as many threads as eager PyTorch uses
    share = budget_s / (2 * len(points))
    bench = Benchmark(device_name, budget_s, built_label, threads)
    with torch.no_grad():
        for offset, which in enumerate(points):
            args, kwargs = make_tensors(ctx.specs, which, 7 + offset)
            if ctx.device is not None:
                args = tuple(a.to(ctx.device) for a in args)
                kwargs = {k: v.to(ctx.device) for k, v in kwargs.items()}
            eager = time_calls(_bind(ctx.module, args, kwargs), share, ctx.device)
            timed = time_calls(_bind(lambda *a, **k: built(a, k), args, kwargs), share, ctx.device)
            bench.points.append(Point(which, eager, timed))
    return bench
