"""Writes the .pte/.ptd files the TypeScript reader (src/pte/) is tested against, with the real
executorch package, and next to each an `oracle.json`: executorch's own reading of the same file.

    python test/python/generate_pte_fixtures.py OUT_DIR

Each fixture is a folder OUT_DIR/<name>/ holding `model.pte`, any `.ptd` files executorch chose to
write (it names them itself, after their tag), and `oracle.json`. OUT_DIR/manifest.json is written
last, so a folder without it is an interrupted run.

The TensorRT and CUDA fixtures use two backends written here, named `TensorRTBackend` and
`CudaBackend` (executorch finds a backend by its class name). Their `preprocess` returns payloads
laid out as Torch-TensorRT and executorch's CUDA backend lay theirs out (notes: TR01/TR02 and the
2.12 engine-info vector; the 1.4 key text and the 1.5 ETCUDAFQN3 table). No GPU is involved: the
"engine" and the "shared object" are deterministic filler bytes.

The oracle has two parts, because `deserialize_pte_binary` moves segment data back into the program
and clears `Program.segments`: `flatbuffer` is the program as stored (executorch's flatbuffer reader
on the bytes the extended header calls the program: segments, delegate locations, named data
indices), and `restored` is what `deserialize_pte_binary` returns (delegate payloads and named data
with their bytes). For .ptd files, `FlatTensorSerializer.deserialize` and its header reader.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import struct
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, final

import torch
from executorch.exir import ExecutorchBackendConfig, to_edge_transform_and_lower
from executorch.exir._serialize._cord import Cord
from executorch.exir._serialize._flatbuffer_program import _flatbuffer_to_program
from executorch.exir._serialize._named_data_store import NamedDataStore
from executorch.exir._serialize._program import _get_extended_header, deserialize_pte_binary
from executorch.exir.backend.backend_details import BackendDetails, PreprocessResult
from executorch.exir.backend.compile_spec_schema import CompileSpec
from executorch.exir.backend.partitioner import DelegationSpec, Partitioner, PartitionResult
from executorch.exir.backend.utils import tag_constant_data
from executorch.extension.flat_tensor.serialize.serialize import (
    FlatTensorHeader,
    FlatTensorSerializer,
    _deserialize_to_flat_tensor,
)
from torch.fx.passes.infra.partitioner import CapabilityBasedPartitioner
from torch.fx.passes.operator_support import OperatorSupportBase

# Which payload layout the test backends write for the fixture being built. A module global rather
# than a compile spec, so that the files carry only the compile specs the real backends write.
_LAYOUT: dict[str, str] = {"tensorrt": "TR01", "cuda": "keys"}


def _filler(tag: str, size: int) -> bytes:
    """Deterministic bytes standing in for an engine or a shared object."""
    out = bytearray()
    counter = 0
    while len(out) < size:
        out += hashlib.sha256(f"{tag}:{counter}".encode()).digest()
        counter += 1
    return bytes(out[:size])


def _dtype_name(dtype: torch.dtype) -> str:
    return str(dtype).removeprefix("torch.")


def _shape(value: Any) -> list[int]:
    return [int(d) if isinstance(d, int) else -1 for d in value.shape]


def _io_bindings(edge_program: Any) -> list[dict[str, Any]]:
    """Engine I/O named after the partition's graph inputs and outputs, inputs first (as Torch-TensorRT)."""
    user_inputs = set(edge_program.graph_signature.user_inputs)
    bindings: list[dict[str, Any]] = []
    for node in edge_program.graph.nodes:
        if node.op == "placeholder" and node.name in user_inputs:
            val = node.meta["val"]
            bindings.append(
                {"name": node.name, "dtype": _dtype_name(val.dtype), "shape": _shape(val), "is_input": True}
            )
    output = next(n for n in edge_program.graph.nodes if n.op == "output")
    for i, arg in enumerate(output.args[0]):
        val = arg.meta["val"]
        bindings.append(
            {"name": f"output_{i}", "dtype": _dtype_name(val.dtype), "shape": _shape(val), "is_input": False}
        )
    return bindings


