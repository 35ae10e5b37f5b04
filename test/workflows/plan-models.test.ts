// The reusable workflow's plan job with `config`: the model-list step (the bundled dist/plan, as
// GitHub runs it) reads the caller's trt-pte.yml, and the plan script as written in the YAML crosses
// its models with `gpus` into the build matrix, refusing more than GitHub's 256 jobs per matrix.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runAction } from "../support/action-run.js";
import { runScript } from "../support/reusable-call.js";
import { readWorkflow, stepNamed } from "../support/workflows.js";

const PLAN = path.join(REPO, "dist", "plan", "index.js");
const workflow = readWorkflow(".github/workflows/compile-pte.yml");
const planJob = workflow.jobs.plan!;
const script = stepNamed(planJob, "plan");
const GPUS = JSON.stringify([
  { name: "a100", "runs-on": ["self-hosted", "a100"] },
  { name: "l4", "runs-on": ["self-hosted", "l4"] },
  { name: "orin", "runs-on": ["self-hosted", "orin"] },
]);

function workspaceWith(config: string): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-plan-"));
  fs.writeFileSync(path.join(ws, "trt-pte.yml"), config);
  return ws;
}

function manyModels(n: number): string {
  const entries = Array.from(
    { length: n },
    (_, i) =>
      `  - name: model-${i}\n    model: models/net_${i}.py:build\n    inputs: float32[1,3,${64 + i},${64 + i}]\n`,
  );
  return `defaults:\n  target: tensorrt\n  precision: fp16\nmodels:\n${entries.join("")}`;
}

/** The model-list step, then the plan script with its output, as the plan job runs them. */
async function plan(config: string, inputs: Record<string, unknown> = {}, env: Record<string, string> = {}) {
  const ws = workspaceWith(config);
  const workflowInputs = {
    config: "trt-pte.yml",
    only: "",
    model: "",
    comment: false,
    "max-parallel": 256,
    ...inputs,
  };
  const list = await runAction(PLAN, { "workflow-inputs": JSON.stringify(workflowInputs) }, {}, ws);
  const planned = await runScript("python", script.run!, {
    GPUS,
    RUNS_ON: '["self-hosted","gpu"]',
    MODEL: "",
    CONFIG: "trt-pte.yml",
    ONLY: String(workflowInputs.only),
    MODELS: list.outputs.models ?? "",
    MAX_PARALLEL: String(workflowInputs["max-parallel"]),
    TARGET: "",
    ARTIFACT_NAME: "",
    CONTAINER: "",
    ...env,
  });
  return { list, planned };
}

