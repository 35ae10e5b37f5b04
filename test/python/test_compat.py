"""trt_pte.compat on real ExportedPrograms whose lifted objects are a C++ TorchScript class built in
this session (fake_engine.py), exported non-strict exactly like Torch-TensorRT's retrace does.

The shim is proven against stand-in torch_tensorrt packages written into a temporary folder: they
hold the buggy lookup (`constants.get(node.name) or constants.get(node.target)`) in the functions
and modules the real 2.12.x / 2.13.0 releases hold it in (scripts/release_contract.json says
where), and call it through module globals as the releases do. The real releases' layout is
checked against the same names in test_release_contract.py.
"""

from __future__ import annotations

import importlib
import io
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import fake_engine
import pytest
import torch

from trt_pte import compat
from trt_pte.compat import (
    SHIM_TARGETS,
    find_name_then_target_lookups,
    fqn_shim,
    lifted_objects_visible_by_name,
    resolve_lifted_custom_obj,
)

DEVICES = ["cpu", pytest.param("cuda", marks=pytest.mark.gpu)]


@pytest.fixture(scope="session")
def engine_class() -> None:
    why = fake_engine.missing_toolchain()
    if why is not None:
        pytest.skip(f"cannot build the C++ stand-in for tensorrt.Engine: {why}")
    fake_engine.build()


