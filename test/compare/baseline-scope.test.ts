// Whose baseline a comparison reads. A branch's baselines are saved only by pushes to it, in its
// scope; the code a pull request builds can save into the pull request's own scope (cache-dir by
// writing the folder, GitHub's cache with the runner's token). With cache-dir, a pull request's
// comparison reads the base branch's scope only, for the baseline and the base build's .pte alike,
// and names the branch and run from that scope and key, never from the report inside the entry.
// GitHub's cache service reads the job's own scope first whatever the client asks: the comparison
// says it is advisory there. The whole action against both stores is test/e2e/compare.test.ts.

import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { CompareSession } from "../../src/compare/session.js";
import { BaselineStore, artifactKey, baselineKey } from "../../src/compare/baseline.js";
import { renderComparison } from "../../src/compare/render.js";
import { workflowCacheScope } from "../../src/cache/scope.js";
import { OUTPUT_STAGE_DIR } from "../../src/cache/layers.js";
import { dirCacheStore } from "../../src/platform/dir-store.js";
import { parseLimit } from "../../src/settings/gate-limits.js";
import type { CacheStore } from "../../src/platform/store.js";
import type { Log, Platform } from "../../src/platform/platform.js";
import type { Settings } from "../../src/settings/settings.js";
import type { Report } from "../../src/report/report.js";
import { fixtureReport } from "../support/reports.js";
import { pullRequest, push, runnerEventEnv } from "../support/events.js";

const OUTPUT_KEY = "trt-pte-out-v3-portable-cos-0123456789abcdef";
const MAIN_PTE = Buffer.from("ET12 main's build");
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

let workspace: string;
let cacheDir: string;
let settings: Settings;

const quietLog: Log = {
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  group: (_t, fn) => fn(),
  verbatim: (fn) => fn(),
  aside: () => undefined,
};

/** The GitHub adapter's shape with a given default store (null: the settings' cache-dir is used). */
function platform(store: CacheStore | null = null): Platform {
  return {
    log: quietLog,
    artifacts: {
      uploadFile: () => Promise.reject(new Error("no uploads here")),
      remove: () => Promise.reject(new Error("no uploads here")),
    },
    inWorkflow: true,
    defaultCacheStore: () => Promise.resolve(store),
    issueComments: () => null,
    writeSummary: () => Promise.resolve(),
    setOutput: () => undefined,
  };
}

function settingsFor(dir: string | undefined): Settings {
  return {
    workspace,
    model: "examples/cos_block.py:build",
    modelName: "cos_block-build",
    target: "portable",
    gpuName: "",
    cache: {
      enabled: true,
      dir,
      dirMaxBytes: 1 << 30,
      engineCache: false,
      engineCacheMaxBytes: 0,
      hashFiles: [],
    },
    compare: {
      enabled: true,
      baselineFile: undefined,
      gates: { size: parseLimit("max-size-increase", "1%") },
    },
  } as unknown as Settings;
}

/** A report of `bytes` whose .pte is `pte`, kept in the output entry OUTPUT_KEY; `run` as it claims. */
function report(bytes: number, pte: Buffer, run: { ref: string; run_id: string }): Report {
  const r = fixtureReport();
  return {
    ...r,
    run: { ...r.run, ...run },
    pte: { ...r.pte, name: "model.pte", bytes, sha256: sha(pte) },
    ptd: [],
    cache: { ...r.cache, key: OUTPUT_KEY },
  } as Report;
}

function writeReport(r: Report): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-report-")), "report.json");
  fs.writeFileSync(file, JSON.stringify(r));
  return file;
}

/** A cache-dir store of the job `env` runs as, exactly as the action opens it for the caches. */
function storeOf(env: NodeJS.ProcessEnv): CacheStore {
  return dirCacheStore({ root: cacheDir, workspace, maxBytes: 1 << 30, scope: workflowCacheScope(env) });
}

/** Saves an output entry holding `pte` under OUTPUT_KEY, as a build does. */
async function saveOutput(store: CacheStore, pte: Buffer): Promise<void> {
  const stage = path.join(workspace, OUTPUT_STAGE_DIR);
  fs.mkdirSync(stage, { recursive: true });
  fs.writeFileSync(path.join(stage, "model.pte"), pte);
  expect(await store.save([OUTPUT_STAGE_DIR], OUTPUT_KEY)).toBe("saved");
  fs.rmSync(stage, { recursive: true });
}

const pushEnv = () => ({ ...runnerEventEnv(push()), GITHUB_RUN_ID: "700", GITHUB_RUN_ATTEMPT: "1" });
const prEnv = () => ({ ...runnerEventEnv(pullRequest()), GITHUB_RUN_ID: "701" });
const artifact = () => artifactKey(settings, undefined);

