"""What the driver passes to each supported torch_tensorrt release is what that release accepts, and
the shim's targets are where it claims they are: checked against scripts/release_contract.json,
which scripts/release_contract.py reads out of the real release wheels."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import textwrap
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from trt_pte.compat import FIX_FEATURE, SHIM_TARGETS, find_name_then_target_lookups
from trt_pte.errors import DriverError
from trt_pte.example_inputs import tensorrt_input_kwargs
from trt_pte.protocol import CompileSettings, Dim, InputSpec
from trt_pte.tensorrt_settings import ReleaseApi, cache_kwargs, compile_plan, save_kwargs

TABLE = json.loads((REPO / "scripts" / "release_contract.json").read_text())
RELEASES: dict[str, Any] = TABLE["releases"]
BUGGY = ("2.12.0", "2.12.1", "2.13.0")
FIXED = ("2.14.0",)


def api(version: str) -> ReleaseApi:
    return ReleaseApi(f"torch_tensorrt {version}", frozenset(RELEASES[version]["compile"]["parameters"]))


EVERY_SETTING = CompileSettings(
    precision="fp16",
    min_block_size=1,
    torch_executed_ops=("aten.cos.default",),
    optimization_level=5,
    workspace_size=1 << 30,
    hardware_compatible=True,
    truncate_double=True,
)


def test_the_table_covers_the_supported_releases() -> None:
    assert sorted(RELEASES) == sorted(BUGGY + FIXED)
    assert TABLE["schema"] == 1


@pytest.mark.parametrize("version", sorted(RELEASES))
@pytest.mark.parametrize("precision", ["fp32", "fp16", "bf16"])
def test_every_compile_keyword_the_driver_passes_is_a_parameter(version: str, precision: str) -> None:
    settings = dataclasses.replace(EVERY_SETTING, precision=precision)
    plan = compile_plan(settings, api(version))
    assert set(plan.kwargs) <= set(RELEASES[version]["compile"]["parameters"])
    assert {"min_block_size", "torch_executed_ops", "optimization_level", "workspace_size"} <= set(plan.kwargs)


@pytest.mark.parametrize("version", sorted(RELEASES))
def test_every_cache_keyword_the_driver_passes_is_a_parameter(version: str, tmp_path: Path) -> None:
    caches = {
        "timing_cache_path": str(tmp_path / "timing" / "timing_cache.bin"),
        "engine_cache_dir": str(tmp_path / "engine"),
        "engine_cache_max_bytes": 5 << 30,
    }
    kwargs = cache_kwargs(caches, api(version))
    assert set(kwargs) <= set(RELEASES[version]["compile"]["parameters"])
    # Every layer reaches the release: the timing cache, and the engine cache with refittable engines.
    assert kwargs["timing_cache_path"] == caches["timing_cache_path"]
    assert kwargs["engine_cache_dir"] == caches["engine_cache_dir"]
    assert kwargs["immutable_weights"] is False and kwargs["cache_built_engines"] and kwargs["reuse_cached_engines"]
    assert kwargs["engine_cache_size"] == 5 << 30
    assert (tmp_path / "timing").is_dir() and (tmp_path / "engine").is_dir()


def test_the_engine_cache_on_a_release_without_it_is_an_error_naming_the_release() -> None:
    old = ReleaseApi("torch_tensorrt 2.0.0", frozenset({"timing_cache_path"}))
    with pytest.raises(DriverError) as err:
        cache_kwargs({"engine_cache_dir": "/tmp/x"}, old)
    assert "torch_tensorrt 2.0.0" in err.value.message and "`immutable_weights`" in err.value.message
    assert cache_kwargs({}, old) == {}


@pytest.mark.parametrize("version", sorted(RELEASES))
def test_precision_goes_through_each_releases_autocast(version: str) -> None:
    import torch

    release = RELEASES[version]
    # Every release has the autocast parameters and the pass they turn on, and types explicitly by
    # default (2.12's enabled_precisions would need weak typing, use_explicit_typing=False).
    assert {"enable_autocast", "autocast_low_precision_type"} <= set(release["compile"]["parameters"])
    assert release["autocast_pass"] is True
    assert release["compile"]["defaults"]["enable_autocast"] is False
    assert release["compile"]["defaults"].get("use_explicit_typing", True) is True
    for precision, dtype in (("fp16", torch.float16), ("bf16", torch.bfloat16)):
        plan = compile_plan(CompileSettings(precision=precision), api(version))
        assert plan.kwargs == {
            "enable_autocast": True,
            "autocast_low_precision_type": dtype,
            **({"fallback_data_dependent_ops": True} if version >= "2.13" else {}),
        }


def test_data_dependent_ops_stay_out_of_tensorrt_by_default_from_2_13() -> None:
    for version in ("2.12.0", "2.12.1"):
        assert "fallback_data_dependent_ops" not in RELEASES[version]["compile"]["parameters"]
        with pytest.raises(DriverError, match=f"not supported by torch_tensorrt {version}") as caught:
            compile_plan(CompileSettings(fallback_data_dependent_ops=True), api(version))
        assert caught.value.kind == "bad_input" and "2.13.0" in (caught.value.hint or "")
        # false is what 2.12 does anyway: nothing to pass, nothing dropped; unset passes nothing.
        plan = compile_plan(CompileSettings(fallback_data_dependent_ops=False), api(version))
        assert plan.kwargs == {} and plan.not_needed == ["fallback_data_dependent_ops"]
        assert compile_plan(CompileSettings(), api(version)).kwargs == {}
    for version in ("2.13.0", "2.14.0"):
        # The release's own default would keep such ops in TensorRT, and the save then rejects the engine.
        assert RELEASES[version]["compile"]["defaults"]["fallback_data_dependent_ops"] is False
        unset = compile_plan(CompileSettings(), api(version))
        assert unset.kwargs == {"fallback_data_dependent_ops": True}
        assert unset.defaulted == ["fallback_data_dependent_ops"]
        for value in (True, False):
            plan = compile_plan(CompileSettings(fallback_data_dependent_ops=value), api(version))
            assert plan.kwargs == {"fallback_data_dependent_ops": value} and plan.defaulted == []
        # The release refuses both together: full compilation leaves it at the release's default.
        full = compile_plan(CompileSettings(require_full_compilation=True), api(version))
        assert full.kwargs == {"require_full_compilation": True} and full.defaulted == []


@pytest.mark.parametrize("version", sorted(RELEASES))
def test_the_data_dependent_ops_the_messages_name_need_an_output_allocator(version: str) -> None:
    assert {"aten.nonzero.default", "aten.index.Tensor"} <= set(RELEASES[version]["output_allocator_ops"])


@pytest.mark.parametrize("version", sorted(RELEASES))
def test_the_compiled_module_runs_on_the_cpp_runtime(version: str) -> None:
    """trt-pte never sets use_python_runtime: its engines are the TorchScript `Engine` class, which
    exposes no device-memory size (memory.py measures what the compiled module holds instead)."""
    assert RELEASES[version]["compile"]["defaults"]["use_python_runtime"] is False
    assert "use_python_runtime" not in compile_plan(EVERY_SETTING, api(version)).kwargs


@pytest.mark.parametrize("version", sorted(RELEASES))
def test_every_save_keyword_the_driver_passes_is_accepted(version: str) -> None:
    save = RELEASES[version]["save"]
    accepted = set(save["parameters"]) | set(save["executorch_kwargs"])
    passed = save_kwargs(args=[1], kwargs={}, dynamic_shapes=None, partitioners=[object()])
    assert set(passed) <= accepted
    assert "partitioners" in save["executorch_kwargs"]


def _tested_versions_row(version: str) -> str:
    """The row of docs/versions.md's torch_tensorrt table whose first cell names `version`."""
    section = (REPO / "docs" / "versions.md").read_text()
    rows = [line for line in section.splitlines() if line.startswith("| 2.")]
    found = [row for row in rows if version in row.split("|")[1].replace(" ", "").split(",")]
    assert len(found) == 1, f"docs/versions.md's table has no single row for torch_tensorrt {version}"
    return found[0]


