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
    result, proc = run_driver(
        tmp_path, request_for(example_workspace, "examples/cos_block.py:build", target, benchmark_seconds=1)
    )
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
    import torch

    assert result["versions"]["cuda"] == torch.version.cuda and "driver" in result["versions"]
    assert "gpu" not in result  # the report takes the GPU from preflight
    assert set(result["timings"]) == {"load_model", "eager", "export", "lower", "write", "accuracy", "run"}
    assert_ran_and_timed(result, ["opt"])


def assert_ran_and_timed(result: dict[str, Any], shapes: list[str]) -> None:
    """The .pte ran in ExecuTorch's runtime, gave the same bits three times, and was timed against
    eager at each shape point with consistent numbers."""
    assert result["execution"] == {
        "runtime": "executorch runtime",
        "pte_ran": True,
        "reason": None,
        "checks": "executorch runtime",
        "notes": [],
    }
    assert result["determinism"] == {"runs": 3, "identical": True, "max_abs_diff": 0.0, "where": None}
    bench = result["benchmark"]
    assert bench["device"] == "cpu" and bench["built"] == "executorch runtime" and bench["threads"] >= 1
    assert [p["shape"] for p in bench["points"]] == shapes
    assert bench["method"] == "paired" and bench["base"] is None and bench["built_includes"] is None
    for point in bench["points"]:
        for side in ("eager", "built"):
            t = point[side]
            # Paired rounds: both sides timed the same number of times.
            assert t["runs"] == point["rounds"] >= 1 and t["p10_ms"] <= t["median_ms"] <= t["p90_ms"]
            assert t["median_ci"][0] <= t["median_ms"] <= t["median_ci"][1]
        low, high = point["speedup_ci"]
        assert low <= point["speedup"] <= high and isinstance(point["noisy"], bool)
        assert (point["noise"] is None) == (not point["noisy"])
    assert result["timings"]["run"] <= bench["budget_s"] + 1.0  # determinism's runs on top of the budget
    assert result["memory"]["host_peak_bytes"] > 0 and result["memory"]["eager_device_bytes"] is None
    assert result["accuracy"]["uninformative"] is None


@pytest.mark.parametrize("target", ["xnnpack", "portable"])
def test_dynamic_shapes_and_keyword_inputs(tmp_path: Path, workspace: Path, write: WriteFile, target: str) -> None:
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
    request = request_for(workspace, "net.py:build", target, inputs=inputs, benchmark_seconds=1)
    result, _ = run_driver(tmp_path, request)
    assert result["status"] == "ok", result.get("error")
    assert [p["shape"] for p in result["accuracy"]["points"]] == ["min", "opt", "max"]
    assert result["accuracy"]["passed"] is True
    assert_ran_and_timed(result, ["min", "opt", "max"])


def test_constant_eager_outputs_make_an_accuracy_check_that_cannot_tell(
    tmp_path: Path, workspace: Path, write: WriteFile
) -> None:
    write(
        "net.py",
        """
        import torch

        class Untrained(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.head = torch.nn.Linear(8, 4)
                torch.nn.init.zeros_(self.head.weight)
                torch.nn.init.zeros_(self.head.bias)

            def forward(self, x):
                return self.head(x)

        def build():
            return Untrained(), (torch.randn(2, 8),)
        """,
    )
    result, proc = run_driver(tmp_path, request_for(workspace, "net.py:build", "portable", benchmark_seconds=0))
    assert result["status"] == "ok", result.get("error")
    assert result["accuracy"]["passed"] is True  # a warning, not a failure
    assert result["accuracy"]["uninformative"] == "every eager output is all zeros, so any build matches them"
    assert "the accuracy check could not tell" in proc.stdout
    assert result["benchmark"] is None and result["determinism"]["identical"] is True


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


