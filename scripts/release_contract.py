#!/usr/bin/env python3
"""Reads each supported torch_tensorrt release's wheel (with `ast`, never importing it) and writes
what the driver depends on to scripts/release_contract.json:

- the parameters `torch_tensorrt.dynamo.compile` and `torch_tensorrt.save` accept (and the
  executorch options save pops from **kwargs), and the keys `torch_tensorrt.Input` reads;
- the defaults of compile's parameters where they are constants (literals, or names of
  `dynamo/_defaults.py`), e.g. `fallback_data_dependent_ops` and `use_explicit_typing`;
- whether the release has the rule-based autocast pass that `enable_autocast` turns on, and the ops
  whose converters are registered with `requires_output_allocator=True` (data-dependent shapes);
- where the FQN shim's targets (trt_pte.compat.SHIM_TARGETS) are defined or bound, and whether
  they hold the buggy `constants.get(node.name) or constants.get(node.target)` lookup;
- whether the fix (`_resolve_lifted_custom_obj`) is there, and whether save writes the `.ptd`;
- the torch / executorch / TensorRT requirements from the wheel's METADATA;
- the requirements of the Torch-TensorRT ExecuTorch runtime wheel (torch-tensorrt-executorch-runtime).

test/python/test_gpu_requirements.py holds the requirements/ files to these requirements.

test/python/test_release_contract.py checks the driver against the committed table, so a release
that renames or drops something the driver passes fails in CI, not on a user's GPU runner.

    python3 scripts/release_contract.py            # download what is missing, rewrite the table
    python3 scripts/release_contract.py --wheels DIR --no-download
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src" / "python"))

from trt_pte.compat import FIX_FEATURE, SHIM_TARGETS, find_name_then_target_lookups  # noqa: E402

RELEASES = ("2.12.0", "2.12.1", "2.13.0", "2.14.0")
RUNTIME = "torch-tensorrt-executorch-runtime"
RUNTIME_RELEASES = ("0.1.0",)
TABLE = HERE / "release_contract.json"
SCHEMA = 1
# Any one platform will do: the Python sources are the same in every wheel of a release.
PLATFORM = ("--python-version", "3.12", "--platform", "manylinux_2_28_x86_64")
# The pass `enable_autocast` runs (the lowering pass that gives layers the lower precision).
AUTOCAST_PASS = "torch_tensorrt.dynamo.lowering.passes.rule_based_autocast"


def module_file(module: str) -> str:
    return module.replace(".", "/") + ".py"


def top_level_function(tree: ast.Module, name: str) -> ast.FunctionDef | None:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return node
    return None


def parameters(function: ast.FunctionDef) -> dict[str, Any]:
    a = function.args
    return {
        "parameters": sorted(p.arg for p in [*a.posonlyargs, *a.args, *a.kwonlyargs]),
        "var_keyword": a.kwarg is not None,
    }


def kwargs_method_key(node: ast.AST, method: str) -> str | None:
    """The literal key of a call `kwargs.<method>("key", ...)`, else None."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == method
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "kwargs"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return node.args[0].value
    return None


def popped_kwargs(function: ast.FunctionDef) -> list[str]:
    """Names save() takes out of **kwargs: `kwargs.pop("name", ...)`."""
    return sorted({key for node in ast.walk(function) if (key := kwargs_method_key(node, "pop")) is not None})


def kwargs_keys_read(function: ast.FunctionDef) -> list[str]:
    """Keys a function reads from its **kwargs: `"k" in kwargs`, `kwargs["k"]`, `kwargs.get("k")`."""
    keys = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Compare) and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
            if any(isinstance(c, ast.Name) and c.id == "kwargs" for c in node.comparators):
                keys.add(node.left.value)
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id == "kwargs"
            and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, str)
        ):
            keys.add(node.slice.value)
        elif (key := kwargs_method_key(node, "get")) is not None:
            keys.add(key)
    return sorted(keys)


def constants(tree: ast.Module) -> dict[str, Any]:
    """Top-level `NAME = <literal>` (or `NAME: T = <literal>`) assignments of a module."""
    found: dict[str, Any] = {}
    for node in tree.body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        value = getattr(node, "value", None)
        for target in targets:
            if isinstance(target, ast.Name) and value is not None:
                try:
                    found[target.id] = ast.literal_eval(value)
                except ValueError:
                    continue
    return found


