// Reads a .pte (and the .ptd files it may need) into an Inspection: header → program flatbuffer →
// segments → the first bytes of each delegate payload → named data and external keys resolved →
// bytes by kind. Reads only metadata through the page cache; segment bytes are never touched.

import fs from "node:fs";
import path from "node:path";
import { FileSource, type ByteSource } from "./byte-source.js";
import { decodeCudaPayload, type CudaPayloadKeys } from "./cuda-payload.js";
import {
  INSPECTION_SCHEMA,
  type BytesByKind,
  type CompileSpecInfo,
  type ConstantsInfo,
  type CudaKey,
  type DelegateInfo,
  type ExternalDataFile,
  type ExternalKey,
  type Inspection,
  type IoValue,
  type PayloadInfo,
  type PlanInfo,
  type PlanStep,
  type SegmentInfo,
  type TensorInfo,
} from "./inspection.js";
import { headHex, printableText } from "./payload-head.js";
import { readProgram, type PlanView, type ProgramView, type TensorMeta } from "./program.js";
import { readPteHeader, type PteHeader } from "./pte-header.js";
import { readPtdFile, type PtdView } from "./ptd.js";
import { ptdArtifactPrefix } from "../settings/names.js";
import { scalarTypeName } from "./scalar-type.js";
import { Span } from "./span.js";
import { PteFormatError } from "./format-error.js";
import { decodeTensorRTPayload } from "./tensorrt-payload.js";
import { decodeXnnpackPayload } from "./xnnpack-payload.js";

export interface InspectOptions {
  /** .ptd files to resolve external data against. Default: the .pte's own in its folder (ptdFilesBeside). */
  ptd?: readonly string[];
}

/** Inspects a .pte on disk. Throws PteFormatError for a malformed .pte or .ptd. */
export function inspectPte(file: string, options: InspectOptions = {}): Inspection {
  const ptdFiles = options.ptd ?? ptdFilesBeside(file);
  const ptds = ptdFiles.map((f) => readPtdFile(f));
  const source = new FileSource(file);
  try {
    return inspectSource(source, ptds);
  } finally {
    source.close();
  }
}

/**
 * The .ptd files in the folder of `pteFile`, sorted by name: those named after it when there are any
 * (`<stem>--*.ptd`, as downloaded artifacts are, so several builds can share a folder), else every
 * `*.ptd` (an export's own output folder).
 */
export function ptdFilesBeside(pteFile: string): string[] {
  const dir = path.dirname(pteFile);
  const all = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ptd"))
    .map((e) => e.name)
    .sort();
  const prefix = ptdArtifactPrefix(path.basename(pteFile, ".pte"));
  const own = all.filter((name) => name.startsWith(prefix));
  return (own.length > 0 ? own : all).map((name) => path.join(dir, name));
}

const DECODERS: Record<string, (payload: Span, delegate: DelegateContext) => PayloadInfo | CudaPayloadKeys> =
  {
    TensorRTBackend: (payload) => decodeTensorRTPayload(payload),
    CudaBackend: (payload, d) => decodeCudaPayload(payload, d.specText("method_name")),
    XnnpackBackend: (payload) => decodeXnnpackPayload(payload),
  };

interface DelegateContext {
  specText(key: string): string | null;
}

/** Bytes the payload decoders may read beyond the file's own size (magic and header reads repeat). */
const PAYLOAD_SLACK_BYTES = 1024 * 1024;

/**
 * The file as the payload decoders see it: every byte they read is counted, and past the file's size
 * (plus a little for headers read twice) the file is refused. Each payload is decoded once (see
 * `decoded` below), so only payloads that overlap, starting at different bytes, can read more than
 * the file holds, which a file written by a real serializer never does.
 */
class PayloadBudget implements ByteSource {
  private used = 0;
  private readonly limit: number;

  constructor(private readonly inner: ByteSource) {
    this.limit = inner.size + PAYLOAD_SLACK_BYTES;
  }

  get name(): string {
    return this.inner.name;
  }

  get size(): number {
    return this.inner.size;
  }

  get stats(): ByteSource["stats"] {
    return this.inner.stats;
  }

