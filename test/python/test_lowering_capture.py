"""What the tensorrt target reads from inside torch_tensorrt.save, and its GPU-free decisions, on
real executorch lowering (external constants give a real .ptd on the CPU)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Any

import pytest
import torch

from trt_pte import accuracy
from trt_pte.deps import installed_version, version_tuple
from trt_pte.errors import DriverError
from trt_pte.partition import count_compiled
from trt_pte.protocol import Dim, InputSpec
from trt_pte.targets import gpu, tensorrt
from trt_pte.targets.lowering_capture import capture_lowering, write_tensor_data


class Linear(torch.nn.Module):  # type: ignore[misc]
    def __init__(self) -> None:
        super().__init__()
        self.lin = torch.nn.Linear(4, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.relu(self.lin(x))


def library_style_save(exported: Any, path: str) -> None:
    """What torch_tensorrt 2.12/2.13's _save_as_executorch does with executorch: import the lowering
    inside the function, lower, to_executorch, write the .pte only."""
    from executorch.exir import ExecutorchBackendConfig, to_edge_transform_and_lower

    edge = to_edge_transform_and_lower(exported, partitioner=[])
    program = edge.to_executorch(ExecutorchBackendConfig(external_constants=True))
    with open(path, "wb") as f:
        program.write_to_file(f)


def test_the_lowering_is_captured_and_its_ptd_written(tmp_path: Path) -> None:
    module = Linear().eval()
    x = torch.randn(2, 4)
    exported = torch.export.export(module, (x,), strict=False)
    pte = str(tmp_path / "m.pte")
    import executorch.exir

    original = executorch.exir.to_edge_transform_and_lower
    with capture_lowering() as lowering:
        library_style_save(exported, pte)
    assert executorch.exir.to_edge_transform_and_lower is original
    assert lowering.calls == 1 and lowering.partition == {"undelegated": 3}
    assert os.listdir(tmp_path) == ["m.pte"]  # the library wrote no .ptd

    assert write_tensor_data(lowering, str(tmp_path), library_writes_it=True) == "torch_tensorrt"
    assert write_tensor_data(lowering, str(tmp_path), library_writes_it=False) == "trt-pte"
    [ptd] = [str(p) for p in tmp_path.glob("*.ptd")]

    specs = (InputSpec(None, "float32", (Dim(None, 2, 2, 2), Dim(None, 4, 4, 4))),)
    assert accuracy.missing_backends(pte) == []
    report = accuracy.check(module, specs, accuracy.pte_runner(pte, [ptd], []), "executorch runtime", tolerance=1e-5)
    assert report.passed and report.max_abs < 1e-5


def test_nothing_to_write_without_external_data(tmp_path: Path) -> None:
    from executorch.exir import to_edge_transform_and_lower

    exported = torch.export.export(Linear().eval(), (torch.randn(2, 4),), strict=False)
    with capture_lowering() as lowering:
        to_edge_transform_and_lower(exported).to_executorch()
    assert write_tensor_data(lowering, str(tmp_path), library_writes_it=False) is None


def test_compiled_graphs_count_engines_and_the_ops_left_to_pytorch() -> None:
    """The shape torch_tensorrt's fast partitioner leaves: engines as `_run_on_acc_*` children,
    PyTorch segments as `_run_on_gpu_*` GraphModules, and ops inline in the top graph."""
    segment = torch.fx.symbolic_trace(lambda a: torch.cos(a) * 3.0)
    top = torch.fx.Graph()
    x = top.placeholder("x")
    acc = top.call_module("_run_on_acc_0", (x,))
    got = top.call_module("_run_on_gpu_1", (acc,))
    top.output(top.call_function(torch.add, (got, 1.0)))
    root = torch.nn.Module()
    root._run_on_acc_0 = torch.nn.Identity()
    root._run_on_gpu_1 = segment
    assert count_compiled(torch.fx.GraphModule(root, top)) == {"engines": 1, "torch_ops": 3}


def test_no_cuda_partitioner_when_tensorrt_took_everything() -> None:
    assert tensorrt._cuda_partitioners(0, "2.12.0") == ([], "not needed: TensorRT took every op")


def test_an_executorch_whose_cuda_partitioner_cannot_follow_tensorrt_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tensorrt, "cuda_partitioner_composes", lambda: False)
    with pytest.raises(DriverError) as caught:
        tensorrt._cuda_partitioners(1, "2.12.1")
    error = caught.value
    assert error.kind == "missing_dependency"
    assert "torch_tensorrt 2.12.1" in error.message and f"executorch {installed_version('executorch')}" in error.message
    assert "2.13.0 or 2.14.0 with executorch 1.4" in (error.hint or "")


def test_the_installed_executorch_is_recognised_by_feature() -> None:
    version = installed_version("executorch")
    assert version is not None
    assert gpu.cuda_partitioner_composes() == (version_tuple(version) >= (1, 4))


@pytest.mark.skipif(importlib.util.find_spec("triton") is not None, reason="triton is installed here")
def test_the_cuda_backend_without_triton_is_a_missing_dependency() -> None:
    with pytest.raises(DriverError) as caught:
        gpu.cuda_partitioner()
    assert caught.value.kind == "missing_dependency"
    assert "install triton" in (caught.value.hint or "")