@pytest.fixture(params=DEVICES)
def device(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    if name == "cuda" and not torch.cuda.is_available():
        pytest.skip("no CUDA device")
    return name


def export_partly_compiled(device: str) -> tuple[torch.export.ExportedProgram, torch.Tensor]:
    module = fake_engine.PartlyCompiled().to(device)
    x = torch.randn(2, 3, 4, 4, device=device)
    return torch.export.export(module, (x,), strict=False), x


def placeholders(program: torch.export.ExportedProgram) -> dict[str, torch.fx.Node]:
    return {n.name: n for n in program.graph.nodes if n.op == "placeholder"}


def buggy_lookup(program: Any, node: torch.fx.Node) -> Any:
    """The lookup of torch_tensorrt 2.12.x / 2.13.0, as an oracle for what the bug sees."""
    constants = getattr(program, "constants", {})
    return constants.get(node.name) or constants.get(node.target)


ENGINE_0 = "obj__run_on_acc_0_engine"
ENGINE_2 = "obj__run_on_acc_2_engine"


# --- resolve_lifted_custom_obj ---------------------------------------------------------------


@pytest.mark.usefixtures("engine_class")
def test_modern_placeholder_resolves_through_the_signature(device: str) -> None:
    program, _ = export_partly_compiled(device)
    nodes = placeholders(program)
    assert program.graph_signature.inputs_to_lifted_custom_objs == {
        ENGINE_0: "_run_on_acc_0.engine",
        ENGINE_2: "_run_on_acc_2.engine",
    }
    assert sorted(program.constants) == ["_run_on_acc_0.engine", "_run_on_acc_2.engine"]
    # What the bug sees: neither key is the placeholder's name.
    assert buggy_lookup(program, nodes[ENGINE_0]) is None
    found = resolve_lifted_custom_obj(program, nodes[ENGINE_0])
    assert found is program.constants["_run_on_acc_0.engine"]
    assert fake_engine.engine_state(found) == ["_run_on_acc_0", "2.000000"]
    assert fake_engine.engine_state(resolve_lifted_custom_obj(program, nodes[ENGINE_2]))[0] == "_run_on_acc_2"
    assert resolve_lifted_custom_obj(program, nodes["x"]) is None


@pytest.mark.usefixtures("engine_class")
def test_the_mapping_survives_run_decompositions(device: str) -> None:
    program, _ = export_partly_compiled(device)
    decomposed = program.run_decompositions()
    nodes = placeholders(decomposed)
    assert decomposed.graph_signature.inputs_to_lifted_custom_objs[ENGINE_0] == "_run_on_acc_0.engine"
    assert fake_engine.engine_state(resolve_lifted_custom_obj(decomposed, nodes[ENGINE_0]))[0] == "_run_on_acc_0"


@pytest.mark.usefixtures("engine_class")
def test_the_mapping_survives_save_and_load(device: str) -> None:
    program, x = export_partly_compiled(device)
    buffer = io.BytesIO()
    torch.export.save(program, buffer)
    buffer.seek(0)
    loaded = torch.export.load(buffer)
    nodes = placeholders(loaded)
    assert buggy_lookup(loaded, nodes[ENGINE_2]) is None
    found = resolve_lifted_custom_obj(loaded, nodes[ENGINE_2])
    assert fake_engine.engine_state(found) == ["_run_on_acc_2", "3.000000"]
    torch.testing.assert_close(loaded.module()(x), fake_engine.reference(x))


def make_legacy(program: torch.export.ExportedProgram) -> None:
    """What a program looks like to the resolver when its signature carries no custom-object
    mapping: objects keyed by placeholder name, no CUSTOM_OBJ specs."""
    from torch.export.graph_signature import InputKind

    for placeholder, fqn in dict(program.graph_signature.inputs_to_lifted_custom_objs).items():
        program.constants[placeholder] = program.constants.pop(fqn)
    program._graph_signature.input_specs = [
        s for s in program.graph_signature.input_specs if s.kind != InputKind.CUSTOM_OBJ
    ]


@pytest.mark.usefixtures("engine_class")
def test_a_legacy_program_falls_back_to_target_and_name() -> None:
    program, _ = export_partly_compiled("cpu")
    make_legacy(program)
    assert program.graph_signature.inputs_to_lifted_custom_objs == {}
    found = resolve_lifted_custom_obj(program, placeholders(program)[ENGINE_0])
    assert fake_engine.engine_state(found)[0] == "_run_on_acc_0"


@pytest.mark.usefixtures("engine_class")
def test_an_incomplete_mapping_is_not_guessed() -> None:
    from torch.export.graph_signature import InputKind

    program, _ = export_partly_compiled("cpu")
    # Drop ENGINE_2's spec only, and put a decoy under its placeholder name.
    program._graph_signature.input_specs = [
        s
        for s in program.graph_signature.input_specs
        if not (s.kind == InputKind.CUSTOM_OBJ and s.arg.name == ENGINE_2)
    ]
    program.constants[ENGINE_2] = fake_engine.make_engine("decoy", 9.0)
    nodes = placeholders(program)
    assert resolve_lifted_custom_obj(program, nodes[ENGINE_2]) is None
    assert fake_engine.engine_state(resolve_lifted_custom_obj(program, nodes[ENGINE_0]))[0] == "_run_on_acc_0"


@pytest.mark.usefixtures("engine_class")
def test_a_mapping_to_a_missing_constant_is_none() -> None:
    program, _ = export_partly_compiled("cpu")
    del program.constants["_run_on_acc_0.engine"]
    assert resolve_lifted_custom_obj(program, placeholders(program)[ENGINE_0]) is None


@pytest.mark.usefixtures("engine_class")
def test_a_fake_script_object_is_unwrapped() -> None:
    from torch._library.fake_class_registry import FakeScriptObject

    program, _ = export_partly_compiled("cpu")
    real = program.constants["_run_on_acc_0.engine"]
    program.constants["_run_on_acc_0.engine"] = FakeScriptObject(object(), "trt_pte_test.Engine", real)
    found = resolve_lifted_custom_obj(program, placeholders(program)[ENGINE_0])
    assert isinstance(found, torch.ScriptObject)
    assert fake_engine.engine_state(found) == fake_engine.engine_state(real)


@pytest.mark.usefixtures("engine_class")
def test_the_engine_class_raises_on_bool_like_tensorrt_engine() -> None:
    """Why the shim hands the lookup a truthy view: `found or ...` calls bool() on the object."""
    with pytest.raises(NotImplementedError, match="__len__"):
        bool(fake_engine.make_engine("e", 1.0))


@pytest.mark.usefixtures("engine_class")
def test_visible_by_name_adds_views_and_removes_them_afterwards() -> None:
    program, _ = export_partly_compiled("cpu")
    before = dict(program.constants)
    nodes = placeholders(program)
    with lifted_objects_visible_by_name(program) as names:
        assert sorted(names) == [ENGINE_0, ENGINE_2]
        seen = buggy_lookup(program, nodes[ENGINE_0])
        assert fake_engine.engine_state(seen) == fake_engine.engine_state(before["_run_on_acc_0.engine"])
    assert program.constants == before


# --- the shim against stand-in releases -------------------------------------------------------

# Written for these tests: the same module layout and the same one-line lookup as the releases,
# replacing each execute_engine call by what it computes so the result can be lowered and run.
_COMPILE_PY = """
import torch

import fake_engine


def _replace_execute_engine_for_executorch(exp_program):
    gm = exp_program.graph_module
    op = fake_engine.execute_engine_op()
    for node in [n for n in gm.graph.nodes if n.op == "call_function" and n.target is op]:
        engine_node = node.args[1]
        constants = getattr(exp_program, "constants", {})
        engine_obj = constants.get(engine_node.name) or constants.get(engine_node.target)
        if engine_obj is None:
            raise RuntimeError(
                f"execute_engine node '{node.name}': placeholder engine "
                f"'{engine_node.name}' not found in exp_program.constants"
            )
        scale = float(fake_engine.engine_state(engine_obj)[1])
        for user in list(node.users):
            with gm.graph.inserting_before(user):
                product = gm.graph.call_function(torch.ops.aten.mul.Tensor, (node.args[0][0], scale))
                product.meta["val"] = user.meta["val"]
            user.replace_all_uses_with(product)
            gm.graph.erase_node(user)
        gm.graph.erase_node(node)
    gm.graph.eliminate_dead_code()
    gm.recompile()
    return exp_program


def save_like(exp_program):
    # Called through the module global, as _save_as_executorch does in the releases.
    return _replace_execute_engine_for_executorch(exp_program)
"""

_BACKEND_PY = """
import fake_engine


def _get_engine_info_from_edge_program(edge_program):
    op = fake_engine.execute_engine_op()
    states = []
    for node in edge_program.graph_module.graph.nodes:
        if node.op == "call_function" and node.target is op:
            engine_node = node.args[1]
            constants = getattr(edge_program, "constants", {})
            engine_obj = constants.get(engine_node.name) or constants.get(engine_node.target)
            if engine_obj is None:
                raise RuntimeError(f"placeholder engine '{engine_node.name}' not found in edge_program.constants")
            states.append(fake_engine.engine_state(engine_obj))
    return states
"""

_PARTITIONER_PY = """
from torch_tensorrt.executorch.backend import _get_engine_info_from_edge_program


def engine_names(exported_program):
    return [state[0] for state in _get_engine_info_from_edge_program(exported_program)]
"""

_FIXED_EXPORTER_PY = """
def _resolve_lifted_custom_obj(exp_program, node):
    raise AssertionError("a fixed release is never patched; this is not called in these tests")
"""


def _drop_standin_modules() -> None:
    for name in [m for m in sys.modules if m == "torch_tensorrt" or m.startswith("torch_tensorrt.")]:
        del sys.modules[name]


StandIn = Callable[..., Any]


@pytest.fixture
def standin_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[StandIn]:
    """standin_release(version, fixed=False, partitioner_binding=True, compile_module=True)
    writes a torch_tensorrt package and imports it."""
    if importlib.util.find_spec("torch_tensorrt") is not None:
        pytest.skip("a real torch_tensorrt is installed; the stand-in would shadow it")

    def make(
        version: str, *, fixed: bool = False, partitioner_binding: bool = True, compile_module: bool = True
    ) -> Any:
        root = tmp_path / f"release-{version}" / "torch_tensorrt"
        # Installed as pip installs it: the driver reads the version from the metadata folder.
        (root.parent / f"torch_tensorrt-{version}.dist-info").mkdir(parents=True, exist_ok=True)
        files = {
            "__init__.py": f"__version__ = {version!r}\n",
            "dynamo/__init__.py": "",
            "dynamo/_exporter.py": _FIXED_EXPORTER_PY if fixed else "",
            "executorch/__init__.py": "",
            "executorch/backend.py": _BACKEND_PY,
            "executorch/partitioner.py": _PARTITIONER_PY if partitioner_binding else "",
        }
        if compile_module:
            files["_compile.py"] = _COMPILE_PY
        for relative, text in files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip())
        monkeypatch.syspath_prepend(str(root.parent))
        _drop_standin_modules()
        importlib.invalidate_caches()
        return importlib.import_module("torch_tensorrt")

    yield make
    _drop_standin_modules()