/** What the pull request's model code plants in its own scope: a tiny "main" build, run 9999999999. */
async function forgeInPullRequestScope(): Promise<void> {
  const own = storeOf(prEnv());
  const forged = report(1, Buffer.from("forged"), { ref: "refs/heads/release", run_id: "31337" });
  const key = baselineKey(artifact(), "main", "9999999999", "1");
  expect(await new BaselineStore(own, workspace, artifact()).save(key, writeReport(forged))).toBe("saved");
  // And an output entry under main's key whose .pte is not main's.
  await saveOutput(own, Buffer.from("ET12 the pull request's stand-in for main"));
}

beforeEach(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-scope-ws-"));
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-scope-cache-"));
  settings = settingsFor(cacheDir);
  // A push to main builds, saves its output entry and records its baseline.
  const main = await CompareSession.open(settings, platform(), undefined, pushEnv());
  await saveOutput(storeOf(pushEnv()), MAIN_PTE);
  expect(
    await main!.record(writeReport(report(1000, MAIN_PTE, { ref: "refs/heads/main", run_id: "700" }))),
  ).toBe("saved");
});

describe("a pull request's baseline in cache-dir", () => {
  it("is main's own, though the pull request's scope holds a newer forged one", async () => {
    await forgeInPullRequestScope();
    const session = await CompareSession.open(settings, platform(), undefined, prEnv());
    // main's .pte, from main's scope: the pull request's entry under the same key is never read.
    const base = await session!.restoreBaseBuild();
    expect(base?.request.sha256).toBe(sha(MAIN_PTE));
    expect(fs.readFileSync(base!.request.pte)).toEqual(MAIN_PTE);
    await base!.cleanup();

    const grown = report(2000, Buffer.from("ET12 the pull request's build"), {
      ref: "refs/pull/7/merge",
      run_id: "701",
    });
    const compared = await session!.compare(grown);
    expect(compared.baseline).toEqual({
      ref: "main",
      run: { run_id: "700", url: "https://github.com/octo/models/actions/runs/700" },
      pte_sha256: sha(MAIN_PTE),
      schema: fixtureReport().schema,
    });
    expect(compared.comparison).toMatchObject({ state: "compared", base_ref: "main" });
    expect(compared.comparison.advisory).toBeUndefined();
    expect(compared.diff!.size.pte).toMatchObject({ before: 1000, after: 2000 });
    expect(compared.gates).toEqual([expect.objectContaining({ input: "max-size-increase", state: "fail" })]);
  });

  it("is labelled by the branch and run trt-pte looked in, not by what the report inside says", async () => {
    // main's own scope, saved through trt-pte, with a report that claims another branch and run.
    const main = await CompareSession.open(settings, platform(), undefined, {
      ...pushEnv(),
      GITHUB_RUN_ID: "702",
    });
    const claims = report(1000, MAIN_PTE, { ref: "refs/heads/release", run_id: "31337" });
    expect(await main!.record(writeReport(claims))).toBe("saved");
    const session = await CompareSession.open(settings, platform(), undefined, prEnv());
    const compared = await session!.compare(
      report(1000, MAIN_PTE, { ref: "refs/pull/7/merge", run_id: "701" }),
    );
    expect(compared.baseline).toMatchObject({ ref: "main", run: { run_id: "702" } });
    expect(renderComparison(compared)).toMatch(/^#### vs `main` · \[run 702\]/);
  });
});

describe("a pull request's baseline in GitHub's cache service", () => {
  it("is advisory: the service reads the pull request's own scope first, where its code can save", async () => {
    await forgeInPullRequestScope();
    // GitHub's order, as its service applies it whatever the client asks: own scope, base, default.
    const service: CacheStore = { ...storeOf(prEnv()), name: "GitHub cache", scoping: "service" };
    const session = await CompareSession.open(settingsFor(undefined), platform(service), undefined, prEnv());
    const compared = await session!.compare(
      report(2000, MAIN_PTE, { ref: "refs/pull/7/merge", run_id: "701" }),
    );
    // The forged entry is what the service hands back; the label is still trt-pte's own, and the
    // section says the baseline may not be main's.
    expect(compared.baseline).toMatchObject({ ref: "main", run: { run_id: "9999999999" } });
    expect(compared.comparison.advisory).toContain(
      "GitHub cache reads this job's own cache scope before `main`'s",
    );
    expect(renderComparison(compared)).toContain(
      "⚠️ Advisory: GitHub cache reads this job's own cache scope",
    );
  });

  it("is not advisory on a push to the base branch, whose own scope is the branch's", async () => {
    const service: CacheStore = { ...storeOf(pushEnv()), name: "GitHub cache", scoping: "service" };
    const session = await CompareSession.open(settingsFor(undefined), platform(service), undefined, {
      ...pushEnv(),
      GITHUB_RUN_ID: "703",
    });
    const compared = await session!.compare(
      report(1000, MAIN_PTE, { ref: "refs/heads/main", run_id: "703" }),
    );
    expect(compared.baseline).toMatchObject({ ref: "main", run: { run_id: "700" } });
    expect(compared.comparison.advisory).toBeUndefined();
    expect(renderComparison(compared)).not.toContain("Advisory");
  });
});
