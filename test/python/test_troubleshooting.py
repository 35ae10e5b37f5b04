"""Each kind docs/troubleshooting.md lists for the driver, produced the way a user meets it, with the
hint it comes with. The driver runs in this process on small models written for each failure (the
exports are the CPU targets'); what needs TensorRT is the library's own message through the same
classifier. How the action prints a kind and hint is test/troubleshooting.test.ts."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, WriteFile, request_for

from trt_pte.classify import COMPILE, DRIVER, classify
from trt_pte.deps import require
from trt_pte.errors import DriverError
from trt_pte.export import run_export
from trt_pte.protocol import parse_request

# The kinds whose rows the driver produces; the action's own (settings, verification, publish,
# regression) are test/troubleshooting.test.ts's.
DRIVER_KINDS = {
    "bad_input",
    "model_error",
    "missing_dependency",
    "gpu_missing",
    "unsupported_op",
    "export_failure",
    "tensorrt_build_failure",
    "out_of_memory",
    "accuracy",
    "internal",
}


def documented_kinds() -> set[str]:
    text = (REPO / "docs" / "troubleshooting.md").read_text()
    return set(re.findall(r"^\| `(\w+)` \|", text, re.MULTILINE))


def test_every_driver_kind_is_a_documented_row_and_a_case_here() -> None:
    assert documented_kinds() >= DRIVER_KINDS
    assert {kind for kind, _ in CASES} == DRIVER_KINDS


def driver_error(workspace: Path, model: str, target: str = "portable", **extra: Any) -> DriverError:
    raw = request_for(workspace, model, target, benchmark_seconds=0, **extra)
    with pytest.raises(DriverError) as caught:
        run_export(parse_request(raw), lambda _line: None)
    return caught.value


def model(write: WriteFile, body: str, *, setup: str = "", members: str = "") -> str:
    """models/net.py with forward(self, x) returning `body`, built with example input ones(2, 3)."""
    write(
        "models/net.py",
        f"import torch\n{setup}\n\nclass Net(torch.nn.Module):\n{members}"
        f"    def forward(self, x):\n        return {body}\n\n\ndef build():\n    return Net(), (torch.ones(2, 3),)\n",
    )
    return "models/net.py:build"


def bad_input(workspace: Path, write: WriteFile) -> DriverError:
    # A layer for 4 features given the factory's 3.
    return driver_error(workspace, model(write, "self.fc(x)", members="    fc = torch.nn.Linear(4, 2)\n\n"))


def model_error(workspace: Path, write: WriteFile) -> DriverError:
    return driver_error(workspace, model(write, "x * {'a': 1}['b']"))


def missing_dependency(workspace: Path, write: WriteFile) -> DriverError:
    with pytest.raises(DriverError) as caught:
        require("a_package_that_is_not_installed", "the tensorrt target")
    return caught.value


def gpu_missing(workspace: Path, write: WriteFile) -> DriverError:
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    return driver_error(workspace, model(write, "x + 1"), "tensorrt")


def unsupported_op(workspace: Path, write: WriteFile) -> DriverError:
    # A custom op torch can trace (it has a fake kernel) that ExecuTorch has no out variant for.
    setup = (
        '\n@torch.library.custom_op("trt_pte_troubleshooting::double", mutates_args=())\n'
        "def double(x: torch.Tensor) -> torch.Tensor:\n    return x * 2\n\n\n"
        "@double.register_fake\ndef _(x):\n    return torch.empty_like(x)\n"
    )
    return driver_error(workspace, model(write, "double(x) + 1", setup=setup))


def export_failure(workspace: Path, write: WriteFile) -> DriverError:
    return driver_error(workspace, model(write, "x * 2 if x.sum() > 0 else x"))


def tensorrt_build_failure(workspace: Path, write: WriteFile) -> DriverError:
    # What Torch-TensorRT 2.13's interpreter raises when TensorRT returns no engine: needs a GPU to meet.
    return classify(RuntimeError("TensorRT build_serialized_network returned None; engine build failed."), COMPILE, ".")


def out_of_memory(workspace: Path, write: WriteFile) -> DriverError:
    return driver_error(workspace, model(write, "x + torch.empty(2**62, dtype=torch.uint8).sum()"))


def accuracy(workspace: Path, write: WriteFile) -> DriverError:
    # The exported program holds the factor of the trace; eager goes on counting.
    setup = "\nCALLS = [0]\n"
    spec = model(write, "x * float(CALLS.append(1) or len(CALLS))", setup=setup)
    return driver_error(workspace, spec, tolerance=1e-3)


def internal(workspace: Path, write: WriteFile) -> DriverError:
    return classify(AssertionError("a state the driver never expects"), DRIVER, ".")


Case = Callable[[Path, WriteFile], DriverError]
CASES: list[tuple[str, Case]] = [
    ("bad_input", bad_input),
    ("model_error", model_error),
    ("missing_dependency", missing_dependency),
    ("gpu_missing", gpu_missing),
    ("unsupported_op", unsupported_op),
    ("export_failure", export_failure),
    ("tensorrt_build_failure", tensorrt_build_failure),
    ("out_of_memory", out_of_memory),
    ("accuracy", accuracy),
    ("internal", internal),
]

# What each kind's hint must say (docs/troubleshooting.md's "What to do" column, in the driver's words).
HINTS = {
    "bad_input": "change the example inputs the factory returns to the size the model takes",
    "model_error": "forward() fails in plain PyTorch, before any export: fix the line shown",
    "missing_dependency": "a_package_that_is_not_installed",
    "gpu_missing": "GPU",
    "unsupported_op": "an op the target cannot take",
    "export_failure": "data-dependent control flow",
    "tensorrt_build_failure": "TensorRT could not build an engine",
    "out_of_memory": "smaller input shapes",
    "accuracy": "raise `tolerance`",
    "internal": "trt-pte bug",
}


@pytest.mark.parametrize(("kind", "case"), CASES, ids=[kind for kind, _ in CASES])
def test_the_row_is_what_the_user_meets(workspace: Path, write: WriteFile, kind: str, case: Case) -> None:
    error = case(workspace, write)
    assert error.kind == kind, error.message
    assert error.hint is not None and HINTS[kind] in error.hint, error.hint
