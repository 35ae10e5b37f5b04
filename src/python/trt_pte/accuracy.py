"""Accuracy against eager PyTorch: the same fresh random inputs through the model and through what
we built (the .pte in ExecuTorch's runtime, or the compiled module), error per output.

max_abs is the largest absolute difference; max_rel divides it by the largest magnitude of the
reference output, which stays meaningful where single reference values are near zero."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from .example_inputs import make_tensors, shapes_to_check
from .named_outputs import describe, named_tensors
from .protocol import InputSpec

TINY = 1e-12


@dataclass
class OutputError:
    index: int
    # Its path in what forward() returns (`scores`, `out.0.logits`), or its index (named_outputs.py).
    name: str
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
    # Why a match proves nothing (eager outputs all zero or constant: any build matches them);
    # None when the check could tell.
    uninformative: str | None = None

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


def compare(reference: list[Any], actual: list[Any], names: list[str] | None = None) -> list[OutputError]:
    import torch

    errors: list[OutputError] = []
    for i, ref in enumerate(reference):
        name = names[i] if names is not None and i < len(names) else str(i)
        got = actual[i] if i < len(actual) else None
        if got is None or tuple(got.shape) != tuple(ref.shape):
            errors.append(OutputError(i, name, float("inf"), float("inf"), False))
            continue
        r = ref.detach().cpu().to(torch.float64)
        g = got.detach().cpu().to(torch.float64)
        max_abs = float((r - g).abs().max()) if r.numel() else 0.0
        scale = float(r.abs().max()) if r.numel() else 0.0
        errors.append(OutputError(i, name, max_abs, max_abs / max(scale, TINY), True))
    return errors


def check(
    model: Any,
    specs: tuple[InputSpec, ...],
    run: Callable[[tuple[Any, ...], dict[str, Any]], Any],
    against: str,
    *,
    tolerance: float | None,
    seed: int = 1234,
    device: Any = None,
    workspace: str = ".",
    points: list[str] | None = None,
) -> AccuracyReport:
    """Runs eager `model` and `run` on fresh random inputs at each shape point (on `device` when
    given) and compares outputs; `points` narrows the shape points (a runner binary takes only the
    bound, `max`). A failure of the model itself is the user's (with their line);
    a failure of what we built is classified as such."""
    import torch

    from .classify import EAGER, RUN, classify

    report = AccuracyReport("checked", against, tolerance=tolerance)
    references: list[Any] = []
    for offset, which in enumerate(points or shapes_to_check(specs)):
        args, kwargs = make_tensors(specs, which, seed + offset)
        if device is not None:
            args = tuple(a.to(device) for a in args)
            kwargs = {k: v.to(device) for k, v in kwargs.items()}
        with torch.no_grad():
            try:
                named = named_tensors(model(*args, **kwargs))
            except Exception as exc:
                raise classify(exc, EAGER, workspace, what=f"the model in eager PyTorch at the {which} shapes") from exc
            try:
                actual = flatten_outputs(run(args, kwargs))
            except Exception as exc:
                raise classify(exc, RUN, workspace, what=f"the {against} at the {which} shapes") from exc
        expected = [t for _, t in named]
        report.points.append(ShapePoint(which, compare(expected, actual, [name for name, _ in named])))
        references.extend(expected)
    report.uninformative = uninformative(references)
    return report


def uninformative(references: list[Any]) -> str | None:
    """Why eager outputs cannot tell a right build from a wrong one: every element of every output
    (at every shape point checked) is zero, or every output holds one value throughout. An
    untrained head or a default-initialised VisionTransformer gives this. None when they can tell."""
    import torch

    values = [r.detach().reshape(-1) for r in references if r.numel() > 0]
    if sum(v.numel() for v in values) < 2:
        return None  # a single number is not a pattern
    if all(not bool(torch.any(v != 0)) for v in values):
        return "every eager output is all zeros, so any build matches them"
    if all(bool(torch.all(v == v[0])) for v in values):
        return "every eager output holds one constant value, so any build that gives that value matches them"
    return None


def worst(report: AccuracyReport) -> str:
    """Where the largest relative error is, for messages: `output `boxes` at the max shapes`."""
    best: tuple[float, str] = (-1.0, "")
    for point in report.points:
        for out in point.outputs:
            where = f"{describe(out.name)} at the {point.shape} shapes" + (
                "" if out.shape_matches else " (wrong shape)"
            )
            if out.max_rel > best[0]:
                best = (out.max_rel, where)
    return best[1]


def skipped(against: str, reason: str) -> AccuracyReport:
    return AccuracyReport("skipped", against, reason=reason)


def delegate_ids(pte: str) -> list[str]:
    """Backend ids of the delegates in a .pte, read with executorch's own deserializer."""
    from executorch.exir._serialize._program import deserialize_pte_binary

    with open(pte, "rb") as f:
        parsed = deserialize_pte_binary(f.read())
    program = getattr(parsed, "program", parsed)  # a PTEFile from executorch 1.2 on
    return [d.id for plan in program.execution_plan for d in plan.delegates]


def missing_backends(pte: str) -> list[str]:
    """Delegates of the .pte that the installed executorch runtime has no backend for (the PyPI
    wheels are CPU builds: no CudaBackend, no TensorRTBackend)."""
    from executorch.extension.pybindings.portable_lib import _get_registered_backend_names

    registered = set(_get_registered_backend_names())
    return sorted({d for d in delegate_ids(pte) if d not in registered})


def pte_runner(pte: str, ptd: list[str], input_order: list[str]) -> Callable[[tuple[Any, ...], dict[str, Any]], Any]:
    """Runs the .pte's `forward` in ExecuTorch's runtime, with its external data when it has one.
    ExecuTorch takes a flat list: positional inputs, then keyword inputs in forward()'s parameter
    order (the order torch.export used)."""
    if len(ptd) > 1:
        raise RuntimeError(f"the runtime loads one external data file, this export has {len(ptd)}")
    from executorch.extension.pybindings.portable_lib import _load_for_executorch

    module = _load_for_executorch(pte, data_path=ptd[0]) if ptd else _load_for_executorch(pte)
    return method_runner(module, input_order)


def method_runner(module: Any, input_order: list[str]) -> Callable[[tuple[Any, ...], dict[str, Any]], Any]:
    """`forward` of a loaded ExecuTorch module (stock or the TensorRT runtime wheel's) as a runner."""

    def run(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        flat = list(args) + [kwargs[name] for name in input_order if name in kwargs]
        # The runtime takes host tensors; delegates move them to their device themselves.
        return module.run_method("forward", tuple(t.cpu() for t in flat))

    return run
