// The request and result files between the action and the Python driver (docs/ARCHITECTURE.md
// "The TypeScript ↔ Python protocol"). Mirrors src/python/trt_pte/protocol.py; keys are snake_case
// on the wire.

import type { Target } from "./settings/targets.js";
import type { InputSpec, ShapePoint, SpecPosition } from "./settings/input-spec.js";
import type { ErrorKind } from "./errors.js";

export const PROTOCOL_VERSION = 1;

export interface ExportRequest {
  protocol: typeof PROTOCOL_VERSION;
  model: string;
  workspace: string;
  target: Target;
  output_dir: string;
  output_name: string;
  inputs: InputSpec[];
  /** Where each of `inputs` starts in the user's text, for the driver's messages; not part of any key. */
  input_positions?: SpecPosition[];
  compile: Record<string, unknown>;
  tolerance: number | null;
  /** Where TensorRT's own caches live for this run (restored before, saved after); null when off. */
  caches: BuildCaches;
  /** A runner binary for the .pte (src/python/trt_pte/execution.py); null: what the environment has. */
  runner: string | null;
  benchmark_seconds: number;
  fail_on_nondeterminism: boolean;
  /** The base branch's build, timed beside this one; null when there is none to time (src/compare/base-build.ts). */
  base_build: BaseBuildRequest | null;
}

export interface BaseBuildRequest {
  pte: string;
  ptd: string[];
  /** The digest the base branch's report recorded, checked against the restored file. */
  sha256: string;
}

export interface BuildCaches {
  timing_cache_path: string | null;
  engine_cache_dir: string | null;
  engine_cache_max_bytes: number | null;
}

export interface ResultFile {
  /** Relative to the output folder. */
  name: string;
  kind: "pte" | "ptd";
  bytes: number;
  sha256: string;
}

export interface OutputError {
  index: number;
  /** Its path in what forward() returns (`scores`, `out.0.logits`), or its index; absent before it was recorded. */
  name?: string;
  max_abs: number;
  max_rel: number;
  shape_matches: boolean;
}

/** One output tensor of the model: its path in what forward() returns (`boxes`, `out.0.logits`), or its index. */
export interface OutputInfo {
  name: string;
  dtype: string;
  shape: number[];
}

export interface AccuracyResult {
  status: "checked" | "skipped";
  against: string;
  reason: string | null;
  tolerance: number | null;
  points: { shape: ShapePoint; outputs: OutputError[] }[];
  max_abs: number;
  max_rel: number;
  passed: boolean | null;
  /** Why a match proves nothing (eager outputs all zero or constant); null when the check could tell. */
  uninformative?: string | null;
}

/** What ran the written .pte before it was published (src/python/trt_pte/execution.py). */
export interface ExecutionResult {
  /** What ran: a runtime, a runner binary, or "compiled module" / "none" when the .pte did not run. */
  runtime: string;
  pte_ran: boolean;
  /** Why the .pte did not run; null when it ran. */
  reason: string | null;
  /** What the accuracy and determinism checks used (null: nothing returned outputs). */
  checks: string | null;
  notes: string[];
}

export interface DeterminismResult {
  runs: number;
  identical: boolean;
  /** null when the runs differ in shape or output count (`where` says which). */
  max_abs_diff: number | null;
  /** Where the largest difference is: "output 0 at the opt shapes, run 2 against run 1". */
  where: string | null;
}

export interface TimingResult {
  median_ms: number;
  p10_ms: number;
  p90_ms: number;
  runs: number;
  /** 95% interval of the median (order statistics, src/python/trt_pte/intervals.py); absent before report@3. */
  median_ci?: [number, number];
}

/** A ratio of two sides timed in paired rounds, with its 95% interval. */
export interface RatioResult {
  ratio: number;
  low: number;
  high: number;
  rounds: number;
}

