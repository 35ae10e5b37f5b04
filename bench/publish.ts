// bench/publish: the bundled action's own time (everything but the export) against the floor it
// stands on, the bare @actions/artifact client uploading the same .pte to the same artifact stand-in
// (bench/bare-upload.mjs, a Node 24 process as the action is), in one run; and the action's fixed
// overhead on a tiny .pte beyond Node's own start.
//
//   npx tsx bench/publish.ts [--mib 1024] [--rounds 3]     the figures in docs/benchmarks.md
//   npx tsx bench/publish.ts --smoke                       seconds: the example's .pte, one round
//
// Needs npm run build and the venv. The model is exported once, by the real driver, per size; later
// runs of the action replay that export (bench/replay_driver.py), and its time is subtracted, so
// what is left is preflight, verify, the report, the upload, the summary and the outputs. The bare
// client and the action alternate, so both see the same machine.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { StandInServer, runtimeToken } from "../test/support/http.js";
import { BlobStore } from "../test/support/blob-store.js";
import { ArtifactService } from "../test/support/artifact-service.js";
import { NODE24, REPO, TEST_PYTHON, parseOutputFile } from "../test/support/action-run.js";

const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const option = (flag: string, fallback: number) =>
  args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : fallback;
const mib = option("--mib", 1024);
const rounds = option("--rounds", smoke ? 1 : 3);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-publish-"));

const seconds = (started: number) => (performance.now() - started) / 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const spread = (xs: number[]) =>
  xs.length > 1 ? ` (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})` : "";

/** A workspace with a model file: one bias-free Linear whose float32 weights take about `size` MiB. */
function workspaceFor(sizeMiB: number): string {
  const ws = fs.mkdtempSync(path.join(work, "ws-"));
  const side = Math.max(8, Math.floor(Math.sqrt((sizeMiB * 2 ** 20) / 4)));
  fs.writeFileSync(
    path.join(ws, "bench_linear.py"),
    [
      "import torch",
      "",
      "def build():",
      `    return torch.nn.Linear(${side}, ${side}, bias=False).eval(), (torch.randn(1, ${side}),)`,
      "",
    ].join("\n"),
  );
  return ws;
}

/**
 * The `python` the action is given: the real interpreter, except that `export` goes through
 * bench/replay_driver.py and is timed (nanoseconds appended to `timings`).
 */
function timedPython(store: string, timings: string): string {
  const wrapper = path.join(store, "python");
  fs.mkdirSync(store, { recursive: true });
  const replay = path.join(REPO, "bench", "replay_driver.py");
  fs.writeFileSync(
    wrapper,
    [
      "#!/bin/sh",
      'if [ "$2" = export ]; then',
      "  started=$(date +%s%N)",
      `  '${TEST_PYTHON}' '${replay}' '${store}' "$@"`,
      "  code=$?",
      `  echo $(( $(date +%s%N) - started )) >>'${timings}'`,
      "  exit $code",
      "fi",
      `exec '${TEST_PYTHON}' "$@"`,
      "",
    ].join("\n"),
    { mode: 0o755 },
  );
  return wrapper;
}

interface ActionRun {
  wall: number;
  exported: number;
  pte: string;
  stages: string[];
}

let runNumber = 0;

