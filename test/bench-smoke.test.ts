// Every benchmark script runs here in its smoke size (seconds), so a change that breaks one fails the
// test command instead of rotting until someone next runs the full size. Each check reads the line
// the script exists to print, not just its exit code. A file in bench/ that is neither run here nor
// used by a script that is fails the last test: a new benchmark is wired in when it is added.

import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, TEST_PYTHON } from "./support/action-run.js";

const TSX = path.join(REPO, "node_modules", ".bin", "tsx");

/** Each entry script, how it runs in its smoke size, and the line it must print. */
const SCRIPTS: { script: string; command: string[]; prints: RegExp[] }[] = [
  {
    script: "publish.ts",
    command: [TSX, "bench/publish.ts", "--smoke"],
    prints: [
      /ratio action \/ bare: \d+\.\d+ \(-?\d+\.\d% beyond the bare client/,
      /fixed overhead on a tiny \.pte beyond Node's start: -?\d+ ms/,
    ],
  },
  {
    script: "cache.ts",
    command: [TSX, "bench/cache.ts", "--smoke"],
    prints: [/speed-up: \d+\.\dx/, /hashing \/ plain read: \d+\.\d+x the time/],
  },
  {
    script: "inspect.ts",
    command: [TSX, "bench/inspect.ts", "--smoke"],
    prints: [/constant in size: trt-pte call 7 KB → 16 MiB engine ×\d+\.\d+/],
  },
  {
    script: "plan.ts",
    command: [TSX, "bench/plan.ts", "--smoke"],
    prints: [/^50 models × 3 GPUs \(150 jobs\): median \d+\.\d+ s .*, \d+\.\d+× the one-model plan$/m],
  },
  {
    script: "inspect-shared.ts",
    command: [TSX, "bench/inspect-shared.ts", "--smoke"],
    prints: [/1000 delegates \/ 1 delegate: call ×\d+\.\d+.*; under a second: (met|MISSED)/],
  },
  {
    script: "run_and_time.py",
    command: [TEST_PYTHON, "bench/run_and_time.py", "--smoke"],
    prints: [/ratio added \/ export alone: \d+\.\d+; timed runs per point: \[\d+/],
  },
  {
    script: "latency.py",
    command: [TEST_PYTHON, "bench/latency.py", "--smoke"],
    prints: [
      /new, paired rounds \(95% CI\): .*\n\s+max\/min \d+\.\d+ \(goal <= 1\.10\)/,
      /new, same job, 95% CI above \+10%: \d+ of 2 tripped \(goal 0\)/,
      /new: \d+ of 2 tripped \(goal 2\)/,
      /ratio new \/ old: \d+\.\d+; \d+ paired rounds per run/,
    ],
  },
];

/** Files the scripts above use (each must be named by one of them). */
const HELPERS = ["bare-upload.mjs", "replay_driver.py", "measure.py", "deserialize_pte.py"];

function run(command: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("benchmarks, smoke size", () => {
  it.each(SCRIPTS)("bench/$script runs and prints its figures", async ({ command, prints }) => {
    const { code, output } = await run(command);
    expect(code, output).toBe(0);
    for (const line of prints) expect(output).toMatch(line);
  });

  it("every file in bench/ is run above or used by a script that is", () => {
    const files = fs.readdirSync(path.join(REPO, "bench")).filter((f) => !f.startsWith("."));
    const run = new Set(SCRIPTS.map((s) => s.script));
    const sources = [...run].map((s) => fs.readFileSync(path.join(REPO, "bench", s), "utf8")).join("\n");
    const unused = HELPERS.filter((h) => !sources.includes(h));
    expect(unused, "helpers no script names").toEqual([]);
    expect(files.filter((f) => !run.has(f) && !HELPERS.includes(f))).toEqual([]);
  });
});
