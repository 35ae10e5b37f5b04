"""One module per backend target. Each turns an ExportedProgram into files in the output folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..context import Runner
from ..memory import Held


@dataclass
class TargetOutcome:
    pte: str
    ptd: list[str] = field(default_factory=list)
    # Compute nodes per backend id and `undelegated` (see partition.count_nodes).
    partition: dict[str, int] = field(default_factory=dict)
    # Extra facts a target reports (e.g. whether the FQN shim was applied).
    details: dict[str, Any] = field(default_factory=dict)
    # Stage name → seconds, in the order they ran.
    timings: dict[str, float] = field(default_factory=dict)
    # The compiled module in process, where the target has one (tensorrt): what the checks run when
    # no runtime in this environment can run the .pte itself.
    compiled: Runner | None = None
    # Device memory the compiled module holds: the rise across the compile that loaded its engines.
    compiled_held: Held | None = None
