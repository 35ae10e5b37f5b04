// bench/inspect: `trt-pte inspect --json` (the bundled CLI) against executorch's Python
// deserializer on the same .pte files, in one run: a real TensorRT-delegate .pte written by
// executorch, and the same file with its engine segment grown to 1 GiB and 4 GiB (sparse).
//
//   npx tsx bench/inspect.ts            (needs npm run build, and Python with executorch:
//                                        TRT_PTE_TEST_PYTHON or .venv/bin/python)
//   npx tsx bench/inspect.ts --smoke    seconds: one run each, the engine grown to 16 MiB only
//
// For each file: wall time and peak RSS of each whole process (wait4), the Node and Python
// interpreter start alone, Python's import time, and the read + deserialize call alone against the
// reader's own call (inspectPte, timed in this process). Prints the ratios.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { FileSource } from "../src/pte/byte-source.js";
import { inspectPte, inspectSource } from "../src/pte/inspect.js";
import type { Inspection } from "../src/pte/inspection.js";
import { NODE24, REPO, TEST_PYTHON } from "../test/support/action-run.js";
import { fixturePte } from "../test/support/pte-fixtures.js";
import setupFixtures from "../test/support/generate-pte-fixtures.js";
import { growDelegateSegment } from "../test/support/sparse-pte.js";

const GiB = 1024 ** 3;
const smoke = process.argv.includes("--smoke");
/** The grown engines' sizes, and how often each side runs on each file. */
const SIZES = smoke ? [GiB / 64] : [GiB, 4 * GiB];
const RUNS = smoke ? { cli: 1, calls: 3 } : { cli: 5, calls: 50 };
const CLI = path.join(REPO, "dist", "cli", "index.js");
const MEASURE = path.join(REPO, "bench", "measure.py");
const DESERIALIZE = path.join(REPO, "bench", "deserialize_pte.py");

interface Measured {
  wall_s: number;
  maxrss_kib: number;
  exit: number;
  stdout: string;
}

function measure(command: string[]): Measured {
  const run = spawnSync(TEST_PYTHON, [MEASURE, ...command], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`measuring ${command.join(" ")} failed: ${run.stderr}`);
  const measured = JSON.parse(run.stdout) as Measured;
  if (measured.exit !== 0) throw new Error(`${command.join(" ")} exited ${measured.exit}`);
  return measured;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function repeat<T>(times: number, fn: () => T): T[] {
  return Array.from({ length: times }, fn);
}

interface Row {
  label: string;
  bytes: number;
  ts: { wall: number; rss: number; call: number; bytesRead: number };
  py: { wall: number; rss: number; imports: number; read: number; deserialize: number };
}

function bench(label: string, file: string, pythonRuns: number): Row {
  // The reader: the bundled CLI as a process, and its inspect call in this process.
  const cli = repeat(RUNS.cli, () => measure([NODE24, CLI, "inspect", "--json", file]));
  const printed = JSON.parse(cli[0]!.stdout) as Inspection;
  const calls = repeat(RUNS.calls, () => {
    const started = process.hrtime.bigint();
    inspectPte(file);
    return Number(process.hrtime.bigint() - started) / 1e9;
  });
  const source = new FileSource(file);
  try {
    inspectSource(source);
  } finally {
    source.close();
  }
  // executorch's deserializer: the whole process, and its phases as the script reports them.
  const py = repeat(pythonRuns, () => {
    const run = measure([TEST_PYTHON, DESERIALIZE, file]);
    return { run, phases: JSON.parse(run.stdout) as Record<string, number> };
  });
  if (py[0]!.phases.delegates !== printed.delegates.length)
    throw new Error(`${label}: the readers disagree on delegates`);
  return {
    label,
    bytes: fs.statSync(file).size,
    ts: {
      wall: median(cli.map((c) => c.wall_s)),
      rss: median(cli.map((c) => c.maxrss_kib)),
      call: median(calls),
      bytesRead: source.stats.bytes,
    },
    py: {
      wall: median(py.map((p) => p.run.wall_s)),
      rss: median(py.map((p) => p.run.maxrss_kib)),
      imports: median(py.map((p) => p.phases.imports_s!)),
      read: median(py.map((p) => p.phases.read_s!)),
      deserialize: median(py.map((p) => p.phases.deserialize_s!)),
    },
  };
}

function main(): void {
  setupFixtures();
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-bench-"));
  try {
    const base = fixturePte("tensorrt_tr01");
    const files: [string, string, number][] = [["real (7 KB)", base, smoke ? 1 : 5]];
    for (const [i, size] of SIZES.entries()) {
      const before = inspectPte(base, { ptd: [] }).delegates[0]!.bytes;
      const label = size >= GiB ? `${size / GiB} GiB` : `${size / 2 ** 20} MiB`;
      const grown = growDelegateSegment(base, path.join(dir, `engine-${i}.pte`), size - before);
      files.push([`${label} engine`, grown.file, smoke ? 1 : i === 0 ? 3 : 2]);
    }
    const node = median(repeat(RUNS.cli, () => measure([NODE24, "-e", "0"]).wall_s));
    const python = median(repeat(RUNS.cli, () => measure([TEST_PYTHON, "-c", "pass"]).wall_s));

    const rows = files.map(([label, file, runs]) => {
      process.stderr.write(`benchmarking ${label}...\n`);
      return bench(label, file, runs);
    });
    const ms = (s: number): string => `${(s * 1000).toFixed(s < 0.01 ? 2 : 1)} ms`;
    const mib = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;
    console.log(`interpreter start alone: node ${ms(node)}, python ${ms(python)}\n`);
    console.log(
      "| file | trt-pte inspect --json (process) | peak RSS | inspect call | bytes read | python process | peak RSS | imports | read | deserialize_pte_binary | wall ratio | call ratio | RSS ratio |",
    );
    console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (const r of rows) {
      const callRatio = (r.py.read + r.py.deserialize) / r.ts.call;
      console.log(
        `| ${r.label} | ${ms(r.ts.wall)} | ${mib(r.ts.rss)} | ${ms(r.ts.call)} | ${(r.ts.bytesRead / 1024).toFixed(0)} KiB | ${ms(r.py.wall)} | ${mib(r.py.rss)} | ${ms(r.py.imports)} | ${ms(r.py.read)} | ${ms(r.py.deserialize)} | ${(r.py.wall / r.ts.wall).toFixed(0)}× | ${callRatio.toFixed(0)}× | ${(r.py.rss / r.ts.rss).toFixed(1)}× |`,
      );
    }
    console.log(
      "\nwall ratio: python process / trt-pte process. call ratio: (file read + deserialize_pte_binary) / inspectPte, both without interpreter start and imports. RSS ratio: peak RSS, python / trt-pte.",
    );
    const grownFirst = rows[1]!;
    const largest = rows.at(-1)!;
    const callRatio = (grownFirst.py.read + grownFirst.py.deserialize) / grownFirst.ts.call;
    const growth = largest.ts.call / rows[0]!.ts.call;
    console.log(
      `target at ${grownFirst.label}: >= 100× faster: ${callRatio >= 100 ? "met" : "MISSED"} (call ${callRatio.toFixed(0)}×, process ${(grownFirst.py.wall / grownFirst.ts.wall).toFixed(0)}×); ` +
        `constant in size: trt-pte call 7 KB → ${largest.label} ×${growth.toFixed(2)}, RSS ${mib(rows[0]!.ts.rss)} → ${mib(largest.ts.rss)}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
