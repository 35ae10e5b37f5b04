// The build jobs' results as the reusable workflow's report job downloads them: one folder per GPU
// holding result.json (outcome, artifact id) and, when the export got that far, the action's
// report.json. The fork-PR commenter downloads the same files from a run it does not trust, so every
// field is checked and kept as plain data: nothing read here is executed, and no link is taken from it.

import fs from "node:fs";
import path from "node:path";
import { REPORT_FILE } from "../report/report.js";
import { parseComparison, type GatheredComparison } from "./comparison.js";
import { inputSpecsFromJson, type InputSpec } from "../settings/input-spec.js";
import { MODEL_NAME } from "../settings/names.js";
import { parseHistory, parseLatency, type GatheredHistory, type GatheredLatency } from "./latency.js";

export const RESULT_SCHEMA = "trt-pte/result@1";
export const RESULT_FILE = "result.json";
export const MAX_RESULT_FILES = 1024;

export const OUTCOMES = ["success", "failure", "cancelled", "skipped"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What the comment shows of report.json (the action's report, src/report/report.ts). */
export interface ReportSummary {
  modelName: string;
  target: string;
  artifactName: string;
  pte: { name: string; bytes: number; sha256: string };
  ptd: { name: string; bytes: number }[];
  partition: Record<string, number>;
  accuracy: {
    status: string;
    passed: boolean | null;
    maxAbs: number | null;
    tolerance: number | null;
  } | null;
  versions: Record<string, string>;
  gpu: { name: string; computeCapability: string } | null;
  /** The GPU kind the build was for (report.json's `gpu_name`); "" when absent. */
  gpuName: string;
  /** The input specs the build was exported for, when they read ([] otherwise). */
  inputs: InputSpec[];
  /** The build against its base branch's baseline (report@2); null in older reports. */
  comparison: GatheredComparison | null;
  /** The headline latency (the `opt` point, else the first): median and p10–p90 in ms, and the speedup. */
  latency: { medianMs: number; p10Ms: number; p90Ms: number; speedup: number | null } | null;
  /** Whether the .pte came from the cache; null when the report does not say. */
  cacheHit: boolean | null;
  /** The headline latency point with its interval; null when not timed. */
  timing: GatheredLatency | null;
  /** The branch's earlier builds and this one (report@3). */
  history: GatheredHistory;
}

export interface BuildResult {
  /** The reusable-workflow call this build belongs to (its sticky comment's key). */
  key: string;
  /** The model's name in the call's trt-pte.yml; "" for a call with `model`. */
  name: string;
  /** The `gpus` entry's name; "" for a call without `gpus`. */
  gpu: string;
  model: string;
  target: string;
  outcome: Outcome;
  artifactId: number | null;
  /**
   * Every artifact the build uploaded, one file each (the action's `artifact-files`): the names are
   * the files' names once downloaded; [] for a build before single-file artifacts.
   */
  files: ArtifactFile[];
  /** `sha256:<hex>` of the .pte, or "". */
  digest: string;
  checkRunId: number | null;
  report: ReportSummary | null;
}

export interface ArtifactFile {
  name: string;
  id: number;
}

export interface Unreadable {
  file: string;
  reason: string;
}

class Invalid extends Error {}

type Json = Record<string, unknown>;

function object(value: unknown, where: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Invalid(`${where} is not an object`);
  }
  return value as Json;
}

// Lengths are capped: a forged file must not be able to blow up a comment.
function text(obj: Json, key: string, max = 200): string {
  const value = obj[key];
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") throw new Invalid(`${key} is not a string`);
  if (value.length > max) throw new Invalid(`${key} is longer than ${max} characters`);
  return value;
}

function count(value: unknown, where: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new Invalid(`${where} is not a non-negative whole number`);
  }
  return value;
}

function numericId(obj: Json, key: string): number | null {
  const raw = text(obj, key, 20);
  if (raw === "") return null;
  if (!/^[0-9]{1,16}$/.test(raw)) throw new Invalid(`${key} '${raw}' is not a number`);
  return Number(raw);
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function parseReport(raw: unknown): ReportSummary {
  const report = object(raw, "the report");
  const pte = object(report.pte, "pte");
  const sha256 = text(pte, "sha256", 64);
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Invalid("pte.sha256 is not a sha256");
  const ptd = Array.isArray(report.ptd) ? report.ptd.slice(0, 32) : [];
  const partition: Record<string, number> = {};
  for (const [name, n] of Object.entries(object(report.partition ?? {}, "partition")).slice(0, 16)) {
    if (name.length <= 64) partition[name] = count(n, `partition.${name}`);
  }
  const versions: Record<string, string> = {};
  for (const [name, v] of Object.entries(object(report.versions ?? {}, "versions")).slice(0, 32)) {
    if (typeof v === "string" && v.length <= 64 && name.length <= 64) versions[name] = v;
  }
  let accuracy: ReportSummary["accuracy"] = null;
  if (report.accuracy !== null && report.accuracy !== undefined) {
    const acc = object(report.accuracy, "accuracy");
    accuracy = {
      status: text(acc, "status", 32),
      passed: typeof acc.passed === "boolean" ? acc.passed : null,
      maxAbs: finiteOrNull(acc.max_abs),
      tolerance: finiteOrNull(acc.tolerance),
    };
  }
  let gpu: ReportSummary["gpu"] = null;
  if (report.gpu !== null && report.gpu !== undefined) {
    const g = object(report.gpu, "gpu");
    gpu = { name: text(g, "name", 100), computeCapability: text(g, "compute_capability", 16) };
  }
  return {
    modelName: text(report, "model_name"),
    target: text(report, "target", 32),
    artifactName: text(report, "artifact_name"),
    pte: { name: text(pte, "name"), bytes: count(pte.bytes, "pte.bytes"), sha256 },
    ptd: ptd.map((entry, i) => {
      const f = object(entry, `ptd[${i}]`);
      return { name: text(f, "name"), bytes: count(f.bytes, `ptd[${i}].bytes`) };
    }),
    partition,
    accuracy,
    versions,
    gpu,
    gpuName: text(report, "gpu_name", 64),
    inputs: inputSpecsFromJson(report.inputs),
    comparison: parseComparison(report),
    latency: headlineLatency(report.benchmark),
    cacheHit:
      typeof (report.cache as Json | undefined)?.hit === "boolean"
        ? ((report.cache as Json).hit as boolean)
        : null,
    timing: parseLatency(report),
    history: parseHistory(report),
  };
}

// An artifact name as trt-pte makes them (src/settings/names.ts): plain, and at most this long.
const ARTIFACT_FILE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,299}$/;