def _tr_blob(magic: bytes, metadata: bytes, engine: bytes) -> bytes:
    """The Torch-TensorRT 2.13+ blob: `<4sIIIQ8s` header, metadata, zero padding to 16, engine."""
    metadata_offset = 32
    engine_offset = (metadata_offset + len(metadata) + 15) & ~15
    header = struct.pack(
        "<4sIIIQ8s", magic, metadata_offset, len(metadata), engine_offset, len(engine), b"\x01" + bytes(7)
    )
    return header + metadata + bytes(engine_offset - metadata_offset - len(metadata)) + engine


def _engine_info_vector(entries: list[bytes]) -> bytes:
    """The Torch-TensorRT runtime's vector<string>: u32 count, then u32 length + bytes per entry."""
    return struct.pack("<I", len(entries)) + b"".join(struct.pack("<I", len(e)) + e for e in entries)


def _tensorrt_payload(edge_program: Any, engine_size: int) -> bytes:
    bindings = _io_bindings(edge_program)
    engine = b"ftrt" + _filler("engine", engine_size - 4)
    layout = _LAYOUT["tensorrt"]
    if layout == "2.12":
        inputs = "%".join(b["name"] for b in bindings if b["is_input"])
        outputs = "%".join(b["name"] for b in bindings if not b["is_input"])
        texts = ["8", "_run_on_acc_0_engine", "0%9%0%1%NVIDIA H100 80GB HBM3"]
        texts += [inputs, outputs, "0", base64.b64encode(b"settings").decode(), "linux_x86_64", "0", "static", "0"]
        entries = [t.encode() for t in texts]
        entries.insert(3, engine)  # ENGINE_IDX
        return _engine_info_vector(entries)
    metadata: dict[str, Any] = {"io_bindings": bindings}
    if layout == "TR02":
        metadata["aliased_io"] = [{"output": "output_0", "input": bindings[0]["name"], "kind": "user"}]
    metadata |= {
        "hardware_compatible": layout == "TR02",
        "device_id": 0,
        "serialized_metadata": base64.b64encode(b"settings").decode(),
        "target_platform": "linux_x86_64",
    }
    text = json.dumps(metadata, separators=(",", ":")).encode()
    return _tr_blob(layout.encode(), text, engine)


def _partition_weights(edge_program: Any) -> list[tuple[str, torch.Tensor]]:
    return sorted((fqn, t.detach().contiguous()) for fqn, t in edge_program.state_dict.items()) or [
        ("filler", torch.arange(16, dtype=torch.float32))
    ]


def _cuda_payload(edge_program: Any, compile_specs: list[CompileSpec], store: NamedDataStore) -> bytes:
    """executorch's CUDA backend: the AOTI shared object as named data in the .pte, the weights as
    named data tagged `aoti_cuda_blob` (written to aoti_cuda_blob.ptd), and a payload naming them."""
    weights = _partition_weights(edge_program)
    so = b"\x7fELF" + _filler("so", 3000)
    if _LAYOUT["cuda"] == "empty":
        # executorch 1.2 / 1.3: no payload; the entries are named after the method.
        method = next(bytes(s.value).decode() for s in compile_specs if s.key == "method_name")
        store.add_named_data(f"{method}_so_blob", so, 1, None)
        blob = b"".join(t.numpy().tobytes() for _, t in weights)
        store.add_named_data(f"{method}_weights_blob", blob, 1, "aoti_cuda_blob")
        return b""
    so_key = hashlib.sha256(so).hexdigest() + "_so_blob"
    store.add_named_data(so_key, so, 1, None)
    if _LAYOUT["cuda"] == "keys":
        blob = b"".join(t.numpy().tobytes() for _, t in weights)
        weights_key = hashlib.sha256(blob).hexdigest() + "_weights_blob"
        store.add_named_data(weights_key, blob, 1, "aoti_cuda_blob")
        return f"{so_key}\n{weights_key}".encode()
    # ETCUDAFQN3 (executorch 1.5): per-FQN weights, each entry naming its storage key.
    out = b"ETCUDAFQN3" + struct.pack("<I", len(so_key)) + so_key.encode() + struct.pack("<I", len(weights))
    for fqn, tensor in weights:
        raw = tensor.numpy().tobytes()
        storage_key = hashlib.sha256(raw).hexdigest() + "_weight"
        store.add_named_data(storage_key, raw, 16, "aoti_cuda_blob")
        out += struct.pack("<I", len(fqn)) + fqn.encode() + struct.pack("<I", len(storage_key)) + storage_key.encode()
        out += struct.pack("<QiiqI", len(raw), 6, 1, 0, tensor.dim())
        out += struct.pack(f"<{tensor.dim()}q", *tensor.shape) + struct.pack(f"<{tensor.dim()}q", *tensor.stride())
    return out


