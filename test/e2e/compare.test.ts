// Comparing with the base branch on the bundled action, against the stand-ins of GitHub's cache
// service (scoped by ref through the runtime token's `ac` claim, as GitHub scopes it), artifact
// service and comments API: a push to main records its baseline, a pull request that grows the
// model reads it (also from a fork, also on a cache hit, also with `cache: false`), gates trip or
// pass, and a pull request whose base branch has no build gets a note, never a failure.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StandInServer, runtimeToken, type CacheAccess } from "../support/http.js";
import { BlobStore } from "../support/blob-store.js";
import { ArtifactService } from "../support/artifact-service.js";
import { CacheService } from "../support/cache-service.js";
import { GitHubApi } from "../support/github-api.js";
import { REPO, TEST_PYTHON, makeWorkspace, runAction, type ActionRun } from "../support/action-run.js";
import { pullRequestPayload } from "../support/events.js";
import type { Report } from "../../src/report/report.js";

const ACTION = path.join(REPO, "dist", "index.js");
const TOKEN = "ghs_compareTOKEN0123456789abcdefghijkl";
const MODEL = "examples/cos_block.py:build";

/** cos_block with two linear layers: more nodes, more constants, a bigger .pte. */
const GROWN = `import torch


class CosBlock(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.fc1 = torch.nn.Linear(4, 64)
        self.fc2 = torch.nn.Linear(64, 4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        a = (x + 1.0) * 2.0
        return (torch.cos(self.fc2(torch.relu(self.fc1(a)))) * 3.0) + 4.0


def build():
    torch.manual_seed(0)
    return CosBlock().eval(), (torch.randn(2, 3, 4, 4),)
`;

function grownWorkspace(): string {
  const ws = makeWorkspace();
  fs.writeFileSync(path.join(ws, "examples", "cos_block.py"), GROWN);
  return ws;
}

function eventFile(payload: Record<string, unknown>): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-event-")), "event.json");
  fs.writeFileSync(file, JSON.stringify(payload));
  return file;
}

const withDefault = (p: Record<string, unknown>) => ({
  ...p,
  repository: { full_name: "octo/models", default_branch: "main" },
});

function readReport(run: ActionRun): Report {
  return JSON.parse(fs.readFileSync(run.outputs.report!, "utf8")) as Report;
}

