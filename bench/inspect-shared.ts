// bench/inspect-shared: `trt-pte inspect` of a 16 MiB .pte whose 1000 TensorRT delegates all point
// at one segment holding 15 MiB of TR01 metadata (test/support/hostile-pte.ts), against the same
// file with one delegate, in one run. Decoded once per delegate this took 28-37 s (issue 17); each
// payload is now decoded once, so the two should cost about the same, and well under a second.
//
//   npx tsx bench/inspect-shared.ts           (needs npm run build for the process rows)
//   npx tsx bench/inspect-shared.ts --smoke   seconds: 1 MiB of metadata, few calls
//
// Prints, per file: the median of the in-process inspect call, the median wall time of the bundled
// CLI as a process (`inspect --json`), bytes fetched from the file, and the ratio of the two files.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { FileSource } from "../src/pte/byte-source.js";
import { inspectSource } from "../src/pte/inspect.js";
import { NODE24, REPO, TEST_PYTHON } from "../test/support/action-run.js";
import { SHARED_DELEGATES, SHARED_METADATA_BYTES, sharedPayloadPte } from "../test/support/hostile-pte.js";

const CLI = path.join(REPO, "dist", "cli", "index.js");
const MEASURE = path.join(REPO, "bench", "measure.py");
const smoke = process.argv.includes("--smoke");
const CALLS = smoke ? 2 : 15;
const PROCESSES = smoke ? 1 : 5;
const METADATA_BYTES = smoke ? 2 ** 20 : SHARED_METADATA_BYTES;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Seconds of one in-process inspect call, and the bytes it fetched. */
function call(file: string): { seconds: number; bytes: number } {
  const source = new FileSource(file);
  try {
    const started = process.hrtime.bigint();
    const inspection = inspectSource(source);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (inspection.delegates.length === 0) throw new Error(`${file}: no delegates`);
    return { seconds, bytes: source.stats.bytes };
  } finally {
    source.close();
  }
}

function processWall(file: string): number {
  const run = spawnSync(TEST_PYTHON, [MEASURE, NODE24, CLI, "inspect", "--json", file], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`measuring the CLI failed: ${run.stderr}`);
  const measured = JSON.parse(run.stdout) as { wall_s: number; exit: number };
  if (measured.exit !== 0) throw new Error(`trt-pte inspect exited ${measured.exit}`);
  return measured.wall_s;
}

interface Row {
  label: string;
  bytes: number;
  call: number;
  fetched: number;
  process: number | null;
}

function bench(label: string, file: string, withCli: boolean): Row {
  process.stderr.write(`benchmarking ${label}...\n`);
  const calls = Array.from({ length: CALLS }, () => call(file));
  return {
    label,
    bytes: fs.statSync(file).size,
    call: median(calls.map((c) => c.seconds)),
    fetched: calls[0]!.bytes,
    process: withCli ? median(Array.from({ length: PROCESSES }, () => processWall(file))) : null,
  };
}

function main(): void {
  const withCli = fs.existsSync(CLI);
  if (!withCli) process.stderr.write(`${CLI} is missing (npm run build): in-process calls only\n`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-bench-shared-"));
  try {
    const single = path.join(dir, "one-delegate.pte");
    const shared = path.join(dir, "shared.pte");
    fs.writeFileSync(single, sharedPayloadPte(1, METADATA_BYTES));
    fs.writeFileSync(shared, sharedPayloadPte(SHARED_DELEGATES, METADATA_BYTES));
    const rows = [
      bench("1 delegate", single, withCli),
      bench(`${SHARED_DELEGATES} delegates`, shared, withCli),
    ];
    const ms = (s: number | null): string => (s === null ? "–" : `${(s * 1000).toFixed(1)} ms`);
    console.log(
      "| file | size | inspect call (median) | bytes fetched | trt-pte inspect --json (process, median) |",
    );
    console.log("|---|---|---|---|---|");
    for (const r of rows) {
      console.log(
        `| ${r.label} on one ${METADATA_BYTES / 2 ** 20} MiB-metadata payload | ${(r.bytes / 2 ** 20).toFixed(1)} MiB | ${ms(r.call)} | ${(r.fetched / 2 ** 20).toFixed(1)} MiB | ${ms(r.process)} |`,
      );
    }
    const [one, many] = rows as [Row, Row];
    const worst = many.process ?? many.call;
    console.log(
      `\n${SHARED_DELEGATES} delegates / 1 delegate: call ×${(many.call / one.call).toFixed(2)}` +
        (many.process !== null && one.process !== null
          ? `, process ×${(many.process / one.process).toFixed(2)}`
          : "") +
        `; under a second: ${worst < 1 ? "met" : "MISSED"} (${ms(worst)}; ${CALLS} calls, ${PROCESSES} processes)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
