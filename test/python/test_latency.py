"""Latency you can trust: the intervals with known answers, the paired rounds (order, equal counts,
warm-up), points with the same shapes timed once, shape series that contradict themselves, and the
benchmark on a real .pte in ExecuTorch's runtime, with the base branch's .pte timed beside it. The
statistics are fed fixed timings (a fake timer), so their answers are exact, never timed here."""

from __future__ import annotations

import itertools
import math
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from trt_pte import benchmark, execution, intervals
from trt_pte.benchmark import Side, Subjects
from trt_pte.context import ExportContext
from trt_pte.export import latency_log
from trt_pte.protocol import Dim, InputSpec, parse_request
from trt_pte.targets import TargetOutcome


def test_the_median_interval_ranks_are_the_sign_test_table() -> None:
    # Textbook values of the 95% sign-test interval [x_(k), x_(n+1-k)] (1-based k).
    assert intervals.median_ranks(5) is None  # 2 / 2^5 > 5%: no 95% interval exists
    assert intervals.median_ranks(6) == (0, 5)
    assert intervals.median_ranks(10) == (1, 8)
    assert intervals.median_ranks(20) == (5, 14)
    assert intervals.median_ranks(100) == (39, 60)
    # Above 1000 values the normal approximation takes over and agrees with the exact ranks.
    assert intervals.median_ranks(1000) == (468, 531)
    assert intervals.median_ranks(1001) == (468, 532)
    assert intervals.median_ranks(20000) == (9860, 10139)
    for n in range(6, 300):
        lo, hi = intervals.median_ranks(n) or (0, 0)
        k = lo + 1
        below = sum(math.comb(n, j) for j in range(k)) / 2**n
        assert below <= 0.025 < below + math.comb(n, k) / 2**n and hi == n - k


def test_identical_samples_give_an_interval_around_one() -> None:
    samples = [1.0 + 0.01 * math.sin(i) for i in range(50)]
    ratio = intervals.paired_ratio(samples, list(samples))
    assert ratio.estimate == 1.0 and ratio.low == 1.0 and ratio.high == 1.0 and not ratio.clear
    # The same distribution timed twice, round by round not identical: the interval still holds 1.
    shuffled = [samples[(i * 7) % 50] for i in range(50)]
    ratio = intervals.paired_ratio(samples, shuffled)
    assert ratio.low < 1.0 < ratio.high and not ratio.clear


def test_shifted_samples_give_an_interval_that_excludes_one() -> None:
    base = [1.0 + 0.02 * ((i * 37) % 11) for i in range(40)]
    slower = [t * 1.5 for t in base]
    ratio = intervals.paired_ratio(slower, base)
    assert ratio.estimate == pytest.approx(1.5) and ratio.clear and ratio.low > 1.0
    ratio = intervals.paired_ratio(base, slower)
    assert ratio.high < 1.0 and ratio.clear
    # A shift smaller than the round-to-round noise cannot be told: 1% on ±20%.
    noisy = [1.0 + 0.4 * ((i * 37) % 11) / 10 for i in range(40)]
    ratio = intervals.paired_ratio([t * 1.01 for t in noisy], [noisy[(i * 3) % 40] for i in range(40)])
    assert not ratio.clear


def _timing(values: list[float]) -> benchmark.Timing:
    return benchmark.summarize(values)


def test_too_few_rounds_a_wide_interval_or_a_busy_machine_is_noisy() -> None:
    steady = [1.0] * 40
    clear = intervals.paired_ratio([2.0] * 40, steady)
    assert benchmark.noise(clear, {"eager": _timing([2.0] * 40), "built": _timing(steady)}) is None
    few = intervals.paired_ratio([2.0] * 5, [1.0] * 5)
    assert (few.low, few.high) == (2.0, 2.0)  # fewer than 6: the range
    assert "only 5 paired rounds" in (benchmark.noise(few, {}) or "")
    eager = [2.0 * (1 + 2.0 * ((i * 7) % 10) / 10) for i in range(40)]
    wide = intervals.paired_ratio(eager, steady)
    assert wide.wide() and "wider than ±10%" in (benchmark.noise(wide, {}) or "")
    busy = [1.0] * 30 + [5.0] * 10
    why = benchmark.noise(clear, {"eager": _timing([2.0] * 40), "built": _timing(busy)})
    assert why is not None and why.startswith("built's p90 is 5.0 times its p10")


def test_a_timing_has_its_median_interval() -> None:
    t = benchmark.summarize([5.0, 1.0, 3.0, 2.0, 4.0, 10.0, 2.5])
    assert t.p10_ms <= t.median_ms <= t.p90_ms and t.median_ms == 3.0 and t.runs == 7
    assert t.median_ci == (1.0, 10.0)  # 7 values: ranks 1 and 7
    single = benchmark.summarize([1.5])
    assert (single.median_ms, single.runs, single.median_ci) == (1.5, 1, (1.5, 1.5))
    assert benchmark.summarize(list(range(1, 101))).to_json()["median_ci"] == [40, 61]