  read(pos: number, length: number): Buffer {
    this.used += length;
    if (this.used > this.limit) {
      throw new PteFormatError(
        this.inner.name,
        pos,
        "delegate payloads",
        `the delegates' payloads overlap: decoding them reads more than the file's ${this.inner.size} bytes`,
      );
    }
    return this.inner.read(pos, length);
  }

  close(): void {}
}

export function inspectSource(source: ByteSource, ptds: readonly PtdView[] = []): Inspection {
  const header = readPteHeader(source);
  const programSpan = new Span(source, 0, header.programSize, "program flatbuffer");
  const program = readProgram(programSpan, source.size);
  const base = header.extended?.segmentBaseOffset ?? 0;
  checkSegments(source, header, program);

  const pteName = path.basename(source.name);
  const external = ptds.map(externalFile);
  const namedData = program.namedData.map((n) => ({
    key: n.key,
    segment_index: n.segmentIndex,
    bytes: checked(program.segments, n.segmentIndex).size,
  }));
  const externalKeys: ExternalKey[] = [];
  const locate = (key: string): { found_in: string | null; bytes: number | null } => {
    const own = namedData.find((n) => n.key === key);
    if (own !== undefined) return { found_in: pteName, bytes: own.bytes };
    for (const file of external) {
      const entry = file.named_data.find((n) => n.key === key);
      if (entry !== undefined) return { found_in: file.name, bytes: entry.bytes };
    }
    return { found_in: null, bytes: null };
  };

  // One decode per payload: delegates that share a payload (same backend, bytes and method) share
  // its decoding, so a thousand delegates pointing at one segment cost what one does.
  const payloads = new PayloadBudget(source);
  const decoded = new Map<string, PayloadInfo | CudaPayloadKeys>();
  const delegates: DelegateInfo[] = [];
  const plans: PlanInfo[] = program.plans.map((plan) => {
    const first = delegates.length;
    plan.delegates.forEach((d, index) => {
      const stored = checked(
        d.location === "segment" ? program.segments : program.inlineDelegateData,
        d.index,
      );
      const where = { offset: (d.location === "segment" ? base : 0) + stored.offset, bytes: stored.size };
      const specs = d.compileSpecs.map(compileSpecInfo);
      const context: DelegateContext = { specText: (key) => specs.find((s) => s.key === key)?.text ?? null };
      const key = [d.id, where.offset, where.bytes, context.specText("method_name")].join("\0");
      let payloadInfo = decoded.get(key);
      if (payloadInfo === undefined) {
        const payload = new Span(payloads, where.offset, where.offset + where.bytes, `${d.id} payload`);
        const decode = DECODERS[d.id];
        payloadInfo = decode
          ? decode(payload, context)
          : { format: "unknown" as const, reason: null, head_hex: headHex(payload) };
        decoded.set(key, payloadInfo);
      }
      const decodedPayload = payloadInfo;
      const label = `${plan.name}/${index}`;
      let info: PayloadInfo;
      if (decodedPayload.format === "cuda") {
        const keys: CudaKey[] = decodedPayload.keys.map((k) => ({ ...k, ...locate(k.key) }));
        for (const k of keys) {
          if (k.found_in !== pteName)
            externalKeys.push({
              key: k.key,
              needed_by: `CudaBackend delegate ${label}`,
              found_in: k.found_in,
              bytes: k.bytes,
            });
        }
        info = { ...decodedPayload, keys };
      } else info = decodedPayload;
      delegates.push({
        plan: plan.name,
        index,
        id: d.id,
        calls: d.calls,
        location: d.location,
        data_index: d.index,
        offset: where.bytes === 0 && d.location === "inline" ? null : where.offset,
        bytes: where.bytes,
        compile_specs: specs,
        payload: info,
      });
    });
    for (const t of plan.externalTensors) {
      const found = locate(t.fqn);
      if (found.found_in !== pteName)
        externalKeys.push({ key: t.fqn, needed_by: `tensor ${t.fqn} in ${plan.name}`, ...found });
    }
    return planInfo(plan, delegates.length - first, first);
  });

  const segments = segmentInfo(program, base, delegates, namedData);
  const constants = constantsInfo(program);
  return {
    schema: INSPECTION_SCHEMA,
    file: { path: source.name, bytes: source.size },
    program: {
      identifier: header.identifier,
      version: program.version,
      flatbuffer_bytes: header.programSize,
      extended_header:
        header.extended === null
          ? null
          : {
              length: header.extended.length,
              program_size: header.extended.programSize,
              segment_base_offset: header.extended.segmentBaseOffset,
              segment_data_size: header.extended.segmentDataSize,
            },
    },
    plans,
    delegates,
    segments,
    named_data: namedData,
    constants,
    external_data: external,
    external_keys: externalKeys,
    bytes_by_kind: bytesByKind(source.size, header.programSize, segments, external),
  };
}

