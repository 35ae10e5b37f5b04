// The TypeScript reader against executorch's own reader, field by field, on files the real
// executorch package wrote: plans, operators, instructions, delegates (ids, locations, compile
// specs, payload sizes and first bytes), segments, named data, constants, and each .ptd.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { inspectPte } from "../../src/pte/inspect.js";
import type { Inspection } from "../../src/pte/inspection.js";
import { scalarTypeName } from "../../src/pte/scalar-type.js";
import { TEST_PYTHON } from "../support/action-run.js";
import {
  fixtureNames,
  fixturePte,
  fixturePtds,
  fixturesExecutorch,
  readOracle,
  type Oracle,
} from "../support/pte-fixtures.js";

const DYNAMISM = ["static", "dynamic_bound", "dynamic_unbound"];

/** The inspection, rewritten into the oracle's shape (numbers for enums, relative segment offsets). */
function asOracle(inspection: Inspection, file: string): Oracle["pte"] {
  const base = inspection.program.extended_header?.segment_base_offset ?? 0;
  const bytes = fs.readFileSync(file);
  return {
    file_bytes: inspection.file.bytes,
    extended_header: inspection.program.extended_header,
    flatbuffer: {
      version: inspection.program.version,
      plans: inspection.plans.map((p) => ({
        name: p.name,
        inputs: p.inputs.map((v) => v.value),
        outputs: p.outputs.map((v) => v.value),
        input_tensors: p.inputs.map((v) =>
          v.tensor === null
            ? null
            : {
                scalar_type: scalarCode(v.tensor.dtype),
                sizes: v.tensor.shape,
                shape_dynamism: DYNAMISM.indexOf(v.tensor.dynamism),
              },
        ),
        values: p.values.total,
        value_kinds: p.values.by_kind,
        chains: p.chains,
        instructions: p.instructions.by_kind,
        operators: p.operators,
        delegates: p.delegates.map((i) => {
          const d = inspection.delegates[i]!;
          return {
            id: d.id,
            location: d.location === "inline" ? 0 : 1,
            index: d.data_index,
            calls: d.calls,
            compile_specs: d.compile_specs.map((s) => ({ key: s.key, value_hex: s.hex })),
          };
        }),
        external_tensors: p.external_tensors,
        non_const_buffer_sizes: p.memory_planned_bytes,
      })),
      segments: inspection.segments.map((s) => ({ offset: s.offset - base, size: s.bytes })),
      constant_segment:
        inspection.constants.segment_index === null
          ? null
          : {
              segment_index: inspection.constants.segment_index,
              offsets: Array.from({ length: inspection.constants.buffers }, () => 0),
            },
      mutable_data_segments: [],
      named_data: inspection.named_data.map((n) => ({ key: n.key, segment_index: n.segment_index })),
      backend_delegate_data: inspection.delegates.filter((d) => d.location === "inline").map((d) => d.bytes),
      constant_buffer: 0,
    },
    restored: {
      delegate_payloads: inspection.delegates.map((d) => ({
        plan: d.plan,
        id: d.id,
        size: d.bytes,
        // Read from the file at the offset the reader reports: proves the offset, not just the size.
        head_hex:
          d.offset === null ? "" : bytes.subarray(d.offset, d.offset + Math.min(32, d.bytes)).toString("hex"),
      })),
      named_data: Object.fromEntries(inspection.named_data.map((n) => [n.key, n.bytes]).sort()),
      // executorch restores constant buffers from segments only when there is an extended header.
      constant_buffers: inspection.program.extended_header === null ? 0 : inspection.constants.buffers,
    },
  };
}

function scalarCode(name: string): number {
  for (let code = 0; code < 64; code++) if (scalarTypeName(code) === name) return code;
  return -1;
}

/** The oracle with what the inspection summarises (not lists) reduced the same way. */
function comparable(oracle: Oracle["pte"]): Oracle["pte"] {
  const constant = oracle.flatbuffer.constant_segment;
  return {
    ...oracle,
    flatbuffer: {
      ...oracle.flatbuffer,
      // The inspection counts constant tensors (offsets) rather than listing their offsets.
      constant_segment:
        constant === null || constant.offsets.length === 0
          ? null
          : { segment_index: constant.segment_index, offsets: constant.offsets.map(() => 0) },
      constant_buffer: 0,
    },
  };
}

