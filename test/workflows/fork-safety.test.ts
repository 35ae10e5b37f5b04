// Fork refusal and workspace cleanup cannot run here (they need GitHub and a self-hosted runner), so
// the reusable workflow's `if:` conditions are evaluated with GitHub's own expression library, and its
// scripts run as written, against the events a call meets: same-repository and fork pull requests, a
// maintainer's label, pull_request_target, push and workflow_dispatch; and for forks, against the
// states the base repository's fork-gate environment can be in (test/support/reusable-call.ts).

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  conditionHolds,
  evaluate,
  interpolate,
  inputsWithDefaults,
  readWorkflow,
  stepNamed,
  type Contexts,
} from "../support/workflows.js";
import { BASE_REPOSITORY, pullRequest, push, workflowDispatch } from "../support/events.js";
import { EnvironmentsApi, type ProtectionRule } from "../support/environments-api.js";
import { StandInServer } from "../support/http.js";
import { GATE_ENVIRONMENT, playCall } from "../support/reusable-call.js";

const workflow = readWorkflow(".github/workflows/compile-pte.yml");
const { plan, build, report } = workflow.jobs as Required<typeof workflow.jobs>;
const gate = workflow.jobs["fork-gate"] as (typeof workflow.jobs)[string] & { environment?: unknown };
const refuse = stepNamed(plan!, "Refuse a pull request from a fork");
const LABEL = "trt-pte:build";
const TOKEN = "ghs_gate";

const REVIEWED: ProtectionRule[] = [{ type: "required_reviewers", reviewers: ["octocat"] }];

type EnvironmentState = "missing" | "unprotected" | "wait timer only" | "required reviewers";

function setUp(api: EnvironmentsApi, state: EnvironmentState): void {
  api.environments.clear();
  api.tokenCannotRead = false;
  if (state === "unprotected") api.set(GATE_ENVIRONMENT, []);
  if (state === "wait timer only") api.set(GATE_ENVIRONMENT, [{ type: "wait_timer", minutes: 5 }]);
  if (state === "required reviewers") api.set(GATE_ENVIRONMENT, [...REVIEWED, { type: "branch_policy" }]);
}

interface Case {
  name: string;
  github: Record<string, unknown>;
  inputs?: Record<string, unknown>;
  /** Whether the caller's own settings let the call go on to the fork gate (or, not a fork, build). */
  callerAllows: boolean;
  fork: boolean;
}

const cases: Case[] = [
  { name: "a same-repository pull request", github: pullRequest(), callerAllows: true, fork: false },
  { name: "a push", github: push(), callerAllows: true, fork: false },
  { name: "a workflow_dispatch", github: workflowDispatch(), callerAllows: true, fork: false },
  { name: "a fork's pull request", github: pullRequest({ fromFork: true }), callerAllows: false, fork: true },
  {
    name: "a fork's pull request whose fork was deleted",
    github: pullRequest({ fromFork: true, deletedFork: true }),
    callerAllows: false,
    fork: true,
  },
  {
    name: "a fork's pull_request_target (a write token: no safer)",
    github: pullRequest({ fromFork: true, eventName: "pull_request_target" }),
    callerAllows: false,
    fork: true,
  },
  {
    name: "a fork's pull request with allow-forks",
    github: pullRequest({ fromFork: true }),
    inputs: { "allow-forks": true },
    callerAllows: true,
    fork: true,
  },
  {
    name: "a fork's pull_request_target with allow-forks",
    github: pullRequest({ fromFork: true, eventName: "pull_request_target" }),
    inputs: { "allow-forks": true },
    callerAllows: true,
    fork: true,
  },
  {
    name: "a deleted fork's pull request with allow-forks",
    github: pullRequest({ fromFork: true, deletedFork: true }),
    inputs: { "allow-forks": true },
    callerAllows: true,
    fork: true,
  },
  {
    name: "a maintainer adding the fork label",
    github: pullRequest({ fromFork: true, action: "labeled", label: LABEL, labels: [LABEL] }),
    inputs: { "fork-label": LABEL },
    callerAllows: true,
    fork: true,
  },
  {
    name: "a new push to a fork that carries the label (not reviewed)",
    github: pullRequest({ fromFork: true, action: "synchronize", labels: [LABEL] }),
    inputs: { "fork-label": LABEL },
    callerAllows: false,
    fork: true,
  },
  {
    name: "another label added to a fork's pull request",
    github: pullRequest({ fromFork: true, action: "labeled", label: "bug", labels: ["bug", LABEL] }),
    inputs: { "fork-label": LABEL },
    callerAllows: false,
    fork: true,
  },
  {
    name: "a label on a fork's pull request when no fork-label is set",
    github: pullRequest({ fromFork: true, action: "labeled", label: "" }),
    callerAllows: false,
    fork: true,
  },
];

