"""The target table: one row per target in targets/table.json, read by the action too
(src/settings/targets.ts), so what a target needs is decided in one place. Outside the targets
package, so that reading it (protocol.py does) imports no target module."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType


@dataclass(frozen=True)
class TargetSpec:
    name: str
    # Needs an NVIDIA GPU and a CUDA build of torch.
    gpu: bool
    # Packages the target needs (by the names deps.DISTRIBUTIONS knows), each with the oldest
    # release trt-pte is written against, or None where any release will do (tensorrt: the
    # torch_tensorrt release pins its own).
    packages: Mapping[str, str | None]
    # Inputs only this target reads (action input names); Torch-TensorRT's settings for `tensorrt`.
    settings: tuple[str, ...]


def _load() -> dict[str, TargetSpec]:
    rows = json.loads((Path(__file__).parent / "targets" / "table.json").read_text(encoding="utf-8"))
    return {
        name: TargetSpec(name, bool(row["gpu"]), MappingProxyType(dict(row["packages"])), tuple(row["settings"]))
        for name, row in rows.items()
    }


TARGET_TABLE: dict[str, TargetSpec] = _load()
TARGETS: tuple[str, ...] = tuple(TARGET_TABLE)
