// bench/inspect: `trt-pte inspect --json` (the bundled CLI) against executorch's Python
// deserializer on the same .pte files, in one run: a real TensorRT-delegate .pte written by
// executorch, and the same file with its engine segment grown to 1 GiB and 4 GiB (sparse).
//
//   npx tsx bench/inspect.ts            (needs npm run build, and Python with executorch:
//                                        TRT_PTE_TEST_PYTHON or .venv/bin/python)
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
  const cli = repeat(5, () => measure([NODE24, CLI, "inspect", "--json", file]));
  const printed = JSON.parse(cli[0]!.stdout) as Inspection;
  const calls = repeat(50, () => {
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
    const files: [string, string, number][] = [["real (7 KB)", base, 5]];
    for (const gib of [1, 4]) {
      const before = inspectPte(base, { ptd: [] }).delegates[0]!.bytes;
      const grown = growDelegateSegment(base, path.join(dir, `engine-${gib}g.pte`), gib * GiB - before);
      files.push([`${gib} GiB engine`, grown.file, gib === 1 ? 3 : 2]);
    }
    const node = median(repeat(5, () => measure([NODE24, "-e", "0"]).wall_s));
    const python = median(repeat(5, () => measure([TEST_PYTHON, "-c", "pass"]).wall_s));

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
    const oneGiB = rows[1]!;
    const callRatio = (oneGiB.py.read + oneGiB.py.deserialize) / oneGiB.ts.call;
    const growth = rows[2]!.ts.call / rows[0]!.ts.call;
    console.log(
      `target at 1 GiB: >= 100× faster: ${callRatio >= 100 ? "met" : "MISSED"} (call ${callRatio.toFixed(0)}×, process ${(oneGiB.py.wall / oneGiB.ts.wall).toFixed(0)}×); ` +
        `constant in size: trt-pte call 7 KB → 4 GiB ×${growth.toFixed(2)}, RSS ${mib(rows[0]!.ts.rss)} → ${mib(rows[2]!.ts.rss)}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
