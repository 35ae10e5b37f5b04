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
  /** Before is the base build's median: timed in this job when `built_change.how` is same_job. */
  built_median_ms: NumberChange;
  eager_median_ms: NumberChange;
  speedup: NumberChange;
  /** The built latency's change with its interval; null when a side was not timed. */
  built_change: BuiltChange | null;
}

/** How the built latency changed: after / before, with a 95% interval where one can be had. */
export interface BuiltChange {
  ratio: number;
  /**
   * [low, high] of the ratio. same_job: the paired rounds' interval (base .pte and this one timed
   * side by side). across_runs: from both reports' median intervals, [after low / before high,
   * after high / before low]. Null when a report has no interval (written before report@3).
   */
  interval: [number, number] | null;
  how: "same_job" | "across_runs";
  /** slower / faster when the interval excludes no change; no_clear_change otherwise or without one. */
  verdict: "slower" | "faster" | "no_clear_change";
  /** Paired rounds (same_job). */
  rounds: number | null;
  /** Each report's built-median interval (across_runs). */
  before_ci: [number, number] | null;
  after_ci: [number, number] | null;
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
  /** unclear: the interval of the change straddles the limit, so it could not tell (a warning, never a pass). */
  state: "pass" | "fail" | "unclear" | "skipped";
  /** What was measured against the limit, in words. */
  detail: string;
}

/** One earlier build of a branch, as its report carried it (src/compare/history.ts). */
export interface HistoryEntry {
  /** The run that built it; null for a local run. */
  run_id: string | null;
  /** The commit it was built from; "" when unknown. */
  sha: string;
  /** When its report was written (ISO 8601, UTC). */
  date: string;
  pte_bytes: number;
  /** All its .ptd files together. */
  ptd_bytes: number;
  points: HistoryPoint[];
}

export interface HistoryPoint {
  shape: string;
  /** The built median and its 95% interval (null when the report had none). */
  built_ms: number;
  built_ci: [number, number] | null;
  speedup: number | null;
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
  /**
   * How the built latency was compared, in words: the base branch's .pte timed beside this build
   * in this job, or across runs and why; null when there was no latency to compare.
   */
  latency?: string | null;
  /**
   * Why the baseline found may not be the base branch's own build (a store that read a scope the
   * code under test can save into), in words; absent when it can only be the branch's.
   */
  advisory?: string;
}