@pytest.mark.parametrize("version", sorted(RELEASES))
def test_readme_names_the_executorch_save_options_each_release_has(version: str) -> None:
    # docs/versions.md says what each release gets; the wheel says what its save() takes out of **kwargs.
    options_cell = _tested_versions_row(version).split("|")[5]
    named = {word.strip("`") for word in options_cell.replace(",", " ").split() if word.startswith("`")}
    assert named == set(RELEASES[version]["save"]["executorch_kwargs"])


@pytest.mark.parametrize("version", sorted(RELEASES))
def test_every_input_keyword_the_driver_passes_is_read(version: str) -> None:
    static = InputSpec(None, "float32", (Dim(None, 2, 2, 2),))
    dynamic = InputSpec("mask", "bool", (Dim("b", 1, 4, 8), Dim(None, 3, 3, 3)))
    read = set(RELEASES[version]["input_kwargs"])
    assert set(tensorrt_input_kwargs(static, "x")) <= read
    assert set(tensorrt_input_kwargs(dynamic, "mask")) <= read


@pytest.mark.parametrize("version", BUGGY)
def test_the_shim_targets_hold_the_buggy_lookup_where_it_patches(version: str) -> None:
    release = RELEASES[version]
    assert release["has_fix"] is False
    targets = release["shim_targets"]
    compile_target, backend_target, partitioner_target = (targets[t.qualname] for t in SHIM_TARGETS)
    assert compile_target["defined"] and compile_target["buggy_lookup_lines"]
    assert backend_target["defined"] and backend_target["buggy_lookup_lines"]
    # 2.13.0 imports the backend's function into the partitioner by name; 2.12.x does not use it there.
    if version == "2.13.0":
        assert partitioner_target["bound_from"] == SHIM_TARGETS[1].module
    else:
        assert partitioner_target == {"defined": False, "bound_from": None, "buggy_lookup_lines": []}
    # Neither .ptd writing nor the fix: the driver writes the .ptd itself on these releases.
    assert release["save_writes_ptd"] is False