@pytest.mark.parametrize("target", ["tensorrt", "cuda"])
def test_gpu_targets_without_a_gpu_fail_fast_and_say_why(tmp_path: Path, example_workspace: Path, target: str) -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    result, proc = run_driver(tmp_path, request_for(example_workspace, "examples/cos_block.py:build", target))
    assert proc.returncode == 1
    assert result["error"]["kind"] == "gpu_missing"
    assert f"target '{target}' needs an NVIDIA GPU" in result["error"]["message"]
    assert not (example_workspace / "out" / "model.pte").exists()


def test_accuracy_beyond_the_tolerance_fails_the_run_and_reports_it(
    tmp_path: Path, workspace: Path, write: WriteFile
) -> None:
    # Eager differs from what was exported: the export traced the first call, eager runs later ones
    # (a module-level counter: torch.export restores attributes a forward mutates, not globals).
    write(
        "drifting.py",
        """
        import torch

        CALLS = [0]

        class Drifting(torch.nn.Module):
            def forward(self, x):
                CALLS[0] += 1
                return x * float(CALLS[0])

        def build():
            return Drifting(), (torch.ones(2, 3),)
        """,
    )
    result, proc = run_driver(tmp_path, request_for(workspace, "drifting.py:build", "portable", tolerance=1e-3))
    assert proc.returncode == 1
    assert result["error"]["kind"] == "accuracy"
    assert "exceeds the tolerance 0.001" in result["error"]["message"]
    assert "output 0 at the opt shapes" in result["error"]["message"]
    assert result["accuracy"]["passed"] is False and result["accuracy"]["tolerance"] == 1e-3
    # Without a tolerance the same run only reports.
    result, _ = run_driver(tmp_path, request_for(workspace, "drifting.py:build", "portable"))
    assert result["status"] == "ok" and result["accuracy"]["max_rel"] > 0.1


def test_an_error_in_the_models_forward_during_the_check_is_the_users(
    tmp_path: Path, workspace: Path, write: WriteFile
) -> None:
    write(
        "flaky.py",
        """
        import torch

        CALLS = [0]

        class Flaky(torch.nn.Module):
            def forward(self, x):
                CALLS[0] += 1
                if CALLS[0] > 2:  # the eager check before torch.export and the trace itself pass
                    raise ValueError("only works twice")
                return x + 1

        def build():
            return Flaky(), (torch.ones(2),)
        """,
    )
    result, _ = run_driver(tmp_path, request_for(workspace, "flaky.py:build", "portable"))
    assert result["error"]["kind"] == "model_error"
    assert result["error"]["location"] == {"file": "flaky.py", "line": 9}
    assert "eager PyTorch" in result["error"]["message"]


def test_named_outputs_keep_their_paths(tmp_path: Path, workspace: Path, write: WriteFile) -> None:
    write(
        "detector.py",
        """
        import collections
        import torch

        Pair = collections.namedtuple("Pair", ["logits", "hidden"])

        class Detector(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.conv = torch.nn.Conv2d(3, 4, 3, padding=1)

            def forward(self, x):
                y = self.conv(x)
                return {"scores": y.mean(dim=(2, 3)), "boxes": y[:, :2].flatten(1), "out": [Pair(y.sum(1), y.amax(1))]}

        def build():
            return Detector(), (torch.randn(1, 3, 8, 8),)
        """,
    )
    result, _ = run_driver(tmp_path, request_for(workspace, "detector.py:build", "portable", benchmark_seconds=0))
    assert result["status"] == "ok", result.get("error")
    assert result["outputs"] == [
        {"name": "scores", "dtype": "float32", "shape": [1, 4]},
        {"name": "boxes", "dtype": "float32", "shape": [1, 128]},
        {"name": "out.0.logits", "dtype": "float32", "shape": [1, 8, 8]},
        {"name": "out.0.hidden", "dtype": "float32", "shape": [1, 8, 8]},
    ]
    [point] = result["accuracy"]["points"]
    assert [o["name"] for o in point["outputs"]] == ["scores", "boxes", "out.0.logits", "out.0.hidden"]
    assert all(o["shape_matches"] for o in point["outputs"])