def fake_timer(times: dict[str, Iterator[float]], order: list[str]) -> Callable[[Callable[[], Any]], float]:
    """A timer that calls fn (so the call order is recorded) and returns the side's next time."""

    def timer(fn: Callable[[], Any]) -> float:
        name = fn()
        order.append(name)
        return next(times[name])

    return timer


def _returns(name: str) -> Callable[[], str]:
    return lambda: name


def test_rounds_alternate_the_order_and_give_every_side_the_same_runs() -> None:
    order: list[str] = []
    sides = [Side(n, _returns(n)) for n in ("eager", "built", "base")]
    timer = fake_timer({n: itertools.repeat(1.0) for n in ("eager", "built", "base")}, order)
    warmup = benchmark.paired_rounds(sides, 0.05, timer)
    assert warmup == benchmark.WARMUP_MIN  # steady from the start
    assert len({len(s.samples) for s in sides}) == 1 and len(sides[0].samples) >= 1
    timed = order[3 * warmup :]
    rounds = [timed[i : i + 3] for i in range(0, len(timed), 3)]
    assert rounds[0] == ["eager", "built", "base"] and rounds[1] == ["built", "base", "eager"]
    assert rounds[2] == ["base", "eager", "built"]


def test_warm_up_discards_cold_calls_until_timings_settle() -> None:
    # eager's first calls pay for lazy initialisation: 84 ms, 40 ms, then 4.8 ms.
    eager = itertools.chain([84.0, 40.0, 20.0, 4.8, 4.8], itertools.repeat(4.8))
    sides = [Side("eager", _returns("eager")), Side("built", _returns("built"))]
    timer = fake_timer({"eager": eager, "built": itertools.repeat(1.0)}, [])
    warmup = benchmark.paired_rounds(sides, 0.05, timer)
    assert warmup == 5  # round 4 is the first within SETTLED of the fastest, round 5 confirms
    assert max(sides[0].samples) == 4.8


def test_points_with_the_same_shapes_are_timed_once() -> None:
    opt_is_max = (InputSpec(None, "int64", (Dim(None, 1, 1, 1), Dim("s", 2, 32, 32))),)
    assert benchmark.distinct_points(opt_is_max) == [("min", []), ("opt", ["max"])]
    three = (InputSpec(None, "float32", (Dim("b", 1, 4, 8), Dim(None, 3, 3, 3))),)
    assert benchmark.distinct_points(three) == [("min", []), ("opt", []), ("max", [])]
    static = (InputSpec(None, "float32", (Dim(None, 2, 2, 2),)),)
    assert benchmark.distinct_points(static) == [("opt", [])]


def _point(shape: str, eager: list[float], built: list[float]) -> benchmark.Point:
    return benchmark.Point(shape, _timing(eager), _timing(built), intervals.paired_ratio(eager, built))


def test_a_smaller_shape_slower_beyond_the_noise_is_flagged() -> None:
    steady = [1.0 + 0.01 * (i % 5) for i in range(30)]
    points = [
        _point("min", [84.0 + (i % 3) for i in range(30)], steady),
        _point("max", [4.76 + 0.01 * (i % 4) for i in range(30)], [2 * t for t in steady]),
    ]
    [flag] = benchmark.shape_flags(points)
    assert flag.startswith("eager at min (85 ms) is slower than at the larger max (4.77 ms)")
    # Within the noise: not flagged.
    overlap = [_point("min", steady, steady), _point("max", list(reversed(steady)), steady)]
    assert benchmark.shape_flags(overlap) == []


SPECS = (InputSpec(None, "float32", tuple(Dim(None, n, n, n) for n in (2, 3, 4, 4))),)


def _request(tmp: Path, **extra: Any) -> Any:
    return parse_request(
        {
            "protocol": 1,
            "model": "m.py:build",
            "workspace": str(tmp),
            "target": "portable",
            "output_dir": str(tmp / "out"),
            "output_name": "model",
            **extra,
        }
    )


@pytest.fixture(scope="module")
def programs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, str, str]:
    """examples/cos_block.py's model, a real portable .pte of it, and a .pte of a model that does
    more (a base build with other code)."""
    import importlib

    import torch

    from trt_pte.targets.executorch_lowering import lower_and_write

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples"))
    try:
        module = importlib.import_module("cos_block").build()[0].eval()
    finally:
        sys.path.pop(0)

    class More(torch.nn.Module):  # type: ignore[misc]
        def forward(self, x: Any) -> Any:
            for _ in range(8):
                x = torch.cos(x) * 2.0 + 1.0
            return x

    written = []
    for name, model in (("built", module), ("other", More().eval())):
        out = tmp_path_factory.mktemp(name)
        exported = torch.export.export(model, (torch.randn(2, 3, 4, 4),), strict=False)
        written.append(lower_and_write(exported, [], _request(out), lambda _line: None).pte)
    return module, written[0], written[1]


