"""The GPU targets end to end through the driver, as the action runs it. They skip without a CUDA
device (`gpu`) or without torch_tensorrt (`tensorrt`); see scripts/gpu-check.sh for a lent machine."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, request_for, run_driver

from trt_pte.deps import installed_version, version_tuple

pytestmark = pytest.mark.gpu

# The releases whose save path carries the buggy lifted-engine lookup (scripts/release_contract.json).
BUGGY_RELEASES = ("2.12.0", "2.12.1", "2.13.0")


def delegate_ids(pte: Path) -> list[str]:
    """Backend ids in the .pte, read with executorch's own deserializer."""
    from executorch.exir._serialize._program import deserialize_pte_binary

    parsed = deserialize_pte_binary(pte.read_bytes())
    program = getattr(parsed, "program", parsed)
    return [d.id for plan in program.execution_plan for d in plan.delegates]


@pytest.fixture
def seed_workspace(workspace: Path) -> Path:
    shutil.copytree(REPO / "examples", workspace / "examples")
    return workspace


def seed_request(workspace: Path, **extra: Any) -> dict[str, Any]:
    """The seed repro: (x + 1) * 2 → cos kept out of TensorRT → * 3 + 4, input (2, 3, 4, 4)."""
    return request_for(
        workspace,
        "examples/cos_block.py:build",
        "tensorrt",
        compile={"min_block_size": 1, "torch_executed_ops": ["aten.cos.default"]},
        tolerance=1e-2,
        **extra,
    )


@pytest.mark.tensorrt
def test_the_seed_repro_exports_tensorrt_and_cuda_delegates(tmp_path: Path, seed_workspace: Path) -> None:
    result, proc = run_driver(tmp_path, seed_request(seed_workspace))
    assert result["status"] == "ok", (result.get("error"), proc.stdout[-4000:])
    pte = seed_workspace / "out" / "model.pte"
    ids = delegate_ids(pte)
    assert "TensorRTBackend" in ids and "CudaBackend" in ids
    # Two engines (add/mul before cos, mul/add after), cos in the CUDA delegate.
    details = result["details"]
    assert details["engines"] == 2 and details["ops_left_to_pytorch"] == 1
    assert result["partition"]["TensorRTBackend"] == 4 and result["partition"]["CudaBackend"] >= 1
    assert result["partition"]["undelegated"] == 0
    shim = details["fqn_shim"]
    assert shim["applied"] is (installed_version("torch_tensorrt") in BUGGY_RELEASES)
    if shim["applied"]:
        assert shim["resolved"], "the shim ran but the save path looked nothing up"
    # The CUDA delegate's weights live in a .ptd beside the .pte, reported with the files.
    kinds = sorted(f["kind"] for f in result["files"])
    assert kinds[0] == "pte" and all(k == "ptd" for k in kinds[1:])
    for f in result["files"]:
        assert (seed_workspace / "out" / f["name"]).stat().st_size == f["bytes"]
    assert result["accuracy"]["status"] == "checked" and result["accuracy"]["passed"] is True
    assert result["versions"]["cuda"]
    assert {"compile", "save", "accuracy", "run"} <= set(result["timings"])
    # What ran: the runtime wheel or a runner when present, else the compiled module, saying so.
    execution = result["execution"]
    assert execution["pte_ran"] is (execution["reason"] is None)
    if not execution["pte_ran"]:
        assert execution["runtime"] == "compiled module" and "torch-tensorrt-executorch-runtime" in execution["reason"]
    assert result["determinism"]["runs"] == 3 and result["determinism"]["identical"] is True
    [point] = result["benchmark"]["points"]
    assert point["shape"] == "opt" and point["built"]["runs"] >= 1 and result["benchmark"]["device"] != "cpu"
    assert point["speedup"] == point["eager"]["median_ms"] / point["built"]["median_ms"]
    assert result["memory"]["eager_device_bytes"] is not None and result["memory"]["host_peak_bytes"] > 0


@pytest.mark.tensorrt
def test_the_seed_repro_with_a_dynamic_batch(tmp_path: Path, seed_workspace: Path) -> None:
    dims = [{"symbol": "b", "min": 1, "opt": 2, "max": 4}] + [
        {"symbol": None, "min": s, "opt": s, "max": s} for s in (3, 4, 4)
    ]
    result, proc = run_driver(
        tmp_path, seed_request(seed_workspace, inputs=[{"name": None, "dtype": "float32", "dims": dims}])
    )
    assert result["status"] == "ok", (result.get("error"), proc.stdout[-4000:])
    assert [p["shape"] for p in result["accuracy"]["points"]] == ["min", "opt", "max"]
    assert "TensorRTBackend" in delegate_ids(seed_workspace / "out" / "model.pte")


@pytest.mark.tensorrt
def test_fallback_data_dependent_ops_on_2_12_is_refused_naming_the_release(
    tmp_path: Path, seed_workspace: Path
) -> None:
    version = installed_version("torch_tensorrt")
    assert version is not None
    if version_tuple(version) >= (2, 13):
        pytest.skip("this release supports the setting")
    request = seed_request(seed_workspace)
    request["compile"]["fallback_data_dependent_ops"] = True
    result, _ = run_driver(tmp_path, request)
    assert result["error"]["kind"] == "bad_input"
    assert f"not supported by torch_tensorrt {version}" in result["error"]["message"]


def test_the_cuda_target_exports_a_cuda_delegate_and_its_ptd(tmp_path: Path, seed_workspace: Path) -> None:
    pytest.importorskip("executorch")
    result, proc = run_driver(tmp_path, request_for(seed_workspace, "examples/cos_block.py:build", "cuda"))
    assert result["status"] == "ok", (result.get("error"), proc.stdout[-4000:])
    assert set(delegate_ids(seed_workspace / "out" / "model.pte")) == {"CudaBackend"}
    assert result["partition"]["CudaBackend"] == 5 and result["partition"]["undelegated"] == 0
    assert any(f["kind"] == "ptd" for f in result["files"])
