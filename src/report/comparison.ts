// The schema of report.json's comparison with a baseline (`baseline`, `diff`, `gates`,
// `comparison`): types only, so the report can name them while src/compare/ computes them. Sizes
// are integer bytes; `percent` is the change relative to `before` (null when `before` is 0 or absent).

import type { GateName } from "../settings/gate-limits.js";

/** Which earlier build this run was compared with. */
export interface BaselineRef {
  /** The branch the baseline was built on, e.g. `main`. */
  ref: string;
  run: { run_id: string; url: string } | null;
  /** sha256 of the baseline's .pte, bare hex like `pte.sha256`. */
  pte_sha256: string;
  /** The report schema the baseline was written with (older ones are compared on the fields they have). */
  schema: string;
}

export interface NumberChange {
  before: number | null;
  after: number | null;
  /** after - before; null when either side is unknown. */
  delta: number | null;
  percent: number | null;
}

export interface EngineChange {
  /** Position among the TensorRT engines, in delegate order. */
  index: number;
  state: "added" | "removed" | "changed" | "same";
  bytes: NumberChange;
  /** `name dtype[dims]` per binding, before and after (empty for an absent side). */
  inputs: { before: string[]; after: string[] };
  outputs: { before: string[]; after: string[] };
}

export interface LatencyChange {
  shape: string;
  built_median_ms: NumberChange;
  eager_median_ms: NumberChange;
  speedup: NumberChange;
}

export interface ReportDiff {
  /** Bytes: the .pte, its delegate payloads, constants, named data, and the .ptd files together. */
  size: {
    pte: NumberChange;
    delegates: NumberChange;
    constants: NumberChange;
    named_data: NumberChange;
    ptd: NumberChange;
  };
  /** Delegates per backend id (`TensorRTBackend`, ...), and TensorRT engines. */
  delegates: Record<string, NumberChange>;
  engines: EngineChange[];
  /** Bytes of the other delegates' payloads: CUDA blobs by role (`CUDA forward/1 so_blob (.ptd)`), XNNPACK payloads. */
  payloads: Record<string, NumberChange>;
  /** Graph nodes per place they run: backend ids and `undelegated`. */
  nodes: Record<string, NumberChange>;
  /** Ops that ran in TensorRT before and now run elsewhere, where the reports name them. */
  ops_left_tensorrt: string[];
  /** Kernel ops (undelegated, run by ExecuTorch's kernels) that the file calls now and did not before, and the reverse. */
  kernels: { added: string[]; removed: string[] };
  accuracy: { max_rel: NumberChange; max_abs: NumberChange } | null;
  latency: LatencyChange[];
  /** Seconds of the driver's export (the build that made the files; a cache hit keeps its builder's). */
  export_seconds: NumberChange;
  /** Versions that differ: name → before / after. */
  versions: { name: string; before: string | null; after: string | null }[];
}

export interface GateVerdict {
  gate: GateName;
  /** The input that set it, e.g. `max-size-increase`. */
  input: string;
  /** The limit as the user wrote it, e.g. `10%`. */
  limit: string;
  state: "pass" | "fail" | "skipped";
  /** What was measured against the limit, in words. */
  detail: string;
}

/** Whether and how this run was compared. */
export interface ComparisonState {
  state: "off" | "no_baseline" | "compared" | "unavailable";
  /** The branch compared with (null when off or unknown). */
  base_ref: string | null;
  /** A sentence for the summary when there was nothing to compare with or the store failed. */
  note: string | null;
  /** Whether this run recorded its report as its branch's baseline. */
  saved: "saved" | "exists" | "refused" | "error" | null;
}
