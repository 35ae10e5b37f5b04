"""What the cache key must cover beyond the workspace, as the interpreter sees it.

Preflight (`python -m trt_pte versions`) reports every installed distribution with its version and
where each editable install's sources live (their version stays put when their code changes, so
the action hashes their files instead). After an export, `imported_sources` lists the source files
the run imported from anywhere else: the action warns about those no key input covers. Standard
library only, and no imports of what it describes.
"""

from __future__ import annotations

import json
import os
import site
import sys
import sysconfig
from typing import TypedDict
from urllib.parse import unquote, urlparse

from .deps import _METADATA_DIR, installed_distributions, normalize


class EditableInstall(TypedDict):
    name: str
    """The distribution's name as metadata folders spell it (see deps.normalize)."""
    path: str
    """The folder its sources are imported from (the project the user installed with `pip install -e`)."""


def distributions() -> dict[str, str]:
    """Normalised name → version of every distribution on `sys.path` (the first one wins)."""
    return installed_distributions()


def _editable_target(metadata_dir: str) -> str | None:
    """The source folder of a PEP 660 editable install, from the PEP 610 `direct_url.json`."""
    try:
        with open(os.path.join(metadata_dir, "direct_url.json"), encoding="utf-8") as f:
            record = json.load(f)
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict):
        return None
    dir_info = record.get("dir_info")
    url = record.get("url")
    if not isinstance(dir_info, dict) or dir_info.get("editable") is not True or not isinstance(url, str):
        return None
    parsed = urlparse(url)
    return unquote(parsed.path) if parsed.scheme == "file" else None


def _egg_link_target(path: str) -> str | None:
    """The source folder a legacy `setup.py develop` install names in its `.egg-link` file."""
    try:
        with open(path, encoding="utf-8") as f:
            first = f.readline().strip()
    except OSError:
        return None
    return first or None


def editable_installs() -> list[EditableInstall]:
    """Every editable install on `sys.path`, first one per name, sorted by name."""
    found: dict[str, str] = {}
    for entry in sys.path:
        folder = entry or "."
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            match = _METADATA_DIR.match(name)
            if match is not None and name.endswith(".dist-info"):
                target = _editable_target(os.path.join(folder, name))
                if target is not None:
                    found.setdefault(normalize(match.group("name")), os.path.realpath(target))
            elif name.endswith(".egg-link"):
                target = _egg_link_target(os.path.join(folder, name))
                if target is not None:
                    path = os.path.realpath(os.path.join(folder, target))
                    found.setdefault(normalize(name[: -len(".egg-link")]), path)
    return [{"name": n, "path": p} for n, p in sorted(found.items())]


def _installed_roots() -> list[str]:
    """Folders whose files belong to the interpreter or an installed distribution (their versions
    are in the key): the standard library and every site-packages folder."""
    roots: set[str] = set()
    paths = sysconfig.get_paths()
    for name in ("stdlib", "platstdlib", "purelib", "platlib"):
        if name in paths:
            roots.add(paths[name])
    site_packages = getattr(site, "getsitepackages", None)  # a virtualenv's old site.py has none
    if site_packages is not None:
        roots.update(site_packages())
    user_site = site.getusersitepackages() if site.ENABLE_USER_SITE else None
    if isinstance(user_site, str):
        roots.add(user_site)
    return sorted({os.path.realpath(r) + os.sep for r in roots})


def imported_sources() -> list[str]:
    """Real paths of the Python files this process imported from outside the standard library,
    site-packages and the driver itself: the user's own code, wherever it lives."""
    # The driver: this package and the script beside it that starts it (trt_pte_driver.py).
    driver = os.path.dirname(os.path.realpath(os.path.dirname(__file__))) + os.sep
    roots = [*_installed_roots(), driver]
    found: set[str] = set()
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if not isinstance(file, str) or not file.endswith(".py"):
            continue
        real = os.path.realpath(file)
        if not any(real.startswith(root) for root in roots) and os.path.isfile(real):
            found.add(real)
    return sorted(found)
