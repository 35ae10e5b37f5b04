// The inspection of a .pte (and the .ptd files beside it): one stable, versioned JSON document.
// `trt-pte inspect --json` prints it, report.json carries it as `inspection`, and the tree, the job
// summary and the verification all read it. docs/inspecting.md documents every field.
// Keys are snake_case like the rest of report.json. Byte offsets and sizes are JSON numbers (exact:
// a file cannot exceed 2^53 bytes). A change that removes or retypes a field bumps the version.

export const INSPECTION_SCHEMA = "trt-pte/inspection@1";

export interface Inspection {
  schema: typeof INSPECTION_SCHEMA;
  file: { path: string; bytes: number };
  program: ProgramInfo;
  plans: PlanInfo[];
  delegates: DelegateInfo[];
  segments: SegmentInfo[];
  named_data: NamedDataInfo[];
  constants: ConstantsInfo;
  external_data: ExternalDataFile[];
  /** Named data the program reads from outside the .pte, and where each was found. */
  external_keys: ExternalKey[];
  bytes_by_kind: BytesByKind;
}

export interface ProgramInfo {
  identifier: string;
  version: number;
  /** Bytes from offset 0 holding the program flatbuffer (with the headers and any inline data). */
  flatbuffer_bytes: number;
  extended_header: {
    length: number;
    program_size: number;
    segment_base_offset: number;
    segment_data_size: number;
  } | null;
}

export interface TensorInfo {
  /** ScalarType name (`float32`, `int64`, ...), or `scalar_type(N)` for a code this reader does not name. */
  dtype: string;
  /** Sizes as stored; for a dynamic tensor these are the upper bounds. */
  shape: number[];
  dynamism: "static" | "dynamic_bound" | "dynamic_unbound";
}

export interface IoValue {
  /** Index into the plan's values. */
  value: number;
  /** EValue kind: Tensor, Int, Bool, Double, String, IntList, ... */
  kind: string;
  tensor: TensorInfo | null;
}

export interface PlanInfo {
  name: string;
  inputs: IoValue[];
  outputs: IoValue[];
  values: { total: number; by_kind: Record<string, number> };
  chains: number;
  instructions: { total: number; by_kind: Record<string, number> };
  /** In the plan's order; `calls` counts the KernelCall instructions that run each. */
  operators: { name: string; overload: string; calls: number }[];
  /** Indices into the top-level `delegates`. */
  delegates: number[];
  /**
   * What the plan runs, in instruction order: each delegate call, and each run of consecutive
   * kernel calls as one step with its ops (in first-call order, with call counts).
   */
  steps: PlanStep[];
  /** Bytes of each memory-planned buffer (non_const_buffer_sizes; entry 0 is reserved). */
  memory_planned_bytes: number[];
  /** Tensors whose data lives in a .ptd, by fully qualified name. */
  external_tensors: { value: number; fqn: string }[];
}

export type PlanStep =
  | { kind: "delegate"; /** Index into the top-level `delegates`. */ delegate: number }
  | { kind: "kernels"; calls: number; ops: { name: string; calls: number }[] };

export interface CompileSpecInfo {
  key: string;
  bytes: number;
  /** The value as text when it is printable UTF-8, else null. */
  text: string | null;
  /** The value in hex (its first 256 bytes). */
  hex: string;
}

export interface DelegateInfo {
  plan: string;
  /** Index within the plan's delegates. */
  index: number;
  id: string;
  /** DelegateCall instructions that run it. */
  calls: number;
  location: "segment" | "inline";
  /** Index into `segments` (segment) or into the program's inline delegate data (inline). */
  data_index: number;
  /** Absolute file offset of the payload, or null for an empty payload with no place in the file. */
  offset: number | null;
  bytes: number;
  compile_specs: CompileSpecInfo[];
  payload: PayloadInfo;
}

export type PayloadInfo = TensorRTPayloadInfo | CudaPayloadInfo | XnnpackPayloadInfo | UnknownPayloadInfo;

export interface TensorRTBinding {
  name: string;
  /** As the payload states it; Torch-TensorRT 2.13 writes "" (unknown). */
  dtype: string;
  /** As the payload states it; empty when unknown, -1 for a dynamic dimension. */
  shape: number[];
  is_input: boolean;
}