def standin(name: str) -> Any:
    return importlib.import_module(f"torch_tensorrt.{name}")


@pytest.mark.usefixtures("engine_class")
def test_the_buggy_lookups_miss_without_the_shim(standin_release: StandIn) -> None:
    standin_release("2.13.0")
    program, _ = export_partly_compiled("cpu")
    with pytest.raises(RuntimeError, match=f"placeholder engine '{ENGINE_0}' not found"):
        standin("_compile").save_like(program)
    with pytest.raises(RuntimeError, match=r"not found in edge_program\.constants"):
        standin("executorch.partitioner").engine_names(program)


@pytest.mark.usefixtures("engine_class")
def test_a_hit_by_name_still_fails_on_bool_without_the_shim(standin_release: StandIn) -> None:
    """Where the placeholder name does key the object, the releases' `or` raises instead."""
    from torch.export.graph_signature import CustomObjArgument, InputKind, InputSpec

    standin_release("2.13.0")
    program, _ = export_partly_compiled("cpu")
    specs = []
    for spec in program.graph_signature.input_specs:
        if spec.kind != InputKind.CUSTOM_OBJ:
            specs.append(spec)
            continue
        assert isinstance(spec.arg, CustomObjArgument) and spec.target is not None
        program.constants[spec.arg.name] = program.constants.pop(spec.target)
        specs.append(InputSpec(InputKind.CUSTOM_OBJ, spec.arg, spec.arg.name))
    program._graph_signature.input_specs = specs
    with pytest.raises(NotImplementedError, match="__len__"):
        standin("_compile").save_like(program)
    with fqn_shim() as report:
        standin("_compile").save_like(program)
    assert report.applied and sorted(report.resolved) == [ENGINE_0, ENGINE_2]


