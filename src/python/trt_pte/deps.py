"""Package versions without importing the packages, and clear errors when one is missing.

Preflight and cache keys read versions in milliseconds rather than importing torch for seconds,
so a cache hit never pays for an import. They read them where `importlib.metadata` itself finds
them, the `<name>-<version>.dist-info` / `.egg-info` folders on `sys.path`, without importing
`importlib.metadata` (70 ms of its own) on every preflight.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from types import ModuleType

# Distribution names to try for each package we report, first match wins. TensorRT ships as a
# meta-package (`tensorrt`) or directly as its CUDA-specific wheels.
DISTRIBUTIONS: dict[str, tuple[str, ...]] = {
    "torch": ("torch",),
    "executorch": ("executorch",),
    "torch_tensorrt": ("torch_tensorrt", "torch-tensorrt"),
    "tensorrt": ("tensorrt", "tensorrt-cu13", "tensorrt-cu12", "tensorrt_cu13_libs", "tensorrt_cu12_libs"),
}

# The pinned set this project tests with, named in hints so the fix is one copy-paste: torch and
# executorch as requirements.txt pins them, torch_tensorrt from docs/versions.md. The oldest
# release each target takes is in the target table (targets/table.json); the caller passes it in.
TESTED: dict[str, str] = {
    "torch": "2.13.0",
    "executorch": "1.4.1",
    "torch_tensorrt": "2.13.0",
}


def normalize(name: str) -> str:
    """A distribution name as metadata folders spell it (PEP 503 normalisation, with underscores)."""
    return re.sub(r"[-_.]+", "_", name).lower()


_METADATA_DIR = re.compile(r"^(?P<name>[^-]+)-(?P<version>[^-]+?)(?:-py[^-]*)?\.(?:dist|egg)-info$")


def installed_distributions() -> dict[str, str]:
    """Normalised name → version of every distribution installed on `sys.path`; the first entry of
    the path wins, as it does for imports and for `importlib.metadata`."""
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue  # a zip, an egg file or a missing folder: no metadata folders to read
        for name in names:
            match = _METADATA_DIR.match(name)
            if match is not None:
                found.setdefault(normalize(match.group("name")), match.group("version"))
    return found


def installed_version(package: str, installed: dict[str, str] | None = None) -> str | None:
    dists = installed_distributions() if installed is None else installed
    for dist in DISTRIBUTIONS.get(package, (package,)):
        version = dists.get(normalize(dist))
        if version is not None:
            return version
    return None


def versions() -> dict[str, str | None]:
    installed = installed_distributions()
    found: dict[str, str | None] = {"python": ".".join(str(n) for n in sys.version_info[:3])}
    for package in DISTRIBUTIONS:
        found[package] = installed_version(package, installed)
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


def require(package: str, purpose: str, minimum: str | None = None) -> ModuleType:
    """Imports `package`, or raises a missing-dependency error naming the package and version to
    install; with `minimum`, an older release is refused the same way."""
    from .errors import MISSING_DEPENDENCY, DriverError

    version = installed_version(package)
    pin = f"{package.replace('_', '-')}=={TESTED[package]}" if package in TESTED else package
    if version is None:
        raise DriverError(
            MISSING_DEPENDENCY,
            f"{package} is not installed in {sys.executable}, and {purpose} needs it",
            f"install it into that environment (tested: pip install {pin}), "
            "or point trt-pte at a Python that has it (the action's `python` input, the CLI's `--python`)",
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
            "reinstall it, with versions that go together (docs/versions.md)",
        ) from exc
