// A cache hit: the restored folder stands in for an export, after the same verification a fresh
// export gets. Anything wrong with it (a report that does not parse, a file that fails the check)
// turns the hit into a miss: the export runs and the entry is replaced.

import fs from "node:fs/promises";
import path from "node:path";
import type { ExportResult } from "../protocol.js";
import { REPORT_FILE, type Report } from "../report/report.js";
import { verifyOutput, type VerifiedFiles } from "../verify.js";

export interface CachedExport {
  report: Report;
  files: VerifiedFiles;
}

/** The export result a cached report stands for, so the cached files go through the same checks. */
export function resultFromReport(report: Report): ExportResult {
  return {
    protocol: 1,
    status: "ok",
    driver_version: "",
    target: report.target as ExportResult["target"],
    versions: report.versions,
    files: [report.pte, ...report.ptd],
    partition: report.partition,
    accuracy: report.accuracy ?? undefined,
    inputs: report.inputs,
    details: report.details,
  };
}

export async function loadCachedExport(outputDir: string): Promise<CachedExport | string> {
  let report: Report;
  try {
    report = JSON.parse(await fs.readFile(path.join(outputDir, REPORT_FILE), "utf8")) as Report;
  } catch (e) {
    return `the cached ${REPORT_FILE} does not read (${(e as Error).message})`;
  }
  try {
    return { report, files: await verifyOutput(outputDir, resultFromReport(report)) };
  } catch (e) {
    return `the cached files fail verification (${(e as Error).message})`;
  }
}