@final
class TensorRTBackend(BackendDetails):  # type: ignore[misc]
    @staticmethod
    def preprocess(edge_program: Any, compile_specs: list[CompileSpec]) -> PreprocessResult:
        size = 5000 + 16 * sum(1 for n in edge_program.graph.nodes if n.op == "call_function")
        if any(s.key == WEIGHTS_IN_ENGINE[0] for s in compile_specs):
            size += sum(t.numel() * t.element_size() for t in edge_program.state_dict.values())
        return PreprocessResult(processed_bytes=_tensorrt_payload(edge_program, size))


@final
class CudaBackend(BackendDetails):  # type: ignore[misc]
    @staticmethod
    def preprocess(edge_program: Any, compile_specs: list[CompileSpec]) -> PreprocessResult:
        store = NamedDataStore()
        payload = _cuda_payload(edge_program, compile_specs, store)
        return PreprocessResult(processed_bytes=payload, data_store_output=store.get_named_data_store_output())


class _Ops(OperatorSupportBase):  # type: ignore[misc]
    def __init__(self, accept: Callable[[str], bool]) -> None:
        self.accept = accept

    def is_node_supported(self, submodules: Any, node: torch.fx.Node) -> bool:
        if node.op != "call_function" or "getitem" in str(node.target):
            return False
        if node.meta.get("delegation_tag"):
            return False
        return "executorch_call_delegate" not in str(node.target) and self.accept(str(node.target))


class OpPartitioner(Partitioner):  # type: ignore[misc]
    """Claims the edge ops whose name passes `accept` for one backend, one delegate per partition."""

    def __init__(self, backend_id: str, specs: list[CompileSpec], accept: Callable[[str], bool]) -> None:
        super().__init__()
        self.delegation = DelegationSpec(backend_id, specs)
        self.accept = accept

    def partition(self, exported_program: Any) -> Any:
        gm = exported_program.graph_module
        parts = CapabilityBasedPartitioner(
            gm, _Ops(self.accept), allows_single_node_partition=True
        ).propose_partitions()
        tags: dict[str, DelegationSpec] = {}
        prefix = self.delegation.backend_id.lower()
        for part in parts:
            tag = f"{prefix}_{part.id}"
            for node in part.nodes:
                node.meta["delegation_tag"] = tag
            tags[tag] = self.delegation
        tag_constant_data(exported_program)
        return PartitionResult(tagged_exported_program=exported_program, partition_tags=tags)


def _trt(
    specs: Iterable[tuple[str, bytes]] = (("target_device", b"cuda:0"),),
    keep_out: tuple[str, ...] = ("cos",),
) -> OpPartitioner:
    return OpPartitioner(
        "TensorRTBackend", [CompileSpec(k, v) for k, v in specs], lambda op: not any(k in op for k in keep_out)
    )


