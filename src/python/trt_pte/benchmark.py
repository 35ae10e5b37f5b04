"""Latency of what ran against eager PyTorch, on the same device and inputs, within a time budget,
as paired rounds: each round calls every side once, back to back, in an order that rotates from
round to round, so what slows the machine for a moment slows every side of that round alike
(intervals.py says how the rounds become a speedup with its 95% interval). Every side gets the same
number of timed calls. GPU calls are timed with CUDA events (they wait for the device); CPU calls
with the wall clock, every side with the same number of threads.

The sides: `eager` (the PyTorch module), `built` (what ran the .pte), and where they exist `compiled`
(the compiled module, also timed when `built` pays for host↔device copies the compiled module does
not) and `base` (the base branch's .pte, in the same runtime, for the change this build makes)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import intervals
from .context import ExportContext, Runner
from .example_inputs import make_tensors, shape_at, shapes_to_check

# Warm-up: the first calls pay for lazy work (allocators, kernel choice, caches filled; one cold
# eager call can take 20 times a warm one). Rounds are discarded until every side's last two calls
# are within SETTLED of its fastest warm-up call (a side still getting faster has not settled):
# at least WARMUP_MIN rounds, and after those for at most WARMUP_SHARE of the point's budget.
WARMUP_MIN = 3
WARMUP_MAX = 100
WARMUP_SHARE = 0.25
SETTLED = 1.2
# Enough rounds to spend a budget on a model that takes microseconds, few enough to keep in memory.
MAX_ROUNDS = 20000


@dataclass
class Timing:
    median_ms: float
    p10_ms: float
    p90_ms: float
    runs: int
    # The 95% interval of the median (intervals.median_interval).
    median_ci: tuple[float, float]

    def to_json(self) -> dict[str, Any]:
        return {
            "median_ms": self.median_ms,
            "p10_ms": self.p10_ms,
            "p90_ms": self.p90_ms,
            "runs": self.runs,
            "median_ci": list(self.median_ci),
        }


def summarize(samples_ms: list[float]) -> Timing:
    """Median with its interval and the 10th/90th percentiles (inclusive interpolation, so p10 <=
    median <= p90)."""
    if len(samples_ms) == 1:
        only = samples_ms[0]
        return Timing(only, only, only, 1, (only, only))
    deciles = statistics.quantiles(samples_ms, n=10, method="inclusive")
    return Timing(
        statistics.median(samples_ms), deciles[0], deciles[-1], len(samples_ms), intervals.median_interval(samples_ms)
    )


def _ratio_json(ratio: intervals.Ratio | None) -> dict[str, Any] | None:
    if ratio is None:
        return None
    return {"ratio": ratio.estimate, "low": ratio.low, "high": ratio.high, "rounds": ratio.rounds}


def noise(ratio: intervals.Ratio, timings: dict[str, Timing]) -> str | None:
    """Why a ratio of two sides (named in `timings`) cannot be told apart from noise, or None."""
    if ratio.rounds < intervals.MIN_ROUNDS:
        return f"only {ratio.rounds} paired rounds (at least {intervals.MIN_ROUNDS} are needed)"
    if ratio.wide():
        return f"the 95% interval is wider than ±{intervals.NOISE_BOUND:.0%} of the ratio"
    for name, t in timings.items():
        s = intervals.spread(t.p10_ms, t.p90_ms)
        if s > intervals.SPREAD_BOUND:
            return f"{name}'s p90 is {s:.1f} times its p10 (bound {intervals.SPREAD_BOUND:g}): the machine was busy"
    return None


@dataclass
class Compiled:
    """The compiled module at one point, on device-resident inputs like eager."""

    timing: Timing
    # eager / compiled over the paired rounds.
    ratio: intervals.Ratio


@dataclass
class Base:
    """The base branch's .pte at one point, timed in the same rounds: `change` is built / base."""

    timing: Timing | None
    change: intervals.Ratio | None
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "timing": None if self.timing is None else self.timing.to_json(),
            "change": _ratio_json(self.change),
            "error": self.error,
        }


