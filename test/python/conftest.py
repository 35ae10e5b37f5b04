"""Shared fixtures for the driver's tests: a throwaway workspace with model files written into it."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
DRIVER_ROOT = REPO / "src" / "python"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`gpu` tests skip without a CUDA device, `tensorrt` tests without torch_tensorrt, each saying so."""
    import torch

    no_gpu = (
        None if torch.cuda.is_available() else f"needs an NVIDIA GPU: torch {torch.__version__} sees no CUDA device"
    )
    no_trt = None if importlib.util.find_spec("torch_tensorrt") else "needs torch_tensorrt, which is not installed"
    for item in items:
        if no_gpu and item.get_closest_marker("gpu"):
            item.add_marker(pytest.mark.skip(reason=no_gpu))
        elif no_trt and item.get_closest_marker("tensorrt"):
            item.add_marker(pytest.mark.skip(reason=no_trt))


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "repo"
    ws.mkdir()
    return ws


WriteFile = Callable[[str, str], Path]


@pytest.fixture
def write(workspace: Path) -> WriteFile:
    """write("models/net.py", source) puts a dedented file into the workspace."""

    def _write(relative: str, source: str) -> Path:
        path = workspace / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source).lstrip())
        return path

    return _write


def request_for(workspace: Path, model: str, target: str = "portable", **extra: Any) -> dict[str, Any]:
    return {
        "protocol": 1,
        "model": model,
        "workspace": str(workspace),
        "target": target,
        "output_dir": str(workspace / "out"),
        "output_name": "model",
        "inputs": [],
        **extra,
    }


def run_driver(tmp: Path, request: dict[str, Any]) -> tuple[dict[str, Any], subprocess.CompletedProcess[str]]:
    """Runs `python -m trt_pte export` as the action does and returns the result file's content."""
    req = tmp / "request.json"
    res = tmp / "result.json"
    req.write_text(json.dumps(request))
    # The driver first; what PYTHONPATH held after it (scripts/gpu-check.sh puts carried packages there).
    inherited = os.environ.get("PYTHONPATH")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(DRIVER_ROOT), inherited) if p)}
    proc = subprocess.run(
        [sys.executable, "-m", "trt_pte", "export", "--request", str(req), "--result", str(res)],
        capture_output=True,
        text=True,
        env=env,
        cwd=request["workspace"],
        check=False,
        timeout=600,
    )
    assert res.exists(), f"no result file; stderr:\n{proc.stderr}"
    return json.loads(res.read_text()), proc


def static(*shape: int) -> list[dict[str, Any]]:
    return [{"symbol": None, "min": s, "opt": s, "max": s} for s in shape]