def parameter_defaults(function: ast.FunctionDef, defaults_module: dict[str, Any]) -> dict[str, Any]:
    """Each parameter's default where it is a literal or a name of `_defaults` holding one."""
    a = function.args
    positional = [*a.posonlyargs, *a.args]
    pairs = list(zip(positional[len(positional) - len(a.defaults) :], a.defaults, strict=True)) + [
        (arg, default) for arg, default in zip(a.kwonlyargs, a.kw_defaults, strict=True) if default is not None
    ]
    found: dict[str, Any] = {}
    for arg, default in pairs:
        if (
            isinstance(default, ast.Attribute)
            and isinstance(default.value, ast.Name)
            and default.value.id == "_defaults"
        ):
            if default.attr in defaults_module:
                found[arg.arg] = defaults_module[default.attr]
            continue
        try:
            value = ast.literal_eval(default)
        except ValueError:
            continue
        if value is None or isinstance(value, (bool, int, float, str)):
            found[arg.arg] = value
    return dict(sorted(found.items()))


def output_allocator_ops(sources: dict[str, str]) -> list[str]:
    """Targets of `@dynamo_tensorrt_converter(<target>, ..., requires_output_allocator=True)`."""
    found = set()
    for text in sources.values():
        for node in ast.walk(ast.parse(text)):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            flagged = any(
                k.arg == "requires_output_allocator" and isinstance(k.value, ast.Constant) and k.value.value is True
                for k in node.keywords
            )
            if name == "dynamo_tensorrt_converter" and flagged:
                found.add(ast.unparse(node.args[0]).removeprefix("torch.ops."))
    return sorted(found)


def reads_setting(tree: ast.Module, setting: str) -> bool:
    """Whether a module reads `settings.<setting>` anywhere."""
    return any(
        isinstance(n, ast.Attribute)
        and n.attr == setting
        and isinstance(n.value, ast.Name)
        and n.value.id == "settings"
        for n in ast.walk(tree)
    )


def binding(tree: ast.Module, name: str) -> str | None:
    """The module a top-level `from M import name` binds `name` from."""
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and any((a.asname or a.name) == name for a in node.names):
            return node.module
    return None


def requirements(metadata: str) -> dict[str, list[str]]:
    """The Requires-Dist lines on the stack trt-pte pins: torch, torch_tensorrt, executorch and
    TensorRT under each of its distribution names (`tensorrt`, `tensorrt-cu13`, ...)."""
    found: dict[str, list[str]] = {}
    for line in metadata.splitlines():
        if not line.startswith("Requires-Dist:"):
            continue
        spec = line.split(":", 1)[1].strip()
        name = re.sub(r"[-_.]+", "-", re.split(r"[\s<>=!~;\[(]", spec, maxsplit=1)[0].lower())
        if name in ("torch", "torch-tensorrt", "executorch") or name.startswith("tensorrt"):
            found.setdefault(name, []).append(spec)
    return {k: sorted(set(v)) for k, v in sorted(found.items())}