# A compile spec of the test backend only: the engine embeds the partition's weights, as a real
# TensorRT engine does, so a model with bigger layers gets a bigger engine.
WEIGHTS_IN_ENGINE = ("weights_in_engine", b"1")
_WEIGHTS_SPECS = (("target_device", b"cuda:0"), WEIGHTS_IN_ENGINE)


def _cuda(accept: Callable[[str], bool] = lambda op: True) -> OpPartitioner:
    specs = [CompileSpec("method_name", b"forward"), CompileSpec("target_device", b"cuda:0")]
    return OpPartitioner("CudaBackend", specs, accept)


class Mlp(torch.nn.Module):  # type: ignore[misc]
    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.fc1 = torch.nn.Linear(width, 16)
        self.fc2 = torch.nn.Linear(16, 4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.cos(self.fc2(torch.relu(self.fc1(x))))


class Gate(torch.nn.Module):  # type: ignore[misc]
    def forward(self, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(a) * b + a


def _export(module: torch.nn.Module, *args: torch.Tensor, dynamic: Any = None) -> Any:
    torch.manual_seed(0)
    return torch.export.export(module.eval(), args, dynamic_shapes=dynamic)


@dataclass
class Fixture:
    name: str
    build: Callable[[], Any]  # -> ExecutorchProgramManager
    layout: tuple[str, str] = ("TR01", "keys")


def _lower(programs: Any, partitioners: list[Any], **config: Any) -> Any:
    edge = to_edge_transform_and_lower(programs, partitioner=partitioners)
    return edge.to_executorch(ExecutorchBackendConfig(**config))


def _xnnpack() -> Any:
    from executorch.backends.xnnpack.partition.xnnpack_partitioner import XnnpackPartitioner

    return XnnpackPartitioner()


def _batch() -> Any:
    return {"x": {0: torch.export.Dim("batch", min=1, max=8)}}


FIXTURES = [
    Fixture("portable", lambda: _lower(_export(Mlp(), torch.randn(2, 8)), [])),
    Fixture("xnnpack", lambda: _lower(_export(Mlp(), torch.randn(2, 8)), [_xnnpack()])),
    Fixture(
        "multi_method",
        lambda: _lower(
            {"forward": _export(Mlp(), torch.randn(2, 8)), "gate": _export(Gate(), torch.randn(3), torch.randn(3))},
            [_xnnpack()],
        ),
    ),
    Fixture("dynamic_shapes", lambda: _lower(_export(Mlp(), torch.randn(4, 8), dynamic=_batch()), [])),
    Fixture("external_constants", lambda: _lower(_export(Mlp(), torch.randn(2, 8)), [], external_constants=True)),
    Fixture("tensorrt_tr01", lambda: _lower(_export(Mlp(), torch.randn(2, 8)), [_trt()]), ("TR01", "keys")),
    Fixture(
        "tensorrt_tr02",
        lambda: _lower(_export(Mlp(), torch.randn(4, 8), dynamic=_batch()), [_trt()]),
        ("TR02", "keys"),
    ),
    Fixture("tensorrt_2_12", lambda: _lower(_export(Mlp(), torch.randn(2, 8)), [_trt(())]), ("2.12", "keys")),
    Fixture("cuda", lambda: _lower(_export(Mlp(), torch.randn(2, 8)), [_cuda()]), ("TR01", "keys")),
    Fixture("cuda_fqn3", lambda: _lower(_export(Mlp(), torch.randn(2, 8)), [_cuda()]), ("TR01", "fqn3")),
    Fixture("cuda_empty", lambda: _lower(_export(Mlp(), torch.randn(2, 8)), [_cuda()]), ("TR01", "empty")),
    # The shape target `tensorrt` writes: TensorRT first, the CUDA backend for what TensorRT left.
    Fixture("tensorrt_cuda", lambda: _lower(_export(Mlp(), torch.randn(2, 8)), [_trt(), _cuda()]), ("TR01", "keys")),
    # tensorrt_cuda and a grown version of it (a wider input), both with the weights in the engine:
    # the engine, its I/O and the .pte differ.
    Fixture(
        "tensorrt_weights",
        lambda: _lower(_export(Mlp(), torch.randn(2, 8)), [_trt(_WEIGHTS_SPECS), _cuda()]),
        ("TR01", "keys"),
    ),
    Fixture(
        "tensorrt_weights_wide",
        lambda: _lower(_export(Mlp(width=32), torch.randn(2, 32)), [_trt(_WEIGHTS_SPECS), _cuda()]),
        ("TR01", "keys"),
    ),
    # tensorrt_cuda with relu kept out of TensorRT too: it splits the engine in two around a CUDA delegate.
    Fixture(
        "tensorrt_split",
        lambda: _lower(_export(Mlp(), torch.randn(2, 8)), [_trt(keep_out=("cos", "relu")), _cuda()]),
        ("TR01", "keys"),
    ),
]


# ---------------------------------------------------------------------------------------------
# The oracle: executorch's own reading of each file.


def _enum(value: Any) -> int:
    return int(getattr(value, "value", value))


def _plan_view(plan: Any) -> dict[str, Any]:
    instructions: Counter[str] = Counter()
    calls = [0] * len(plan.operators)
    delegate_calls = [0] * len(plan.delegates)
    for chain in plan.chains:
        for instruction in chain.instructions:
            args = instruction.instr_args
            instructions[type(args).__name__] += 1
            if type(args).__name__ == "KernelCall":
                calls[args.op_index] += 1
            elif type(args).__name__ == "DelegateCall":
                delegate_calls[args.delegate_index] += 1
    kinds = Counter(type(v.val).__name__ for v in plan.values)
    tensors: list[dict[str, Any] | None] = []
    for index in plan.inputs:
        val = plan.values[index].val
        if type(val).__name__ != "Tensor":
            tensors.append(None)
            continue
        tensors.append(
            {
                "scalar_type": _enum(val.scalar_type),
                "sizes": list(val.sizes),
                "shape_dynamism": _enum(val.shape_dynamism),
            }
        )
    external = []
    for index, value in enumerate(plan.values):
        info = getattr(value.val, "extra_tensor_info", None)
        if type(value.val).__name__ == "Tensor" and info is not None and _enum(info.location) == 1:
            external.append({"value": index, "fqn": info.fully_qualified_name})
    return {
        "name": plan.name,
        "inputs": list(plan.inputs),
        "outputs": list(plan.outputs),
        "input_tensors": tensors,
        "values": len(plan.values),
        "value_kinds": dict(sorted(kinds.items())),
        "chains": len(plan.chains),
        "instructions": dict(sorted(instructions.items())),
        "operators": [
            {"name": op.name, "overload": op.overload, "calls": calls[i]} for i, op in enumerate(plan.operators)
        ],
        "delegates": [
            {
                "id": d.id,
                "location": _enum(d.processed.location),
                "index": d.processed.index,
                "calls": delegate_calls[i],
                "compile_specs": [{"key": s.key, "value_hex": bytes(s.value).hex()} for s in d.compile_specs],
            }
            for i, d in enumerate(plan.delegates)
        ],
        "external_tensors": external,
        "non_const_buffer_sizes": list(plan.non_const_buffer_sizes),
    }


def _subsegments(value: Any) -> dict[str, Any] | None:
    return None if value is None else {"segment_index": value.segment_index, "offsets": list(value.offsets)}


def pte_oracle(data: bytes) -> dict[str, Any]:
    header = _get_extended_header(data)
    program = _flatbuffer_to_program(data[: header.program_size] if header else data)
    stored = {
        "version": program.version,
        "plans": [_plan_view(p) for p in program.execution_plan],
        "segments": [{"offset": s.offset, "size": s.size} for s in program.segments],
        "constant_segment": _subsegments(program.constant_segment),
        "mutable_data_segments": [_subsegments(s) for s in program.mutable_data_segments or []],
        "named_data": [{"key": n.key, "segment_index": n.segment_index} for n in program.named_data or []],
        "backend_delegate_data": [len(d.data) for d in program.backend_delegate_data],
        "constant_buffer": len(program.constant_buffer),
    }
    pte = deserialize_pte_binary(data)
    restored_program = pte.program
    payloads = []
    for plan in restored_program.execution_plan:
        for delegate in plan.delegates:
            blob = bytes(restored_program.backend_delegate_data[delegate.processed.index].data)
            payloads.append({"plan": plan.name, "id": delegate.id, "size": len(blob), "head_hex": blob[:32].hex()})
    named: dict[str, int] = {}
    if pte.named_data is not None:
        for key, entry in pte.named_data.pte_data.items():
            named[key] = len(pte.named_data.buffers[entry.buffer_index])
    return {
        "file_bytes": len(data),
        "extended_header": None
        if header is None
        else {
            "length": header.length,
            "program_size": header.program_size,
            "segment_base_offset": header.segment_base_offset,
            "segment_data_size": header.segment_data_size,
        },
        "flatbuffer": stored,
        "restored": {
            "delegate_payloads": payloads,
            "named_data": dict(sorted(named.items())),
            "constant_buffers": len(restored_program.constant_buffer),
        },
    }


def ptd_oracle(data: bytes) -> dict[str, Any]:
    header = FlatTensorHeader.from_bytes(data[8:])
    flat = _deserialize_to_flat_tensor(data[: header.flatbuffer_offset + header.flatbuffer_size])
    payload = FlatTensorSerializer().deserialize(Cord(data))
    named = {}
    for key, entry in payload.named_data.items():
        layout = entry.tensor_layout
        named[key] = {
            "segment_index": entry.buffer_index,
            "size": len(payload.buffers[entry.buffer_index]),
            "layout": None
            if layout is None
            else {
                "scalar_type": _enum(layout.scalar_type),
                "sizes": list(layout.sizes),
                "dim_order": list(layout.dim_order),
            },
        }
    return {
        "file_bytes": len(data),
        "header": {
            "length": header.length,
            "flatbuffer_offset": header.flatbuffer_offset,
            "flatbuffer_size": header.flatbuffer_size,
            "segment_base_offset": header.segment_base_offset,
            "segment_data_size": header.segment_data_size,
        },
        "version": flat.version,
        "segments": [{"offset": s.offset, "size": s.size} for s in flat.segments],
        "named_data": dict(sorted(named.items())),
    }


def write_fixture(fixture: Fixture, out_dir: Path) -> None:
    _LAYOUT["tensorrt"], _LAYOUT["cuda"] = fixture.layout
    program = fixture.build()
    staging = Path(tempfile.mkdtemp(prefix=f".{fixture.name}-", dir=out_dir))
    (staging / "model.pte").write_bytes(program.buffer)
    if program._tensor_data:
        program.write_tensor_data_to_file(str(staging))
    oracle: dict[str, Any] = {"pte": pte_oracle((staging / "model.pte").read_bytes()), "ptd": {}}
    for ptd in sorted(staging.glob("*.ptd")):
        oracle["ptd"][ptd.name] = ptd_oracle(ptd.read_bytes())
    (staging / "oracle.json").write_text(json.dumps(oracle, indent=1) + "\n")
    final_dir = out_dir / fixture.name
    shutil.rmtree(final_dir, ignore_errors=True)
    os.replace(staging, final_dir)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: generate_pte_fixtures.py OUT_DIR", file=sys.stderr)
        return 2
    out_dir = Path(argv[1])
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "manifest.json").unlink(missing_ok=True)
    for fixture in FIXTURES:
        write_fixture(fixture, out_dir)
    import executorch.version

    manifest = {"executorch": executorch.version.__version__, "fixtures": [f.name for f in FIXTURES]}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