export interface TensorRTPayloadInfo {
  format: "tensorrt";
  /** TR01 / TR02 (Torch-TensorRT 2.13+, TR02 with aliased I/O), or engine-info (2.12's vector<string>, no magic). */
  layout: "TR01" | "TR02" | "engine-info";
  /** How the metadata is encoded: JSON (2.13+), or the runtime's engine-info strings (2.12, pre-release TR01). */
  metadata_format: "json" | "engine-info";
  metadata_bytes: number;
  engine: { offset: number; bytes: number };
  io_bindings: TensorRTBinding[];
  aliased_io: { output: string; input: string; kind: string }[];
  hardware_compatible: boolean | null;
  device_id: number | null;
  /** The serialized device string of the engine-info layout (`id%major%minor%type%name`). */
  device: string | null;
  target_platform: string | null;
  engine_name: string | null;
  abi_version: string | null;
  requires_output_allocator: boolean | null;
  serialized_metadata_bytes: number;
}

export interface CudaKey {
  key: string;
  role: "so_blob" | "weights_blob" | "weight" | "other";
  /** File holding it: the .pte's own name, a .ptd's name, or null when found nowhere. */
  found_in: string | null;
  bytes: number | null;
}

export interface CudaPayloadInfo {
  format: "cuda";
  /** keys: executorch 1.4 text naming two blobs; fqn3: 1.5 ETCUDAFQN3 table; method-name: 1.2/1.3 empty payload. */
  layout: "keys" | "fqn3" | "method-name";
  keys: CudaKey[];
  /** Weights listed in an fqn3 table (null for the other layouts). */
  weights: number | null;
}

export interface XnnpackPayloadInfo {
  format: "xnnpack";
  flatbuffer_bytes: number;
  constant_bytes: number;
}

export interface UnknownPayloadInfo {
  /** unknown: a backend this reader does not decode; unrecognised: a known backend in a layout it does not know. */
  format: "unknown" | "unrecognised";
  reason: string | null;
  /** The first 32 bytes, in hex. */
  head_hex: string;
}

export interface SegmentInfo {
  index: number;
  /** Absolute file offset (segment base + stored offset). */
  offset: number;
  bytes: number;
  kind: "delegate" | "constants" | "mutable_data" | "named_data" | "unused";
  /** Who references it, e.g. `delegate forward/0 TensorRTBackend`, `named_data abc_so_blob`. */
  used_by: string[];
}

export interface NamedDataInfo {
  key: string;
  segment_index: number;
  bytes: number;
}

export interface ConstantsInfo {
  /** Segment holding the constant tensors, or null when they are inline (deprecated) or absent. */
  segment_index: number | null;
  /** Constant buffers the program indexes (tensors' data_buffer_idx); buffer 0 is reserved and empty. */
  buffers: number;
  bytes: number;
}

export interface ExternalDataFile {
  /** File name (the .ptd sits beside the .pte). */
  name: string;
  path: string;
  bytes: number;
  version: number;
  header: {
    length: number;
    flatbuffer_offset: number;
    flatbuffer_size: number;
    segment_base_offset: number;
    segment_data_size: number;
  };
  segments: { index: number; offset: number; bytes: number }[];
  named_data: {
    key: string;
    segment_index: number;
    bytes: number;
    dtype: string | null;
    shape: number[] | null;
    dim_order: number[] | null;
  }[];
}

export interface ExternalKey {
  key: string;
  /** e.g. `CudaBackend delegate forward/1`, `tensor fc1.weight in forward`. */
  needed_by: string;
  /** Name of the .ptd holding it, or null when no .ptd given holds it. */
  found_in: string | null;
  bytes: number | null;
}

export interface BytesByKind {
  /** The program flatbuffer with its headers, including inline delegate data. */
  program: number;
  delegates: number;
  constants: number;
  mutable_data: number;
  named_data: number;
  unused_segments: number;
  /** Alignment padding and anything no structure accounts for. */
  padding: number;
  /** The .pte file (the sum of the above). */
  total: number;
  /** The .ptd files, together. */
  external_data: number;
}
