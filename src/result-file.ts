// The export process's result file as untrusted input (docs/security.md). The driver writes it, but
// so can the model's code, which runs in the same process (an exit hook can rewrite it after the
// driver is done). So before anything reads it, it is checked against the shapes below: types,
// the runtimes, shapes, kinds and targets trt-pte knows, bounded numbers and string lengths, file
// names that are plain names. What does not fit fails the run naming the field, and the value is
// never shown. What fits is still only the process's word: src/verify.ts measures the files and
// checks the claims it can, and the summary says which facts came from the process.

import fs from "node:fs/promises";
import type {
  AccuracyResult,
  BenchmarkPoint,
  BenchmarkResult,
  DeterminismResult,
  DriverErrorInfo,
  ExecutionResult,
  ExportResult,
  MemoryResult,
  OutputInfo,
  RatioResult,
  ResultFile,
  TimingResult,
} from "./protocol.js";
import { PROTOCOL_VERSION } from "./protocol.js";
import { ERROR_KINDS, TrtPteError } from "./errors.js";
import { TARGETS } from "./settings/targets.js";
import { DTYPES, MAX_DIM, SHAPE_POINTS, type DimSpec, type InputSpec } from "./settings/input-spec.js";
import {
  ShapeError,
  boolean,
  integer,
  json,
  list,
  literal,
  nullable,
  number,
  object,
  oneOf,
  optional,
  record,
  text,
  tuple,
  type Shape,
} from "./util/json-shape.js";

/** A result file larger than this is not one the driver wrote (real ones are kilobytes). */
export const MAX_RESULT_BYTES = 16 * 1024 * 1024;

const BYTES = integer(0, Number.MAX_SAFE_INTEGER);
const COUNT = integer(0, 1_000_000_000);
const NON_NEGATIVE = number(0, Number.MAX_VALUE);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A package or driver version as PEP 440 and `torch.version.cuda` write them: `2.13.0+cu130`. */
export const VERSION = text(64, /^[0-9A-Za-z][0-9A-Za-z.+!_-]*$/);

/**
 * A file the export wrote, by its plain name inside the output folder: no separator, not `.` or
 * `..`, no control character, so it can only ever name a file in that folder.
 */
// eslint-disable-next-line no-control-regex -- control characters are what the name must not hold
export const FILE_NAME = text(255, /^(?!\.{1,2}$)[^/\\\u0000-\u001f\u007f]+$/);

export const RESULT_FILE_SHAPE: Shape<ResultFile> = object<ResultFile>({
  name: FILE_NAME,
  kind: oneOf(["pte", "ptd"]),
  bytes: BYTES,
  sha256: text(64, /^[0-9a-f]{64}$/),
});

/** Backend ids as ExecuTorch writes them (`TensorRTBackend`), and `undelegated`. */
export const PARTITION = record(text(64, IDENTIFIER), COUNT, 32);

export const VERSIONS = record(text(32, /^[a-z][a-z0-9_]*$/), nullable(VERSION), 32);

const DIM: Shape<DimSpec> = object<DimSpec>({
  symbol: nullable(text(64, IDENTIFIER)),
  min: integer(0, MAX_DIM),
  opt: integer(0, MAX_DIM),
  max: integer(0, MAX_DIM),
});

export const INPUTS: Shape<InputSpec[]> = list(
  object<InputSpec>({ name: nullable(text(64, IDENTIFIER)), dtype: oneOf(DTYPES), dims: list(DIM, 16) }),
  64,
);

/** An output's path in what forward() returns (`scores`, `out.0.logits`): the model's keys, so its text. */
const OUTPUT_NAME = text(500);

/** The model's outputs by name, dtype (torch's name) and shape. */
export const OUTPUTS: Shape<OutputInfo[]> = list(
  object<OutputInfo>({
    name: OUTPUT_NAME,
    dtype: text(32, /^[a-z][a-z0-9_]*$/),
    shape: list(integer(0, MAX_DIM), 64),
  }),
  10_000,
);