@pytest.mark.usefixtures("engine_class")
def test_the_shim_makes_both_lookups_find_the_engine(standin_release: StandIn, device: str) -> None:
    standin_release("2.13.0")
    compile_module = standin("_compile")
    originals = {t.qualname: getattr(importlib.import_module(t.module), t.attribute) for t in SHIM_TARGETS}
    program, x = export_partly_compiled(device)
    constants_before = dict(program.constants)

    with fqn_shim() as report:
        for target in SHIM_TARGETS:
            assert getattr(importlib.import_module(target.module), target.attribute) is not originals[target.qualname]
        assert standin("executorch.partitioner").engine_names(program) == ["_run_on_acc_0", "_run_on_acc_2"]
        replaced = compile_module.save_like(program)

    assert report.applied is True
    assert report.torch_tensorrt == "2.13.0"
    assert report.patched == [t.qualname for t in SHIM_TARGETS]
    assert report.to_json()["resolved"] == [ENGINE_0, ENGINE_2]
    assert "buggy release" in report.reason
    # Everything is put back: the functions, and no alias is left in the constants.
    for target in SHIM_TARGETS:
        assert getattr(importlib.import_module(target.module), target.attribute) is originals[target.qualname]
    assert replaced.constants == constants_before
    assert not any(n.target is fake_engine.execute_engine_op() for n in replaced.graph.nodes)
    torch.testing.assert_close(replaced.module()(x), fake_engine.reference(x))


