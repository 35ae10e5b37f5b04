"""CUDA and driver versions and the GPU, for the result file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import torch

from trt_pte.environment import describe_cuda, nvidia_driver_version, probe_gpu


def fake_nvidia_smi(folder: Path, output: str, code: int = 0) -> None:
    script = folder / "nvidia-smi"
    script.write_text(f"#!/bin/sh\nprintf '%s' '{output}'\nexit {code}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)


def test_the_driver_version_comes_from_nvidia_smi(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_nvidia_smi(tmp_path, "580.159.04\n")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    assert nvidia_driver_version() == "580.159.04"


@pytest.mark.parametrize(("output", "code"), [("", 0), ("NVIDIA-SMI has failed", 9)])
def test_a_failing_nvidia_smi_gives_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str, code: int
) -> None:
    fake_nvidia_smi(tmp_path, output, code)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    assert nvidia_driver_version() is None


def test_without_nvidia_smi_there_is_no_driver_version(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert nvidia_driver_version() is None


def test_describe_follows_what_torch_sees() -> None:
    described = describe_cuda()
    assert described["versions"]["cuda"] == torch.version.cuda
    if not torch.cuda.is_available():
        assert described["gpu"] is None and described["versions"]["driver"] is None
    else:
        gpu = described["gpu"]
        major, minor = torch.cuda.get_device_capability()
        assert gpu["compute_capability"] == f"{major}.{minor}" and gpu["name"] == torch.cuda.get_device_name()


def test_the_gpu_probe_answers_for_cuda_0_or_says_why_not() -> None:
    """Preflight's last resort (`python -m trt_pte gpu`): cuda:0 as CUDA sees it."""
    probed = probe_gpu()
    if torch.version.cuda is None:
        assert probed == {"gpu": None, "problem": f"torch {torch.__version__} is a CPU build", "count": 0}
    elif not torch.cuda.is_available():
        assert probed["gpu"] is None and "sees no GPU" in probed["problem"]
    else:
        major, minor = torch.cuda.get_device_capability(0)
        assert probed["gpu"]["name"] == torch.cuda.get_device_name(0)
        assert probed["gpu"]["compute_capability"] == f"{major}.{minor}"
        assert probed["count"] == torch.cuda.device_count()


@pytest.mark.gpu
def test_the_accuracy_check_runs_on_the_device() -> None:
    from trt_pte.accuracy import check
    from trt_pte.protocol import Dim, InputSpec

    module = torch.nn.Sequential(torch.nn.Linear(8, 4), torch.nn.ReLU()).cuda().eval()
    specs = (InputSpec(None, "float32", (Dim("b", 1, 3, 6), Dim(None, 8, 8, 8))),)
    seen: list[str] = []

    def run(args: tuple[torch.Tensor, ...], kwargs: dict[str, torch.Tensor]) -> torch.Tensor:
        seen.append(args[0].device.type)
        return module(*args).cpu()

    report = check(module, specs, run, "the module itself", tolerance=0.0, device=torch.device("cuda"))
    assert seen == ["cuda", "cuda", "cuda"] and report.passed and report.max_abs == 0.0
