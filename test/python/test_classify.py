"""Every failure becomes one of the classified kinds, with a hint, and the user's line where their
code raised. The exceptions are real ones (torch's OOM class, real ImportErrors, code in a file in
the workspace); the library messages are the ones the releases raise."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from conftest import WriteFile

from trt_pte.classify import COMPILE, DRIVER, EAGER, EXPORT, LOWER, RUN, SAVE, classify
from trt_pte.errors import DriverError
from trt_pte.loader import import_model_module


def raised(fn: object) -> BaseException:
    try:
        fn()  # type: ignore[operator]
    except BaseException as exc:  # noqa: BLE001 - the test wants whatever it raised
        return exc
    raise AssertionError("did not raise")


def test_out_of_memory_from_any_stage(tmp_path: Path) -> None:
    oom = torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 20.00 GiB")
    for stage in (COMPILE, SAVE, RUN, DRIVER):
        error = classify(oom, stage, str(tmp_path))
        assert error.kind == "out_of_memory" and "workspace-size" in (error.hint or "")
    assert classify(MemoryError(), DRIVER, str(tmp_path)).kind == "out_of_memory"


def test_a_missing_module_names_the_package(tmp_path: Path) -> None:
    exc = raised(lambda: __import__("triton_that_is_not_installed"))
    error = classify(exc, SAVE, str(tmp_path))
    assert error.kind == "missing_dependency" and "triton_that_is_not_installed" in (error.hint or "")


def test_no_gpu(tmp_path: Path) -> None:
    error = classify(RuntimeError("Found no NVIDIA driver on your system."), COMPILE, str(tmp_path))
    assert error.kind == "gpu_missing"


@pytest.mark.parametrize(
    ("message", "stage", "kind", "hint_part"),
    [
        ("Conversion of function torch._ops.aten.nonzero not currently supported!", COMPILE, "unsupported_op", ""),
        (
            "Conversion of module GraphModule() not currently fully supported or convertible!",
            COMPILE,
            "unsupported_op",
            "require-full-compilation",
        ),
        (
            "ExecuTorch export does not support TensorRT engines that require an output allocator "
            "(data-dependent output shapes).",
            SAVE,
            "unsupported_op",
            "fallback-data-dependent-ops",
        ),
        (
            "TensorRT build_serialized_network returned None; engine build failed.",
            COMPILE,
            "tensorrt_build_failure",
            "",
        ),
        ("Missing out variants: {'aten::foo'}", LOWER, "unsupported_op", ""),
        ("emitter crashed", SAVE, "export_failure", "docs/versions.md"),
        ("execute_engine failed", RUN, "export_failure", ""),
        ("TensorRT execution failed", RUN, "tensorrt_build_failure", ""),
        ("something odd", DRIVER, "internal", "trt-pte bug"),
    ],
)
def test_library_failures(tmp_path: Path, message: str, stage: str, kind: str, hint_part: str) -> None:
    error = classify(RuntimeError(message), stage, str(tmp_path), what="step")
    assert error.kind == kind
    assert error.message.startswith("step failed: RuntimeError: ")
    assert hint_part in (error.hint or "")


def test_the_users_own_raise_is_a_model_error_with_file_and_line(workspace: Path, write: WriteFile) -> None:
    write(
        "net.py",
        """
        def forward(x):
            scale = {"a": 1}
            return x * scale["b"]
        """,
    )
    module = import_model_module("net.py", str(workspace))
    exc = raised(lambda: module.forward(2))
    for stage in (EAGER, EXPORT, RUN):
        error = classify(exc, stage, str(workspace))
        assert error.kind == "model_error"
        assert error.location is not None and (error.location.file, error.location.line) == ("net.py", 3)


def test_a_library_raise_under_user_code_keeps_the_stage_kind_and_the_users_line(
    workspace: Path, write: WriteFile
) -> None:
    write(
        "net.py",
        """
        import json
        import torch
        def forward(x):
            return json.loads("{")
        def broken(x):
            return torch.zeros(2) + torch.zeros(3)
        """,
    )
    module = import_model_module("net.py", str(workspace))
    error = classify(raised(lambda: module.forward(1)), EXPORT, str(workspace))
    assert error.kind == "export_failure"
    assert error.location is not None and error.location.line == 4
    # An op called wrongly on the user's own line (raised from C++, no library frame): their model.
    error = classify(raised(lambda: module.broken(1)), EXPORT, str(workspace))
    assert error.kind == "model_error" and error.location is not None and error.location.line == 6


def test_a_driver_error_passes_through(tmp_path: Path) -> None:
    original = DriverError("bad_input", "no")
    assert classify(original, COMPILE, str(tmp_path)) is original


def test_a_raise_in_a_helper_of_forward_is_blamed_at_the_helper_with_the_chain(
    workspace: Path, write: WriteFile
) -> None:
    write(
        "blocks_d.py",
        """
        def scale(x, table):
            return x * table["missing"]
        """,
    )
    write(
        "net.py",
        """
        from blocks_d import scale
        class Net:
            def forward(self, x):
                return scale(x, {})
        """,
    )
    module = import_model_module("net.py", str(workspace))
    error = classify(raised(lambda: module.Net().forward(2)), EXPORT, str(workspace), what="torch.export")
    assert error.kind == "model_error"
    assert error.location is not None and (error.location.file, error.location.line) == ("blocks_d.py", 2)
    assert error.message == (
        "torch.export failed: KeyError: 'missing' (in Net.forward at net.py:4 → scale at blocks_d.py:2)"
    )


def test_a_deep_recursion_keeps_both_ends_of_the_chain(workspace: Path, write: WriteFile) -> None:
    write("deep.py", "def down(n):\n    if n == 0:\n        raise ValueError('bottom')\n    return down(n - 1)\n")
    module = import_model_module("deep.py", str(workspace))
    error = classify(raised(lambda: module.down(50)), EAGER, str(workspace))
    assert error.location is not None and error.location.line == 3
    # 51 frames: the first three and the last four, the raise last.
    step = "down at deep.py:4 → "
    assert error.message == f"ValueError: bottom (in {step * 3}… 44 more … → {step * 3}down at deep.py:3)"


def test_library_frames_are_not_the_users_and_a_library_only_raise_has_no_chain(tmp_path: Path) -> None:
    error = classify(raised(lambda: __import__("json").loads("{")), EXPORT, str(tmp_path))
    assert error.location is None and " (in " not in error.message