export const ACCURACY: Shape<AccuracyResult> = object<AccuracyResult>({
  status: oneOf(["checked", "skipped"]),
  against: text(300),
  reason: nullable(text(2000)),
  tolerance: nullable(NON_NEGATIVE),
  points: list(
    object({
      shape: oneOf(SHAPE_POINTS),
      outputs: list(
        object({
          index: COUNT,
          name: optional(OUTPUT_NAME),
          max_abs: NON_NEGATIVE,
          max_rel: NON_NEGATIVE,
          shape_matches: boolean,
        }),
        10_000,
      ),
    }),
    SHAPE_POINTS.length,
  ),
  max_abs: NON_NEGATIVE,
  max_rel: NON_NEGATIVE,
  passed: nullable(boolean),
  uninformative: optional(nullable(text(2000))),
});

/**
 * What ran the .pte (src/python/trt_pte/execution.py): ExecuTorch's runtime, the runtime wheel and
 * its version, a runner binary and its path, or the compiled module / nothing when the .pte itself
 * did not run. src/verify.ts checks the named one against the environment.
 */
export const RUNTIME = text(
  4200,
  /^(?:executorch runtime|compiled module|none|torch-tensorrt-executorch-runtime(?: [0-9A-Za-z.+!_-]{1,64})?|(?:executor_runner|example_executorch_runner) \(\/.+\))$/,
);

export const EXECUTION: Shape<ExecutionResult> = object<ExecutionResult>({
  runtime: RUNTIME,
  pte_ran: boolean,
  reason: nullable(text(8000)),
  checks: nullable(text(4300)),
  notes: list(text(2000), 16),
});

export const DETERMINISM: Shape<DeterminismResult> = object<DeterminismResult>({
  runs: integer(1, 1_000_000),
  identical: boolean,
  max_abs_diff: nullable(NON_NEGATIVE),
  where: nullable(text(500)),
});

const MS = number(0, 1e9);
/** A 95% interval, low and high. */
const INTERVAL = tuple(NON_NEGATIVE, NON_NEGATIVE);
const NOTE = text(1000);

const TIMING: Shape<TimingResult> = object<TimingResult>({
  median_ms: MS,
  p10_ms: MS,
  p90_ms: MS,
  runs: integer(1, 1_000_000_000),
  median_ci: optional(tuple(MS, MS)),
});

const RATIO: Shape<RatioResult> = object<RatioResult>({
  ratio: NON_NEGATIVE,
  low: NON_NEGATIVE,
  high: NON_NEGATIVE,
  rounds: integer(0, 1_000_000_000),
});

export const BENCHMARK: Shape<BenchmarkResult> = object<BenchmarkResult>({
  method: optional(literal("paired")),
  device: text(200),
  budget_s: number(0, 1e7),
  built: text(4300),
  built_includes: optional(nullable(NOTE)),
  compiled: optional(nullable(NOTE)),
  threads: nullable(integer(1, 100_000)),
  warmup_rounds: optional(integer(0, 1_000_000)),
  points: list(
    object<BenchmarkPoint>({
      shape: oneOf(SHAPE_POINTS),
      same_as: optional(list(oneOf(SHAPE_POINTS), SHAPE_POINTS.length)),
      eager: TIMING,
      built: TIMING,
      speedup: nullable(NON_NEGATIVE),
      speedup_ci: optional(INTERVAL),
      rounds: optional(integer(0, 1_000_000_000)),
      noisy: optional(boolean),
      noise: optional(nullable(NOTE)),
      compiled: optional(
        nullable(
          object({
            timing: TIMING,
            speedup: NON_NEGATIVE,
            speedup_ci: INTERVAL,
            noisy: boolean,
            noise: nullable(NOTE),
          }),
        ),
      ),
      base: optional(
        nullable(object({ timing: nullable(TIMING), change: nullable(RATIO), error: nullable(text(2000)) })),
      ),
    }),
    SHAPE_POINTS.length,
  ),
  base: optional(
    nullable(
      object({
        sha256: text(64, /^[0-9a-f]{64}$/),
        status: oneOf(["timed", "skipped"]),
        reason: nullable(text(2000)),
      }),
    ),
  ),
  shape_flags: optional(list(NOTE, 16)),
});

