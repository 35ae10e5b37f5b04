"""The GPU stacks in requirements/: one file per tested torch_tensorrt release, each pinning what the
target table needs, at versions that each release's wheel accepts (scripts/release_contract.json,
read from the wheels' METADATA), with the index options pip needs; and every `install:` that the
README, the docs and the example workflows show names one of them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from trt_pte.deps import TESTED

REPO = Path(__file__).resolve().parents[2]
CONTRACT = json.loads((REPO / "scripts" / "release_contract.json").read_text())
TABLE = json.loads((REPO / "src" / "python" / "trt_pte" / "targets" / "table.json").read_text())
FILES = sorted((REPO / "requirements").glob("torch-tensorrt-*-cu*.txt"))
NAME = re.compile(r"^torch-tensorrt-(?P<release>\d+\.\d+)-cu(?P<cuda>\d+)\.txt$")
# Where pip finds CUDA builds: PyTorch's index for one CUDA version, NVIDIA's for TensorRT's libraries.
PYTORCH_INDEX = "https://download.pytorch.org/whl/cu{cuda}"
NVIDIA_INDEX = "https://pypi.nvidia.com"
# What the markers of a Requires-Dist line are evaluated with: a Linux runner, with the extra that
# torch_tensorrt puts executorch behind (2.13 on).
ENVIRONMENT = {"sys_platform": "linux", "platform_system": "Linux", "extra": "executorch"}


def read(path: Path) -> tuple[list[str], dict[str, Version]]:
    """The option lines and the `name==version` pins of a requirements file."""
    options: list[str] = []
    pins: dict[str, Version] = {}
    for raw in path.read_text().splitlines():
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-"):
            options.append(line)
            continue
        requirement = Requirement(line)
        specifiers = list(requirement.specifier)
        assert len(specifiers) == 1 and specifiers[0].operator == "==", f"{path.name}: pin exactly: {line}"
        pins[canonicalize_name(requirement.name)] = Version(specifiers[0].version)
    return options, pins


def applies(spec: str) -> bool:
    marker = Requirement(spec).marker
    return marker is None or Marker(str(marker)).evaluate(ENVIRONMENT)


def accepted(spec: str, version: Version) -> bool:
    return Requirement(spec).specifier.contains(version, prereleases=True)


def pinned_for(requirement_name: str, pins: dict[str, Version]) -> Version | None:
    """TensorRT is one version under several names (`tensorrt` pulls `tensorrt-cu13`, its libs and bindings)."""
    name = canonicalize_name(requirement_name)
    return pins.get("tensorrt") if name.startswith("tensorrt") else pins.get(name)


def test_there_is_a_file_for_every_release_in_the_contract() -> None:
    releases = {".".join(v.split(".")[:2]) for v in CONTRACT["releases"]}
    named = {m.group("release") for f in FILES if (m := NAME.match(f.name))}
    assert named == releases and len(FILES) == len(releases)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_file_pins_what_the_target_table_needs(path: Path) -> None:
    _, pins = read(path)
    for target, row in TABLE.items():
        if not row["gpu"]:
            continue
        for package, oldest in row["packages"].items():
            version = pins.get(canonicalize_name(package))
            assert version is not None, f"{path.name} pins no {package}, which target {target} needs"
            if oldest is not None:
                assert version.release[:2] >= Version(oldest).release[:2], f"{path.name}: {package} < {oldest}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_pins_satisfy_what_the_torch_tensorrt_release_declares(path: Path) -> None:
    _, pins = read(path)
    match = NAME.match(path.name)
    assert match is not None
    torch_tensorrt = str(pins["torch-tensorrt"])
    assert torch_tensorrt in CONTRACT["releases"], f"{path.name}: {torch_tensorrt} is not in the release contract"
    assert torch_tensorrt.startswith(match.group("release") + "."), f"{path.name} pins torch_tensorrt {torch_tensorrt}"
    requires = CONTRACT["releases"][torch_tensorrt]["requires"]
    assert {"torch", "executorch"} <= set(requires), "the contract lacks what the release requires"
    assert any(name.startswith("tensorrt") for name in requires), "the contract lacks the TensorRT requirement"
    for name, specs in requires.items():
        version = pinned_for(name, pins)
        for spec in filter(applies, specs):
            assert version is not None and accepted(spec, version), f"{path.name}: {name} {version} vs {spec}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_executorch_runtime_is_pinned_where_a_release_of_it_takes_the_stack(path: Path) -> None:
    _, pins = read(path)
    fits = [
        version
        for version, runtime in CONTRACT["executorch_runtime"].items()
        if all(
            (pinned := pinned_for(name, pins)) is not None and accepted(spec, pinned)
            for name, specs in runtime["requires"].items()
            for spec in specs
        )
    ]
    pinned = pins.get("torch-tensorrt-executorch-runtime")
    if fits:
        assert pinned is not None and str(pinned) in fits, f"{path.name}: pin the runtime ({', '.join(fits)})"
    else:
        assert pinned is None, f"{path.name}: no release of the runtime takes this stack"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_file_carries_the_index_options_pip_needs(path: Path) -> None:
    options, _ = read(path)
    match = NAME.match(path.name)
    assert match is not None
    assert options == [
        f"--extra-index-url {PYTORCH_INDEX.format(cuda=match.group('cuda'))}",
        f"--extra-index-url {NVIDIA_INDEX}",
    ]


def test_the_tested_pins_of_the_drivers_hints_are_a_files() -> None:
    """deps.TESTED names one stack in every missing-package hint; it is one of the files'."""
    release = ".".join(TESTED["torch_tensorrt"].split(".")[:2])
    _, pins = read(REPO / "requirements" / f"torch-tensorrt-{release}-cu130.txt")
    assert {k: str(pins[canonicalize_name(k)]) for k in TESTED} == TESTED


