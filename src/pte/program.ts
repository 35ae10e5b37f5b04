// The ExecuTorch program schema (namespace executorch_flatbuffer, file identifier ET12, ExecuTorch's
// schema/program.fbs), walked by slot: the slots of each table in declaration order, a union taking
// two slots (type tag, value). test/pte/oracle.test.ts holds every field read here against
// executorch's own deserializer, on files the real package writes. Only what an inspection needs
// is read: counts, names, ids, indices and sizes. Bulk data (constant buffers, inline delegate blobs) is located, not read.

import { Flatbuffer, tableList, type Table } from "./flatbuffer.js";
import type { Span } from "./span.js";

/** Union tags of EValue.val (KernelTypes), 1-based as flatbuffers numbers them; 0 is NONE. */
export const VALUE_KINDS = [
  "None",
  "Null",
  "Int",
  "Bool",
  "Double",
  "Tensor",
  "String",
  "IntList",
  "DoubleList",
  "BoolList",
  "TensorList",
  "OptionalTensorList",
] as const;

/** Union tags of Instruction.instr_args (InstructionArguments). */
export const INSTRUCTION_KINDS = [
  "None",
  "KernelCall",
  "DelegateCall",
  "MoveCall",
  "JumpFalseCall",
  "FreeCall",
] as const;

const KERNEL_CALL = 1;
const DELEGATE_CALL = 2;
const TENSOR = 5;
/** TensorDataLocation.EXTERNAL: the tensor's bytes live in a .ptd, under its fully qualified name. */
const EXTERNAL = 1;
/** How much of a compile spec value is kept for display; the full length is always reported. */
const COMPILE_SPEC_HEAD = 256;

export interface TensorMeta {
  scalarType: number;
  sizes: number[];
  /** TensorShapeDynamism: 0 static, 1 dynamic (bounded), 2 dynamic (unbounded). */
  dynamism: number;
}

export interface CompileSpecView {
  key: string;
  bytes: number;
  /** The first bytes of the value (all of it up to 256 bytes). */
  head: Buffer;
}

export interface DelegateView {
  id: string;
  location: "inline" | "segment";
  /** Index into Program.backend_delegate_data (inline) or Program.segments (segment). */
  index: number;
  /** DelegateCall instructions that run it. */
  calls: number;
  compileSpecs: CompileSpecView[];
}

export interface OperatorView {
  name: string;
  overload: string;
  /** KernelCall instructions that run it. */
  calls: number;
}

export interface PlanView {
  name: string;
  inputs: number[];
  outputs: number[];
  /** The tensor behind each input (null for a non-tensor input). */
  /** EValue kind of each input / output (Tensor, Int, ...). */
  inputKinds: string[];
  outputKinds: string[];
  inputTensors: (TensorMeta | null)[];
  outputTensors: (TensorMeta | null)[];
  values: number;
  valueKinds: Record<string, number>;
  chains: number;
  instructions: Record<string, number>;
  operators: OperatorView[];
  delegates: DelegateView[];
  /** Kernel and delegate calls in instruction order (chains in order), as indices into operators / delegates. */
  calls: { type: "kernel" | "delegate"; index: number }[];
  /** Tensors whose data lives outside the .pte (external constants), by fully qualified name. */
  externalTensors: { value: number; fqn: string }[];
  nonConstBufferSizes: number[];
}

export interface SubsegmentView {
  segmentIndex: number;
  offsets: number[];
}

export interface ProgramView {
  version: number;
  plans: PlanView[];
  /** Offsets relative to the segment base, as stored. */
  segments: { offset: number; size: number; /** Position of its table, for errors. */ at: number }[];
  constantSegment: SubsegmentView | null;
  mutableDataSegments: SubsegmentView[];
  namedData: { key: string; segmentIndex: number }[];
  /** Where each Program.backend_delegate_data blob lies in the file. */
  inlineDelegateData: { offset: number; size: number }[];
  /** Deprecated inline constant buffers (Program.constant_buffer). */
  constantBuffers: { count: number; bytes: number };
}

/**
 * Walks the program flatbuffer in `span` (file offset 0 up to the program size). Offsets and sizes
 * stored as u64 must not exceed `fileSize`.
 */