const names = fixtureNames();
const executorch = fixturesExecutorch();

describe(`the .pte reader agrees with executorch ${executorch}'s deserializer`, () => {
  it("reads files the test Python's own executorch wrote", () => {
    // scripts/test runs this file once per executorch release (TRT_PTE_TEST_PYTHON): the fixtures
    // must come from that release, not from a folder another one left.
    const installed = spawnSync(
      TEST_PYTHON,
      ["-c", "import importlib.metadata as m; print(m.version('executorch'))"],
      { encoding: "utf8" },
    );
    expect(installed.status, installed.stderr).toBe(0);
    // executorch.version says `1.5.1+cpu` where the package metadata says 1.5.1: the same release.
    expect(executorch.replace(/\+.*$/, "")).toBe(installed.stdout.trim());
  });

  it("has every fixture the issue asks for", () => {
    expect(names).toEqual(
      expect.arrayContaining([
        "portable",
        "xnnpack",
        "multi_method",
        "dynamic_shapes",
        "external_constants",
        "tensorrt_tr01",
        "tensorrt_tr02",
        "cuda",
        "tensorrt_cuda",
      ]),
    );
  });

  it.each(names)("%s", (name) => {
    const oracle = readOracle(name);
    const file = fixturePte(name);
    const inspection = inspectPte(file);
    expect(asOracle(inspection, file)).toEqual(comparable(oracle.pte));
    // Every .ptd executorch wrote beside it, as executorch reads it.
    expect(inspection.external_data.map((f) => f.name).sort()).toEqual(Object.keys(oracle.ptd).sort());
    for (const ptd of inspection.external_data) {
      const expected = oracle.ptd[ptd.name]!;
      expect({
        file_bytes: ptd.bytes,
        header: ptd.header,
        version: ptd.version,
        segments: ptd.segments.map((s) => ({
          offset: s.offset - ptd.header.segment_base_offset,
          size: s.bytes,
        })),
        named_data: Object.fromEntries(
          ptd.named_data
            .map((n) => [
              n.key,
              {
                segment_index: n.segment_index,
                size: n.bytes,
                layout:
                  n.dtype === null
                    ? null
                    : { scalar_type: scalarCode(n.dtype), sizes: n.shape, dim_order: n.dim_order },
              },
            ])
            .sort(),
        ),
      }).toEqual(expected);
    }
    expect(fixturePtds(name).length).toBe(inspection.external_data.length);
  });
});

