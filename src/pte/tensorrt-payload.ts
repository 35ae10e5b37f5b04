// The payload of a `TensorRTBackend` delegate, in the layouts Torch-TensorRT releases write (read
// from each release's ExecuTorch backend; test/python/generate_pte_fixtures.py writes every one):
//   - 2.13+: a 32-byte header `<4sIIIQ8s>`: magic TR01 (TR02 when aliased I/O is present),
//     metadata_offset u32, metadata_size u32, engine_offset u32 (16-aligned), engine_size u64,
//     8 reserved bytes; then compact JSON metadata, zero padding, the serialized engine.
//   - a pre-release TR01 carried the runtime's engine-info strings as metadata instead of JSON.
//   - 2.12: no magic at all: the runtime's engine-info vector<string> (u32 count, then u32 length +
//     bytes per entry), the engine in entry 3.
// Only the header and the metadata are read, never the engine.

import type { TensorRTBinding, TensorRTPayloadInfo, UnknownPayloadInfo } from "./inspection.js";
import { headHex } from "./payload-head.js";
import type { Span } from "./span.js";

const HEADER_BYTES = 32;
const ENGINE_ALIGNMENT = 16;
/** Metadata is JSON of binding names and settings: kilobytes. Refuse to read more than this. */
const MAX_METADATA_BYTES = 16 * 1024 * 1024;
/** The engine-info vector has 12 entries (13 from 2.14); anything far off is not that layout. */
const MAX_ENGINE_INFO_ENTRIES = 64;
/** Longest engine-info text entry read (names, device, platform); longer ones are only measured. */
const MAX_ENGINE_INFO_TEXT = 64 * 1024;

/** Engine-info slots (Torch-TensorRT's SerializedInfoIndex). */
const SLOT = {
  abi: 0,
  name: 1,
  device: 2,
  engine: 3,
  inputs: 4,
  outputs: 5,
  hardwareCompatible: 6,
  serializedMetadata: 7,
  targetPlatform: 8,
  requiresOutputAllocator: 9,
} as const;

export function decodeTensorRTPayload(payload: Span): TensorRTPayloadInfo | UnknownPayloadInfo {
  if (payload.length >= 4) {
    const magic = payload.bytes(payload.start, 4, "TensorRT payload magic").toString("latin1");
    if (magic === "TR01" || magic === "TR02") return decodeHeadered(payload, magic);
  }
  const entries = engineInfoEntries(payload);
  if (entries !== null) return fromEngineInfo(payload, entries, "engine-info", payload.length);
  return {
    format: "unrecognised",
    reason:
      "unrecognised TensorRT payload layout: no TR01/TR02 magic, and not the engine-info strings Torch-TensorRT 2.12 writes",
    head_hex: headHex(payload),
  };
}

function decodeHeadered(payload: Span, magic: "TR01" | "TR02"): TensorRTPayloadInfo {
  const at = payload.start;
  const what = `TensorRT ${magic} header`;
  if (payload.length < HEADER_BYTES) {
    payload.fail(at, what, `the header needs ${HEADER_BYTES} bytes but the payload has ${payload.length}`);
  }
  const metadataOffset = payload.u32(at + 4, `${what} metadata_offset`);
  const metadataSize = payload.u32(at + 8, `${what} metadata_size`);
  const engineOffset = payload.u32(at + 12, `${what} engine_offset`);
  const engineSize = payload.u64(at + 16, `${what} engine_size`);
  const fail: Bad = (field: string, problem: string): never => payload.fail(at, `${what} ${field}`, problem);
  if (metadataOffset < HEADER_BYTES)
    fail("metadata_offset", `${metadataOffset} lies inside the ${HEADER_BYTES}-byte header`);
  if (metadataOffset + metadataSize > payload.length) {
    fail(
      "metadata_size",
      `metadata (${metadataSize} bytes at ${metadataOffset}) runs past the payload's ${payload.length} bytes`,
    );
  }
  if (engineOffset % ENGINE_ALIGNMENT !== 0)
    fail("engine_offset", `${engineOffset} is not ${ENGINE_ALIGNMENT}-byte aligned`);
  if (metadataOffset + metadataSize > engineOffset)
    fail("engine_offset", `the engine at ${engineOffset} overlaps the metadata`);
  if (BigInt(engineOffset) + engineSize > BigInt(payload.length)) {
    fail(
      "engine_size",
      `the engine (${engineSize} bytes at ${engineOffset}) runs past the payload's ${payload.length} bytes`,
    );
  }
  if (metadataSize > MAX_METADATA_BYTES)
    fail("metadata_size", `${metadataSize} bytes of metadata is more than ${MAX_METADATA_BYTES}`);

  const metadata: Span = payload.sub(
    at + metadataOffset,
    metadataSize,
    `${magic} metadata`,
    `${what} metadata`,
  );
  const engine = { offset: engineOffset, bytes: Number(engineSize) };
  const raw = metadata.bytes(metadata.start, metadata.length, `${magic} metadata`);
  const firstChar = raw.toString("latin1").trimStart()[0];
  if (firstChar !== "{") {
    const entries = engineInfoEntries(metadata);
    if (entries === null)
      metadata.fail(metadata.start, `${magic} metadata`, "neither JSON nor engine-info strings");
    return { ...fromEngineInfo(metadata, entries, magic, metadataSize), engine };
  }
  return fromJson(metadata, raw, magic, engine);
}