@pytest.mark.parametrize("version", FIXED)
def test_a_fixed_release_has_the_fix_and_no_buggy_lookup(version: str) -> None:
    release = RELEASES[version]
    assert release["has_fix"] is True and release["save_writes_ptd"] is True
    assert not any(t["buggy_lookup_lines"] for t in release["shim_targets"].values())


def _load_script() -> Any:
    spec = importlib.util.spec_from_file_location("release_contract", REPO / "scripts" / "release_contract.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_reader_extracts_what_it_claims_from_a_wheel(tmp_path: Path) -> None:
    """The extractor itself, on a small wheel written here (the real table needs the network)."""
    files = {
        "torch_tensorrt/dynamo/_compiler.py": """
            from torch_tensorrt.dynamo import _defaults

            def compile(exported_program, inputs=None, *, min_block_size=5, enabled_precisions=None,
                        enable_autocast=_defaults.ENABLE_AUTOCAST, workspace=_defaults.UNKNOWN, **kwargs):
                pass
        """,
        "torch_tensorrt/dynamo/_defaults.py": "ENABLE_AUTOCAST = False\nTIMING = os.path.join('a', 'b')\n",
        "torch_tensorrt/dynamo/lowering/passes/rule_based_autocast.py": """
            def rule_based_autocast(gm, settings):
                if not settings.enable_autocast:
                    return gm
        """,
        "torch_tensorrt/dynamo/conversion/aten_ops_converters.py": """
            @dynamo_tensorrt_converter(torch.ops.aten.nonzero.default, requires_output_allocator=True)
            def nonzero(ctx):
                pass

            @dynamo_tensorrt_converter(torch.ops.aten.cos.default, supports_dynamic_shapes=True)
            def cos(ctx):
                pass
        """,
        "torch_tensorrt/_compile.py": """
            def save(module, file_path="", *, output_format="exported_program", retrace=True, **kwargs):
                partitioners = kwargs.pop("partitioners", None)

            def _replace_execute_engine_for_executorch(exp_program):
                engine = constants.get(node.name) or constants.get(node.target)
        """,
        "torch_tensorrt/_Input.py": """
            class Input:
                def __init__(self, *args, **kwargs):
                    if "shape" in kwargs:
                        self.shape = kwargs["shape"]
                    self.name = kwargs.get("name")
        """,
        "torch_tensorrt/executorch/backend.py": "def _get_engine_info_from_edge_program(p):\n    return None\n",
        "torch_tensorrt/executorch/partitioner.py": (
            "from torch_tensorrt.executorch.backend import _get_engine_info_from_edge_program\n"
        ),
        "torch_tensorrt-9.9.9.dist-info/METADATA": "Requires-Dist: torch<3,>=2.12\nRequires-Dist: numpy\n",
    }
    wheel = tmp_path / "torch_tensorrt-9.9.9-cp312-cp312-linux_x86_64.whl"
    with zipfile.ZipFile(wheel, "w") as z:
        for name, text in files.items():
            z.writestr(name, textwrap.dedent(text).lstrip())
    release = _load_script().read_release(wheel)
    assert release["compile"] == {
        "parameters": [
            "enable_autocast",
            "enabled_precisions",
            "exported_program",
            "inputs",
            "min_block_size",
            "workspace",
        ],
        "var_keyword": True,
        # Literals and constants of _defaults; a name it does not hold is left out.
        "defaults": {"enable_autocast": False, "enabled_precisions": None, "inputs": None, "min_block_size": 5},
    }
    assert release["autocast_pass"] is True and release["output_allocator_ops"] == ["aten.nonzero.default"]
    assert release["save"]["executorch_kwargs"] == ["partitioners"]
    assert release["input_kwargs"] == ["name", "shape"]
    targets = release["shim_targets"]
    assert targets[SHIM_TARGETS[0].qualname] == {"defined": True, "bound_from": None, "buggy_lookup_lines": [5]}
    assert targets[SHIM_TARGETS[1].qualname]["buggy_lookup_lines"] == []
    assert targets[SHIM_TARGETS[2].qualname]["bound_from"] == SHIM_TARGETS[1].module
    assert release["has_fix"] is False and release["requires"] == {"torch": ["torch<3,>=2.12"]}


def test_the_fix_feature_is_what_the_shim_checks_for() -> None:
    assert FIX_FEATURE.qualname == "torch_tensorrt.dynamo._exporter._resolve_lifted_custom_obj"
    assert find_name_then_target_lookups("def f():\n    return a.get(n.name) or a.get(n.target)\n") == {"f": [2]}