async function runAction(
  base: string,
  ws: string,
  model: string,
  python: string,
  timings: string,
): Promise<ActionRun> {
  const run = String(++runNumber);
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
    INPUT_MODEL: model,
    INPUT_TARGET: "portable",
    INPUT_PYTHON: python,
    INPUT_CACHE: "false",
    INPUT_COMPARE: "false",
    "INPUT_BENCHMARK-SECONDS": "0",
    "INPUT_OUTPUT-DIR": `out-${run}`,
  };
  fs.writeFileSync(env.GITHUB_OUTPUT!, "");
  fs.writeFileSync(env.GITHUB_STEP_SUMMARY!, "");
  const before = fs.existsSync(timings) ? fs.readFileSync(timings, "utf8") : "";
  const started = performance.now();
  const { code, log } = await new Promise<{ code: number | null; log: string }>((resolve) => {
    const child = spawn(NODE24, [path.join(REPO, "dist", "index.js")], {
      cwd: ws,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    child.stdout.on("data", (c: Buffer) => (text += c.toString()));
    child.stderr.on("data", (c: Buffer) => (text += c.toString()));
    child.on("close", (c) => resolve({ code: c, log: text }));
  });
  const wall = seconds(started);
  if (code !== 0) throw new Error(`the action failed (exit ${code}):\n${log}`);
  const added = fs.readFileSync(timings, "utf8").slice(before.length).trim().split("\n").filter(Boolean);
  if (added.length !== 1) throw new Error(`expected one export, the timing log has ${added.length}:\n${log}`);
  const outputs = parseOutputFile(fs.readFileSync(env.GITHUB_OUTPUT!, "utf8"));
  if (!outputs.pte || !outputs["artifact-id"])
    throw new Error(`the action set no pte or artifact-id output:\n${log}`);
  return {
    wall,
    exported: Number(added[0]) / 1e9,
    pte: outputs.pte,
    stages: log.split("\n").filter((l) => /: [0-9.]+ (ms|s)$/.test(l)),
  };
}

/** The bare client's whole process; asynchronous, since the stand-in serves from this process. */
async function bareUpload(base: string, file: string): Promise<number> {
  const run = String(++runNumber);
  const started = performance.now();
  const child = spawn(NODE24, [path.join(REPO, "bench", "bare-upload.mjs"), `bare-${run}`, file], {
    env: {
      PATH: process.env.PATH ?? "",
      ACTIONS_RUNTIME_TOKEN: runtimeToken(`run-${run}`, `job-${run}`),
      ACTIONS_RESULTS_URL: `${base}/`,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const wall = seconds(started);
  if (code !== 0) throw new Error(`the bare upload failed (exit ${code}): ${stderr}`);
  return wall;
}

/**
 * Drops what the stand-in keeps of past uploads: the committed blobs and the recorded requests, whose
 * bodies hold every byte uploaded. Kept, a 1 GiB run leaves gigabytes in this process (8.5 GB peak
 * RSS), and the tiny runs that follow measured the stand-in's memory pressure, not the action
 * (531 ms against 291 ms after a 16 MiB run).
 */
function forgetUploads(server: StandInServer, blobs: BlobStore): void {
  blobs.blobs.clear();
  server.requests.length = 0;
}

async function main(): Promise<void> {
  const blobs = new BlobStore();
  // The real service hashes uploads on its own machines: leave that out of the runner's time.
  const server = new StandInServer([new ArtifactService(blobs, { verifyHash: false }), blobs]);
  const base = await server.start();
  try {
    const nodeStart = Math.min(
      ...[0, 1, 2].map(() => {
        const started = performance.now();
        spawnSync(NODE24, ["-e", "0"]);
        return seconds(started);
      }),
    );

    // In the smoke size the example model serves as both the tiny and the large .pte: one export.
    const tiny = workspaceFor(0);
    fs.cpSync(path.join(REPO, "examples"), path.join(tiny, "examples"), { recursive: true });
    const tinyModel = "examples/cos_block.py:build";
    const tinyStore = path.join(work, "store-tiny");
    const tinyTimings = path.join(work, "timings-tiny");
    const tinyPython = timedPython(tinyStore, tinyTimings);
    const large = smoke ? tiny : workspaceFor(mib);
    const largeModel = smoke ? tinyModel : "bench_linear.py:build";
    const largeTimings = smoke ? tinyTimings : path.join(work, "timings-large");
    const largePython = smoke ? tinyPython : timedPython(path.join(work, "store-large"), largeTimings);
    // Tiny first, while the stand-in holds nothing: the example model's .pte, the action's fixed
    // cost beyond Node's start.
    if (!smoke) await runAction(base, tiny, tinyModel, tinyPython, tinyTimings);
    const fixed: number[] = [];
    let tinyStages: string[] = [];
    for (let i = 0; i < (smoke ? 1 : 5); i++) {
      const replayed = await runAction(base, tiny, tinyModel, tinyPython, tinyTimings);
      fixed.push(replayed.wall - replayed.exported - nodeStart);
      tinyStages = replayed.stages;
      forgetUploads(server, blobs);
    }

    // Large: the bare client and the action (export replayed) alternate, `rounds` times each.
    const first = await runAction(base, large, largeModel, largePython, largeTimings);
    const pteBytes = fs.statSync(first.pte).size;
    forgetUploads(server, blobs);
    const bare: number[] = [];
    const action: number[] = [];
    const stages: string[][] = [];
    const timeBare = async () => {
      bare.push(await bareUpload(base, first.pte));
      forgetUploads(server, blobs);
    };
    const timeAction = async () => {
      const replayed = await runAction(base, large, largeModel, largePython, largeTimings);
      action.push(replayed.wall - replayed.exported);
      stages.push(replayed.stages);
      forgetUploads(server, blobs);
    };
    // Which goes first alternates, so neither always follows the other's page cache or heat.
    for (let i = 0; i < rounds; i++) {
      for (const side of i % 2 === 0 ? [timeBare, timeAction] : [timeAction, timeBare]) await side();
    }

    const [b, a] = [median(bare), median(action)];
    console.log(
      `.pte: ${pteBytes < 2 ** 20 ? `${(pteBytes / 1024).toFixed(1)} KiB` : `${(pteBytes / 2 ** 20).toFixed(0)} MiB`}` +
        ` (written by the real driver); ${rounds} round(s), median (min–max)`,
    );
    console.log(`bare @actions/artifact upload, whole process: ${b.toFixed(2)} s${spread(bare)}`);
    console.log(`action, everything but the export:            ${a.toFixed(2)} s${spread(action)}`);
    console.log(
      `  ratio action / bare: ${(a / b).toFixed(3)} (${((a / b - 1) * 100).toFixed(1)}% beyond the bare client; goal at most 5% at 1 GiB)`,
    );
    console.log(`  stages (last round): ${stages.at(-1)!.join("; ")}`);
    console.log(`node start: ${(nodeStart * 1000).toFixed(0)} ms`);
    console.log(
      `fixed overhead on a tiny .pte beyond Node's start: ${(median(fixed) * 1000).toFixed(0)} ms` +
        `${fixed.length > 1 ? ` (${(Math.min(...fixed) * 1000).toFixed(0)}–${(Math.max(...fixed) * 1000).toFixed(0)} ms, ${fixed.length} runs)` : ""} (goal at most 300 ms)`,
    );
    console.log(`  stages (tiny): ${tinyStages.join("; ")}`);
  } finally {
    await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
