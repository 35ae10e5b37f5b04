// Fork refusal and workspace cleanup cannot run here (they need GitHub and a self-hosted runner), so
// the reusable workflow's `if:` conditions are evaluated with GitHub's own expression library
// against the events a call meets: same-repository and fork pull requests, a maintainer's label,
// pull_request_target, push and workflow_dispatch.

import { describe, expect, it } from "vitest";
import {
  conditionHolds,
  evaluate,
  interpolate,
  inputsWithDefaults,
  readWorkflow,
  stepNamed,
  type Contexts,
} from "../support/workflows.js";
import { pullRequest, push, workflowDispatch } from "../support/events.js";

const workflow = readWorkflow(".github/workflows/compile-pte.yml");
const { plan, build, report } = workflow.jobs as Required<typeof workflow.jobs>;
const refuse = stepNamed(plan!, "Refuse a pull request from a fork");
const LABEL = "trt-pte:build";

interface Case {
  name: string;
  github: Record<string, unknown>;
  inputs?: Record<string, unknown>;
  builds: boolean;
}

const cases: Case[] = [
  { name: "a same-repository pull request", github: pullRequest(), builds: true },
  { name: "a push", github: push(), builds: true },
  { name: "a workflow_dispatch", github: workflowDispatch(), builds: true },
  { name: "a fork's pull request", github: pullRequest({ fromFork: true }), builds: false },
  {
    name: "a fork's pull request whose fork was deleted",
    github: pullRequest({ fromFork: true, deletedFork: true }),
    builds: false,
  },
  {
    name: "a fork's pull_request_target (a write token: no safer)",
    github: pullRequest({ fromFork: true, eventName: "pull_request_target" }),
    builds: false,
  },
  {
    name: "a fork's pull request with allow-forks",
    github: pullRequest({ fromFork: true }),
    inputs: { "allow-forks": true },
    builds: true,
  },
  {
    name: "a maintainer adding the fork label",
    github: pullRequest({ fromFork: true, action: "labeled", label: LABEL, labels: [LABEL] }),
    inputs: { "fork-label": LABEL },
    builds: true,
  },
  {
    name: "a new push to a fork that carries the label (not reviewed)",
    github: pullRequest({ fromFork: true, action: "synchronize", labels: [LABEL] }),
    inputs: { "fork-label": LABEL },
    builds: false,
  },
  {
    name: "another label added to a fork's pull request",
    github: pullRequest({ fromFork: true, action: "labeled", label: "bug", labels: ["bug", LABEL] }),
    inputs: { "fork-label": LABEL },
    builds: false,
  },
  {
    name: "a label on a fork's pull request when no fork-label is set",
    github: pullRequest({ fromFork: true, action: "labeled", label: "" }),
    builds: false,
  },
];

function contexts(c: Case, status: Contexts["status"] = "success"): Contexts {
  return { github: c.github, inputs: inputsWithDefaults(workflow, { model: "m.py:f", ...c.inputs }), status };
}

describe("fork pull requests on self-hosted runners", () => {
  it.each(cases)("$name: build runs = $builds", (c) => {
    expect(conditionHolds(build!.if, contexts(c))).toBe(c.builds);
  });

  it.each(cases)("$name: the plan job refuses exactly when the build would not run", (c) => {
    expect(conditionHolds(refuse.if, contexts(c))).toBe(!c.builds);
  });

  it("refuses by default: allow-forks is false and fork-label empty unless the caller sets them", () => {
    const inputs = workflow.on.workflow_call!.inputs!;
    expect(inputs["allow-forks"]).toMatchObject({ type: "boolean", default: false });
    expect(inputs["fork-label"]!.default).toBe("");
  });

  it("the refusal says how to allow a build, with the fork's name passed through env, not ${{ }}", () => {
    expect(refuse.run).toContain("allow-forks: true");
    expect(refuse.run).toContain("fork-label");
    expect(refuse.run).not.toContain("${{");
    expect(refuse.env?.HEAD_REPOSITORY).toBe("${{ github.event.pull_request.head.repo.full_name }}");
  });

  it("no build starts when the plan job failed (its refusal), whatever the event", () => {
    for (const c of cases) expect(conditionHolds(build!.if, contexts(c, "failure"))).toBe(false);
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