export function readProgram(span: Span, fileSize: number): ProgramView {
  const fb = new Flatbuffer(span);
  const program = fb.root("Program");
  const limit = (value: bigint, at: Table, what: string): number => {
    if (value > BigInt(fileSize))
      span.fail(at.pos, `${at.path}.${what}`, `${value} is larger than the file (${fileSize} bytes)`);
    return Number(value);
  };

  const segments = tableList(program.vector(4, "segments", 4)).map((s) => ({
    offset: limit(s.u64(0, "offset"), s, "offset"),
    size: limit(s.u64(1, "size"), s, "size"),
    at: s.pos,
  }));
  const inlineData = tableList(program.vector(3, "backend_delegate_data", 4)).map((d) => {
    const data = d.vector(0, "data", 1);
    return data === null ? { offset: 0, size: 0 } : { offset: data.data, size: data.length };
  });
  const constantBuffers = tableList(program.vector(2, "constant_buffer", 4));
  const counts = { segments: segments.length, inline: inlineData.length };
  const plans = tableList(program.vector(1, "execution_plan", 4)).map((p) => readPlan(p, counts));

  const namedData = tableList(program.vector(7, "named_data", 4)).map((n) => {
    const key = n.string(0, "key") ?? "";
    const segmentIndex = n.u32(1, "segment_index");
    if (segmentIndex >= segments.length) {
      span.fail(
        n.pos,
        `${n.path}.segment_index`,
        `segment ${segmentIndex} of named data '${key}' does not exist (${segments.length} segments)`,
      );
    }
    return { key, segmentIndex };
  });
  const subsegments = (t: Table): SubsegmentView => {
    const segmentIndex = t.u32(0, "segment_index");
    const offsets = t.vector(1, "offsets", 8);
    const list: number[] = [];
    for (let i = 0; offsets !== null && i < offsets.length; i++)
      list.push(limit(offsets.u64(i), t, `offsets[${i}]`));
    if (list.length > 0 && segmentIndex >= segments.length) {
      span.fail(
        t.pos,
        `${t.path}.segment_index`,
        `segment ${segmentIndex} does not exist (${segments.length} segments)`,
      );
    }
    return { segmentIndex, offsets: list };
  };
  const constantSegment = program.table(5, "constant_segment");
  return {
    version: program.u32(0, "version"),
    plans,
    segments,
    constantSegment: constantSegment === null ? null : subsegments(constantSegment),
    mutableDataSegments: tableList(program.vector(6, "mutable_data_segments", 4)).map(subsegments),
    namedData,
    inlineDelegateData: inlineData,
    constantBuffers: {
      count: constantBuffers.length,
      bytes: constantBuffers.reduce((sum, b) => sum + (b.vector(0, "storage", 1)?.length ?? 0), 0),
    },
  };
}