describe("comparing with the base branch on the bundled action", () => {
  const blobs = new BlobStore();
  const artifacts = new ArtifactService(blobs);
  const caches = new CacheService(blobs);
  const github = new GitHubApi("octo/models", TOKEN);
  const server = new StandInServer([artifacts, caches, github, blobs]);
  let base = "";
  const common = (run: string, access: CacheAccess[]) => ({
    ACTIONS_RUNTIME_TOKEN: runtimeToken(`run-${run}`, `job-${run}`, access),
    ACTIONS_RESULTS_URL: `${base}/`,
    ACTIONS_CACHE_SERVICE_V2: "true",
    GITHUB_API_URL: base,
    GITHUB_RUN_ID: run,
  });
  const push = (run: string) => ({
    ...common(run, [{ Scope: "refs/heads/main", Permission: 3 }]),
    GITHUB_EVENT_NAME: "push",
    GITHUB_REF: "refs/heads/main",
    GITHUB_EVENT_PATH: eventFile(withDefault({ ref: "refs/heads/main" })),
  });
  const pr = (run: string, options: { fork?: boolean; baseBranch?: string; number?: number } = {}) => {
    const baseBranch = options.baseBranch ?? "main";
    const number = options.number ?? 7;
    const payload = pullRequestPayload({ fromFork: options.fork ?? false, number });
    (payload.pull_request as { base: { ref: string } }).base.ref = baseBranch;
    return {
      ...common(run, [
        { Scope: `refs/heads/${baseBranch}`, Permission: 1 },
        { Scope: `refs/pull/${number}/merge`, Permission: 3 },
      ]),
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_REF: `refs/pull/${number}/merge`,
      GITHUB_BASE_REF: baseBranch,
      GITHUB_EVENT_PATH: eventFile(withDefault(payload)),
    };
  };
  const inputs = (extra: Record<string, string> = {}) => ({
    model: MODEL,
    target: "portable",
    python: TEST_PYTHON,
    ...extra,
  });
  const baselines = () => caches.entries.filter((e) => e.finalized && e.key.startsWith("trt-pte-baseline-"));

  let mainRun: ActionRun;

  beforeAll(async () => {
    base = await server.start();
    mainRun = await runAction(ACTION, inputs(), push("700"), makeWorkspace());
  }, 120_000);
  afterAll(() => server.stop());

  it("records a push build as main's baseline, a small report-only entry in main's scope", () => {
    expect(mainRun.code, mainRun.log).toBe(0);
    const report = readReport(mainRun);
    expect(report.schema).toBe("trt-pte/report@3");
    expect(report.comparison).toMatchObject({ state: "no_baseline", base_ref: "main", saved: "saved" });
    expect(mainRun.summary).toContain("No build of `main` to compare with yet.");
    expect(baselines()).toHaveLength(1);
    const entry = baselines()[0]!;
    expect(entry.key).toMatch(/^trt-pte-baseline-cos_block-build-portable-[0-9a-f]{12}-main:700-1$/);
    expect(entry.scope).toBe("refs/heads/main");
    expect(entry.size).toBeLessThan(64 * 1024); // the report only, never the .pte
    expect(mainRun.outputs.gates).toBe("[]");
  });

  it("diffs a pull request that grows the model against main, and a size gate trips after publishing", async () => {
    const ws = grownWorkspace();
    const run = await runAction(
      ACTION,
      inputs({ "max-size-increase": "1%", comment: "true", "github-token": TOKEN }),
      pr("701"),
      ws,
    );
    expect(run.code, run.log).toBe(1);
    const report = readReport(run);
    const main = readReport(mainRun);
    expect(report.baseline).toEqual({
      ref: "main",
      run: { run_id: "700", url: "https://github.com/octo/models/actions/runs/700" },
      pte_sha256: main.pte.sha256,
      schema: "trt-pte/report@3",
    });
    // main's own .pte, restored from its output cache entry (main's scope, read-only to a pull
    // request), was timed beside this build in the same process: the change has a paired interval.
    expect(report.benchmark!.base).toEqual({ sha256: main.pte.sha256, status: "timed", reason: null });
    const [latency] = report.diff!.latency;
    expect(latency!.built_change).toMatchObject({
      how: "same_job",
      rounds: report.benchmark!.points[0]!.rounds,
    });
    const [low, high] = latency!.built_change!.interval!;
    expect(low).toBeLessThanOrEqual(latency!.built_change!.ratio);
    expect(latency!.built_change!.ratio).toBeLessThanOrEqual(high);
    expect(latency!.built_median_ms.before).toBe(report.benchmark!.points[0]!.base!.timing!.median_ms);
    expect(report.comparison.latency).toContain("timed beside this build in one job");
    // GitHub's service reads the pull request's own scope first, where its code could plant one.
    expect(report.comparison.advisory).toContain(
      "GitHub cache reads this job's own cache scope before `main`'s",
    );
    expect(run.summary).toContain("⚠️ Advisory: GitHub cache reads this job's own cache scope");
    expect(run.log).toContain("compare: timing the base build's .pte");
    expect(run.summary).toMatch(
      /\*\*Latency\*\* at `opt` \(median\): built [\d.]+ → [\d.]+ ms, .*\(95% CI .*%….*%\).* · same job, \d+ paired rounds/,
    );
    // The restored files are gone once the export is over.
    expect(fs.existsSync(path.join(ws, ".trt-pte", "base-build"))).toBe(false);
    expect(report.baseline!.pte_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.diff!.size.pte).toMatchObject({
      before: main.pte.bytes,
      after: report.pte.bytes,
      delta: report.pte.bytes - main.pte.bytes,
    });
    expect(report.diff!.size.constants.delta).toBeGreaterThan(0);
    expect(report.diff!.nodes.undelegated!.delta).toBeGreaterThan(0);
    expect(report.diff!.kernels.added).toContain("aten::relu.out");
    expect(report.gates).toEqual([
      expect.objectContaining({ input: "max-size-increase", limit: "1%", state: "fail" }),
    ]);
    // Failed with kind regression, after the files were written, uploaded, summarised and commented.
    // The runner decodes a command's %25 and %0A back to `%` and a line break.
    const errors = run.log.split("\n").filter((l) => l.startsWith("::error::"));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.replace(/%25/g, "%").replace(/%0A/g, "\n")).toMatch(
      /^::error::regression: max-size-increase 1%: \.pte \+ \.ptd size \+[\d.]+% \(limit 1%\) against main\n\s*hint: the files were still written and published/,
    );
    expect(fs.existsSync(run.outputs.pte!)).toBe(true);
    expect(run.outputs["artifact-url"]).toMatch(/artifacts\/\d+$/);
    expect(JSON.parse(run.outputs.gates!)).toEqual([expect.objectContaining({ state: "fail" })]);
    expect(run.summary).toMatch(
      /#### vs `main` · \[run 700\]\(https:\/\/github\.com\/octo\/models\/actions\/runs\/700\) · `[0-9a-f]{12}`/,
    );
    expect(run.summary).toMatch(/^- \*\*\.pte\*\* [\d.]+ KiB → [\d.]+ KiB ▲ \+[\d.]+ KiB \(\+[\d.]+%\)/m);
    expect(run.summary).toContain("❌ `max-size-increase: 1%` **tripped**");
    expect(run.summary).toContain("```mermaid\nflowchart TD");
    const comment = github.comments.find((c) =>
      c.body.includes("trt-pte:comment key=cos_block-build-portable"),
    );
    expect(comment?.body).toContain("#### vs `main`");
    expect(comment?.body).toContain("❌ `max-size-increase: 1%` **tripped**");
    expect(comment?.body).toMatch(/<details><summary>Partition<\/summary>\n\n```mermaid\nflowchart TD/);
    // A pull request never records a baseline.
    expect(baselines()).toHaveLength(1);
  }, 120_000);

  it("passes a gate within its limit, and compares on a cache hit too", async () => {
    const run = await runAction(ACTION, inputs({ "max-size-increase": "5MiB" }), pr("702"), grownWorkspace());
    expect(run.code, run.log).toBe(0);
    expect(run.outputs["cache-hit"]).toBe("true");
    const report = readReport(run);
    expect(report.baseline?.run?.run_id).toBe("700");
    expect(report.diff!.size.pte.delta).toBeGreaterThan(0);
    expect(report.gates).toEqual([expect.objectContaining({ state: "pass" })]);
    expect(run.summary).toContain("✅ `max-size-increase: 5MiB` passed");
  }, 120_000);

  it("reads main's baseline from a fork's pull request, which can write none", async () => {
    const run = await runAction(ACTION, inputs(), pr("703", { fork: true, number: 9 }), grownWorkspace());
    expect(run.code, run.log).toBe(0);
    expect(readReport(run).baseline?.pte_sha256).toBe(readReport(mainRun).pte.sha256);
    // The fork's build timed main's .pte too: reading the base branch's entries is what a fork may do.
    expect(readReport(run).benchmark!.base).toMatchObject({
      sha256: readReport(mainRun).pte.sha256,
      status: "timed",
    });
    expect(baselines()).toHaveLength(1);
    expect(baselines().every((e) => e.scope === "refs/heads/main")).toBe(true);
  }, 120_000);

  it("compares with cache: false (baselines do not depend on it), and compare: false turns it off", async () => {
    const uncached = await runAction(ACTION, inputs({ cache: "false" }), pr("704"), grownWorkspace());
    expect(uncached.code, uncached.log).toBe(0);
    expect(readReport(uncached).comparison.state).toBe("compared");
    expect(readReport(uncached).cache.enabled).toBe(false);

    const off = await runAction(
      ACTION,
      inputs({ compare: "false", "max-size-increase": "1%" }),
      pr("705"),
      grownWorkspace(),
    );
    expect(off.code, off.log).toBe(0);
    const report = readReport(off);
    expect(report.comparison.state).toBe("off");
    expect(report.diff).toBeNull();
    expect(report.gates).toEqual([expect.objectContaining({ state: "skipped" })]);
    expect(off.summary).not.toContain("#### vs");
    expect(off.summary).toContain("#### Regression gates\n\nComparison is off (`compare: false`).");
  }, 180_000);

  it("says there is no build of the base branch yet, never failing, even with a gate set", async () => {
    const run = await runAction(
      ACTION,
      inputs({ "max-size-increase": "1%" }),
      pr("706", { baseBranch: "develop", number: 11 }),
      grownWorkspace(),
    );
    expect(run.code, run.log).toBe(0);
    const report = readReport(run);
    expect(report.comparison).toMatchObject({ state: "no_baseline", base_ref: "develop" });
    expect(report.baseline).toBeNull();
    expect(run.summary).toContain("No build of `develop` to compare with yet.");
    expect(run.summary).toContain("➖ `max-size-increase: 1%` skipped: no baseline to compare with");
  }, 120_000);

  it("keeps baselines in cache-dir: a push build's is read by a later pull request on that runner", async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-cachedir-"));
    const dirInputs = inputs({ "cache-dir": cacheDir, upload: "false" });
    const first = await runAction(ACTION, dirInputs, push("710"), makeWorkspace());
    expect(first.code, first.log).toBe(0);
    expect(readReport(first).comparison.saved).toBe("saved");
    // A second push (a cache hit: no export) chains the first into main's history.
    const again = await runAction(ACTION, dirInputs, push("712"), makeWorkspace());
    expect(again.code, again.log).toBe(0);
    expect(readReport(again).cache.hit).toBe(true);
    expect(readReport(again).history.map((e) => e.run_id)).toEqual(["710"]);
    const second = await runAction(ACTION, dirInputs, pr("711"), grownWorkspace());
    expect(second.code, second.log).toBe(0);
    const report = readReport(second);
    expect(report.baseline).toMatchObject({ ref: "main", pte_sha256: readReport(first).pte.sha256 });
    // cache-dir read main's scope alone: nothing the pull request's code saved could stand in.
    expect(report.comparison.advisory).toBeUndefined();
    // main's .pte came out of cache-dir (main's scope) and was timed beside this build.
    expect(report.benchmark!.base).toMatchObject({ sha256: readReport(first).pte.sha256, status: "timed" });
    expect(report.diff!.latency[0]!.built_change!.how).toBe("same_job");
    // main's last builds, then this one, as a chart (the parser checks it in test/compare).
    expect(report.history.map((e) => e.run_id)).toEqual(["710", "712"]);
    expect(second.summary).toContain("#### Latency history\n\n```mermaid\nxychart-beta\n");
    expect(second.summary).toMatch(/x-axis \["run 710", "run 712", "this PR"\]/);
  }, 180_000);
});
