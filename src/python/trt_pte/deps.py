"""Package versions without importing the packages, and clear errors when one is missing.

`importlib.metadata` answers in milliseconds where `import torch` takes seconds, so preflight and
cache keys use it (DESIGN.md "Versions without importing").
"""

from __future__ import annotations

import importlib
import importlib.metadata
import platform
import re
import sys
from types import ModuleType

from .errors import MISSING_DEPENDENCY, DriverError

# Distribution names to try for each package we report, first match wins. TensorRT ships as a
# meta-package (`tensorrt`) or directly as its CUDA-specific wheels.
DISTRIBUTIONS: dict[str, tuple[str, ...]] = {
    "torch": ("torch",),
    "executorch": ("executorch",),
    "torch_tensorrt": ("torch_tensorrt", "torch-tensorrt"),
    "tensorrt": ("tensorrt", "tensorrt-cu13", "tensorrt-cu12", "tensorrt_cu13_libs", "tensorrt_cu12_libs"),
}

# The oldest releases trt-pte is written against (README "Tested versions").
MINIMUM: dict[str, str] = {
    "torch": "2.11",
    "executorch": "1.2",
    "torch_tensorrt": "2.12",
}

# The pinned set this project tests with; named in hints so the fix is one copy-paste.
TESTED: dict[str, str] = {
    "torch": "2.13.0",
    "executorch": "1.4.1",
    "torch_tensorrt": "2.13.0",
}


def installed_version(package: str) -> str | None:
    for dist in DISTRIBUTIONS.get(package, (package,)):
        try:
            return importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            continue
    return None


def versions() -> dict[str, str | None]:
    found: dict[str, str | None] = {"python": platform.python_version()}
    for package in DISTRIBUTIONS:
        found[package] = installed_version(package)
    return found


def version_tuple(version: str) -> tuple[int, ...]:
    """`2.13.0+cu130` → (2, 13, 0); pre-release tags are cut at the first non-number."""
    parts: list[int] = []
    for piece in version.split("+", maxsplit=1)[0].split("."):
        m = re.match(r"\d+", piece)
        if m is None:
            break
        parts.append(int(m.group()))
        if m.group() != piece:
            break
    return tuple(parts)


def require(package: str, purpose: str) -> ModuleType:
    """Imports `package`, or raises a missing-dependency error naming the package and version to install."""
    version = installed_version(package)
    minimum = MINIMUM.get(package)
    pin = f"{package.replace('_', '-')}=={TESTED[package]}" if package in TESTED else package
    if version is None:
        raise DriverError(
            MISSING_DEPENDENCY,
            f"{package} is not installed in {sys.executable}, and {purpose} needs it",
            f"install it into that environment (tested: pip install {pin}), "
            "or set `python` to an interpreter that has it",
        )
    if minimum is not None and version_tuple(version) < version_tuple(minimum):
        raise DriverError(
            MISSING_DEPENDENCY,
            f"{package} {version} is too old for {purpose}: trt-pte needs {package} >= {minimum}",
            f"upgrade it (tested: pip install {pin})",
        )
    try:
        return importlib.import_module(package)
    except ImportError as exc:
        raise DriverError(
            MISSING_DEPENDENCY,
            f"{package} {version} is installed but does not import: {exc}",
            'reinstall it, with versions that go together (README "Tested versions")',
        ) from exc
