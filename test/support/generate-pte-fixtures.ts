// vitest global setup: writes the .pte/.ptd fixtures with the real executorch package, once, and
// again only when the generator script or the Python that runs it changes (kept in a stamp file).

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { TEST_PYTHON } from "./action-run.js";
import { FIXTURES_DIR, GENERATOR, STAMP_FILE, generatorStamp } from "./pte-fixtures.js";

export default function setup(): void {
  const stamp = generatorStamp(TEST_PYTHON);
  if (fs.existsSync(STAMP_FILE) && fs.readFileSync(STAMP_FILE, "utf8") === stamp) return;
  fs.rmSync(FIXTURES_DIR, { recursive: true, force: true });
  fs.mkdirSync(FIXTURES_DIR, { recursive: true });
  const run = spawnSync(TEST_PYTHON, [GENERATOR, FIXTURES_DIR], { encoding: "utf8", timeout: 600_000 });
  if (run.status !== 0) {
    throw new Error(
      `generating the .pte fixtures failed (${TEST_PYTHON} ${GENERATOR}; set TRT_PTE_TEST_PYTHON to a Python with torch and executorch):\n${run.stderr.slice(-4000)}`,
    );
  }
  fs.writeFileSync(STAMP_FILE, stamp);
}
