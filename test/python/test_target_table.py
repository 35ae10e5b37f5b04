"""The driver takes what a target needs from the target table (trt_pte/targets/table.json), the
same file the action reads (src/settings/targets.ts)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import request_for

from trt_pte import export
from trt_pte.errors import MISSING_DEPENDENCY, DriverError
from trt_pte.protocol import parse_request
from trt_pte.target_table import TARGET_TABLE, TARGETS


def test_the_table_has_one_row_per_target() -> None:
    assert TARGETS == ("tensorrt", "cuda", "xnnpack", "portable")
    assert [name for name in TARGETS if TARGET_TABLE[name].gpu] == ["tensorrt", "cuda"]
    assert "torch_tensorrt" in TARGET_TABLE["tensorrt"].packages
    assert [name for name in TARGETS if TARGET_TABLE[name].settings] == ["tensorrt"]


def test_the_export_requires_the_packages_of_the_target_row(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    row = TARGET_TABLE["portable"]
    changed = dataclasses.replace(row, packages=(*row.packages, "trt_pte_no_such_package"))
    monkeypatch.setitem(TARGET_TABLE, "portable", changed)
    request = parse_request(request_for(workspace, "net.py:build", "portable"))
    with pytest.raises(DriverError) as raised:
        export.run_export(request, lambda _line: None)
    assert raised.value.kind == MISSING_DEPENDENCY
    assert "trt_pte_no_such_package is not installed" in raised.value.message