@dataclass
class Point:
    shape: str
    eager: Timing
    built: Timing
    # eager / built over the paired rounds, with its 95% interval.
    ratio: intervals.Ratio
    # Other shape points with the same concrete shapes, measured once with this one.
    same_as: list[str] = field(default_factory=list)
    compiled: Compiled | None = None
    base: Base | None = None

    @property
    def speedup(self) -> float:
        return self.ratio.estimate

    @property
    def noise(self) -> str | None:
        return noise(self.ratio, {"eager": self.eager, "built": self.built})

    def _compiled_json(self) -> dict[str, Any] | None:
        if self.compiled is None:
            return None
        c = self.compiled
        why = noise(c.ratio, {"eager": self.eager, "compiled": c.timing})
        return {
            "timing": c.timing.to_json(),
            "speedup": c.ratio.estimate,
            "speedup_ci": [c.ratio.low, c.ratio.high],
            "noisy": why is not None,
            "noise": why,
        }

    def to_json(self) -> dict[str, Any]:
        why = self.noise
        return {
            "shape": self.shape,
            "same_as": self.same_as,
            "eager": self.eager.to_json(),
            "built": self.built.to_json(),
            "speedup": self.speedup,
            "speedup_ci": [self.ratio.low, self.ratio.high],
            "rounds": self.ratio.rounds,
            "noisy": why is not None,
            "noise": why,
            "compiled": self._compiled_json(),
            "base": None if self.base is None else self.base.to_json(),
        }


@dataclass
class BaseBuild:
    """The base branch's .pte as the request names it, and whether it could be timed."""

    sha256: str
    status: str  # "timed" or "skipped"
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"sha256": self.sha256, "status": self.status, "reason": self.reason}


@dataclass
class Benchmark:
    device: str
    budget_s: float
    built: str  # what was timed: a runtime running the .pte, or the compiled module
    threads: int | None
    points: list[Point] = field(default_factory=list)
    # What a `built` call pays for beyond the program (host↔device copies), or None.
    built_includes: str | None = None
    # What `compiled` is when it was timed too, else None.
    compiled: str | None = None
    base: BaseBuild | None = None
    warmup_rounds: int = 0
    # Shape points whose smaller shape is slower beyond the noise ("eager at min ... max").
    shape_flags: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "method": "paired",
            "device": self.device,
            "budget_s": self.budget_s,
            "built": self.built,
            "built_includes": self.built_includes,
            "compiled": self.compiled,
            "threads": self.threads,
            "warmup_rounds": self.warmup_rounds,
            "points": [p.to_json() for p in self.points],
            "base": None if self.base is None else self.base.to_json(),
            "shape_flags": self.shape_flags,
        }


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


@dataclass
class Side:
    name: str
    call: Callable[[], Any]
    samples: list[float] = field(default_factory=list)


def _order(sides: list[Side], round_number: int) -> list[Side]:
    """Round r starts with side r mod k: each side comes first, second, ... equally often."""
    k = round_number % len(sides)
    return sides[k:] + sides[:k]


def paired_rounds(sides: list[Side], budget_s: float, timer: Callable[[Callable[[], Any]], float]) -> int:
    """Warm-up rounds, then timed rounds until the budget is spent (at least one, at most
    MAX_ROUNDS); fills each side's samples and returns how many warm-up rounds were discarded."""
    started = time.perf_counter()
    deadline = started + budget_s
    fastest = {s.name: float("inf") for s in sides}
    previous = dict(fastest)
    warmup = 0
    while warmup < WARMUP_MAX:
        settled = True
        for side in _order(sides, warmup):
            newest = timer(side.call)
            fastest[side.name] = min(fastest[side.name], newest)
            limit = SETTLED * fastest[side.name]
            settled = settled and newest <= limit and previous[side.name] <= limit
            previous[side.name] = newest
        warmup += 1
        # WARMUP_MIN rounds whatever the budget: a cold call must never be a timed one.
        if warmup >= WARMUP_MIN and (settled or time.perf_counter() - started > WARMUP_SHARE * budget_s):
            break
    rounds = 0
    while rounds < MAX_ROUNDS and (rounds == 0 or time.perf_counter() < deadline):
        for side in _order(sides, rounds):
            side.samples.append(timer(side.call))
        rounds += 1
    return warmup


def distinct_points(specs: Any) -> list[tuple[str, list[str]]]:
    """The shape points to time, each with the later points that have the same concrete shapes
    (`int64[1,s:2..32]` has OPT = MAX: max is opt, measured once)."""
    groups: list[tuple[str, list[str]]] = []
    seen: dict[tuple[tuple[int, ...], ...], int] = {}
    for which in shapes_to_check(specs):
        shapes = tuple(shape_at(s, which) for s in specs)
        if shapes in seen:
            groups[seen[shapes]][1].append(which)
        else:
            seen[shapes] = len(groups)
            groups.append((which, []))
    return groups


