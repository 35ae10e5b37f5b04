"""Accuracy against eager PyTorch: the same fresh random inputs through the model and through what
we built (the .pte in ExecuTorch's runtime, or the compiled module), error per output.

max_abs is the largest absolute difference; max_rel divides it by the largest magnitude of the
reference output, which stays meaningful where single reference values are near zero."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from .example_inputs import make_tensors, shapes_to_check
from .protocol import InputSpec

TINY = 1e-12


@dataclass
class OutputError:
    index: int
    max_abs: float
    max_rel: float
    shape_matches: bool


@dataclass
class ShapePoint:
    shape: str  # min, opt or max
    outputs: list[OutputError] = field(default_factory=list)


@dataclass
class AccuracyReport:
    status: str  # "checked" or "skipped"
    against: str  # what ran: "executorch runtime" or "compiled module"
    reason: str | None = None
    tolerance: float | None = None
    points: list[ShapePoint] = field(default_factory=list)

    @property
    def max_abs(self) -> float:
        return max((o.max_abs for p in self.points for o in p.outputs), default=0.0)

    @property
    def max_rel(self) -> float:
        return max((o.max_rel for p in self.points for o in p.outputs), default=0.0)

    @property
    def passed(self) -> bool:
        shapes_ok = all(o.shape_matches for p in self.points for o in p.outputs)
        return shapes_ok and (self.tolerance is None or self.max_rel <= self.tolerance)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            max_abs=self.max_abs, max_rel=self.max_rel, passed=self.passed if self.status == "checked" else None
        )
        return data


def flatten_outputs(value: Any) -> list[Any]:
    import torch
    from torch.utils._pytree import tree_flatten

    leaves, _ = tree_flatten(value)
    return [leaf for leaf in leaves if isinstance(leaf, torch.Tensor)]


def compare(reference: list[Any], actual: list[Any]) -> list[OutputError]:
    import torch

    errors: list[OutputError] = []
    for i, ref in enumerate(reference):
        got = actual[i] if i < len(actual) else None
        if got is None or tuple(got.shape) != tuple(ref.shape):
            errors.append(OutputError(i, float("inf"), float("inf"), False))
            continue
        r = ref.detach().to(torch.float64)
        g = got.detach().to(torch.float64)
        max_abs = float((r - g).abs().max()) if r.numel() else 0.0
        scale = float(r.abs().max()) if r.numel() else 0.0
        errors.append(OutputError(i, max_abs, max_abs / max(scale, TINY), True))
    return errors


def check(
    model: Any,
    specs: tuple[InputSpec, ...],
    run: Callable[[tuple[Any, ...], dict[str, Any]], Any],
    against: str,
    *,
    tolerance: float | None,
    seed: int = 1234,
) -> AccuracyReport:
    """Runs eager `model` and `run` on fresh random inputs at each shape point and compares outputs."""
    import torch

    report = AccuracyReport("checked", against, tolerance=tolerance)
    for offset, which in enumerate(shapes_to_check(specs)):
        args, kwargs = make_tensors(specs, which, seed + offset)
        with torch.no_grad():
            expected = flatten_outputs(model(*args, **kwargs))
            actual = flatten_outputs(run(args, kwargs))
        report.points.append(ShapePoint(which, compare(expected, actual)))
    return report


def skipped(against: str, reason: str) -> AccuracyReport:
    return AccuracyReport("skipped", against, reason=reason)


def pte_runner(pte: str, input_order: list[str]) -> Callable[[tuple[Any, ...], dict[str, Any]], Any]:
    """Runs the .pte's `forward` in ExecuTorch's runtime. ExecuTorch takes a flat list: positional
    inputs, then keyword inputs in forward()'s parameter order (the order torch.export used)."""
    from executorch.runtime import Runtime

    runtime = Runtime.get()
    program = runtime.load_program(pte)
    method = program.load_method("forward")

    def run(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        flat = list(args) + [kwargs[name] for name in input_order if name in kwargs]
        return method.execute(flat)

    return run
