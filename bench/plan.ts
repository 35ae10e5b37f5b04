// bench/plan: how long the reusable workflow's plan takes for a trt-pte.yml of many models: the
// bundled model-list step (dist/plan: Node start, parse, the action's validation of every model) and
// the plan script as written in compile-pte.yml (matrix of models × 3 GPUs), against the same for a
// one-model file in the same session.
//
//   npx tsx bench/plan.ts [--runs 5] [--smoke]      (needs npm run build; --smoke: one run, 1 and 50 models)

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO, runAction } from "../test/support/action-run.js";
import { runScript } from "../test/support/reusable-call.js";
import { readWorkflow, stepNamed } from "../test/support/workflows.js";

const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const runs = smoke ? 1 : Number(args[args.indexOf("--runs") + 1] || 5) || 5;
const sizes = smoke ? [1, 50] : [1, 50, 85];
const script = stepNamed(readWorkflow(".github/workflows/compile-pte.yml").jobs.plan!, "plan").run!;
const GPUS = JSON.stringify(["a100", "l4", "orin"].map((name) => ({ name })));

function config(models: number): string {
  const entries = Array.from(
    { length: models },
    (_, i) => `  - name: model-${i}\n    model: models/net_${i}.py:build\n    inputs: float32[1,3,224,224]\n`,
  );
  return `defaults:\n  precision: fp16\nmodels:\n${entries.join("")}`;
}

async function once(models: number): Promise<number> {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), "bench-plan-"));
  fs.writeFileSync(path.join(ws, "trt-pte.yml"), config(models));
  const inputs = { config: "trt-pte.yml", "max-parallel": 256 };
  const started = performance.now();
  const list = await runAction(
    path.join(REPO, "dist", "plan", "index.js"),
    { "workflow-inputs": JSON.stringify(inputs) },
    {},
    ws,
  );
  const planned = await runScript("python", script, {
    GPUS,
    RUNS_ON: '["self-hosted","gpu"]',
    MODEL: "",
    CONFIG: "trt-pte.yml",
    ONLY: "",
    MODELS: list.outputs.models ?? "",
    MAX_PARALLEL: "256",
    TARGET: "",
    ARTIFACT_NAME: "",
    CONTAINER: "",
  });
  const seconds = (performance.now() - started) / 1000;
  const jobs = JSON.parse(planned.outputs.matrix ?? "{}") as { gpu?: unknown[]; model?: unknown[] };
  if (list.code !== 0 || planned.code !== 0 || (jobs.model?.length ?? 0) !== models) {
    throw new Error(`the plan failed:\n${list.log}\n${planned.log}`);
  }
  return seconds;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)} s`;

const results: Record<number, number[]> = Object.fromEntries(sizes.map((n) => [n, []]));
// Interleaved, so a busy moment of the machine falls on every size alike.
for (let r = 0; r < runs; r++) for (const n of sizes) results[n]!.push(await once(n));
const base = median(results[1]!);
for (const [n, xs] of Object.entries(results)) {
  const jobs = Number(n) * 3;
  console.log(
    `${n.padStart(2)} models × 3 GPUs (${String(jobs).padStart(3)} jobs): median ${median(xs).toFixed(2)} s (min–max ${spread(xs)}, ${runs} runs), ${(median(xs) / base).toFixed(2)}× the one-model plan`,
  );
}
