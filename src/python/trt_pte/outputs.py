"""The files an export writes into its output folder: the `.pte`, and the external tensor data
(`.ptd`) beside it. The action stages a fresh folder for each export, so every `.ptd` in it is ours;
this module is the one place that lists them and the one that removes a failed export's leftovers."""

from __future__ import annotations

import os


def ptd_files(output_dir: str) -> list[str]:
    """Every `.ptd` in the output folder, sorted by name."""
    return sorted(os.path.join(output_dir, f) for f in os.listdir(output_dir) if f.endswith(".ptd"))


def remove_outputs(pte: str, output_dir: str) -> None:
    """A failed export leaves nothing behind: neither the `.pte` nor any `.ptd`."""
    for path in [pte, f"{pte}.partial", *ptd_files(output_dir)]:
        if os.path.exists(path):
            os.unlink(path)


def write_atomically(path: str, data: bytes) -> None:
    """Write beside the target, then rename: the output folder never holds half a `.pte`."""
    tmp = f"{path}.partial"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