def shape_flags(points: list[Point]) -> list[str]:
    """A smaller shape that is slower than a larger one beyond both medians' intervals: warm-up
    that did not finish, or a kernel choice worth a look."""
    flags: list[str] = []
    for side in ("eager", "built"):
        for i, small in enumerate(points):
            for large in points[i + 1 :]:
                a: Timing = getattr(small, side)
                b: Timing = getattr(large, side)
                if a.median_ci[0] > b.median_ci[1]:
                    flags.append(
                        f"{side} at {small.shape} ({a.median_ms:.3g} ms) is slower than at the larger {large.shape} "
                        f"({b.median_ms:.3g} ms), beyond both medians' 95% intervals"
                    )
    return flags


@dataclass
class Subjects:
    """What is timed besides eager: `built`, and optionally the compiled module and the base .pte."""

    built: Runner
    built_label: str
    built_includes: str | None = None
    compiled: Runner | None = None
    compiled_label: str | None = None
    base: Runner | None = None
    base_sha256: str | None = None
    # Why the base .pte is not timed although the request named one.
    base_skipped: str | None = None


def _device_inputs(ctx: ExportContext, which: str, seed: int) -> tuple[tuple[Any, ...], dict[str, Any]]:
    args, kwargs = make_tensors(ctx.specs, which, seed)
    if ctx.device is not None:
        args = tuple(a.to(ctx.device) for a in args)
        kwargs = {k: v.to(ctx.device) for k, v in kwargs.items()}
    return args, kwargs


def _bind(fn: Runner, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Callable[[], Any]:
    return lambda: fn(args, kwargs)


def _try_base(base: Runner, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str | None:
    """None when the base .pte runs on these inputs, else why not."""
    from .errors import describe_exception

    try:
        base(args, kwargs)
    except Exception as exc:  # noqa: BLE001 - a base build with other inputs is not this build's fault
        return f"the base .pte does not run on these inputs ({describe_exception(exc)})"
    return None


def run(
    ctx: ExportContext,
    subjects: Subjects,
    budget_s: float,
    *,
    set_threads: Callable[[int], None] | None = None,
    device_name: str = "cpu",
) -> Benchmark:
    """Every side at opt (static inputs) or at min, opt and max (dynamic ones; points with the same
    shapes once), the budget shared equally between the points."""
    import torch

    groups = distinct_points(ctx.specs)
    threads: int | None = None
    if ctx.device is None:
        threads = torch.get_num_threads()
        if set_threads is not None:
            set_threads(threads)  # ExecuTorch's threadpool gets as many threads as eager PyTorch uses
    share = budget_s / len(groups)
    bench = Benchmark(
        device_name,
        budget_s,
        subjects.built_label,
        threads,
        built_includes=subjects.built_includes,
        compiled=subjects.compiled_label if subjects.compiled is not None else None,
    )
    if subjects.base_sha256 is not None:
        skipped = subjects.base_skipped or (None if subjects.base is not None else "nothing runs it here")
        bench.base = BaseBuild(subjects.base_sha256, "skipped" if skipped else "timed", skipped)
    timer = _timer(ctx.device)
    with torch.no_grad():
        for offset, (which, same_as) in enumerate(groups):
            args, kwargs = _device_inputs(ctx, which, 7 + offset)
            built, compiled, base = subjects.built, subjects.compiled, subjects.base
            sides = [
                Side("eager", _bind(lambda a, k: ctx.module(*a, **k), args, kwargs)),
                Side("built", _bind(built, args, kwargs)),
            ]
            if compiled is not None:
                sides.append(Side("compiled", _bind(compiled, args, kwargs)))
            base_error = None
            if base is not None and bench.base is not None and bench.base.status == "timed":
                base_error = _try_base(base, args, kwargs)
                if base_error is None:
                    sides.append(Side("base", _bind(base, args, kwargs)))
            bench.warmup_rounds += paired_rounds(sides, share, timer)
            bench.points.append(_point(which, same_as, sides, base_error))
    bench.shape_flags = shape_flags(bench.points)
    if bench.base is not None and bench.base.status == "timed":
        errors = [p.base.error for p in bench.points if p.base is not None and p.base.error is not None]
        if len(errors) == len(bench.points):  # it ran at no point: say why once
            bench.base = BaseBuild(bench.base.sha256, "skipped", errors[0])
    return bench


def _point(which: str, same_as: list[str], sides: list[Side], base_error: str | None) -> Point:
    by = {s.name: s.samples for s in sides}
    point = Point(
        which, summarize(by["eager"]), summarize(by["built"]), intervals.paired_ratio(by["eager"], by["built"]), same_as
    )
    if "compiled" in by:
        point.compiled = Compiled(summarize(by["compiled"]), intervals.paired_ratio(by["eager"], by["compiled"]))
    if "base" in by:
        point.base = Base(summarize(by["base"]), intervals.paired_ratio(by["built"], by["base"]))
    elif base_error is not None:
        point.base = Base(None, None, base_error)
    return point
