// Reports for the comparison tests: the real CLI-written report of the example
// (test/fixtures/reports/xnnpack-dynamic.json), and tensorrt reports around the inspection of a .pte
// fixture written by the real executorch package.

import fs from "node:fs";
import path from "node:path";
import { inspectPte } from "../../src/pte/inspect.js";
import type { Report } from "../../src/report/report.js";
import { REPO } from "./action-run.js";
import { fixturePte } from "./pte-fixtures.js";

export const fixtureReport = (): Report =>
  JSON.parse(
    fs.readFileSync(path.join(REPO, "test/fixtures/reports/xnnpack-dynamic.json"), "utf8"),
  ) as Report;

/** A tensorrt report around a real fixture's inspection. */
export function tensorrtReport(fixture: string, overrides: Partial<Report> = {}): Report {
  const inspection = inspectPte(fixturePte(fixture));
  return {
    ...fixtureReport(),
    target: "tensorrt",
    pte: { name: "model.pte", kind: "pte", bytes: inspection.file.bytes, sha256: "a".repeat(64) },
    ptd: inspection.external_data.map((f) => ({
      name: f.name,
      kind: "ptd" as const,
      bytes: f.bytes,
      sha256: "b".repeat(64),
    })),
    partition: { TensorRTBackend: 4, CudaBackend: 1, undelegated: 0 },
    inspection,
    ...overrides,
  };
}
