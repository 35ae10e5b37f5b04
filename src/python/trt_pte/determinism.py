"""Whether what ran gives the same answer every time: the same input, several runs, outputs
compared bit for bit (a cross-stream race in a coalesced TensorRT + CUDA program shows up here)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .context import ExportContext, Runner
from .example_inputs import make_tensors
from .named_outputs import describe

RUNS = 3


@dataclass
class Determinism:
    runs: int
    identical: bool
    max_abs_diff: float
    # Where the largest difference is, for the warning: "output `boxes` at the opt shapes, run 2 against run 1".
    where: str | None = None

    def to_json(self) -> dict[str, Any]:
        # JSON has no infinity: a difference in shape or count is "no number" (where says which).
        diff = self.max_abs_diff if math.isfinite(self.max_abs_diff) else None
        return {"runs": self.runs, "identical": self.identical, "max_abs_diff": diff, "where": self.where}


def _bits(tensor: Any) -> Any:
    import torch

    flat = tensor.detach().cpu().contiguous().reshape(-1)
    return flat.to(torch.uint8) if flat.dtype == torch.bool else flat.view(torch.uint8)


def _abs_diff(a: Any, b: Any) -> float:
    import torch

    if tuple(a.shape) != tuple(b.shape):
        return float("inf")
    if a.numel() == 0:
        return 0.0
    x = a.detach().cpu().to(torch.float64)
    y = b.detach().cpu().to(torch.float64)
    diff = (x - y).abs()
    # NaN in one run and a number in the other is a difference; NaN in both is the same bits.
    diff = torch.where(torch.isnan(x) & torch.isnan(y), torch.zeros_like(diff), diff)
    diff = torch.where(torch.isnan(diff), torch.full_like(diff, float("inf")), diff)
    return float(diff.max())


def check(ctx: ExportContext, run: Runner, which: str, runs: int = RUNS, seed: int = 99) -> Determinism:
    """Runs `run` `runs` times on one input at the `which` shapes and compares each run's outputs
    with the first run's, bitwise."""
    import torch

    from .accuracy import flatten_outputs

    args, kwargs = make_tensors(ctx.specs, which, seed)
    if ctx.device is not None:
        args = tuple(a.to(ctx.device) for a in args)
        kwargs = {k: v.to(ctx.device) for k, v in kwargs.items()}
    with torch.no_grad():
        outputs = [[t.detach().cpu().clone() for t in flatten_outputs(run(args, kwargs))] for _ in range(runs)]
    first = outputs[0]
    result = Determinism(runs, True, 0.0)
    for number, later in enumerate(outputs[1:], start=2):
        if len(later) != len(first):
            result.identical = False
            result.max_abs_diff = float("inf")
            result.where = f"run {number} gave {len(later)} outputs, run 1 gave {len(first)}"
            continue
        for index, (a, b) in enumerate(zip(first, later, strict=True)):
            same = a.dtype == b.dtype and tuple(a.shape) == tuple(b.shape) and torch.equal(_bits(a), _bits(b))
            if same:
                continue
            result.identical = False
            diff = _abs_diff(a, b)
            if result.where is None or diff > result.max_abs_diff:
                result.max_abs_diff = diff
                name = ctx.output_names[index] if index < len(ctx.output_names) else str(index)
                result.where = f"{describe(name)} at the {which} shapes, run {number} against run 1"
    return result
