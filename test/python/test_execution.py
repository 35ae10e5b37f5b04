"""Running the written .pte before it is published: which runtime runs it, determinism, latency,
and the accuracy check that cannot tell. The GPU targets' runtimes are test doubles speaking the
real interfaces (standin_runtimes.py) around ExecuTorch's real CPU runtime and a real .pte."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from standin_runtimes import CRASHING_RUNNER, EXAMPLE_RUNNER, EXECUTOR_RUNNER, write_runner, write_wheel

from trt_pte import accuracy, benchmark, determinism, execution, runner_binary
from trt_pte.context import ExportContext
from trt_pte.errors import EXPORT_FAILURE, DriverError
from trt_pte.export import nondeterminism_error
from trt_pte.protocol import Dim, InputSpec, parse_request
from trt_pte.targets import TargetOutcome

SPECS = (InputSpec(None, "float32", tuple(Dim(None, n, n, n) for n in (2, 3, 4, 4))),)


def _request(tmp: Path, **extra: Any) -> Any:
    raw = {
        "protocol": 1,
        "model": "m.py:build",
        "workspace": str(tmp),
        "target": "tensorrt",
        "output_dir": str(tmp / "out"),
        "output_name": "model",
        **extra,
    }
    return parse_request(raw)


class CosBlock:
    """examples/cos_block.py's model, built here so the test needs no workspace."""

    @staticmethod
    def build() -> Any:
        sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples"))
        try:
            return importlib.import_module("cos_block").build()
        finally:
            sys.path.pop(0)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, str]:
    """The example model and a real portable .pte of it."""
    import torch

    from trt_pte.targets.executorch_lowering import lower_and_write

    module = CosBlock.build()[0].eval()
    out = tmp_path_factory.mktemp("pte")
    exported = torch.export.export(module, (torch.randn(2, 3, 4, 4),), strict=False)
    request = _request(out, target="portable")
    outcome = lower_and_write(exported, [], request, lambda _line: None)
    return module, outcome.pte


def _context(tmp: Path, module: Any, **extra: Any) -> ExportContext:
    return ExportContext(_request(tmp, **extra), module, (), {}, SPECS, None, None)


def _outcome(pte: str, module: Any) -> TargetOutcome:
    return TargetOutcome(pte=pte, compiled=lambda args, kwargs: module(*args, **kwargs))


@pytest.fixture
def wheel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.syspath_prepend(str(write_wheel(tmp_path / "site")))
    importlib.invalidate_caches()
    yield
    sys.modules.pop(execution.WHEEL, None)


@pytest.fixture
def no_example_runner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner_binary, "example_runner_path", lambda: None)


def _check(ctx: ExportContext, ran: execution.Execution) -> accuracy.AccuracyReport:
    assert ran.run is not None
    return accuracy.check(ctx.module, ctx.specs, ran.run, ran.checks or ran.runtime, tolerance=1e-5, points=ran.points)


@pytest.mark.usefixtures("wheel")
def test_the_runtime_wheel_runs_the_pte(tmp_path: Path, written: tuple[Any, str]) -> None:
    module, pte = written
    ctx = _context(tmp_path, module)
    ran = execution.gpu_execution(ctx, _outcome(pte, module), print)
    assert ran.runtime == "torch-tensorrt-executorch-runtime 0.1.0" and ran.pte_ran and ran.reason is None
    report = _check(ctx, ran)
    assert report.passed and report.max_abs < 1e-5 and report.uninformative is None
    same = determinism.check(ctx, ran.run, "opt")  # type: ignore[arg-type]
    assert same.identical and same.runs == 3 and same.max_abs_diff == 0.0
    assert ran.timed is ran.run and ran.to_json()["checks"] == ran.runtime