export interface BenchmarkPoint {
  shape: ShapePoint;
  /** Later shape points with the same concrete shapes, measured once with this one (`max` when OPT = MAX). */
  same_as?: string[];
  eager: TimingResult;
  built: TimingResult;
  /**
   * eager / built: exp(median of the paired rounds' log-ratios) from report@3 on, the ratio of the
   * two medians before (null when the built median was 0).
   */
  speedup: number | null;
  /** 95% interval of the speedup; absent before report@3. */
  speedup_ci?: [number, number];
  /** Paired rounds: every side was timed this many times. */
  rounds?: number;
  /** The speedup cannot be told apart from noise; `noise` says why. */
  noisy?: boolean;
  noise?: string | null;
  /** The compiled module, timed beside `built` when `built` pays for host↔device copies it does not. */
  compiled?: {
    timing: TimingResult;
    speedup: number;
    speedup_ci: [number, number];
    noisy: boolean;
    noise: string | null;
  } | null;
  /** The base branch's .pte in the same rounds: `change` is built / base. */
  base?: { timing: TimingResult | null; change: RatioResult | null; error: string | null } | null;
}

export interface BenchmarkResult {
  /** "paired" (interleaved rounds) from report@3 on; absent before. */
  method?: "paired";
  /** "cpu" or the GPU's name. */
  device: string;
  budget_s: number;
  /** What was timed: the runtime that ran the .pte, or the compiled module. */
  built: string;
  /** What a `built` call pays for beyond the program (host↔device copies); null when nothing. */
  built_includes?: string | null;
  /** What the points' `compiled` timings are, when timed. */
  compiled?: string | null;
  /** Threads of both sides on the CPU; null on a GPU. */
  threads: number | null;
  warmup_rounds?: number;
  points: BenchmarkPoint[];
  /** The base branch's .pte named in the request, and whether it was timed beside this build. */
  base?: { sha256: string; status: "timed" | "skipped"; reason: string | null } | null;
  /** Smaller shapes that are slower than larger ones beyond the noise. */
  shape_flags?: string[];
}

/** Device figures: what each side holds once loaded plus one call's peak (memory.py in the driver). */
export interface MemoryResult {
  host_peak_bytes: number | null;
  eager_device_bytes: number | null;
  built_device_bytes: number | null;
  built_device_how: string | null;
}

export interface DriverErrorInfo {
  kind: ErrorKind;
  message: string;
  hint: string | null;
  location: { file: string; line: number | null } | null;
}

export interface ExportResult {
  protocol: number;
  status: "ok" | "error";
  driver_version: string;
  target?: Target;
  /** python, torch, torch_tensorrt, tensorrt, executorch, cuda, driver. */
  versions: Record<string, string | null>;
  files?: ResultFile[];
  partition?: Record<string, number>;
  accuracy?: AccuracyResult;
  execution?: ExecutionResult;
  determinism?: DeterminismResult | null;
  benchmark?: BenchmarkResult | null;
  memory?: MemoryResult | null;
  timings?: Record<string, number>;
  details?: Record<string, unknown>;
  inputs?: InputSpec[];
  /** The model's output tensors by name, in the order every runtime returns them. */
  outputs?: OutputInfo[];
  /**
   * Real paths of the Python files the export imported from outside the standard library,
   * site-packages and the driver (src/python/trt_pte/key_inputs.py): the user's own code.
   */
  sources?: string[];
  seconds?: number;
  error?: DriverErrorInfo;
}

/** An editable install (`pip install -e`): its version stays put when its code changes. */
export interface EditableInstall {
  /** The normalised distribution name. */
  name: string;
  /** The real path of the folder its sources are imported from. */
  path: string;
}

export interface VersionsReport {
  protocol: number;
  driver_version: string;
  executable: string;
  versions: Record<string, string | null>;
  /** Normalised name → version of every distribution installed in the interpreter's environment. */
  distributions: Record<string, string>;
  editable: EditableInstall[];
}
