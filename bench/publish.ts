// bench/publish: the bundled action's own overhead — everything but the Python export — measured
// on a real 1 GiB .pte uploaded to the local artifact stand-in (the real @actions/artifact client,
// sha256 and HTTP included), against a plain copy of the same bytes in the same run; and its fixed
// overhead on a tiny .pte beyond Node's own start.
//
//   npx tsx bench/publish.ts [--mib 1024]      (needs npm run build and the venv)
//
// The export is replayed by bench/replay_driver.py (it hard-links a prepared .pte and writes the
// result file); its own time and one bare Python start are subtracted from the action's wall time.

import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { StandInServer, runtimeToken } from "../test/support/http.js";
import { BlobStore } from "../test/support/blob-store.js";
import { ArtifactService } from "../test/support/artifact-service.js";
import { NODE24, REPO, TEST_PYTHON } from "../test/support/action-run.js";

const args = process.argv.slice(2);
const mib = Number(args[args.indexOf("--mib") + 1] || 1024) || 1024;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-publish-"));

function seconds(started: number): number {
  return (performance.now() - started) / 1000;
}

function makePte(file: string, size: number): void {
  const run = spawnSync(TEST_PYTHON, [path.join(REPO, "bench", "make_pte.py"), file, String(size)], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`make_pte failed: ${run.stderr}`);
}

async function sha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(fs.createReadStream(file, { highWaterMark: 4 << 20 }), hash);
  return hash.digest("hex");
}

function bare(command: string, argv: string[]): number {
  const started = performance.now();
  spawnSync(command, argv);
  return seconds(started);
}

async function runAction(
  pte: string,
  digest: string,
  base: string,
  run: string,
): Promise<{ wall: number; exported: number; stages: string }> {
  const ws = fs.mkdtempSync(path.join(work, "ws-"));
  fs.cpSync(path.join(REPO, "examples"), path.join(ws, "examples"), { recursive: true });
  const python = path.join(work, "python");
  fs.writeFileSync(
    python,
    `#!/bin/sh\nexec '${TEST_PYTHON}' '${path.join(REPO, "bench", "replay_driver.py")}' "$@"\n`,
    { mode: 0o755 },
  );
  const exportLog = path.join(work, `export-${run}.log`);
  const runnerTemp = fs.mkdtempSync(path.join(work, "runner-"));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: os.homedir(),
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: ws,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: path.join(runnerTemp, "out"),
    GITHUB_STEP_SUMMARY: path.join(runnerTemp, "summary"),
    GITHUB_REPOSITORY: "octo/models",
    GITHUB_RUN_ID: run,
    ACTIONS_RUNTIME_TOKEN: runtimeToken(`run-${run}`, `job-${run}`),
    ACTIONS_RESULTS_URL: `${base}/`,
    BENCH_PTE: pte,
    BENCH_PTE_SHA256: digest,
    BENCH_EXPORT_LOG: exportLog,
    INPUT_MODEL: "examples/cos_block.py:build",
    INPUT_TARGET: "portable",
    INPUT_PYTHON: python,
    INPUT_CACHE: "false",
  };
  fs.writeFileSync(env.GITHUB_OUTPUT!, "");
  fs.writeFileSync(env.GITHUB_STEP_SUMMARY!, "");
  let stages = "";
  const started = performance.now();
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(NODE24, [path.join(REPO, "dist", "index.js")], {
      cwd: ws,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (c: Buffer) => (log += c.toString()));
    child.stderr.on("data", (c: Buffer) => (log += c.toString()));
    child.on("close", (c) => {
      if (c !== 0) console.error(log);
      stages = log
        .split("\n")
        .filter((l) => /: [0-9.]+ (ms|s)$/.test(l))
        .join("; ");
      resolve(c);
    });
  });
  const wall = seconds(started);
  if (code !== 0) throw new Error(`the action failed (${code})`);
  const exported = Number(fs.readFileSync(exportLog, "utf8").trim());
  fs.rmSync(ws, { recursive: true, force: true });
  return { wall, exported, stages };
}

async function main(): Promise<void> {
  const blobs = new BlobStore();
  // The real service hashes uploads on its own machines: leave that out of the runner's time.
  const server = new StandInServer([new ArtifactService(blobs, { verifyHash: false }), blobs]);
  const base = await server.start();
  try {
    const big = path.join(work, "big.pte");
    const tiny = path.join(work, "tiny.pte");
    makePte(big, mib);
    makePte(tiny, 0.001);
    const [bigSha, tinySha] = [await sha256(big), await sha256(tiny)];
    const pythonStart = bare(TEST_PYTHON, ["-c", "pass"]);
    const nodeStart = Math.min(...[0, 1, 2].map(() => bare(NODE24, ["-e", "0"])));

    // Baselines on the same bytes, in this run.
    const copyTarget = path.join(work, "copy.pte");
    let started = performance.now();
    fs.copyFileSync(big, copyTarget);
    const kernelCopy = seconds(started);
    fs.rmSync(copyTarget);
    started = performance.now();
    await pipeline(fs.createReadStream(big, { highWaterMark: 8 << 20 }), fs.createWriteStream(copyTarget));
    const streamCopy = seconds(started);
    fs.rmSync(copyTarget);

    // Two pieces of the upload's own work, alone on the same bytes: the sha256 @actions/artifact
    // computes over the upload stream, and the zip stream it builds (level 0: stored, CRC-32 only).
    started = performance.now();
    await sha256(big);
    const hashOnly = seconds(started);

    const large = await runAction(big, bigSha, base, "1");
    blobs.blobs.clear(); // the stand-in keeps uploads in memory
    const smalls = [];
    for (const run of ["2", "3", "4"]) smalls.push(await runAction(tiny, tinySha, base, run));
    const small = smalls.sort((a, b) => a.wall - b.wall)[1]!;

    const overhead = large.wall - large.exported - pythonStart;
    const fixed = small.wall - small.exported - pythonStart - nodeStart;
    const gib = fs.statSync(big).size / 2 ** 30;
    console.log(`.pte: ${gib.toFixed(2)} GiB (real, written by executorch)`);
    console.log(`plain copy (copyFile):     ${kernelCopy.toFixed(2)} s`);
    console.log(`plain copy (read + write): ${streamCopy.toFixed(2)} s`);
    console.log(`action, everything but the export: ${overhead.toFixed(2)} s`);
    console.log(`  ratio to the read + write copy: ${(overhead / streamCopy).toFixed(2)}x (target < 2x)`);
    console.log(`  ratio to copyFile:              ${(overhead / kernelCopy).toFixed(2)}x`);
    console.log(
      `  of which sha256 alone takes ${hashOnly.toFixed(2)} s here (${((gib * 1024) / hashOnly).toFixed(0)} MiB/s)`,
    );
    console.log(
      `node start ${(nodeStart * 1000).toFixed(0)} ms, python start ${(pythonStart * 1000).toFixed(0)} ms`,
    );
    console.log(
      `fixed overhead on a tiny .pte beyond Node's start: ${(fixed * 1000).toFixed(0)} ms (target < 300 ms)`,
    );
    console.log(`  stages (tiny): ${small.stages}`);
    console.log(`  stages (1 GiB): ${large.stages}`);
  } finally {
    await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