@pytest.mark.usefixtures("wheel")
def test_a_runtime_that_differs_on_the_second_run_is_caught(
    tmp_path: Path, written: tuple[Any, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STANDIN_NONDETERMINISTIC", "1")
    module, pte = written
    ctx = _context(tmp_path, module)
    ran = execution.gpu_execution(ctx, _outcome(pte, module), print)
    same = determinism.check(ctx, ran.run, "opt")  # type: ignore[arg-type]
    assert not same.identical
    assert same.max_abs_diff == pytest.approx(2e-3, rel=1e-3)  # run 3 adds 2e-3
    assert same.where == "output 0 at the opt shapes, run 3 against run 1"
    result = {"determinism": same.to_json()}
    assert nondeterminism_error(ctx.request, result) is None  # a warning by default
    error = nondeterminism_error(_request(tmp_path, fail_on_nondeterminism=True), result)
    assert error is not None and "not deterministic" in error.message and "output 0" in error.message


@pytest.mark.usefixtures("wheel")
def test_a_pte_the_wheel_cannot_load_is_an_error(
    tmp_path: Path, written: tuple[Any, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STANDIN_LOAD_FAILS", "1")
    module, pte = written
    with pytest.raises(DriverError) as caught:
        execution.gpu_execution(_context(tmp_path, module), _outcome(pte, module), print)
    assert caught.value.kind == EXPORT_FAILURE and caught.value.message.startswith("the .pte does not run")


@pytest.mark.usefixtures("wheel", "no_example_runner")
def test_without_a_usable_wheel_the_users_executor_runner_runs_it(
    tmp_path: Path, written: tuple[Any, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STANDIN_ACTIVATE_FAILS", "1")
    module, pte = written
    runner = write_runner(tmp_path / "executor_runner", EXECUTOR_RUNNER)
    ctx = _context(tmp_path, module, runner=str(runner))
    ran = execution.gpu_execution(ctx, _outcome(pte, module), print)
    assert ran.runtime == f"executor_runner ({runner})" and ran.pte_ran and ran.points == ["max"]
    assert ran.notes and "does not activate" in ran.notes[0]
    report = _check(ctx, ran)
    assert report.passed and report.max_abs < 1e-5 and report.points[0].shape == "max"
    # A binary is not timed: the latency comes from the compiled module.
    assert ran.timed_label is not None and ran.timed_label.startswith("compiled module")


@pytest.mark.usefixtures("no_example_runner")
def test_a_runner_that_crashes_says_the_pte_does_not_run(tmp_path: Path, written: tuple[Any, str]) -> None:
    module, pte = written
    runner = write_runner(tmp_path / "executor_runner", CRASHING_RUNNER)
    with pytest.raises(DriverError) as caught:
        execution.gpu_execution(_context(tmp_path, module, runner=str(runner)), _outcome(pte, module), print)
    message = caught.value.message
    assert caught.value.kind == EXPORT_FAILURE
    assert message.startswith(f"the .pte does not run: executor_runner ({runner}) was killed by signal 6")
    assert "Loading of method forward failed" in message
    assert "nothing was published" in (caught.value.hint or "")


def test_the_example_runner_proves_it_runs_and_the_compiled_module_checks(
    tmp_path: Path, written: tuple[Any, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    module, pte = written
    runner = write_runner(tmp_path / "example_executorch_runner", EXAMPLE_RUNNER)
    monkeypatch.setattr(runner_binary, "example_runner_path", lambda: str(runner))
    ctx = _context(tmp_path, module)
    ran = execution.gpu_execution(ctx, _outcome(pte, module), print)
    assert ran.runtime == f"example_executorch_runner ({runner})" and ran.pte_ran
    assert ran.notes and ran.notes[-1].endswith("gave outputs of shapes (2, 3, 4, 4)")
    assert ran.to_json()["checks"] == "compiled module (the runner prints only output shapes)"
    # Its output shapes must be eager's at the max shapes (where it fills its inputs).
    import torch

    other = _context(tmp_path, torch.nn.Flatten().eval())
    with pytest.raises(DriverError) as caught:
        execution.gpu_execution(other, _outcome(pte, other.module), print)
    assert "gives outputs of shapes [(2, 3, 4, 4)] where eager PyTorch gives [(2, 48)]" in caught.value.message
    # It takes no .ptd: with one, it is not used.
    with_ptd = TargetOutcome(pte=pte, ptd=[pte], compiled=None)
    fallback = execution.gpu_execution(ctx, with_ptd, print)
    assert not fallback.pte_ran and "takes no .ptd" in (fallback.reason or "")


@pytest.mark.usefixtures("no_example_runner")
def test_without_any_runtime_the_report_says_what_to_install(tmp_path: Path, written: tuple[Any, str]) -> None:
    module, pte = written
    ran = execution.gpu_execution(_context(tmp_path, module), _outcome(pte, module), print)
    assert ran.runtime == "compiled module" and not ran.pte_ran
    assert ran.reason is not None and "pip install torch-tensorrt-executorch-runtime==0.1.0" in ran.reason
    assert "`runner`" in ran.reason
    nothing = execution.gpu_execution(_context(tmp_path, module), TargetOutcome(pte=pte), print)
    assert nothing.runtime == "none" and nothing.run is None and nothing.timed is None


def test_an_uninformative_accuracy_check_says_so() -> None:
    import torch

    def zeros(x: Any) -> Any:
        return torch.zeros_like(x)

    def constant(x: Any) -> Any:
        return torch.full_like(x, 3.0)

    def useful(x: Any) -> Any:
        return x * 2

    for model, expected in ((zeros, "all zeros"), (constant, "one constant value"), (useful, None)):

        def built(args: tuple[Any, ...], kwargs: dict[str, Any], m: Any = model) -> Any:
            return m(*args)

        report = accuracy.check(model, SPECS, built, "x", tolerance=1e-5)
        assert report.passed
        if expected is None:
            assert report.uninformative is None
        else:
            assert report.uninformative is not None and expected in report.uninformative
            assert report.to_json()["uninformative"] == report.uninformative
    # A single number is not a pattern.
    assert accuracy.uninformative([torch.tensor([0.0])]) is None


def test_timings_are_consistent() -> None:
    samples = [5.0, 1.0, 3.0, 2.0, 4.0, 10.0, 2.5]
    t = benchmark.summarize(samples)
    assert t.p10_ms <= t.median_ms <= t.p90_ms and t.median_ms == 3.0 and t.runs == 7
    single = benchmark.summarize([1.5])
    assert (single.p10_ms, single.median_ms, single.p90_ms, single.runs) == (1.5, 1.5, 1.5, 1)
    point = benchmark.Point("opt", benchmark.summarize([4.0, 4.0]), benchmark.summarize([1.0, 1.0]))
    assert point.to_json()["speedup"] == 4.0
