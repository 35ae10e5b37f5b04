// The reusable workflow is the action's interface for most teams, so its inputs must be the action's
// inputs: every one the action has is exposed under the same name and reaches the action step
// unchanged (empty meaning the action's default), and everything else it takes is workflow-only.

import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { REPO } from "../support/action-run.js";
import { readWorkflow, stepNamed } from "../support/workflows.js";

const workflow = readWorkflow(".github/workflows/compile-pte.yml");
const workflowInputs = workflow.on.workflow_call!.inputs!;
const compile = stepNamed(workflow.jobs.build!, "compile");
const gatherStep = stepNamed(workflow.jobs.report!, "gather");

interface ActionMetadata {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, unknown>;
}
const readAction = (file: string) => parse(fs.readFileSync(path.join(REPO, file), "utf8")) as ActionMetadata;
const action = readAction("action.yml");
const gather = readAction("gather/action.yml");

/** Action inputs the workflow sets itself instead of exposing them, and why. */
const SET_BY_THE_WORKFLOW: Record<string, string> = {
  "gpu-name": "each build job passes its `gpus` entry's name",
  "github-token": "the build jobs never comment; the report job uses the job's own token",
};

/** Workflow inputs with the name of an action input that go elsewhere than the action step. */
const ROUTED_ELSEWHERE: Record<string, string> = {
  comment: "the build jobs never comment (they pass comment: false); the report job keeps the one comment",
  only: "the plan job picks the models with it; each build job passes its one model's name",
};

/** Inputs of the workflow itself: where and how the builds run, and who may start them. */
const WORKFLOW_ONLY = [
  "runs-on",
  "gpus",
  "container",
  "container-options",
  "python-version",
  "install",
  "timeout-minutes",
  "max-parallel",
  "utility-runs-on",
  "allow-forks",
  "fork-label",
];

const referencesInput = (value: unknown, name: string) =>
  typeof value === "string" && new RegExp(`\\binputs\\.${name.replace(/-/g, "\\-")}\\b(?!-)`).test(value);

describe("every input of the reusable workflow reaches the action", () => {
  it("runs the action of its own commit, and the report step of its own commit", () => {
    expect(compile.uses).toBe("$/.");
    expect(gatherStep.uses).toBe("$/gather");
  });

  it("exposes every action input, except the documented ones it sets itself", () => {
    for (const name of Object.keys(action.inputs)) {
      if (name in SET_BY_THE_WORKFLOW) continue;
      expect(workflowInputs, `action input '${name}' is not an input of compile-pte.yml`).toHaveProperty([
        name,
      ]);
    }
  });

  it("passes each of those inputs to the action step under the same name", () => {
    const passThrough = Object.keys(workflowInputs).filter(
      (n) => !WORKFLOW_ONLY.includes(n) && !(n in ROUTED_ELSEWHERE),
    );
    for (const name of passThrough) {
      expect(compile.with, `'${name}' does not reach the action step`).toHaveProperty([name]);
      expect(referencesInput(compile.with![name], name), `with.${name} does not use inputs.${name}`).toBe(
        true,
      );
    }
    for (const name of Object.keys(SET_BY_THE_WORKFLOW)) {
      if (name === "github-token") expect(compile.with).not.toHaveProperty([name]);
      else expect(compile.with).toHaveProperty([name]);
    }
  });

  it("passes nothing the action does not know", () => {
    for (const name of Object.keys(compile.with!)) {
      expect(action.inputs, `with.${name} is no input of action.yml`).toHaveProperty([name]);
    }
  });

  it("leaves the action's defaults to the action: pass-through inputs are strings, empty unless given", () => {
    for (const [name, spec] of Object.entries(workflowInputs)) {
      if (WORKFLOW_ONLY.includes(name) || name in ROUTED_ELSEWHERE) continue;
      expect(spec.type, name).toBe("string");
      // `model` too: a call sets it or `config` (the plan job refuses neither and both).
      expect(spec.required ?? false, name).toBe(false);
      expect(spec.default ?? "", name).toBe("");
    }
  });

  it("documents every input, and takes no input that is neither the action's nor its own", () => {
    for (const [name, spec] of Object.entries(workflowInputs)) {
      expect(spec.description, name).toBeTruthy();
      const known = name in action.inputs || WORKFLOW_ONLY.includes(name);
      expect(known, `'${name}' is neither an action input nor in WORKFLOW_ONLY`).toBe(true);
    }
    for (const name of WORKFLOW_ONLY) expect(workflowInputs).toHaveProperty([name]);
  });

  it("matrix builds never comment; the report job comments when the caller's `comment` says so", () => {
    expect(compile.with!.comment).toBe("false");
    expect(gatherStep.with!.comment).toBe("${{ inputs.comment }}");
  });
});

describe("the report step and the workflow's outputs", () => {
  it("gives the report step only inputs it has, and every one it requires", () => {
    for (const name of Object.keys(gatherStep.with!)) expect(gather.inputs).toHaveProperty([name]);
    for (const [name, spec] of Object.entries(gather.inputs)) {
      if (spec.required) expect(gatherStep.with).toHaveProperty([name]);
    }
  });

  it("exposes artifact ids and urls per GPU from the report step's outputs", () => {
    const outputs = workflow.on.workflow_call!.outputs!;
    const jobOutputs = workflow.jobs.report!.outputs!;
    for (const name of ["artifacts", "artifact-ids", "artifact-urls"]) {
      expect(outputs[name]!.value).toBe(`\${{ jobs.report.outputs.${name} }}`);
      expect(jobOutputs[name]).toBe(`\${{ steps.gather.outputs.${name} }}`);
      expect(gather.outputs).toHaveProperty([name]);
    }
  });
});

describe("the example workflows call it with inputs it has", () => {
  const examples = fs.readdirSync(path.join(REPO, "workflows")).filter((f) => f.endsWith(".yml"));

  it.each(examples)("%s", (file) => {
    const example = readWorkflow(`workflows/${file}`);
    for (const job of Object.values(example.jobs)) {
      const target = job.uses ?? "";
      if (target.startsWith("trt-pte/trt-pte/.github/workflows/compile-pte.yml@")) {
        for (const name of Object.keys(job.with ?? {}))
          expect(workflowInputs, `${file}: ${name}`).toHaveProperty([name]);
        // Every permission a job of the called workflow asks for, used or not (the fork gate's too).
        expect(job.permissions).toMatchObject({ "pull-requests": "write", actions: "read" });
      }
      for (const step of job.steps ?? []) {
        const metadata = /^trt-pte\/trt-pte@/.test(step.uses ?? "")
          ? action
          : /^trt-pte\/trt-pte\/gather@/.test(step.uses ?? "")
            ? gather
            : null;
        if (metadata === null) continue;
        for (const name of Object.keys(step.with ?? {}))
          expect(metadata.inputs, `${file}: ${name}`).toHaveProperty([name]);
      }
    }
  });
});