/** An element readProgram has already checked exists (an index it validated against this list). */
function checked<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`internal: index ${index} was validated but is missing`);
  return item;
}

/** Every segment must lie inside the segment data the header declares, and inside the file. */
function checkSegments(source: ByteSource, header: PteHeader, program: ProgramView): void {
  const span: Span = new Span(source, 0, source.size, "file");
  const extended = header.extended;
  program.segments.forEach((s, i) => {
    const what = `Program.segments[${i}]`;
    if (s.size === 0) return;
    if (extended === null || extended.segmentBaseOffset === 0) {
      span.fail(
        s.at,
        what,
        `segment of ${s.size} bytes, but the file has no extended header saying where segments begin`,
      );
    }
    const start = extended.segmentBaseOffset + s.offset;
    if (start + s.size > source.size) {
      span.fail(
        s.at,
        what,
        `segment ${i} (bytes ${start}..${start + s.size}) runs past the end of the file (${source.size} bytes): the file is truncated`,
      );
    }
    if (extended.segmentDataSize > 0 && s.offset + s.size > extended.segmentDataSize) {
      span.fail(
        s.at,
        what,
        `segment ${i} ends ${s.offset + s.size} bytes into the segment data, which the header says is ${extended.segmentDataSize} bytes`,
      );
    }
  });
}

function compileSpecInfo(spec: { key: string; bytes: number; head: Buffer }): CompileSpecInfo {
  return {
    key: spec.key,
    bytes: spec.bytes,
    text: spec.head.length === spec.bytes ? printableText(spec.head) : null,
    hex: spec.head.toString("hex"),
  };
}

const DYNAMISM = ["static", "dynamic_bound", "dynamic_unbound"] as const;

function tensorInfo(meta: TensorMeta | null): TensorInfo | null {
  if (meta === null) return null;
  return {
    dtype: scalarTypeName(meta.scalarType),
    shape: meta.sizes,
    dynamism: DYNAMISM[meta.dynamism] ?? "static",
  };
}

function planInfo(plan: PlanView, delegateCount: number, firstDelegate: number): PlanInfo {
  const io = (indices: number[], kinds: string[], tensors: (TensorMeta | null)[]): IoValue[] =>
    indices.map((value, i) => ({ value, kind: kinds[i] ?? "None", tensor: tensorInfo(tensors[i] ?? null) }));
  const total = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    name: plan.name,
    inputs: io(plan.inputs, plan.inputKinds, plan.inputTensors),
    outputs: io(plan.outputs, plan.outputKinds, plan.outputTensors),
    values: { total: plan.values, by_kind: sortKeys(plan.valueKinds) },
    chains: plan.chains,
    instructions: { total: total(plan.instructions), by_kind: sortKeys(plan.instructions) },
    operators: plan.operators,
    delegates: Array.from({ length: delegateCount }, (_, i) => firstDelegate + i),
    steps: planSteps(plan, firstDelegate),
    memory_planned_bytes: plan.nonConstBufferSizes,
    external_tensors: plan.externalTensors,
  };
}

/** The plan's calls in order, consecutive kernel calls folded into one step. */
function planSteps(plan: PlanView, firstDelegate: number): PlanStep[] {
  const steps: PlanStep[] = [];
  for (const call of plan.calls) {
    if (call.type === "delegate") {
      steps.push({ kind: "delegate", delegate: firstDelegate + call.index });
      continue;
    }
    const op = plan.operators[call.index];
    const name =
      op === undefined
        ? `operator ${call.index}`
        : op.overload === ""
          ? op.name
          : `${op.name}.${op.overload}`;
    let last = steps[steps.length - 1];
    if (last?.kind !== "kernels") {
      last = { kind: "kernels", calls: 0, ops: [] };
      steps.push(last);
    }
    last.calls++;
    const seen = last.ops.find((o) => o.name === name);
    if (seen === undefined) last.ops.push({ name, calls: 1 });
    else seen.calls++;
  }
  return steps;
}