@pytest.mark.usefixtures("engine_class")
def test_the_shimmed_program_lowers_to_a_pte_that_takes_only_the_user_input(standin_release: StandIn) -> None:
    """The engine placeholder stays in the graph unused (as on the releases' legacy path);
    ExecuTorch drops it, so the .pte's forward takes the user's input alone."""
    pytest.importorskip("executorch")
    from executorch.exir import to_edge_transform_and_lower
    from executorch.runtime import Runtime

    standin_release("2.12.1", partitioner_binding=False)
    program, x = export_partly_compiled("cpu")
    with fqn_shim():
        standin("_compile").save_like(program)
    pte = to_edge_transform_and_lower(program).to_executorch().buffer
    method = Runtime.get().load_program(pte).load_method("forward")
    assert method.metadata.num_inputs() == 1
    torch.testing.assert_close(method.execute([x])[0], fake_engine.reference(x))


@pytest.mark.usefixtures("engine_class")
def test_on_2_12_there_is_no_partitioner_binding_to_patch(standin_release: StandIn) -> None:
    standin_release("2.12.0", partitioner_binding=False)
    with fqn_shim() as report:
        pass
    assert report.applied and report.patched == [t.qualname for t in SHIM_TARGETS[:2]]


@pytest.mark.usefixtures("engine_class")
def test_the_shim_is_undone_when_the_save_raises(standin_release: StandIn) -> None:
    standin_release("2.13.0")
    original = standin("_compile")._replace_execute_engine_for_executorch
    with pytest.raises(ValueError, match="boom"), fqn_shim():
        assert standin("_compile")._replace_execute_engine_for_executorch is not original
        raise ValueError("boom")
    assert standin("_compile")._replace_execute_engine_for_executorch is original


def test_a_fixed_release_is_left_alone(standin_release: StandIn) -> None:
    standin_release("2.14.0", fixed=True)
    original = standin("_compile")._replace_execute_engine_for_executorch
    with fqn_shim() as report:
        assert standin("_compile")._replace_execute_engine_for_executorch is original
    assert report.to_json() == {
        "applied": False,
        "reason": "fixed release: it resolves lifted engines itself "
        "(torch_tensorrt.dynamo._exporter._resolve_lifted_custom_obj)",
        "torch_tensorrt": "2.14.0",
        "patched": [],
        "resolved": [],
    }


def test_an_unknown_layout_is_left_alone(standin_release: StandIn) -> None:
    standin_release("3.0.0", compile_module=False)
    with fqn_shim() as report:
        pass
    assert report.applied is False and "unknown layout" in report.reason


def test_the_lookup_finder_names_functions_and_lines() -> None:
    source = textwrap.dedent(
        """
        def replace(p):
            c = p.constants
            obj = c.get(n.name) or c.get(n.target)

        def fixed(p):
            obj = c.get(fqn)

        def reversed_order(p):
            return c.get(n.target) or c.get(n.name)
        """
    )
    assert find_name_then_target_lookups(source) == {"replace": [4]}
    assert find_name_then_target_lookups(_COMPILE_PY) == {"_replace_execute_engine_for_executorch": [13]}


def test_nothing_is_resolved_without_constants() -> None:
    class Bare:
        pass

    node = torch.fx.Graph().placeholder("x")
    assert resolve_lifted_custom_obj(Bare(), node) is None
    assert compat.unwrap_fake_script_object(3) == 3