const STATES: EnvironmentState[] = ["missing", "unprotected", "wait timer only", "required reviewers"];
const matrix = cases.flatMap((c) => STATES.map((state) => ({ ...c, state })));

function contexts(c: Case, status: Contexts["status"] = "success"): Contexts {
  return { github: c.github, inputs: inputsWithDefaults(workflow, { model: "m.py:f", ...c.inputs }), status };
}

describe("fork pull requests on self-hosted runners", () => {
  const api = new EnvironmentsApi(BASE_REPOSITORY, TOKEN);
  const server = new StandInServer([api]);
  let apiUrl = "";
  beforeAll(async () => {
    apiUrl = await server.start();
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    server.requests.length = 0;
  });

  const call = (c: Case, reviewer: "approves" | "rejects" = "approves") =>
    playCall({ github: c.github, inputs: c.inputs, api, apiUrl, token: TOKEN, reviewer });

  it.each(matrix)(
    "$name, fork-gate environment $state: builds only when allowed by the caller AND approved by a required reviewer",
    async (c) => {
      setUp(api, c.state);
      const outcome = await call(c);
      const reviewed = c.state === "required reviewers";
      expect(outcome.plan, outcome.log).toBe(c.callerAllows ? "success" : "failure");
      expect(outcome.gate).toBe(c.fork && c.callerAllows ? (reviewed ? "success" : "failure") : "skipped");
      expect(outcome.builds, outcome.log).toBe(c.callerAllows && (!c.fork || reviewed));
      expect(outcome.waitedForReview).toBe(c.fork && c.callerAllows && reviewed);
    },
  );

  it("a fork that sets allow-forks: true in its own workflow is still refused when the environment is missing, and GitHub's freshly created environment does not pass", async () => {
    setUp(api, "missing");
    const outcome = await call(cases.find((c) => c.name === "a fork's pull request with allow-forks")!);
    expect(outcome.builds).toBe(false);
    expect(outcome.gate).toBe("failure");
    expect(api.environments.get(GATE_ENVIRONMENT)?.rules).toEqual([]);
    expect(outcome.log).toMatch(/^::error title=trt-pte refused a fork pull request::/m);
    expect(outcome.log).toContain(
      `the environment '${GATE_ENVIRONMENT}' of ${BASE_REPOSITORY} has no required reviewers`,
    );
    expect(outcome.log).toContain(`Settings > Environments > ${GATE_ENVIRONMENT} > Required reviewers`);
    // It asked GitHub itself, with the job's token.
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.url).toBe(`/repos/${BASE_REPOSITORY}/environments/${GATE_ENVIRONMENT}`);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("a required-reviewers rule whose reviewer list is empty protects nothing", async () => {
    setUp(api, "missing");
    api.set(GATE_ENVIRONMENT, [{ type: "required_reviewers", reviewers: [] }]);
    const outcome = await call(cases.find((c) => c.name === "a fork's pull request with allow-forks")!);
    expect(outcome).toMatchObject({ gate: "failure", builds: false });
    expect(outcome.log).toContain("has no required reviewers");
  });

  it("a reviewer who rejects the deployment stops the build", async () => {
    setUp(api, "required reviewers");
    const outcome = await call(
      cases.find((c) => c.name === "a maintainer adding the fork label")!,
      "rejects",
    );
    expect(outcome).toMatchObject({ gate: "failure", builds: false, waitedForReview: true });
  });

  it("an approved build names its reviewers and warns when administrators may bypass them", async () => {
    setUp(api, "required reviewers");
    const outcome = await call(cases.find((c) => c.name === "a fork's pull request with allow-forks")!);
    expect(outcome.builds).toBe(true);
    expect(outcome.log).toContain("(octocat) approved building this fork's pull request");
    expect(outcome.log).toContain("Allow administrators to bypass configured protection rules");
  });

  it("refuses when the token cannot read the environment, and says what to grant", async () => {
    setUp(api, "required reviewers");
    api.tokenCannotRead = true;
    const outcome = await call(cases.find((c) => c.name === "a fork's pull request with allow-forks")!);
    expect(outcome.builds).toBe(false);
    expect(outcome.log).toContain("(HTTP 404)");
    expect(outcome.log).toContain("Give the calling job 'actions: read'");
  });

  it("refuses when GitHub cannot be reached", async () => {
    setUp(api, "required reviewers");
    const c = cases.find((x) => x.name === "a fork's pull request with allow-forks")!;
    const outcome = await playCall({
      github: c.github,
      inputs: c.inputs,
      api,
      apiUrl: "http://127.0.0.1:9",
      token: TOKEN,
      reviewer: "approves",
    });
    expect(outcome).toMatchObject({ gate: "failure", builds: false });
    expect(outcome.log).toContain("Could not read the environment");
  });

  it.each(cases)("$name: the plan job refuses exactly when the caller does not allow it", async (c) => {
    setUp(api, "required reviewers");
    expect((await call(c)).plan).toBe(c.callerAllows ? "success" : "failure");
  });

  it("the gate's environment is named by the workflow itself, never by an input or the event", () => {
    expect(GATE_ENVIRONMENT).toBe("trt-pte-fork-pr");
    expect(gate.environment).toBe(GATE_ENVIRONMENT);
    expect(gate.steps![0]!.env!.ENVIRONMENT).toBe(GATE_ENVIRONMENT);
    // Only the gate job waits on it: the build job (model code) gets no environment or its secrets.
    for (const [id, job] of Object.entries(workflow.jobs))
      if (id !== "fork-gate") expect((job as { environment?: unknown }).environment, id).toBeUndefined();
  });

  it("the gate runs no code of the pull request and holds only actions: read", () => {
    expect(gate.permissions).toEqual({ actions: "read" });
    for (const step of gate.steps!) expect(step.uses, step.name).toBeUndefined();
    expect(gate.steps).toHaveLength(1);
    expect(gate.needs).toBe("plan");
    expect(build!.needs).toEqual(["plan", "fork-gate"]);
  });

  it("the fork flag comes from event data only: no input can clear it", () => {
    const forkStep = stepNamed(plan!, "fork");
    expect(forkStep.env!.FORK).not.toMatch(/inputs\./);
    const fork = pullRequest({ fromFork: true });
    const everything = { "allow-forks": true, "fork-label": "x", "runs-on": "[]", model: "m.py:f" };
    expect(interpolate(forkStep.env!.FORK!, { github: fork, inputs: everything })).toBe("true");
  });

  it("refuses by default: allow-forks is false and fork-label empty unless the caller sets them", () => {
    const inputs = workflow.on.workflow_call!.inputs!;
    expect(inputs["allow-forks"]).toMatchObject({ type: "boolean", default: false });
    expect(inputs["fork-label"]!.default).toBe("");
  });

  it("the refusal says how to allow a build, with the fork's name passed through env, not ${{ }}", () => {
    expect(refuse.run).toContain("allow-forks: true");
    expect(refuse.run).toContain("fork-label");
    expect(refuse.run).toContain("trt-pte-fork-pr");
    expect(refuse.run).not.toContain("${{");
    expect(refuse.env?.HEAD_REPOSITORY).toBe("${{ github.event.pull_request.head.repo.full_name }}");
  });

  it("no build starts when the plan job failed (its refusal), whatever the event", () => {
    for (const c of cases) expect(conditionHolds(build!.if, contexts(c, "failure"))).toBe(false);
    for (const c of cases)
      expect(
        conditionHolds(build!.if, {
          ...contexts(c, "failure"),
          needs: {
            plan: { result: "failure", outputs: { fork: "false" } },
            "fork-gate": { result: "skipped" },
          },
        }),
      ).toBe(false);
  });

  it("fails closed: a fork flag that is neither 'true' nor 'false' needs the gate", () => {
    for (const fork of ["", "TRUE", "yes"]) {
      const needs = (gateResult: string) => ({
        plan: { result: "success", outputs: { fork } },
        "fork-gate": { result: gateResult },
      });
      expect(conditionHolds(build!.if, { needs: needs("skipped") }), fork).toBe(false);
      expect(conditionHolds(gate.if, { needs: needs("skipped") }), fork).toBe(fork === "TRUE");
    }
  });

  it("a cancelled run starts no build", () => {
    const needs = {
      plan: { result: "success", outputs: { fork: "false" } },
      "fork-gate": { result: "skipped" },
    };
    expect(conditionHolds(build!.if, { needs, status: "cancelled" })).toBe(false);
    expect(conditionHolds(build!.if, { needs })).toBe(true);
  });
});

describe("workspace cleanup on self-hosted runners", () => {
  const steps = build!.steps!;
  const cleans = steps.filter((s) => s.name === "Clean the workspace");

  it("cleans first, before anything is checked out, and last", () => {
    expect(cleans).toHaveLength(2);
    expect(steps[0]).toBe(cleans[0]);
    expect(steps.at(-1)).toBe(cleans[1]);
    for (const clean of cleans) {
      expect(clean.run).toMatch(/find "\$GITHUB_WORKSPACE" -mindepth 1 .*rm -rf/);
      expect(clean.run).toContain('rm -rf -- "$GITHUB_WORKSPACE/../trt-pte-ci"');
    }
  });

  it.each(["success", "failure", "cancelled"] as const)(
    "the last cleanup, the result record and its upload run when the job ends in %s",
    (status) => {
      for (const name of [
        "Clean the workspace",
        "Record the result",
        "Upload the result for the report job",
      ]) {
        const step = steps.filter((s) => s.name === name).at(-1)!;
        expect(conditionHolds(step.if, { status }), name).toBe(true);
      }
    },
  );

  it("the compile step itself does not run after a failed earlier step", () => {
    expect(conditionHolds(stepNamed(build!, "compile").if, { status: "failure" })).toBe(false);
  });
});

describe("the report job", () => {
  const needs = (plan: string, buildResult: string) => ({
    plan: { result: plan },
    build: { result: buildResult },
  });

  it("reports failed and cancelled builds too", () => {
    for (const result of ["success", "failure", "cancelled", "skipped"]) {
      expect(conditionHolds(report!.if, { needs: needs("success", result), status: "failure" })).toBe(true);
    }
  });

  it("does not run when the plan refused the call", () => {
    expect(conditionHolds(report!.if, { needs: needs("failure", "skipped"), status: "failure" })).toBe(false);
  });
});

describe("expressions that shape the build job", () => {
  const inputs = (given: Record<string, unknown>) =>
    inputsWithDefaults(workflow, { model: "m.py:f", ...given });

  it("no container by default; with one, the image and GPU options", () => {
    expect(evaluate(build!.container as string, { inputs: inputs({}) })).toBe("");
    const image = `nvcr.io/nvidia/pytorch@sha256:${"a".repeat(64)}`;
    expect(evaluate(build!.container as string, { inputs: inputs({ container: image }) })).toEqual({
      image,
      options: "--gpus all",
    });
  });

  it("names the artifact per GPU: the action's default gets the GPU name, a given name gets `-<gpu>`", () => {
    const expr = stepNamed(build!, "compile").with!["artifact-name"] as string;
    const name = (given: Record<string, unknown>, gpu: string) =>
      evaluate(expr, { inputs: inputs(given), matrix: { gpu: { name: gpu } } });
    expect(name({}, "a100")).toBe("");
    expect(name({}, "")).toBe("");
    expect(name({ "artifact-name": "detector" }, "a100")).toBe("detector-a100");
    expect(name({ "artifact-name": "detector" }, "")).toBe("detector");
    expect(stepNamed(build!, "compile").with!["gpu-name"]).toBe("${{ matrix.gpu.name }}");
  });

  it("runs each matrix entry on its own runners", () => {
    expect(build!["runs-on"]).toBe("${{ matrix.gpu.runs-on }}");
    expect(
      evaluate(build!["runs-on"] as string, {
        matrix: { gpu: { name: "a100", "runs-on": ["self-hosted", "a100"] } },
      }),
    ).toEqual(["self-hosted", "a100"]);
  });
});

describe("the pull-request example (workflows/pr.yml)", () => {
  const example = readWorkflow("workflows/pr.yml");
  const job = example.jobs.pte!;
  const group = (example as unknown as { concurrency: { group: string } }).concurrency.group;
  const approval = job.with!["fork-label"] as string;

  it("builds on pushes and on its own label, not on any other label", () => {
    expect(conditionHolds(job.if, { github: pullRequest({ action: "synchronize" }) })).toBe(true);
    expect(conditionHolds(job.if, { github: pullRequest({ action: "labeled", label: approval }) })).toBe(
      true,
    );
    expect(conditionHolds(job.if, { github: pullRequest({ action: "labeled", label: "bug" }) })).toBe(false);
  });

  it("lets a new push cancel the old build, but not an unrelated label", () => {
    const of = (github: Record<string, unknown>) =>
      interpolate(group, { github: { ...github, run_id: String(Math.random()) } });
    const build = of(pullRequest({ action: "synchronize" }));
    expect(of(pullRequest({ action: "opened" }))).toBe(build);
    expect(of(pullRequest({ action: "labeled", label: approval }))).toBe(build);
    expect(of(pullRequest({ action: "labeled", label: "bug" }))).not.toBe(build);
  });
});