def read_release(wheel: Path) -> dict[str, Any]:
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())

        def source(module: str) -> str | None:
            path = module_file(module)
            return z.read(path).decode("utf-8") if path in names else None

        def tree(module: str) -> ast.Module:
            text = source(module)
            if text is None:
                raise SystemExit(f"{wheel.name}: {module_file(module)} is missing")
            return ast.parse(text)

        compile_function = top_level_function(tree("torch_tensorrt.dynamo._compiler"), "compile")
        save_function = top_level_function(tree("torch_tensorrt._compile"), "save")
        if compile_function is None or save_function is None:
            raise SystemExit(f"{wheel.name}: dynamo._compiler.compile or _compile.save not found")

        input_init = None
        for node in tree("torch_tensorrt._Input").body:
            if isinstance(node, ast.ClassDef) and node.name == "Input":
                input_init = next(
                    (f for f in node.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"), None
                )
        if input_init is None:
            raise SystemExit(f"{wheel.name}: Input.__init__ not found")

        shim_targets: dict[str, Any] = {}
        for target in SHIM_TARGETS:
            text = source(target.module)
            entry: dict[str, Any] = {"defined": False, "bound_from": None, "buggy_lookup_lines": []}
            if text is not None:
                module_tree = ast.parse(text)
                entry["defined"] = top_level_function(module_tree, target.attribute) is not None
                entry["bound_from"] = binding(module_tree, target.attribute)
                entry["buggy_lookup_lines"] = find_name_then_target_lookups(text).get(target.attribute, [])
            shim_targets[target.qualname] = entry

        defaults_source = source("torch_tensorrt.dynamo._defaults")
        defaults_module = constants(ast.parse(defaults_source)) if defaults_source else {}
        autocast_source = source(AUTOCAST_PASS)
        converters = {
            n: z.read(n).decode("utf-8")
            for n in sorted(names)
            if n.startswith("torch_tensorrt/dynamo/conversion/") and n.endswith(".py")
        }

        exporter = source(FIX_FEATURE.module)
        compile_source = ast.parse(source("torch_tensorrt._compile") or "")
        metadata_path = next(n for n in names if n.endswith(".dist-info/METADATA"))
        return {
            "compile": {
                **parameters(compile_function),
                "defaults": parameter_defaults(compile_function, defaults_module),
            },
            "autocast_pass": autocast_source is not None
            and reads_setting(ast.parse(autocast_source), "enable_autocast"),
            "output_allocator_ops": output_allocator_ops(converters),
            "save": {**parameters(save_function), "executorch_kwargs": popped_kwargs(save_function)},
            "input_kwargs": kwargs_keys_read(input_init),
            "shim_targets": shim_targets,
            "has_fix": exporter is not None
            and top_level_function(ast.parse(exporter), FIX_FEATURE.attribute) is not None,
            "save_writes_ptd": top_level_function(compile_source, "_write_external_tensor_data") is not None,
            "requires": requirements(z.read(metadata_path).decode("utf-8")),
        }


def find_wheel(folder: Path, version: str, project: str = "torch-tensorrt") -> Path | None:
    """The wheel of PLATFORM (the METADATA of other platforms' wheels may name fewer packages)."""
    stem = project.replace("-", "_")
    found = sorted(folder.glob(f"{stem}-{version}-*{PLATFORM[-1]}.whl"))
    return found[0] if found else None


def download(folder: Path, version: str, project: str = "torch-tensorrt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    pip = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", *PLATFORM]
    subprocess.run([*pip, "-d", str(folder), f"{project}=={version}"], check=True)
    wheel = find_wheel(folder, version, project)
    if wheel is None:
        raise SystemExit(f"pip download did not produce a {project} {version} wheel in {folder}")
    return wheel


def read_runtime(wheel: Path) -> dict[str, Any]:
    with zipfile.ZipFile(wheel) as z:
        metadata_path = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        return {"wheel": wheel.name, "requires": requirements(z.read(metadata_path).decode("utf-8"))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wheels", type=Path, default=Path("/tmp/trt-pte-wheels"), help="wheel folder")
    parser.add_argument("--no-download", action="store_true", help="only use wheels already in --wheels")
    parser.add_argument("--output", type=Path, default=TABLE)
    args = parser.parse_args(argv)

    releases: dict[str, Any] = {}
    for version in RELEASES:
        wheel = find_wheel(args.wheels, version)
        if wheel is None:
            if args.no_download:
                raise SystemExit(f"no torch_tensorrt {version} wheel in {args.wheels}")
            wheel = download(args.wheels, version)
        releases[version] = {"wheel": wheel.name, **read_release(wheel)}
    runtime: dict[str, Any] = {}
    for version in RUNTIME_RELEASES:
        wheel = find_wheel(args.wheels, version, RUNTIME)
        if wheel is None:
            if args.no_download:
                raise SystemExit(f"no {RUNTIME} {version} wheel in {args.wheels}")
            wheel = download(args.wheels, version, RUNTIME)
        runtime[version] = read_runtime(wheel)
    table = {
        "schema": SCHEMA,
        "generated_by": "scripts/release_contract.py",
        "releases": releases,
        "executorch_runtime": runtime,
    }
    args.output.write_text(json.dumps(table, indent=2, sort_keys=True) + "\n")
    print(f"wrote {args.output} ({', '.join(releases)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
