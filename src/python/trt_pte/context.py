"""What the export job hands its later steps (the target, the accuracy check, the run of the built
program): the request, the model and the example inputs it was exported with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .protocol import InputSpec, Request

Log = Callable[[str], None]
# Runs the built program on (positional inputs, keyword inputs) and returns its outputs.
Runner = Callable[[tuple[Any, ...], dict[str, Any]], Any]


@dataclass(frozen=True)
class ExportContext:
    request: Request
    module: Any  # the eager torch.nn.Module, in eval mode, on `device`
    args: tuple[Any, ...]
    # Keyword inputs in forward()'s parameter order: the order torch.export flattens them in.
    kwargs: dict[str, Any]
    specs: tuple[InputSpec, ...]
    dynamic_shapes: Any
    device: Any  # a torch.device for the GPU targets, None on the CPU
    # The outputs' names, in the flat order every runtime returns them (named_outputs.py).
    output_names: tuple[str, ...] = ()

    @property
    def keyword_order(self) -> list[str]:
        return list(self.kwargs)
