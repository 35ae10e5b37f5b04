// One call of the reusable workflow played up to the point where the build job (the one that runs the
// pull request's code) would start: the plan job's fork step and refusal, the fork gate with GitHub's
// environment behaviour, and the build job's `if:`. Conditions are evaluated with GitHub's expression
// library and the scripts run exactly as written in the YAML, the gate's against a stand-in of
// GitHub's environments API.

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { TEST_PYTHON, parseOutputFile } from "./action-run.js";
import type { EnvironmentsApi } from "./environments-api.js";
import {
  conditionHolds,
  inputsWithDefaults,
  interpolate,
  readWorkflow,
  stepNamed,
  type Job,
  type Workflow,
} from "./workflows.js";

export const workflow: Workflow = readWorkflow(".github/workflows/compile-pte.yml");

export interface StepRun {
  code: number | null;
  log: string;
  outputs: Record<string, string>;
}

/** Runs a step's script the way the runner does for `shell: bash` (bash -e) or `shell: python`. */
export async function runScript(
  shell: "bash" | "python",
  script: string,
  env: Record<string, string>,
  cwd?: string,
): Promise<StepRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-step-"));
  const output = path.join(dir, "output");
  fs.writeFileSync(output, "");
  const file = path.join(dir, "script");
  fs.writeFileSync(file, script);
  const command = shell === "python" ? [TEST_PYTHON, file] : ["bash", "-e", file];
  // Asynchronous, so a stand-in server in this process can answer the script.
  const child = spawn(command[0]!, command.slice(1), {
    env: { PATH: process.env.PATH ?? "", GITHUB_OUTPUT: output, ...env },
    cwd,
  });
  let log = "";
  child.stdout.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr.on("data", (d: Buffer) => (log += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, log, outputs: parseOutputFile(fs.readFileSync(output, "utf8")) };
}

export type JobResult = "success" | "failure" | "skipped";

export interface CallOutcome {
  plan: JobResult;
  gate: JobResult;
  /** Whether the build job, which runs the pull request's code, starts. */
  builds: boolean;
  /** Whether the gate job waited for a reviewer (GitHub's required-reviewers rule). */
  waitedForReview: boolean;
  log: string;
}

export interface CallOptions {
  github: Record<string, unknown>;
  inputs?: Record<string, unknown>;
  api: EnvironmentsApi;
  apiUrl: string;
  token: string;
  /** What a required reviewer does when the gate job waits for one. */
  reviewer?: "approves" | "rejects";
}

const jobs = workflow.jobs as Record<string, Job & { environment?: unknown }>;

/** The environment the fork gate waits on, as the workflow names it. */
export const GATE_ENVIRONMENT = jobs["fork-gate"]!.environment as string;

export async function playCall(options: CallOptions): Promise<CallOutcome> {
  const { github } = options;
  const inputs = inputsWithDefaults(workflow, { model: "m.py:f", ...options.inputs });
  const plan = jobs.plan!;
  let log = "";

  // plan: the fork step, then the caller's refusal.
  const forkStep = stepNamed(plan, "fork");
  const forkRun = await runScript("bash", forkStep.run!, {
    FORK: interpolate(forkStep.env!.FORK!, { github, inputs }),
  });
  log += forkRun.log;
  if (forkRun.code !== 0) throw new Error(`fork step failed: ${forkRun.log}`);
  const fork = forkRun.outputs.fork ?? "";
  const refuse = stepNamed(plan, "Refuse a pull request from a fork");
  const refused = conditionHolds(refuse.if, { github, inputs, steps: { fork: { outputs: { fork } } } });
  const planResult: JobResult = refused ? "failure" : "success";
  const planNeeds = { result: planResult, outputs: { fork } };

  // fork-gate: GitHub holds the job for the environment's required reviewers, creating the
  // environment unprotected when the repository lacks it.
  const gateJob = jobs["fork-gate"]!;
  let gate: JobResult = "skipped";
  let waitedForReview = false;
  const gateRuns = conditionHolds(gateJob.if, {
    github,
    inputs,
    needs: { plan: planNeeds },
    status: planResult === "success" ? "success" : "failure",
  });
  if (gateRuns) {
    const environment = options.api.referenceFromJob(GATE_ENVIRONMENT);
    waitedForReview = environment.rules.some((r) => r.type === "required_reviewers");
    if (waitedForReview && options.reviewer !== "approves") {
      gate = "failure";
    } else {
      const step = gateJob.steps![0]!;
      const env: Record<string, string> = {
        GITHUB_API_URL: options.apiUrl,
        GITHUB_REPOSITORY: github.repository as string,
      };
      const withToken = { github: { ...github, token: options.token }, inputs };
      for (const [name, value] of Object.entries(step.env ?? {})) env[name] = interpolate(value, withToken);
      const run = await runScript(step.shell === "python" ? "python" : "bash", step.run!, env);
      log += run.log;
      gate = run.code === 0 ? "success" : "failure";
    }
  }

  const needs = { plan: planNeeds, "fork-gate": { result: gate } };
  const builds = conditionHolds(jobs.build!.if, {
    github,
    inputs,
    needs,
    status: planResult === "failure" || gate === "failure" ? "failure" : "success",
  });
  return { plan: planResult, gate, builds, waitedForReview, log };
}