def test_the_benchmark_times_the_base_pte_beside_this_one_in_the_same_runtime(
    tmp_path: Path, programs: tuple[Any, str, str]
) -> None:
    module, pte, other = programs
    request = _request(tmp_path, base_build={"pte": other, "ptd": [], "sha256": "c" * 64})
    ctx = ExportContext(request, module, (), {}, SPECS, None, None)
    ran = execution.cpu_execution(ctx, TargetOutcome(pte=pte))
    assert ran.load_pte is not None and ran.timed is not None
    from trt_pte.export import benchmark_subjects

    subjects = benchmark_subjects(ctx, ran, lambda _line: None)
    assert subjects.base is not None and subjects.compiled is None  # the CPU runtime pays no copies
    bench = benchmark.run(ctx, subjects, 1.0)
    [point] = bench.points
    data = bench.to_json()
    assert data["method"] == "paired" and data["base"] == {"sha256": "c" * 64, "status": "timed", "reason": None}
    assert point.base is not None and point.base.timing is not None and point.base.change is not None
    # Every side got the same number of timed calls.
    assert point.eager.runs == point.built.runs == point.base.timing.runs == point.ratio.rounds >= 1
    change = point.base.change
    assert change.low <= change.estimate <= change.high
    json_point = data["points"][0]
    assert json_point["speedup"] == point.ratio.estimate and json_point["rounds"] == point.ratio.rounds
    assert json_point["speedup_ci"][0] <= json_point["speedup"] <= json_point["speedup_ci"][1]
    assert json_point["base"]["change"]["ratio"] == change.estimate and json_point["same_as"] == []
    assert isinstance(json_point["noisy"], bool) and json_point["compiled"] is None
    lines = latency_log(bench)
    assert lines[0].startswith("latency at opt: built ") and "paired rounds" in lines[0]
    # A noisy point reads as the summary does: its interval, never a confident number.
    low, high = (f"{x:.3g}" for x in json_point["speedup_ci"])
    confident = f"{point.ratio.estimate:.3g}× (95% CI {low}–{high})"  # noqa: RUF001
    noisy = f"noisy: {low}–{high}× (95% CI; {point.noise})"  # noqa: RUF001
    assert (noisy if point.noise is not None else confident) in lines[0]
    assert "vs the base .pte at opt" in lines[1]


def test_a_base_pte_that_does_not_load_or_run_is_reported_not_fatal(
    tmp_path: Path, programs: tuple[Any, str, str]
) -> None:
    module, pte, _ = programs
    from trt_pte.export import benchmark_subjects

    missing = _request(tmp_path, base_build={"pte": str(tmp_path / "gone.pte"), "ptd": [], "sha256": "d" * 64})
    ctx = ExportContext(missing, module, (), {}, SPECS, None, None)
    ran = execution.cpu_execution(ctx, TargetOutcome(pte=pte))
    bench = benchmark.run(ctx, benchmark_subjects(ctx, ran, lambda _line: None), 0.3)
    assert bench.base is not None and bench.base.status == "skipped"
    assert (bench.base.reason or "").startswith("executorch runtime cannot load the base .pte")
    assert bench.points[0].base is None
    assert latency_log(bench)[-1].startswith("the base .pte was not timed: executorch runtime cannot load")

    # A base build that takes other inputs loads, then fails at the first call: skipped with why.
    def fails(args: Any, kwargs: Any) -> Any:
        raise RuntimeError("input 0 has shape [2, 3, 4, 4], the program takes [1, 8]")

    subjects = Subjects(ran.timed, "executorch runtime", base=fails, base_sha256="d" * 64)  # type: ignore[arg-type]
    bench = benchmark.run(ctx, subjects, 0.3)
    assert bench.base is not None and bench.base.status == "skipped"
    assert "does not run on these inputs" in (bench.base.reason or "")


def test_a_runtime_that_copies_through_the_host_is_labelled_and_the_compiled_module_timed_too(
    tmp_path: Path, programs: tuple[Any, str, str]
) -> None:
    # The runtime wheel's boundary (accuracy.method_runner moves inputs to the host): `built`
    # says what it includes, and the compiled module is timed on the same inputs beside it.
    module, pte, _ = programs
    ctx = ExportContext(_request(tmp_path), module, (), {}, SPECS, None, None)
    ran = execution.Execution(
        "torch-tensorrt-executorch-runtime 0.1.0",
        True,
        run=execution.cpu_execution(ctx, TargetOutcome(pte=pte)).run,
        timed_includes=execution.HOST_COPIES,
        compiled=lambda args, kwargs: module(*args, **kwargs),
    )
    ran.timed, ran.timed_label = ran.run, ran.runtime
    from trt_pte.export import benchmark_subjects

    bench = benchmark.run(ctx, benchmark_subjects(ctx, ran, lambda _line: None), 0.5)
    data = bench.to_json()
    assert data["built_includes"] == execution.HOST_COPIES and data["compiled"] == "compiled module"
    compiled = data["points"][0]["compiled"]
    assert compiled["timing"]["runs"] == data["points"][0]["rounds"]
    assert compiled["speedup_ci"][0] <= compiled["speedup"] <= compiled["speedup_ci"][1]
    assert any(line.startswith("  compiled module at opt (no host copies)") for line in latency_log(bench))
    assert f"built includes {execution.HOST_COPIES}" in latency_log(bench)
