"""Named outputs keep their names: the paths of dicts, named tuples and nested structures, in the order
every runtime returns the flat outputs, in the accuracy check and the determinism check. (A real
export of a dict-returning model is in test_export_cpu.py.)"""

from __future__ import annotations

import collections
from pathlib import Path
from typing import Any

import torch

from trt_pte import accuracy, determinism
from trt_pte.context import ExportContext
from trt_pte.named_outputs import describe, describe_outputs, named_tensors
from trt_pte.protocol import Dim, InputSpec, parse_request

Pair = collections.namedtuple("Pair", ["logits", "hidden"])
SPECS = (InputSpec(None, "float32", (Dim(None, 2, 2, 2), Dim(None, 3, 3, 3))),)


class Detector(torch.nn.Module):  # type: ignore[misc]
    def forward(self, x: torch.Tensor) -> dict[str, Any]:
        return {"scores": x.sum(1), "boxes": x * 2, "out": [Pair(x + 1, x - 1)], "count": 3}


def test_paths_name_every_tensor_and_positions_name_the_rest() -> None:
    x = torch.ones(2, 3)
    assert [n for n, _ in named_tensors(Detector()(x))] == ["scores", "boxes", "out.0.logits", "out.0.hidden"]
    assert [n for n, _ in named_tensors(x)] == ["0"]
    assert [n for n, _ in named_tensors((x, (x, x)))] == ["0", "1.0", "1.1"]
    assert describe("boxes") == "output `boxes`" and describe("1.0") == "output 1.0"
    assert describe_outputs({"scores": x})[0] == {"name": "scores", "dtype": "float32", "shape": [2, 3]}


def _flat(model: torch.nn.Module, drift: str | None = None) -> Any:
    """What ExecuTorch's runtime returns: the flat tensors; `drift` changes one of them on later calls."""
    calls = [0]

    def run(args: tuple[Any, ...], kwargs: dict[str, Any]) -> list[Any]:
        calls[0] += 1
        named = named_tensors(model(*args, **kwargs))
        return [t + (0.5 if name == drift and calls[0] > 1 else 0) for name, t in named]

    return run


def test_accuracy_names_the_output_that_differs() -> None:
    report = accuracy.check(Detector(), SPECS, _flat(Detector(), drift="boxes"), "runtime", tolerance=1e-3)
    [point] = report.points
    assert [o.name for o in point.outputs] == ["scores", "boxes", "out.0.logits", "out.0.hidden"]
    # The first call is the check's own; `boxes` drifts after it: nothing differs yet.
    assert report.passed
    report = accuracy.check(
        Detector(), SPECS, _flat(Detector(), drift="boxes"), "runtime", tolerance=1e-3, points=["opt", "max"]
    )
    assert not report.passed and accuracy.worst(report) == "output `boxes` at the max shapes"
    assert report.to_json()["points"][0]["outputs"][1]["name"] == "boxes"


def test_determinism_names_the_output_that_changed(tmp_path: Path) -> None:
    raw = {"protocol": 1, "model": "m.py:build", "workspace": str(tmp_path), "target": "portable"}
    request = parse_request({**raw, "output_dir": str(tmp_path), "output_name": "m"})
    names = ("scores", "boxes", "out.0.logits", "out.0.hidden")
    ctx = ExportContext(request, Detector(), (), {}, SPECS, None, None, names)
    same = determinism.check(ctx, _flat(Detector(), drift="out.0.logits"), "opt")
    assert not same.identical
    assert same.where == "output `out.0.logits` at the opt shapes, run 2 against run 1"
