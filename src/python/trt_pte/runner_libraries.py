"""The shared-library folders torch_tensorrt's `example_executorch_runner` needs, taken from the
driver's own environment.

`readelf -d` on the binaries of the 2.13.0 and 2.14.0 wheels: both need `libnvinfer.so.11` and
`libcudart.so.13` and carry only RUNPATHs into their Bazel build tree (`$ORIGIN/../../_solib_k8/...`),
which no installation has; 2.14 also needs `libextension_cuda.so`, found through `$ORIGIN/../lib`
(torch_tensorrt's own `lib`). Where TensorRT and CUDA come from pip the dynamic loader finds neither
library by itself, so the runner is started with LD_LIBRARY_PATH holding, in this order:
1. the folders of those libraries as this process has them loaded (/proc/self/maps): the very files
   torch and torch_tensorrt run with;
2. the folders of the pip packages that ship them (`tensorrt_libs`, `nvidia/*/lib`), for a process
   that has not loaded them (the `cuda` target does not import torch_tensorrt);
3. torch_tensorrt's own `lib` beside the binary's `bin`;
then whatever LD_LIBRARY_PATH already held.
"""

from __future__ import annotations

import glob
import importlib.util
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# The sonames the binaries need, less libextension_cuda.so (torch_tensorrt's own lib has it).
NEEDED = re.compile(r"^lib(nvinfer|cudart)\.so(\.\d+)*$")
PIP_PACKAGES = ("tensorrt_libs", "nvidia")


@dataclass(frozen=True)
class LibraryFolder:
    path: str
    why: str  # e.g. "libnvinfer.so.11, loaded by the driver"


def loaded_folders(maps: Iterable[str]) -> list[LibraryFolder]:
    """The folders of the NEEDED libraries among the files mapped into this process, in the order
    the maps list them (lines of /proc/self/maps: the path is the sixth field)."""
    found: dict[str, list[str]] = {}
    for line in maps:
        fields = line.split(maxsplit=5)
        if len(fields) < 6 or not fields[5].startswith("/"):
            continue
        path = fields[5].strip()
        name = os.path.basename(path)
        if NEEDED.match(name):
            names = found.setdefault(os.path.dirname(path), [])
            if name not in names:
                names.append(name)
    return [LibraryFolder(folder, f"{', '.join(names)}, loaded by the driver") for folder, names in found.items()]


def _read_maps() -> list[str]:
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as f:
            return f.readlines()
    except OSError:  # not Linux: nothing to learn here
        return []


def pip_folders() -> list[LibraryFolder]:
    """Folders of the installed pip packages that ship a NEEDED library."""
    roots: list[str] = []
    for package in PIP_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.submodule_search_locations:
            roots.extend(spec.submodule_search_locations)
    folders = []
    for root in roots:
        for folder in sorted({root, *glob.glob(os.path.join(root, "*", "lib")), *glob.glob(os.path.join(root, "lib"))}):
            names = sorted(n for n in os.listdir(folder) if NEEDED.match(n)) if os.path.isdir(folder) else []
            if names:
                folders.append(LibraryFolder(folder, f"{', '.join(names)}, from the installed pip package"))
    return folders


def runner_folders(binary_path: str, maps: Iterable[str] | None = None) -> list[LibraryFolder]:
    """The folders to put on the runner's LD_LIBRARY_PATH, without repeats, each with why."""
    chosen: dict[str, LibraryFolder] = {}
    own = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(binary_path))), "lib")
    candidates = [
        *loaded_folders(_read_maps() if maps is None else maps),
        *pip_folders(),
        *([LibraryFolder(own, "torch_tensorrt's own lib")] if os.path.isdir(own) else []),
    ]
    for folder in candidates:
        key = os.path.realpath(folder.path)
        if key not in chosen:
            chosen[key] = folder
    return list(chosen.values())


def runner_environment(folders: list[LibraryFolder], base: Mapping[str, str] | None = None) -> dict[str, str]:
    """This process's environment with `folders` first on LD_LIBRARY_PATH."""
    env = dict(os.environ if base is None else base)
    inherited = [p for p in env.get("LD_LIBRARY_PATH", "").split(os.pathsep) if p]
    paths = [f.path for f in folders]
    env["LD_LIBRARY_PATH"] = os.pathsep.join([*paths, *(p for p in inherited if p not in paths)])
    return env


def describe(folders: list[LibraryFolder]) -> str:
    if not folders:
        return "no library folder found in the driver's environment (nothing loaded or installed from pip)"
    return "; ".join(f"{f.path} ({f.why})" for f in folders)