describe("what the reader decodes beyond executorch's view", () => {
  it("decodes a TR01 TensorRT payload: engine size and I/O bindings", () => {
    const [d] = inspectPte(fixturePte("tensorrt_tr01")).delegates;
    expect(d!.id).toBe("TensorRTBackend");
    expect(d!.compile_specs).toEqual([
      { key: "target_device", bytes: 6, text: "cuda:0", hex: "637564613a30" },
    ]);
    expect(d!.payload).toMatchObject({
      format: "tensorrt",
      layout: "TR01",
      metadata_format: "json",
      io_bindings: [
        { name: "x", dtype: "float32", shape: [2, 8], is_input: true },
        { name: "output_0", dtype: "float32", shape: [2, 4], is_input: false },
      ],
      aliased_io: [],
      hardware_compatible: false,
      device_id: 0,
      target_platform: "linux_x86_64",
    });
    if (d!.payload.format !== "tensorrt") throw new Error("not decoded");
    // The engine fills the payload after the 16-aligned metadata.
    expect(d!.payload.engine.offset % 16).toBe(0);
    expect(d!.payload.engine.offset + d!.payload.engine.bytes).toBe(d!.bytes);
    const file = fs.readFileSync(fixturePte("tensorrt_tr01"));
    expect(
      file.toString(
        "latin1",
        d!.offset! + d!.payload.engine.offset,
        d!.offset! + d!.payload.engine.offset + 4,
      ),
    ).toBe("ftrt");
  });

  it("decodes TR02: aliased I/O, hardware compatibility, dynamic shapes", () => {
    const inspection = inspectPte(fixturePte("tensorrt_tr02"));
    expect(inspection.delegates[0]!.payload).toMatchObject({
      layout: "TR02",
      io_bindings: [
        { name: "x", shape: [-1, 8] },
        { name: "output_0", shape: [-1, 4] },
      ],
      aliased_io: [{ output: "output_0", input: "x", kind: "user" }],
      hardware_compatible: true,
    });
    expect(inspection.plans[0]!.inputs[0]!.tensor).toEqual({
      dtype: "float32",
      shape: [8, 8],
      dynamism: "dynamic_bound",
    });
  });

  it("recognises Torch-TensorRT 2.12's engine-info layout (no magic)", () => {
    const [d] = inspectPte(fixturePte("tensorrt_2_12")).delegates;
    expect(d!.payload).toMatchObject({
      format: "tensorrt",
      layout: "engine-info",
      metadata_format: "engine-info",
      engine_name: "_run_on_acc_0_engine",
      device: "0%9%0%1%NVIDIA H100 80GB HBM3",
      device_id: 0,
      hardware_compatible: false,
      requires_output_allocator: false,
      io_bindings: [
        { name: "x", is_input: true },
        { name: "output_0", is_input: false },
      ],
    });
  });

  it("resolves CudaBackend keys to the .pte's named data and the .ptd", () => {
    for (const name of ["cuda", "cuda_fqn3", "cuda_empty", "tensorrt_cuda"]) {
      const inspection = inspectPte(fixturePte(name));
      const cuda = inspection.delegates.find((d) => d.id === "CudaBackend")!;
      if (cuda.payload.format !== "cuda") throw new Error(`${name}: not decoded`);
      expect(cuda.payload.keys.length, name).toBeGreaterThanOrEqual(2);
      for (const key of cuda.payload.keys) {
        expect(key.found_in, `${name} ${key.key}`).toBe(
          key.role === "so_blob" ? "model.pte" : "aoti_cuda_blob.ptd",
        );
        expect(key.bytes).toBeGreaterThan(0);
      }
      expect(inspection.external_keys.every((k) => k.found_in === "aoti_cuda_blob.ptd")).toBe(true);
    }
    expect(inspectPte(fixturePte("cuda_fqn3")).delegates[0]!.payload).toMatchObject({
      layout: "fqn3",
      weights: 4,
    });
    expect(inspectPte(fixturePte("cuda_empty")).delegates[0]!.payload).toMatchObject({
      layout: "method-name",
      keys: [{ key: "forward_so_blob" }, { key: "forward_weights_blob" }],
    });
  });

  it("reports weights it cannot find when the .ptd is not given", () => {
    const inspection = inspectPte(fixturePte("cuda"), { ptd: [] });
    expect(inspection.external_keys).toEqual([
      expect.objectContaining({ found_in: null, bytes: null, needed_by: "CudaBackend delegate forward/0" }),
    ]);
  });

  it("finds external constants in the .ptd by their fully qualified names", () => {
    const inspection = inspectPte(fixturePte("external_constants"));
    expect(inspection.external_keys.map((k) => [k.key, k.found_in])).toEqual([
      ["fc1.weight", "_default_external_constant.ptd"],
      ["fc1.bias", "_default_external_constant.ptd"],
      ["fc2.weight", "_default_external_constant.ptd"],
      ["fc2.bias", "_default_external_constant.ptd"],
    ]);
    expect(inspection.external_keys[0]!.bytes).toBe(16 * 8 * 4);
  });

  it("accounts for every byte of the file", () => {
    for (const name of names) {
      const b = inspectPte(fixturePte(name)).bytes_by_kind;
      const parts =
        b.program + b.delegates + b.constants + b.mutable_data + b.named_data + b.unused_segments + b.padding;
      expect(parts, name).toBe(b.total);
    }
  });
});