describe("the plan job with `config`", () => {
  it("reads the file only after the fork refusal, from a sparse checkout without credentials", () => {
    const names = planJob.steps!.map((s) => s.name);
    const refuse = names.indexOf("Refuse a pull request from a fork");
    const checkout = names.indexOf("Check out the model list");
    const read = names.indexOf("Read the model list");
    expect(refuse).toBeLessThan(checkout);
    expect(checkout).toBeLessThan(read);
    expect(read).toBeLessThan(names.indexOf("Check gpus and runs-on"));
    const checkoutStep = planJob.steps![checkout]!;
    expect(checkoutStep.if).toBe("${{ inputs.config != '' }}");
    expect(checkoutStep.with).toMatchObject({
      "persist-credentials": false,
      "sparse-checkout": "${{ inputs.config }}",
      "sparse-checkout-cone-mode": false,
    });
    const readStep = stepNamed(planJob, "models");
    expect(readStep.uses).toBe("$/plan");
    expect(readStep.with).toEqual({ "workflow-inputs": "${{ toJSON(inputs) }}" });
    expect(script.env!.MODELS).toBe("${{ steps.models.outputs.models }}");
    expect(planJob.permissions).toEqual({ contents: "read" });
  });

  it("fans out 50 models × 3 GPUs into one matrix of 150 build jobs, with max-parallel", async () => {
    const { list, planned } = await plan(manyModels(50), { "max-parallel": 20 });
    expect(list.code, list.log).toBe(0);
    expect(list.log).toMatch(/trt-pte: 50 model\(s\) in trt-pte\.yml, read in \d+ ms: model-0, model-1/);
    expect(planned.code, planned.log).toBe(0);
    const matrix = JSON.parse(planned.outputs.matrix!) as { gpu: unknown[]; model: string[] };
    expect(matrix.gpu).toHaveLength(3);
    expect(matrix.model).toEqual(Array.from({ length: 50 }, (_, i) => `model-${i}`));
    expect(planned.log).toContain("trt-pte: 150 build job(s): 50 model(s) x a100, l4, orin");
    expect(JSON.parse(planned.outputs.models!)).toEqual(matrix.model);
    expect(workflow.jobs.build!.strategy).toMatchObject({ "max-parallel": "${{ inputs.max-parallel }}" });
  });

  it("refuses more than GitHub's 256 jobs per matrix and says how to split the models", async () => {
    const { list, planned } = await plan(manyModels(100));
    expect(list.code, list.log).toBe(0);
    expect(planned.code).toBe(1);
    expect(planned.log).toContain(
      "::error title=trt-pte: bad input::100 models x 3 GPU kind(s) make 300 build jobs, more than the 256 GitHub runs in one matrix. " +
        "Split the models over 2 calls of this workflow, each with `only:` naming at most 85 of them (or a trt-pte.yml of its own)",
    );
    expect(planned.outputs).toEqual({});
  });

  it("builds what `only` names, and keys the call by file and selection", async () => {
    const all = await plan(manyModels(3));
    const some = await plan(manyModels(3), { only: "model-2, model-0" });
    expect(JSON.parse(some.planned.outputs.matrix!).model).toEqual(["model-0", "model-2"]);
    expect(some.planned.outputs.key).not.toBe(all.planned.outputs.key);
    expect(all.planned.outputs.key).toMatch(/^[0-9a-f]{12}$/);
  });

  it("annotates every mistake in the file at its line and column, and plans nothing", async () => {
    const { list } = await plan(
      "models:\n  - model: a.py:f\n    precison: fp16\n  - model: b.py:f\n    target: tpu\n",
    );
    expect(list.code).toBe(1);
    expect(list.log).toContain(
      "::error file=trt-pte.yml,line=3,col=5::settings: unknown key 'precison' in models[0] (did you mean 'precision'?)",
    );
    expect(list.log).toContain(
      "::error file=trt-pte.yml,line=5,col=13::settings: b-f: target: unknown target 'tpu'",
    );
    expect(list.outputs).toEqual({});
  });

  it("refuses a build input given to the call beside `config`, and `model` with it", async () => {
    const target = await plan(manyModels(1), { target: "xnnpack" });
    expect(target.list.code).toBe(1);
    expect(target.list.log).toContain(
      "::error::settings: target: describes a build, so with `config` it is set in trt-pte.yml",
    );
    const both = await plan(manyModels(1), { model: "m.py:f" });
    expect(both.list.log).toContain("::error::settings: config: cannot be combined with `model`");
  });

  it("stops on neither model nor config, and on a bad max-parallel", async () => {
    const neither = await runScript("python", script.run!, {
      GPUS: "",
      RUNS_ON: '["self-hosted","gpu"]',
      MODEL: "",
      CONFIG: "",
      ONLY: "",
      MODELS: "",
      MAX_PARALLEL: "256",
      TARGET: "",
      ARTIFACT_NAME: "",
      CONTAINER: "",
    });
    expect(neither.code).toBe(1);
    expect(neither.log).toContain("neither model nor config is set");
    const { planned } = await plan(manyModels(2), { "max-parallel": 0 });
    expect(planned.code).toBe(1);
    expect(planned.log).toContain("max-parallel must be a whole number from 1 to 256; got 0");
  });
});

describe("the build jobs of a `config` call", () => {
  const build = workflow.jobs.build!;
  const compile = stepNamed(build, "compile");

  it("each builds its one model of the file for its GPU, named after both", () => {
    expect(compile.with).toMatchObject({ config: "${{ inputs.config }}", only: "${{ matrix.model }}" });
    expect(build.name).toContain("matrix.model");
    const record = stepNamed(build, "Record the result");
    expect(record.env!.NAME).toBe("${{ matrix.model }}");
    const upload = build.steps!.find((s) => s.name === "Upload the result for the report job")!;
    expect(upload.with!.name).toContain("matrix.model");
    const gather = stepNamed(workflow.jobs.report!, "gather");
    expect(gather.with!["expected-models"]).toBe("${{ needs.plan.outputs.models }}");
  });
});

describe("workflows/many-models.yml", () => {
  const example = readWorkflow("workflows/many-models.yml");

  it("calls the reusable workflow with a trt-pte.yml, and prints each build's download page", async () => {
    expect(example.jobs.pte!.with).toMatchObject({ config: "trt-pte.yml", "max-parallel": 8 });
    const step = stepNamed(example.jobs.links!, "Print each build's download page");
    const artifacts = [
      {
        model: "detector",
        gpu: "a100",
        outcome: "success",
        "artifact-url": "https://github.com/o/r/actions/runs/1/artifacts/2",
      },
      { model: "segmenter", gpu: "l4", outcome: "failure", "artifact-url": "" },
    ];
    const run = await runScript("bash", step.run!, { ARTIFACTS: JSON.stringify(artifacts) });
    expect(run.code, run.log).toBe(0);
    expect(run.log.split("\n").filter((l) => l !== "")).toEqual([
      "detector on a100: success https://github.com/o/r/actions/runs/1/artifacts/2",
      "segmenter on l4: failure ",
    ]);
  });
});
