// report.json: everything a person or a later job needs to know about one export, in one stable
// document. The summary, the PR comment and `trt-pte inspect` all render from it.

import { gpuKind, type Settings } from "../settings/settings.js";
import type { Preflight } from "../preflight.js";
import type {
  AccuracyResult,
  BenchmarkResult,
  DeterminismResult,
  ExecutionResult,
  ExportResult,
  MemoryResult,
  OutputInfo,
  ResultFile,
} from "../protocol.js";
import type { VerifiedFiles } from "../verify.js";
import type { InputSpec } from "../settings/input-spec.js";
import type { Inspection } from "../pte/inspection.js";
import { runLinks, runUrl } from "../github/run-links.js";
import type { BaselineRef, ComparisonState, GateVerdict, HistoryEntry, ReportDiff } from "./comparison.js";

/** The report written beside the .pte and uploaded with it. */
export const REPORT_FILE = "report.json";

// @2: execution, determinism, benchmark and memory (what ran the .pte and how fast), and the
// comparison with the branch's baseline (baseline, diff, gates, comparison).
// @3: latency as paired rounds with 95% intervals (benchmark: speedup_ci, noisy, median_ci, the
// compiled module and the base build timed beside), the change's interval and how it was measured
// (diff.latency[].built_change), the gate state `unclear`, the date, and the branch's history.
export const REPORT_SCHEMA = "trt-pte/report@3";

export interface RunInfo {
  /** The run's page on GitHub. */
  url: string;
  repository: string;
  run_id: string;
  run_attempt: string;
  sha: string;
  ref: string;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  model: string;
  model_name: string;
  target: string;
  artifact_name: string;
  pte: ResultFile;
  ptd: ResultFile[];
  inputs: InputSpec[];
  /** The model's outputs by name (`scores`, `out.0.logits`), as eager PyTorch gave them; empty before it was recorded. */
  outputs: OutputInfo[];
  partition: Record<string, number>;
  accuracy: AccuracyResult | null;
  /** What ran the .pte before it was published; null for a report from before this field. */
  execution: ExecutionResult | null;
  /** The same input run several times, compared bitwise; null when nothing in process returned outputs. */
  determinism: DeterminismResult | null;
  /** Latency against eager PyTorch; null when timing was off or nothing in process ran it. */
  benchmark: BenchmarkResult | null;
  memory: MemoryResult | null;
  versions: Record<string, string | null>;
  /** The GPU the engines were built on (CUDA's first); `l4t` on a Jetson. */
  gpu: { name: string; compute_capability: string; driver_version: string; l4t?: string } | null;
  /**
   * The GPU kind the build is for: the `gpus` entry or `gpu-name`, else the detected GPU's name for a
   * GPU target (gpuKind in src/settings/settings.ts); "" for a CPU target. Absent before this field.
   */
  gpu_name?: string;
  /** Seconds per stage: the action's stages and the driver's own steps (`export.*`). */
  timings: Record<string, number>;
  details: Record<string, unknown>;
  run: RunInfo | null;
  cache: CacheReport;
  /** What the .pte holds, as read by src/pte (trt-pte/inspection@1, docs/inspecting.md). */
  inspection: Inspection;
  /** Whether this build was compared with a baseline, and whether it recorded itself as one. */
  comparison: ComparisonState;
  /** The build compared with; null when there was none. */
  baseline: BaselineRef | null;
  /** This build against the baseline; null without one. */
  diff: ReportDiff | null;
  /** One verdict per regression gate that is set. */
  gates: GateVerdict[];
  /** When this report was written (ISO 8601, UTC): this run's time, also on a cache hit. */
  date: string;
  /** The branch's earlier builds, oldest first, from the baseline (src/compare/history.ts). */
  history: HistoryEntry[];
}

export const NOT_COMPARED: ComparisonState = { state: "off", base_ref: null, note: null, saved: null };

export interface CacheReport {
  enabled: boolean;
  /** "GitHub cache" or the cache-dir folder; null when caching is off or unavailable. */
  store: string | null;
  /** True when this run published a cached .pte and ran no export. */
  hit: boolean;
  key: string | null;
  /** The run that built the cached .pte, on a hit. */
  from_run: RunInfo | null;
  hashed_files: { count: number; bytes: number } | null;
  layers: LayerStatus[];
}

/** What happened to one cache layer in this run; the summary lists one line per layer. */
export interface LayerStatus {
  layer: "output" | "timing" | "engine";
  state: "hit" | "miss" | "saved" | "unchanged" | "off" | "error";
  key?: string;
  /** The key that matched when it was a restore-key (near) match. */
  matchedKey?: string;
  detail?: string;
}

export const NO_CACHE: CacheReport = {
  enabled: false,
  store: null,
  hit: false,
  key: null,
  from_run: null,
  hashed_files: null,
  layers: [],
};

export function runInfo(env: NodeJS.ProcessEnv): RunInfo | null {
  if (!env.GITHUB_RUN_ID) return null;
  return {
    url: runUrl(runLinks(env)),
    repository: env.GITHUB_REPOSITORY ?? "",
    run_id: env.GITHUB_RUN_ID,
    run_attempt: env.GITHUB_RUN_ATTEMPT ?? "1",
    sha: env.GITHUB_SHA ?? "",
    ref: env.GITHUB_REF ?? "",
  };
}

