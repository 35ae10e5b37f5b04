// A cache hit: the restored folder stands in for an export, after the same verification a fresh
// export gets. Its report.json is read like a result file, against the same shapes
// (src/result-file.ts): the entry's build facts are rendered into this run's summary and comment,
// so they are checked first. Anything wrong with it (a report that does not parse or fit, a file
// that fails the check) turns the hit into a miss: the export runs and the entry is replaced.

import fs from "node:fs/promises";
import path from "node:path";
import type { ExportResult, ResultFile } from "../protocol.js";
import { REPORT_FILE, type Report } from "../report/report.js";
import { verifyOutput, type VerifiedFiles } from "../verify.js";
import {
  ACCURACY,
  BENCHMARK,
  DETAILS,
  DETERMINISM,
  EXECUTION,
  INPUTS,
  MAX_RESULT_BYTES,
  MEMORY,
  PARTITION,
  RESULT_FILE_SHAPE,
  TIMINGS,
  VERSIONS,
} from "../result-file.js";
import { ShapeError, list, nullable, object, optional, text, json, type Shape } from "../util/json-shape.js";

export interface CachedExport {
  report: Report;
  files: VerifiedFiles;
}

/** What a cached report.json must hold, as far as a cache hit reads it; other keys are dropped. */
export type CachedReport = Pick<
  Report,
  | "target"
  | "pte"
  | "ptd"
  | "inputs"
  | "partition"
  | "accuracy"
  | "versions"
  | "gpu"
  | "timings"
  | "details"
  | "run"
> &
  Partial<Pick<Report, "execution" | "determinism" | "benchmark" | "memory">>;

/** The entry's report: build facts checked like a result's; the run is only ever read by runOfEntry. */
const CACHED_REPORT: Shape<CachedReport> = object<CachedReport>({
  target: text(32),
  pte: RESULT_FILE_SHAPE,
  ptd: list(RESULT_FILE_SHAPE, 64),
  inputs: INPUTS,
  partition: PARTITION,
  accuracy: nullable(ACCURACY),
  // Entries saved before report@2 have none of these: "not recorded" (src/report/report.ts currentReport).
  execution: optional(nullable(EXECUTION)),
  determinism: optional(nullable(DETERMINISM)),
  benchmark: optional(nullable(BENCHMARK)),
  memory: optional(nullable(MEMORY)),
  versions: VERSIONS,
  gpu: nullable(object({ name: text(200), compute_capability: text(16), driver_version: text(64) })),
  timings: TIMINGS,
  details: DETAILS,
  run: nullable(json(4096, 2)) as Shape<Report["run"]>,
});

/** The export result a cached report stands for, so the cached files go through the same checks. */
export function resultFromReport(report: CachedReport): ExportResult {
  return {
    protocol: 1,
    status: "ok",
    driver_version: "",
    target: report.target as ExportResult["target"],
    versions: report.versions,
    files: [report.pte, ...report.ptd] as ResultFile[],
    partition: report.partition,
    accuracy: report.accuracy ?? undefined,
    inputs: report.inputs,
    details: report.details,
  };
}

async function readReport(dir: string): Promise<CachedReport> {
  const file = path.join(dir, REPORT_FILE);
  const stat = await fs.lstat(file);
  if (!stat.isFile()) throw new Error("it is not a regular file");
  if (stat.size > MAX_RESULT_BYTES) throw new Error(`it is larger than ${MAX_RESULT_BYTES} bytes`);
  return CACHED_REPORT.read(JSON.parse(await fs.readFile(file, "utf8")) as unknown, "");
}

export async function loadCachedExport(outputDir: string): Promise<CachedExport | string> {
  let report: CachedReport;
  try {
    report = await readReport(outputDir);
  } catch (e) {
    const why = e instanceof ShapeError ? (e.field === "" ? e.problem : e.message) : (e as Error).message;
    return `the cached ${REPORT_FILE} does not read (${why})`;
  }
  try {
    // The cached files are measured like fresh ones: a digest the entry states but the file lacks is a miss.
    const files = await verifyOutput(outputDir, resultFromReport(report));
    // Only the checked fields are there: a cache hit reads the build facts and the run
    // (reportFromEntry, runOfEntry), and takes everything else from this run.
    return { report: report as Report, files };
  } catch (e) {
    return `the cached files fail verification (${(e as Error).message})`;
  }
}
