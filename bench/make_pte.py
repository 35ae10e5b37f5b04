"""Writes a real .pte of about the requested size with the executorch package: one bias-free Linear
layer whose weights are the constant segment (portable target, no delegate).

    python bench/make_pte.py OUT.pte MiB
"""

from __future__ import annotations

import math
import sys

import torch
from executorch.exir import to_edge_transform_and_lower


def main() -> None:
    out, mib = sys.argv[1], float(sys.argv[2])
    side = max(1, int(math.sqrt(mib * 2**20 / 4)))  # float32 weights: side * side * 4 bytes
    module = torch.nn.Linear(side, side, bias=False).eval()
    exported = torch.export.export(module, (torch.randn(1, side),), strict=False)
    program = to_edge_transform_and_lower(exported).to_executorch()
    with open(out, "wb") as f:
        program.write_to_file(f)


if __name__ == "__main__":
    main()