const DIGITS = /^[0-9]{1,20}$/;
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const REF = /^refs\/[A-Za-z0-9._/-]{1,200}$/;

/**
 * The run that built a cache entry, from the entry's report. Only its numbers are taken (and a sha
 * and ref that look like one); the link is rebuilt from this job's server and repository, which a
 * scoped store guarantees is the repository that built it. Null when the entry names no valid run.
 */
export function runOfEntry(entry: unknown, env: NodeJS.ProcessEnv): RunInfo | null {
  if (typeof entry !== "object" || entry === null) return null;
  const { run_id, run_attempt, sha, ref } = entry as Record<string, unknown>;
  if (typeof run_id !== "string" || !DIGITS.test(run_id)) return null;
  return {
    url: runUrl(runLinks(env, run_id)),
    repository: env.GITHUB_REPOSITORY ?? "",
    run_id,
    run_attempt: typeof run_attempt === "string" && DIGITS.test(run_attempt) ? run_attempt : "1",
    sha: typeof sha === "string" && SHA.test(sha) ? sha : "",
    ref: typeof ref === "string" && REF.test(ref) ? ref : "",
  };
}

/** What describes the build itself: the driver's result on a fresh export, the entry's on a hit. */
type BuildFacts = Pick<
  Report,
  | "inputs"
  | "outputs"
  | "partition"
  | "accuracy"
  | "execution"
  | "determinism"
  | "benchmark"
  | "memory"
  | "versions"
  | "gpu"
  | "timings"
  | "details"
>;

/**
 * A report of this run: the model, names, files and run come from this run's settings, verified
 * files and environment, whatever built the .pte. The stages, cache layers and comparison are the
 * pipeline's to add (src/compare/ compares for itself).
 */
function assemble(
  settings: Settings,
  build: BuildFacts,
  files: VerifiedFiles,
  env: NodeJS.ProcessEnv,
): Report {
  return {
    schema: REPORT_SCHEMA,
    model: settings.model,
    model_name: settings.modelName,
    target: settings.target,
    artifact_name: settings.artifactName,
    pte: files.pte,
    ptd: files.ptd,
    inputs: build.inputs,
    outputs: build.outputs,
    partition: build.partition,
    accuracy: build.accuracy,
    execution: build.execution,
    determinism: build.determinism,
    benchmark: build.benchmark,
    memory: build.memory,
    versions: build.versions,
    gpu: build.gpu,
    gpu_name: gpuKind(settings, build.gpu?.name),
    timings: build.timings,
    details: build.details,
    run: runInfo(env),
    cache: NO_CACHE,
    inspection: files.inspection,
    comparison: NOT_COMPARED,
    baseline: null,
    diff: null,
    gates: [],
    date: new Date().toISOString(),
    history: [],
  };
}

/**
 * The report of a cache hit: what describes this run (model, names, the run and its links) comes
 * from this run's settings and environment; what describes the build (partition, accuracy,
 * versions, GPU, what ran it) comes from the entry, read as this release's schema (currentReport).
 * The entry's comparison was its builder's; this run compares for itself.
 */
export function reportFromEntry(
  settings: Settings,
  entry: Report,
  files: VerifiedFiles,
  env: NodeJS.ProcessEnv,
): Report {
  return assemble(settings, currentReport(entry), files, env);
}

export function buildReport(
  settings: Settings,
  pre: Preflight,
  result: ExportResult,
  files: VerifiedFiles,
  env: NodeJS.ProcessEnv,
): Report {
  // The driver's own steps; the pipeline adds its stages once the run is over.
  const timings: Record<string, number> = {};
  for (const [step, seconds] of Object.entries(result.timings ?? {})) timings[`export.${step}`] = seconds;
  const gpu = pre.gpus[0];
  const build: BuildFacts = {
    inputs: result.inputs ?? [...settings.inputs],
    outputs: result.outputs ?? [],
    partition: result.partition ?? {},
    accuracy: result.accuracy ?? null,
    execution: result.execution ?? null,
    determinism: result.determinism ?? null,
    benchmark: result.benchmark ?? null,
    memory: result.memory ?? null,
    // The packages as preflight read them, before any model code ran; the export process adds
    // only what it alone knows (the CUDA and driver versions torch reports).
    versions: { ...result.versions, ...pre.packages, python: pre.python.version },
    gpu:
      gpu === undefined
        ? null
        : {
            name: gpu.name,
            compute_capability: gpu.computeCapability,
            driver_version: gpu.driverVersion,
            ...(gpu.l4t === undefined ? {} : { l4t: gpu.l4t }),
          },
    timings,
    details: result.details ?? {},
  };
  return assemble(settings, build, files, env);
}

/**
 * A cached report as this release writes it: an entry saved before schema @2 has no execution,
 * determinism, benchmark or memory, which read as "not recorded" (null), never as measured now;
 * one before @3 has a benchmark without intervals, which the renderers say (no interval).
 */
export function currentReport(cached: Report): Report {
  return {
    ...cached,
    schema: REPORT_SCHEMA,
    outputs: cached.outputs ?? [],
    execution: cached.execution ?? null,
    determinism: cached.determinism ?? null,
    benchmark: cached.benchmark ?? null,
    memory: cached.memory ?? null,
  };
}
