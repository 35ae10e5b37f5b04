// The request and result files between the action and the Python driver (DESIGN.md "TS ↔ Python").
// Mirrors src/python/trt_pte/protocol.py; keys are snake_case on the wire.

import type { Target } from "./settings/targets.js";
import type { InputSpec } from "./settings/input-spec.js";
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
  compile: Record<string, unknown>;
  tolerance: number | null;
  /** Where TensorRT's own caches live for this run (restored before, saved after); null when off. */
  caches: BuildCaches;
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
  max_abs: number;
  max_rel: number;
  shape_matches: boolean;
}

export interface AccuracyResult {
  status: "checked" | "skipped";
  against: string;
  reason: string | null;
  tolerance: number | null;
  points: { shape: string; outputs: OutputError[] }[];
  max_abs: number;
  max_rel: number;
  passed: boolean | null;
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
  timings?: Record<string, number>;
  details?: Record<string, unknown>;
  inputs?: InputSpec[];
  seconds?: number;
  error?: DriverErrorInfo;
}

export interface VersionsReport {
  protocol: number;
  driver_version: string;
  executable: string;
  versions: Record<string, string | null>;
}