/** The action's `artifact-files` output as result.json carries it: a JSON text, checked entry by entry. */
function artifactFiles(raw: string): ArtifactFile[] {
  if (raw.trim() === "") return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Invalid("artifact_files is not JSON");
  }
  if (!Array.isArray(value) || value.length > 70)
    throw new Invalid("artifact_files is not a list of artifacts");
  return value.map((entry, i) => {
    const f = object(entry, `artifact_files[${i}]`);
    const name = f.name;
    if (typeof name !== "string" || !ARTIFACT_FILE.test(name))
      throw new Invalid(`artifact_files[${i}].name is not a plain file name`);
    const id = f.id;
    if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0)
      throw new Invalid(`artifact_files[${i}].id is not an ID`);
    return { name, id };
  });
}

/** The benchmark's headline point, when its numbers are finite and non-negative. */
function headlineLatency(value: unknown): ReportSummary["latency"] {
  if (typeof value !== "object" || value === null) return null;
  const points = (value as Json).points;
  if (!Array.isArray(points)) return null;
  const list = points.slice(0, 16).filter((p): p is Json => typeof p === "object" && p !== null);
  const point = list.find((p) => p.shape === "opt") ?? list[0];
  const built = point?.built;
  if (typeof built !== "object" || built === null) return null;
  const b = built as Json;
  const [medianMs, p10Ms, p90Ms] = [b.median_ms, b.p10_ms, b.p90_ms].map(finiteOrNull);
  if (medianMs == null || p10Ms == null || p90Ms == null || Math.min(medianMs, p10Ms, p90Ms) < 0) return null;
  const speedup = finiteOrNull(point?.speedup);
  return { medianMs, p10Ms, p90Ms, speedup: speedup !== null && speedup > 0 ? speedup : null };
}

export function parseResult(raw: unknown, report: ReportSummary | null): BuildResult {
  const result = object(raw, RESULT_FILE);
  if (result.schema !== RESULT_SCHEMA) throw new Invalid(`schema is not ${RESULT_SCHEMA}`);
  const key = text(result, "key", 64);
  if (!/^[0-9a-f]{1,64}$/.test(key)) throw new Invalid("key is not a hex string");
  const outcome = text(result, "outcome", 16);
  if (!(OUTCOMES as readonly string[]).includes(outcome)) throw new Invalid(`unknown outcome '${outcome}'`);
  const digest = text(result, "digest", 80);
  if (digest !== "" && !/^sha256:[0-9a-f]{64}$/.test(digest)) throw new Invalid("digest is not sha256:<hex>");
  const name = text(result, "name", 64);
  if (name !== "" && !MODEL_NAME.test(name)) throw new Invalid(`name '${name}' is not a model name`);
  return {
    key,
    name,
    gpu: text(result, "gpu", 64),
    model: text(result, "model"),
    target: text(result, "target", 32),
    outcome: outcome as Outcome,
    artifactId: numericId(result, "artifact_id"),
    files: artifactFiles(text(result, "artifact_files", 20_000)),
    digest,
    checkRunId: numericId(result, "check_run_id"),
    report,
  };
}

function resultFiles(dir: string, depth = 0): string[] {
  if (depth > 3 || !fs.existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...resultFiles(full, depth + 1));
    else if (entry.isFile() && entry.name === RESULT_FILE) found.push(full);
  }
  return found.sort();
}

function readJson(file: string): unknown {
  // 1 MiB is far above a real report; a larger file is not ours.
  if (fs.statSync(file).size > 1 << 20) throw new Invalid("is larger than 1 MiB");
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new Invalid(`is not JSON (${(e as Error).message})`);
  }
}

/** Every result.json under `dir` (a folder per downloaded artifact), each with its report.json. */
export function readResults(dir: string): { results: BuildResult[]; unreadable: Unreadable[] } {
  const results: BuildResult[] = [];
  const unreadable: Unreadable[] = [];
  const attempt = <T>(file: string, read: () => T): T | null => {
    try {
      return read();
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      unreadable.push({ file: path.relative(dir, file), reason: e.message });
      return null;
    }
  };
  const files = resultFiles(dir);
  // A real call has a result per GPU; a forged download with thousands is read only this far.
  for (const file of files.slice(MAX_RESULT_FILES)) {
    unreadable.push({
      file: path.relative(dir, file),
      reason: `not read: more than ${MAX_RESULT_FILES} results`,
    });
  }
  for (const file of files.slice(0, MAX_RESULT_FILES)) {
    const reportFile = path.join(path.dirname(file), REPORT_FILE);
    // A bad report.json loses the details, not the outcome: the build still gets its section.
    const report = fs.existsSync(reportFile)
      ? attempt(reportFile, () => parseReport(readJson(reportFile)))
      : null;
    const result = attempt(file, () => parseResult(readJson(file), report));
    if (result !== null) results.push(result);
  }
  return { results, unreadable };
}
