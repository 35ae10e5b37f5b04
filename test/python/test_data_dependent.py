"""The save error for an engine that needs TensorRT's output allocator names the ops to keep in
PyTorch. The converter registry is a stand-in speaking the interface 2.12.0 to 2.14.0 share
(`DYNAMO_CONVERTERS.get(node)` → (converter, calling convention, flags), `registries` of
target → [ConverterSupport]); the graph is a real exported program."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from typing import Any

import pytest
import torch

from trt_pte import data_dependent
from trt_pte.errors import DriverError

# What every supported release's save raises (scripts/release_contract.json has where).
REJECTION = (
    "ExecuTorch export does not support TensorRT engines that require an output allocator "
    "(data-dependent output shapes) for node 'execute_engine'."
)


@dataclass
class ConverterSupport:
    converter_implementation: Any
    requires_output_allocator: bool = False


class Registry:
    """Converters for nonzero (needs the allocator), cos and add (do not)."""

    def __init__(self) -> None:
        self.registries = [
            {
                torch.ops.aten.nonzero.default: [ConverterSupport(None, requires_output_allocator=True)],
                torch.ops.aten.cos.default: [ConverterSupport(None)],
                torch.ops.aten.add.Tensor: [ConverterSupport(None)],
            }
        ]

    def get(self, node: Any, value: Any = None) -> Any:
        for table in self.registries:
            if node.target in table:
                [support] = table[node.target]
                return (None, "ctx", {"requires_output_allocator": support.requires_output_allocator})
        return value


class Nonzero(torch.nn.Module):  # type: ignore[misc]
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.cos(x + 1).nonzero()


def _graph() -> Any:
    return torch.export.export(Nonzero(), (torch.randn(4, 4),), strict=False).graph


def test_the_ops_needing_an_output_allocator_are_found_in_the_exported_graph() -> None:
    assert data_dependent.ops_in(_graph(), Registry()) == ["aten.nonzero.default"]
    assert data_dependent.release_ops(Registry()) == ["aten.nonzero.default"]


def _base() -> DriverError:
    return DriverError("unsupported_op", f"torch_tensorrt.save to ExecuTorch failed: RuntimeError: {REJECTION}")


def test_the_save_error_names_the_ops_and_what_the_release_offers(monkeypatch: pytest.MonkeyPatch) -> None:
    assert data_dependent.is_rejection(RuntimeError(REJECTION)) and not data_dependent.is_rejection(RuntimeError("x"))
    monkeypatch.setattr(data_dependent, "_registry", Registry)
    on_2_12 = data_dependent.save_error(_base(), _graph(), fallback_parameter=False, fallback_on=False)
    assert on_2_12.kind == "unsupported_op" and on_2_12.message == _base().message
    assert "list those ops in `torch-executed-ops`" in (on_2_12.hint or "")
    assert "(in this model: aten.nonzero.default)" in (on_2_12.hint or "")
    assert "2.13 and newer do this by themselves" in (on_2_12.hint or "")
    turned_off = data_dependent.save_error(_base(), _graph(), fallback_parameter=True, fallback_on=False)
    assert "leave `fallback-data-dependent-ops` on" in (turned_off.hint or "")
    # A graph without such an op (the op came from a decomposition): the release's list instead.
    plain = torch.export.export(torch.nn.ReLU(), (torch.randn(2),), strict=False).graph
    other = data_dependent.save_error(_base(), plain, fallback_parameter=True, fallback_on=True)
    assert "in this release's converters (none matched the model's graph as exported): aten.nonzero.default" in (
        other.hint or ""
    )


@pytest.mark.skipif(importlib.util.find_spec("torch_tensorrt") is not None, reason="torch_tensorrt is installed")
def test_without_torch_tensorrt_the_hint_still_says_what_to_do() -> None:
    error = data_dependent.save_error(_base(), _graph(), fallback_parameter=False, fallback_on=False)
    assert "list those ops in `torch-executed-ops`" in (error.hint or "") and "(in this" not in (error.hint or "")