export const MEMORY: Shape<MemoryResult> = object<MemoryResult>({
  host_peak_bytes: nullable(BYTES),
  eager_device_bytes: nullable(BYTES),
  built_device_bytes: nullable(BYTES),
  built_device_how: nullable(text(200)),
});

/** Seconds per step (`load_model`, `export`, ...). */
export const TIMINGS = record(text(64, /^[A-Za-z0-9_.-]+$/), number(0, 1e7), 64);

/** The target's build details: stored in report.json, never shown as they are. */
export const DETAILS = record(text(64, IDENTIFIER), json(256 * 1024, 8), 64);

const DRIVER_ERROR: Shape<DriverErrorInfo> = object<DriverErrorInfo>({
  kind: oneOf(ERROR_KINDS),
  message: text(100_000),
  hint: nullable(text(10_000)),
  location: nullable(object({ file: text(4096), line: nullable(integer(1, 1_000_000_000)) })),
});

export const RESULT_SHAPE: Shape<ExportResult> = object<ExportResult>({
  protocol: literal(PROTOCOL_VERSION),
  status: oneOf(["ok", "error"]),
  driver_version: VERSION,
  target: optional(oneOf(TARGETS)),
  versions: VERSIONS,
  files: optional(list(RESULT_FILE_SHAPE, 64)),
  partition: optional(PARTITION),
  accuracy: optional(ACCURACY),
  execution: optional(EXECUTION),
  determinism: optional(nullable(DETERMINISM)),
  benchmark: optional(nullable(BENCHMARK)),
  memory: optional(nullable(MEMORY)),
  timings: optional(TIMINGS),
  details: optional(DETAILS),
  inputs: optional(INPUTS),
  outputs: optional(OUTPUTS),
  sources: optional(list(text(4096), 100_000)),
  seconds: optional(number(0, 1e7)),
  error: optional(DRIVER_ERROR),
});

const UNTRUSTED_HINT =
  "the export process wrote a result trt-pte does not accept; model code runs in that process and can rewrite the file, so nothing from it was shown or published (docs/security.md)";

function refuse(problem: string): never {
  throw new TrtPteError("verification", `result.json: ${problem}`, UNTRUSTED_HINT);
}

/** The result in `text`, checked against RESULT_SHAPE; a TrtPteError naming the field otherwise. */
export function parseResult(content: string): ExportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    refuse("is not JSON");
  }
  const isObject = typeof raw === "object" && raw !== null && !Array.isArray(raw);
  if (isObject && (raw as { protocol?: unknown }).protocol !== PROTOCOL_VERSION) {
    const seen = (raw as { protocol?: unknown }).protocol;
    throw new TrtPteError(
      "internal",
      `result.json: protocol ${Number.isSafeInteger(seen) ? String(seen) : "(not a number)"} is not ${PROTOCOL_VERSION}`,
      "the action and its Python driver come from different versions; use both from one checkout",
    );
  }
  try {
    return RESULT_SHAPE.read(raw, "");
  } catch (e) {
    if (e instanceof ShapeError) refuse(e.field === "" ? e.problem : e.message);
    throw e;
  }
}

/**
 * Reads and checks the result file; null when there is none (the driver died before writing it).
 * A file over MAX_RESULT_BYTES is refused before it is read into memory.
 */
export async function readResultFile(file: string): Promise<ExportResult | null> {
  let size: number;
  try {
    const stat = await fs.lstat(file);
    if (!stat.isFile()) refuse("is not a regular file");
    size = stat.size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
  if (size > MAX_RESULT_BYTES) refuse(`is ${size} bytes, more than ${MAX_RESULT_BYTES}`);
  return parseResult(await fs.readFile(file, "utf8"));
}