function fromJson(
  metadata: Span,
  raw: Buffer,
  layout: "TR01" | "TR02",
  engine: { offset: number; bytes: number },
): TensorRTPayloadInfo {
  const where = `${layout} metadata`;
  const bad: Bad = (field: string, problem: string): never =>
    metadata.fail(metadata.start, `${where} ${field}`, problem);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch (e) {
    bad("JSON", `not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(parsed)) bad("JSON", "is not a JSON object");
  const bindings = arrayField(parsed, "io_bindings", bad).map((b, i): TensorRTBinding => {
    if (!isObject(b)) bad(`io_bindings[${i}]`, "is not an object");
    return {
      name: stringField(b, "name", bad, `io_bindings[${i}].`) ?? "",
      dtype: stringField(b, "dtype", bad, `io_bindings[${i}].`) ?? "",
      shape: intArrayField(b, "shape", bad, `io_bindings[${i}].`),
      is_input: boolField(b, "is_input", bad, `io_bindings[${i}].`) ?? true,
    };
  });
  const aliased = arrayField(parsed, "aliased_io", bad).map((a, i) => {
    if (!isObject(a)) bad(`aliased_io[${i}]`, "is not an object");
    return {
      output: stringField(a, "output", bad, `aliased_io[${i}].`) ?? "",
      input: stringField(a, "input", bad, `aliased_io[${i}].`) ?? "",
      kind: stringField(a, "kind", bad, `aliased_io[${i}].`) ?? "kv_cache_update",
    };
  });
  const deviceId = parsed.device_id;
  if (deviceId !== undefined && !Number.isSafeInteger(deviceId)) bad("device_id", "is not an integer");
  return {
    format: "tensorrt",
    layout,
    metadata_format: "json",
    metadata_bytes: metadata.length,
    engine,
    io_bindings: bindings,
    aliased_io: aliased,
    hardware_compatible: boolField(parsed, "hardware_compatible", bad) ?? null,
    device_id: (deviceId as number | undefined) ?? null,
    device: null,
    target_platform: stringField(parsed, "target_platform", bad) ?? null,
    engine_name: null,
    abi_version: null,
    requires_output_allocator: null,
    serialized_metadata_bytes: Buffer.byteLength(stringField(parsed, "serialized_metadata", bad) ?? ""),
  };
}

interface Entry {
  pos: number;
  length: number;
}

/** The engine-info vector<string> filling `span` exactly, or null when the bytes are not one. */
function engineInfoEntries(span: Span): Entry[] | null {
  if (span.length < 4) return null;
  const count = span.u32(span.start, "engine-info count");
  if (count < SLOT.requiresOutputAllocator + 1 || count > MAX_ENGINE_INFO_ENTRIES) return null;
  const entries: Entry[] = [];
  let pos = span.start + 4;
  for (let i = 0; i < count; i++) {
    if (pos + 4 > span.end) return null;
    const length = span.u32(pos, `engine-info entry ${i} length`);
    if (length > span.end - pos - 4) return null;
    entries.push({ pos: pos + 4, length });
    pos += 4 + length;
  }
  return pos === span.end ? entries : null;
}

function fromEngineInfo(
  span: Span,
  entries: Entry[],
  layout: TensorRTPayloadInfo["layout"],
  metadataBytes: number,
): TensorRTPayloadInfo {
  const text = (slot: number): string | null => {
    const entry = entries[slot];
    if (entry === undefined || entry.length > MAX_ENGINE_INFO_TEXT) return null;
    return span.bytes(entry.pos, entry.length, `engine-info entry ${slot}`).toString("utf8");
  };
  const flag = (slot: number): boolean | null => {
    const value = text(slot);
    return value === "1" ? true : value === "0" ? false : null;
  };
  const names = (slot: number): string[] => (text(slot) ?? "").split("%").filter((n) => n !== "");
  const device = text(SLOT.device);
  const deviceId = device === null ? NaN : Number(device.split("%")[0]);
  // engineInfoEntries accepts only vectors long enough to have an engine slot.
  const engine = entries[SLOT.engine] ?? { pos: span.start, length: 0 };
  return {
    format: "tensorrt",
    layout,
    metadata_format: "engine-info",
    metadata_bytes: metadataBytes,
    // In the 2.12 layout the engine is an entry of the vector; offsets are from the payload start.
    engine: { offset: engine.pos - span.start, bytes: engine.length },
    io_bindings: [
      ...names(SLOT.inputs).map((name) => ({ name, dtype: "", shape: [], is_input: true })),
      ...names(SLOT.outputs).map((name) => ({ name, dtype: "", shape: [], is_input: false })),
    ],
    aliased_io: [],
    hardware_compatible: flag(SLOT.hardwareCompatible),
    device_id: Number.isSafeInteger(deviceId) ? deviceId : null,
    device,
    target_platform: text(SLOT.targetPlatform),
    engine_name: text(SLOT.name),
    abi_version: text(SLOT.abi),
    requires_output_allocator: flag(SLOT.requiresOutputAllocator),
    serialized_metadata_bytes: entries[SLOT.serializedMetadata]?.length ?? 0,
  };
}

type Bad = (field: string, problem: string) => never;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function arrayField(obj: Record<string, unknown>, key: string, bad: Bad): unknown[] {
  const value = obj[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) bad(key, "is not an array");
  return value;
}

function stringField(obj: Record<string, unknown>, key: string, bad: Bad, prefix = ""): string | undefined {
  const value = obj[key];
  if (value !== undefined && typeof value !== "string") bad(`${prefix}${key}`, "is not a string");
  return value;
}

function boolField(obj: Record<string, unknown>, key: string, bad: Bad, prefix = ""): boolean | undefined {
  const value = obj[key];
  if (value !== undefined && typeof value !== "boolean") bad(`${prefix}${key}`, "is not true or false");
  return value;
}

function intArrayField(obj: Record<string, unknown>, key: string, bad: Bad, prefix: string): number[] {
  const value = obj[key];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => Number.isSafeInteger(v)))
    bad(`${prefix}${key}`, "is not a list of integers");
  return value as number[];
}
