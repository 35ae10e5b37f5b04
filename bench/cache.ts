// bench/cache: what the output cache buys, and what the key costs.
//   1. The example model exported twice through the CLI with one cache-dir: the second run's wall
//      time against the first (target: >= 5x on xnnpack here).
//   2. The cache key's file hashing over 10,000 files and 2 GiB of weights, against a plain read of
//      the same files in the same process (the disk's read speed): MB/s and the ratio.
// Run: npx tsx bench/cache.ts [--skip-export] [--weights-gib N]   the figures in docs/benchmarks.md
//      npx tsx bench/cache.ts --smoke                               seconds: 200 files, 8 MiB of weights

import { spawnSync } from "node:child_process";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { hashFiles, matchFiles } from "../src/cache/hash-files.js";
import { DEFAULT_HASH_FILES } from "../src/settings/inputs.js";

const REPO = path.resolve(import.meta.dirname, "..");
const PYTHON = path.resolve(REPO, process.env.TRT_PTE_TEST_PYTHON ?? ".venv/bin/python");
const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const weightsGiB = smoke ? 8 / 1024 : Number(args[args.indexOf("--weights-gib") + 1] || 2) || 2;
const sourceFiles = smoke ? 200 : 10_000;

function timeCli(cacheDir: string, workspace: string): number {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      path.join(REPO, "dist/cli/index.js"),
      "export",
      "--model",
      "examples/cos_block.py:build",
      "--target",
      "xnnpack",
      "--python",
      PYTHON,
      "--cache-dir",
      cacheDir,
      "--upload",
      "false",
    ],
    { cwd: workspace, encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`export failed:\n${run.stderr}`);
  return (performance.now() - started) / 1000;
}

async function benchExport(): Promise<void> {
  const cacheDir = await fs.mkdtemp(path.join(os.tmpdir(), "bench-cache-"));
  const ws = async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "bench-ws-"));
    await fs.cp(path.join(REPO, "examples"), path.join(dir, "examples"), { recursive: true });
    return dir;
  };
  const workspaces = [await ws(), await ws()];
  const first = timeCli(cacheDir, workspaces[0]!);
  const second = timeCli(cacheDir, workspaces[1]!);
  for (const dir of [cacheDir, ...workspaces]) await fs.rm(dir, { recursive: true, force: true });
  console.log(`export, first run (miss): ${first.toFixed(2)} s`);
  console.log(`export, second run (hit): ${second.toFixed(2)} s`);
  console.log(`speed-up: ${(first / second).toFixed(1)}x (target >= 5x)`);
}

async function makeTree(root: string): Promise<number> {
  const block = randomBytes(1 << 20);
  for (let i = 0; i < sourceFiles; i++) {
    const dir = path.join(root, `pkg${Math.floor(i / 100)}`);
    if (i % 100 === 0) await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, `mod${i}.py`), `# module ${i}\n${"x = 1\n".repeat(200)}`);
  }
  await fs.mkdir(path.join(root, "weights"), { recursive: true });
  const files = 4;
  const perFile = Math.max(1, (weightsGiB * 1024) / files);
  for (let f = 0; f < files; f++) {
    const handle = await fs.open(path.join(root, "weights", `part${f}.safetensors`), "w");
    for (let mb = 0; mb < perFile; mb++) await handle.write(block);
    await handle.close();
  }
  return weightsGiB * 2 ** 30;
}

async function plainRead(root: string, files: string[]): Promise<number> {
  let bytes = 0;
  for (const f of files)
    for await (const chunk of createReadStream(path.join(root, f), { highWaterMark: 4 << 20 }))
      bytes += (chunk as Buffer).length;
  return bytes;
}

async function benchKey(): Promise<void> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "bench-tree-"));
  await makeTree(root);
  const files = await matchFiles(root, DEFAULT_HASH_FILES);
  const readStart = performance.now();
  const bytes = await plainRead(root, files); // also warms the page cache for both measurements
  const readAgain = performance.now();
  await plainRead(root, files);
  const readSeconds = (performance.now() - readAgain) / 1000;
  const hashStart = performance.now();
  const result = await hashFiles(root, DEFAULT_HASH_FILES);
  const hashSeconds = (performance.now() - hashStart) / 1000;
  const mb = bytes / 2 ** 20;
  console.log(
    `key over ${result.files} files, ${(bytes / 2 ** 30).toFixed(2)} GiB (first cold-ish read ${((readAgain - readStart) / 1000).toFixed(2)} s)`,
  );
  console.log(`plain read: ${readSeconds.toFixed(2)} s, ${(mb / readSeconds).toFixed(0)} MB/s`);
  console.log(`hashing:    ${hashSeconds.toFixed(2)} s, ${(mb / hashSeconds).toFixed(0)} MB/s`);
  console.log(`hashing / plain read: ${(hashSeconds / readSeconds).toFixed(2)}x the time`);
  await fs.rm(root, { recursive: true, force: true });
}

if (!args.includes("--skip-export")) await benchExport();
await benchKey();