def test_preflight_hints_name_the_newest_file() -> None:
    source = (REPO / "src" / "preflight.ts").read_text()
    named = re.search(r'GPU_REQUIREMENTS = "([^"]+)"', source)
    assert named is not None
    newest = max(FILES, key=lambda f: Version(NAME.match(f.name).group("release")))  # type: ignore[union-attr]
    assert named.group(1) == f"requirements/{newest.name}"


def documents() -> list[Path]:
    found = [REPO / "README.md", REPO / ".github" / "workflows" / "compile-pte.yml"]
    found += sorted((REPO / "docs").rglob("*.md")) + sorted((REPO / "workflows").glob("*.yml"))
    found += sorted(p for p in (REPO / "examples").rglob("*") if p.suffix in (".md", ".yml", ".yaml"))
    return found


def test_every_install_shown_names_one_of_the_files() -> None:
    names = {f"requirements/{f.name}" for f in FILES}
    shown = 0
    for doc in documents():
        for number, line in enumerate(doc.read_text().splitlines(), 1):
            m = re.match(r"^\s*#?\s*install:\s*(\S+)\s*(?:#.*)?$", line)
            if m is None:
                continue
            shown += 1
            where = f"{doc.relative_to(REPO)}:{number}"
            assert m.group(1) in names, f"{where}: install: {m.group(1)} is none of {sorted(names)}"
    assert shown > 0


def test_the_container_recipe_names_no_base_of_its_own_and_adds_the_files_executorch() -> None:
    """requirements/ngc-pytorch.Dockerfile: the base comes by digest from the build (no default, no
    tag), and the executorch it adds is the one the newest file pins."""
    recipe = (REPO / "requirements" / "ngc-pytorch.Dockerfile").read_text()
    instructions = [line for line in recipe.splitlines() if line and not line.startswith("#")]
    assert instructions[:2] == ["ARG BASE", "FROM ${BASE}"]
    newest = max(FILES, key=lambda f: Version(NAME.match(f.name).group("release")))  # type: ignore[union-attr]
    _, pins = read(newest)
    assert f"ARG EXECUTORCH={pins['executorch']}" in instructions
    assert '-c /etc/trt-pte-ngc-constraints.txt "executorch==${EXECUTORCH}"' in recipe
