"""The driver end to end on the CPU targets, with real torch.export and real executorch lowering."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, WriteFile, request_for, run_driver, static

from trt_pte.deps import installed_version


def read_identifier(path: Path) -> bytes:
    return path.read_bytes()[4:8]


@pytest.fixture
def example_workspace(workspace: Path) -> Path:
    shutil.copytree(REPO / "examples", workspace / "examples")
    return workspace


@pytest.mark.parametrize(("target", "delegate"), [("portable", None), ("xnnpack", "XnnpackBackend")])
def test_example_model_exports_a_pte(
    tmp_path: Path, example_workspace: Path, target: str, delegate: str | None
) -> None:
    result, proc = run_driver(tmp_path, request_for(example_workspace, "examples/cos_block.py:build", target))
    assert result["status"] == "ok", result.get("error")
    pte = example_workspace / "out" / "model.pte"
    assert read_identifier(pte) == b"ET12"
    [described] = result["files"]
    assert described["name"] == "model.pte" and described["bytes"] == pte.stat().st_size
    # Five compute nodes: add, mul, cos, mul, add.
    if delegate is None:
        assert result["partition"] == {"undelegated": 5}
    else:
        assert result["partition"] == {delegate: 5, "undelegated": 0}
    accuracy = result["accuracy"]
    assert accuracy["status"] == "checked" and accuracy["against"] == "executorch runtime"
    assert accuracy["max_abs"] < 1e-5 and accuracy["passed"] is True
    assert result["versions"]["executorch"] == installed_version("executorch")
    assert "torch.export" in proc.stdout


def test_dynamic_shapes_and_keyword_inputs(tmp_path: Path, workspace: Path, write: WriteFile) -> None:
    write(
        "net.py",
        """
        import torch

        class Masked(torch.nn.Module):
            def forward(self, x, mask=None):
                return (x * mask.to(x.dtype)).sum(dim=-1)

        def build():
            return Masked()
        """,
    )
    batch = {"symbol": "b", "min": 1, "opt": 4, "max": 8}
    inputs: list[dict[str, Any]] = [
        {"name": None, "dtype": "float32", "dims": [batch, *static(16)]},
        {"name": "mask", "dtype": "bool", "dims": [batch, *static(16)]},
    ]
    result, _ = run_driver(tmp_path, request_for(workspace, "net.py:build", "xnnpack", inputs=inputs))
    assert result["status"] == "ok", result.get("error")
    assert [p["shape"] for p in result["accuracy"]["points"]] == ["min", "opt", "max"]
    assert result["accuracy"]["passed"] is True


def test_missing_inputs_is_a_clear_error(tmp_path: Path, workspace: Path, write: WriteFile) -> None:
    write("net.py", "import torch\ndef build():\n    return torch.nn.ReLU()\n")
    result, proc = run_driver(tmp_path, request_for(workspace, "net.py:build"))
    assert proc.returncode == 1
    assert result["status"] == "error"
    assert result["error"]["kind"] == "bad_input"
    assert "needs example inputs" in result["error"]["message"]
    assert result["error"]["location"] == {"file": "net.py", "line": 2}
    assert not (workspace / "out" / "model.pte").exists()


def test_export_failure_points_at_the_users_forward(tmp_path: Path, workspace: Path, write: WriteFile) -> None:
    write(
        "net.py",
        """
        import torch

        class Branchy(torch.nn.Module):
            def forward(self, x):
                if x.sum() > 0:
                    return x + 1
                return x - 1

        def build():
            return Branchy(), (torch.ones(3),)
        """,
    )
    result, _ = run_driver(tmp_path, request_for(workspace, "net.py:build"))
    assert result["status"] == "error"
    assert result["error"]["kind"] == "export_failure"
    assert result["error"]["location"] == {"file": "net.py", "line": 5}


def test_protocol_mismatch_is_reported_in_the_result(tmp_path: Path, workspace: Path) -> None:
    result, _ = run_driver(tmp_path, {**request_for(workspace, "net.py:build"), "protocol": 99})
    assert result["status"] == "error" and result["error"]["kind"] == "bad_input"
    assert "protocol 99" in result["error"]["message"]