function sortKeys(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

const KIND_ORDER: SegmentInfo["kind"][] = ["delegate", "constants", "mutable_data", "named_data"];

function segmentInfo(
  program: ProgramView,
  base: number,
  delegates: DelegateInfo[],
  namedData: { key: string; segment_index: number }[],
): SegmentInfo[] {
  const uses = program.segments.map(() => [] as { kind: SegmentInfo["kind"]; by: string }[]);
  for (const d of delegates) {
    if (d.location === "segment")
      uses[d.data_index]?.push({ kind: "delegate", by: `delegate ${d.plan}/${d.index} ${d.id}` });
  }
  const constant = program.constantSegment;
  if (constant !== null && constant.offsets.length > 0) {
    uses[constant.segmentIndex]?.push({
      kind: "constants",
      by: `constants (${constant.offsets.length} buffer${constant.offsets.length === 1 ? "" : "s"})`,
    });
  }
  program.mutableDataSegments.forEach((m, i) => {
    if (m.offsets.length > 0) uses[m.segmentIndex]?.push({ kind: "mutable_data", by: `mutable_data[${i}]` });
  });
  for (const n of namedData) uses[n.segment_index]?.push({ kind: "named_data", by: `named_data ${n.key}` });
  return program.segments.map((s, index) => {
    const used = uses[index] ?? [];
    const kind = KIND_ORDER.find((k) => used.some((u) => u.kind === k)) ?? "unused";
    return { index, offset: base + s.offset, bytes: s.size, kind, used_by: used.map((u) => u.by) };
  });
}

function constantsInfo(program: ProgramView): ConstantsInfo {
  const segment = program.constantSegment;
  if (segment !== null && segment.offsets.length > 0) {
    return {
      segment_index: segment.segmentIndex,
      buffers: segment.offsets.length,
      bytes: program.segments[segment.segmentIndex]?.size ?? 0,
    };
  }
  return {
    segment_index: null,
    buffers: program.constantBuffers.count,
    bytes: program.constantBuffers.bytes,
  };
}

function externalFile(view: PtdView): ExternalDataFile {
  return {
    name: path.basename(view.path),
    path: view.path,
    bytes: view.bytes,
    version: view.version,
    header: {
      length: view.header.length,
      flatbuffer_offset: view.header.flatbufferOffset,
      flatbuffer_size: view.header.flatbufferSize,
      segment_base_offset: view.header.segmentBaseOffset,
      segment_data_size: view.header.segmentDataSize,
    },
    segments: view.segments.map((s, index) => ({
      index,
      offset: view.header.segmentBaseOffset + s.offset,
      bytes: s.size,
    })),
    named_data: view.namedData.map((n) => ({
      key: n.key,
      segment_index: n.segmentIndex,
      bytes: n.bytes,
      dtype: n.layout === null ? null : scalarTypeName(n.layout.scalarType),
      shape: n.layout?.sizes ?? null,
      dim_order: n.layout?.dimOrder ?? null,
    })),
  };
}

function bytesByKind(
  fileBytes: number,
  programBytes: number,
  segments: SegmentInfo[],
  external: ExternalDataFile[],
): BytesByKind {
  const sum = (kind: SegmentInfo["kind"]): number =>
    segments.filter((s) => s.kind === kind).reduce((total, s) => total + s.bytes, 0);
  const out = {
    program: programBytes,
    delegates: sum("delegate"),
    constants: sum("constants"),
    mutable_data: sum("mutable_data"),
    named_data: sum("named_data"),
    unused_segments: sum("unused"),
  };
  const accounted = Object.values(out).reduce((a, b) => a + b, 0);
  return {
    ...out,
    padding: Math.max(0, fileBytes - accounted),
    total: fileBytes,
    external_data: external.reduce((total, f) => total + f.bytes, 0),
  };
}
