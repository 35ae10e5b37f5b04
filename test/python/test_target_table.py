"""The driver takes what a target needs from the target table (trt_pte/targets/table.json), the
same file the action reads (src/settings/targets.ts)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import request_for

from trt_pte import deps, export
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
    changed = dataclasses.replace(row, packages={**row.packages, "trt_pte_no_such_package": None})
    monkeypatch.setitem(TARGET_TABLE, "portable", changed)
    request = parse_request(request_for(workspace, "net.py:build", "portable"))
    with pytest.raises(DriverError) as raised:
        export.run_export(request, lambda _line: None)
    assert raised.value.kind == MISSING_DEPENDENCY
    assert "trt_pte_no_such_package is not installed" in raised.value.message


def test_the_export_refuses_a_release_older_than_the_target_row_takes(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = TARGET_TABLE["portable"]
    installed = deps.installed_version("executorch")
    assert installed is not None
    changed = dataclasses.replace(row, packages={**row.packages, "executorch": "99.0"})
    monkeypatch.setitem(TARGET_TABLE, "portable", changed)
    request = parse_request(request_for(workspace, "net.py:build", "portable"))
    with pytest.raises(DriverError) as raised:
        export.run_export(request, lambda _line: None)
    assert raised.value.kind == MISSING_DEPENDENCY
    assert f"executorch {installed} is too old for the portable target" in raised.value.message
    assert "executorch >= 99.0" in raised.value.message
    assert f"pip install executorch=={deps.TESTED['executorch']}" in (raised.value.hint or "")


def test_every_row_takes_the_pinned_test_stack() -> None:
    """The install hints name the pins of requirements.txt, and those pins meet every row's minimum."""
    pins = dict(
        line.split("==")
        for line in (Path(__file__).parents[2] / "requirements.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    )
    assert {name: deps.TESTED[name] for name in pins} == pins
    for target, spec in TARGET_TABLE.items():
        for package, minimum in spec.packages.items():
            assert package in deps.DISTRIBUTIONS, (target, package)
            if minimum is not None and package in deps.TESTED:
                assert deps.version_tuple(deps.TESTED[package]) >= deps.version_tuple(minimum), (target, package)
