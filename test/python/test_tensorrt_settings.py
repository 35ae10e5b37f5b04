"""The compile settings as the request carries them, and their mapping's own rules (per-release
acceptance is in test_release_contract.py)."""

from __future__ import annotations

from typing import Any

import pytest
import torch

from trt_pte.errors import DriverError
from trt_pte.protocol import CompileSettings, parse_compile, parse_request
from trt_pte.tensorrt_settings import ReleaseApi, compile_plan, resolve_op

EVERYTHING = ReleaseApi(
    "torch_tensorrt test",
    frozenset(
        {
            "min_block_size",
            "torch_executed_ops",
            "require_full_compilation",
            "optimization_level",
            "workspace_size",
            "hardware_compatible",
            "truncate_double",
            "fallback_data_dependent_ops",
            "enable_autocast",
            "autocast_low_precision_type",
        }
    ),
)


def request(**extra: Any) -> dict[str, Any]:
    return {
        "protocol": 1,
        "model": "m.py:f",
        "workspace": "/ws",
        "target": "tensorrt",
        "output_dir": "/ws/out",
        "output_name": "m",
        **extra,
    }


def test_the_request_carries_typed_settings() -> None:
    parsed = parse_request(
        request(
            compile={"precision": "bf16", "min_block_size": 1, "torch_executed_ops": ["aten.cos.default"]},
            tolerance=0.05,
        )
    )
    assert parsed.compile == CompileSettings(
        precision="bf16", min_block_size=1, torch_executed_ops=("aten.cos.default",)
    )
    assert parsed.tolerance == 0.05
    assert parse_request(request()).compile.is_default() and parse_request(request()).tolerance is None
    assert parsed.compile.to_json() == {
        "precision": "bf16",
        "min_block_size": 1,
        "torch_executed_ops": ["aten.cos.default"],
    }


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"precision": "fp8"}, "compile.precision 'fp8' is not one of fp32, fp16, bf16"),
        ({"min_block_size": -1}, "compile.min_block_size must be a non-negative integer"),
        ({"truncate_double": "yes"}, "compile.truncate_double must be true or false"),
        ({"torch_executed_ops": "aten.cos.default"}, "must be a list of op names"),
        ({"min_blocks": 1}, "unknown keys min_blocks"),
    ],
)
def test_malformed_settings_are_refused(raw: dict[str, Any], message: str) -> None:
    with pytest.raises(DriverError, match=message):
        parse_compile(raw)


def test_settings_for_another_target_and_bad_tolerances_are_refused() -> None:
    with pytest.raises(DriverError, match="Torch-TensorRT settings were given for target 'xnnpack'"):
        parse_request(request(target="xnnpack", compile={"min_block_size": 1}))
    assert parse_request(request(target="xnnpack", compile={"precision": "fp32"})).compile.is_default()
    for bad in (-1, True, "1e-3"):
        with pytest.raises(DriverError, match="tolerance"):
            parse_request(request(tolerance=bad))


def test_op_names_resolve_to_overloads() -> None:
    assert resolve_op("aten.cos.default") is torch.ops.aten.cos.default
    assert resolve_op(" torch.ops.aten.add.Tensor ") is torch.ops.aten.add.Tensor
    for name, problem in [
        ("aten.cos", "is not of the form namespace.op.overload"),
        ("aten.cosine.default", "is not an operator this torch knows"),
        ("aten.cos.nope", "is not an operator this torch knows"),
        ("aten.cos.default.x", "is not of the form"),
    ]:
        with pytest.raises(DriverError, match=problem) as caught:
            resolve_op(name)
        assert caught.value.message.startswith("`torch-executed-ops`: ")


def test_contradicting_settings_are_refused_before_any_release_sees_them() -> None:
    with pytest.raises(DriverError, match="contradict"):
        compile_plan(
            CompileSettings(require_full_compilation=True, torch_executed_ops=("aten.cos.default",)), EVERYTHING
        )
    with pytest.raises(DriverError, match="contradict"):
        compile_plan(CompileSettings(require_full_compilation=True, fallback_data_dependent_ops=True), EVERYTHING)


def test_unset_settings_pass_nothing_so_release_defaults_apply() -> None:
    # But one: the tensorrt target always saves to ExecuTorch, which needs data-dependent ops kept
    # out of TensorRT (test_release_contract.py has it per release).
    plan = compile_plan(CompileSettings(), EVERYTHING)
    assert plan.kwargs == {"fallback_data_dependent_ops": True} and plan.defaulted == ["fallback_data_dependent_ops"]


def test_a_release_without_any_precision_control_refuses_fp16() -> None:
    bare = ReleaseApi("torch_tensorrt 9.0", frozenset({"min_block_size"}))
    with pytest.raises(DriverError, match=r"`precision` is not supported by torch_tensorrt 9\.0"):
        compile_plan(CompileSettings(precision="fp16"), bare)
    with pytest.raises(DriverError, match="`hardware-compatible` is not supported"):
        compile_plan(CompileSettings(hardware_compatible=True), bare)