function readPlan(plan: Table, counts: { segments: number; inline: number }): PlanView {
  const span: Span = plan.fb.span;
  const name = plan.string(0, "name") ?? "";
  const values = plan.vector(2, "values", 4);
  const valueCount = values?.length ?? 0;
  const valueKinds: Record<string, number> = {};
  const externalTensors: { value: number; fqn: string }[] = [];
  const tensorAt = new Map<number, Table>();
  const kindAt: string[] = [];
  for (let i = 0; values !== null && i < values.length; i++) {
    const { type, value } = values.table(i).union(0, "val");
    const kind = VALUE_KINDS[type] ?? `unknown(${type})`;
    valueKinds[kind] = (valueKinds[kind] ?? 0) + 1;
    kindAt.push(kind);
    if (type !== TENSOR || value === null) continue;
    tensorAt.set(i, value);
    const extra = value.table(9, "extra_tensor_info");
    if (extra !== null && extra.u8(2, "location") === EXTERNAL) {
      externalTensors.push({ value: i, fqn: extra.string(1, "fully_qualified_name") ?? "" });
    }
  }
  const indices = (slot: number, field: string): number[] => {
    const list = plan.vector(slot, field, 4)?.i32s() ?? [];
    list.forEach((v, i) => {
      if (v < 0 || v >= valueCount)
        span.fail(
          plan.pos,
          `${plan.path}.${field}[${i}]`,
          `value index ${v} is outside the plan's ${valueCount} values`,
        );
    });
    return list;
  };
  const inputs = indices(3, "inputs");
  const outputs = indices(4, "outputs");
  const tensorMeta = (index: number): TensorMeta | null => {
    const tensor = tensorAt.get(index);
    if (tensor === undefined) return null;
    return {
      scalarType: tensor.i8(0, "scalar_type"),
      sizes: tensor.vector(2, "sizes", 4)?.i32s() ?? [],
      dynamism: tensor.i8(8, "shape_dynamism"),
    };
  };

  const operators = tableList(plan.vector(6, "operators", 4)).map((op) => ({
    name: op.string(0, "name") ?? "",
    overload: op.string(1, "overload") ?? "",
    calls: 0,
  }));
  const delegates = tableList(plan.vector(7, "delegates", 4)).map((d) => readDelegate(d, counts));

  const instructions: Record<string, number> = {};
  const calls: PlanView["calls"] = [];
  const chains = tableList(plan.vector(5, "chains", 4));
  for (const chain of chains) {
    for (const instruction of tableList(chain.vector(2, "instructions", 4))) {
      const { type, value } = instruction.union(0, "instr_args");
      const kind = INSTRUCTION_KINDS[type] ?? `unknown(${type})`;
      instructions[kind] = (instructions[kind] ?? 0) + 1;
      if (value === null) continue;
      if (type === KERNEL_CALL) {
        const index = value.i32(0, "op_index");
        const op = operators[index];
        if (op === undefined)
          span.fail(
            value.pos,
            `${value.path}.op_index`,
            `operator ${index} does not exist (${operators.length} operators)`,
          );
        op.calls++;
        calls.push({ type: "kernel", index });
      } else if (type === DELEGATE_CALL) {
        const index = value.i32(0, "delegate_index");
        const delegate = delegates[index];
        if (delegate === undefined)
          span.fail(
            value.pos,
            `${value.path}.delegate_index`,
            `delegate ${index} does not exist (${delegates.length} delegates)`,
          );
        delegate.calls++;
        calls.push({ type: "delegate", index });
      }
    }
  }

  const bufferSizes = plan.vector(8, "non_const_buffer_sizes", 8);
  const nonConstBufferSizes: number[] = [];
  for (let i = 0; bufferSizes !== null && i < bufferSizes.length; i++) {
    const size = bufferSizes.i64(i);
    if (size < 0n || size > BigInt(Number.MAX_SAFE_INTEGER)) {
      span.fail(
        bufferSizes.data + 8 * i,
        `${bufferSizes.path}[${i}]`,
        `memory plan buffer size ${size} is not a plausible size`,
      );
    }
    nonConstBufferSizes.push(Number(size));
  }

  return {
    name,
    inputs,
    outputs,
    inputKinds: inputs.map((i) => kindAt[i] ?? "None"),
    outputKinds: outputs.map((i) => kindAt[i] ?? "None"),
    inputTensors: inputs.map(tensorMeta),
    outputTensors: outputs.map(tensorMeta),
    values: valueCount,
    valueKinds,
    chains: chains.length,
    instructions,
    operators,
    delegates,
    calls,
    externalTensors,
    nonConstBufferSizes,
  };
}

function readDelegate(delegate: Table, counts: { segments: number; inline: number }): DelegateView {
  const span: Span = delegate.fb.span;
  const id = delegate.string(0, "id") ?? "";
  const processed = delegate.table(1, "processed");
  if (processed === null)
    span.fail(delegate.pos, `${delegate.path}.processed`, `delegate '${id}' has no processed data reference`);
  const locationTag = processed.u8(0, "location");
  const index = processed.u32(1, "index");
  if (locationTag > 1)
    span.fail(
      processed.pos,
      `${processed.path}.location`,
      `unknown data location ${locationTag} (expected 0 INLINE or 1 SEGMENT)`,
    );
  const location = locationTag === 0 ? "inline" : "segment";
  const available = location === "inline" ? counts.inline : counts.segments;
  if (index >= available) {
    span.fail(
      processed.pos,
      `${processed.path}.index`,
      `delegate '${id}' points at ${location === "inline" ? "backend_delegate_data" : "segment"} ${index}, but there are ${available}`,
    );
  }
  const compileSpecs = tableList(delegate.vector(2, "compile_specs", 4)).map((spec) => {
    const value = spec.vector(1, "value", 1);
    return {
      key: spec.string(0, "key") ?? "",
      bytes: value?.length ?? 0,
      head: value === null ? Buffer.alloc(0) : value.head(COMPILE_SPEC_HEAD),
    };
  });
  return { id, location, index, calls: 0, compileSpecs };
}
