"""What the cache key covers beyond the workspace: distributions, editable installs, imported sources."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DRIVER_ROOT

from trt_pte.key_inputs import distributions, editable_installs, imported_sources


def _dist_info(site: Path, name: str, version: str, direct_url: dict[str, object] | None = None) -> None:
    folder = site / f"{name}-{version}.dist-info"
    folder.mkdir(parents=True)
    (folder / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    if direct_url is not None:
        (folder / "direct_url.json").write_text(json.dumps(direct_url))


def test_finds_pep_660_and_legacy_editable_installs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site-packages"
    project = tmp_path / "team lib"
    legacy = tmp_path / "legacy"
    project.mkdir()
    legacy.mkdir()
    _dist_info(site, "team_lib", "0.1.0", {"url": project.as_uri(), "dir_info": {"editable": True}})
    _dist_info(site, "wheel_installed", "2.0", {"url": "https://example.com/w.whl", "archive_info": {}})
    _dist_info(site, "local_dir", "1.0", {"url": (tmp_path / "x").as_uri(), "dir_info": {}})
    (site / "Old-Pkg.egg-link").write_text(f"{legacy}\n.\n")
    monkeypatch.setattr(sys, "path", [str(site)])
    assert editable_installs() == [
        {"name": "old_pkg", "path": str(legacy.resolve())},
        {"name": "team_lib", "path": str(project.resolve())},
    ]
    assert distributions() == {"team_lib": "0.1.0", "wheel_installed": "2.0", "local_dir": "1.0"}


def test_lists_imported_user_files_but_not_the_standard_library_site_packages_or_driver(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "my_blocks.py").write_text("WIDTH = 3\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import my_blocks  # type: ignore[import-not-found]

    assert my_blocks.WIDTH == 3
    sources = imported_sources()
    assert str((tmp_path / "my_blocks.py").resolve()) in sources
    assert not any(s.endswith("/json/__init__.py") for s in sources)  # standard library
    assert not any("site-packages" in s for s in sources)  # torch, pytest: keyed by their versions
    assert not any(s.startswith(str(DRIVER_ROOT.resolve())) for s in sources)  # the package and its bootstrap
    del sys.modules["my_blocks"]


def test_versions_command_reports_every_distribution_and_the_editable_ones() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "trt_pte", "versions"],
        cwd=DRIVER_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    report = json.loads(out)
    assert report["distributions"]["torch"] == report["versions"]["torch"]
    assert "pytest" in report["distributions"]  # not one trt-pte asks about: every distribution
    assert isinstance(report["editable"], list)
