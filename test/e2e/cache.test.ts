// Caching end to end on the bundled action: twice against the stand-in of GitHub's cache service
// (v2 Twirp protocol, so the real @actions/cache client runs) and twice with `cache-dir`. The second
// run must start no Python export process, publish identical bytes, and say it was a cache hit.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StandInServer, runtimeToken } from "../support/http.js";
import { BlobStore } from "../support/blob-store.js";
import { ArtifactService } from "../support/artifact-service.js";
import { CacheService } from "../support/cache-service.js";
import { REPO, TEST_PYTHON, makeWorkspace, runAction, type ActionRun } from "../support/action-run.js";
import { pullRequest, push, runnerEventEnv } from "../support/events.js";

const ACTION = path.join(REPO, "dist", "index.js");
/** Each run gets its own backend ids, as on GitHub; artifact names are unique per run only. */
const tokenFor = (run: string) => ({
  ACTIONS_RUNTIME_TOKEN: runtimeToken(`run-${run}`, `job-${run}`),
  GITHUB_RUN_ID: run,
});
const PTE = path.join("trt-pte-out", "cos_block-build-xnnpack", "cos_block-build.pte");

/** A `python` that logs each driver command it runs, so a test can count export processes. */
function countingPython(): { python: string; exports: () => number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-py-"));
  const log = path.join(dir, "calls.log");
  const python = path.join(dir, "python");
  fs.writeFileSync(python, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${TEST_PYTHON}' "$@"\n`, { mode: 0o755 });
  const exports = () =>
    fs.existsSync(log)
      ? fs
          .readFileSync(log, "utf8")
          .split("\n")
          .filter((l) => /\btrt_pte(?:_driver\.py)? export\b/.test(l)).length
      : 0;
  return { python, exports };
}

/** Every entry a cache-dir holds, whatever its scope (layout: src/platform/dir-store.ts). */
function dirEntries(cacheDir: string): string[] {
  const scopes = path.join(cacheDir, "scopes");
  if (!fs.existsSync(scopes)) return [];
  return fs.readdirSync(scopes).flatMap((s) => fs.readdirSync(path.join(scopes, s)).map((e) => `${s}/${e}`));
}

interface HitReport {
  artifact_name: string;
  model: string;
  run: { run_id: string; url: string };
  cache: { hit: boolean; from_run: { run_id: string; url: string } | null };
}
const reportOf = (run: ActionRun): HitReport =>
  JSON.parse(fs.readFileSync(run.outputs.report!, "utf8")) as HitReport;

function expectHit(first: ActionRun, second: ActionRun, firstWs: string, secondWs: string): void {
  expect(second.code, second.log).toBe(0);
  expect(first.outputs["cache-hit"]).toBe("false");
  expect(second.outputs["cache-hit"]).toBe("true");
  expect(fs.readFileSync(path.join(secondWs, PTE)).equals(fs.readFileSync(path.join(firstWs, PTE)))).toBe(
    true,
  );
  expect(second.outputs.digest).toBe(first.outputs.digest);
  expect(second.summary, second.summary).toMatch(/cache hit/i);
  const report = JSON.parse(fs.readFileSync(second.outputs.report!, "utf8")) as {
    cache: { hit: boolean; from_run: { run_id: string } | null };
    benchmark: unknown;
  };
  expect(report.cache.hit).toBe(true);
  // What ran and how fast come from the entry, labelled with the run that measured them.
  const built = JSON.parse(fs.readFileSync(first.outputs.report!, "utf8")) as { benchmark: unknown };
  expect(report.benchmark).toEqual(built.benchmark);
  expect(second.outputs["pte-ran"]).toBe(first.outputs["pte-ran"]);
  expect(second.outputs.speedup).toBe(first.outputs.speedup);
  expect(second.summary).toMatch(/\| Latency \| .* · measured by /);
}

describe("caching on the bundled action", () => {
  const blobs = new BlobStore();
  const artifacts = new ArtifactService(blobs);
  const caches = new CacheService(blobs);
  const server = new StandInServer([artifacts, caches, blobs]);
  let env: Record<string, string>;

  beforeAll(async () => {
    const base = await server.start();
    env = { ...tokenFor("500"), ACTIONS_RESULTS_URL: `${base}/`, ACTIONS_CACHE_SERVICE_V2: "true" };
  });
  afterAll(() => server.stop());

  it("restores from GitHub's cache service on the second run without exporting", async () => {
    const { python, exports } = countingPython();
    const inputs = { model: "examples/cos_block.py:build", target: "xnnpack", python };
    const ws1 = makeWorkspace();
    const first = await runAction(ACTION, inputs, { ...env, ...tokenFor("501") }, ws1);
    expect(first.code, first.log).toBe(0);
    expect(exports()).toBe(1);
    expect(caches.entries.filter((e) => e.finalized && e.key.startsWith("trt-pte-out-"))).toHaveLength(1);

    const ws2 = makeWorkspace();
    const second = await runAction(ACTION, inputs, { ...env, ...tokenFor("502") }, ws2);
    expect(exports()).toBe(1); // no new export process
    expectHit(first, second, ws1, ws2);
    const report = JSON.parse(fs.readFileSync(second.outputs.report!, "utf8")) as {
      cache: { from_run: { run_id: string } };
      run: { run_id: string };
    };
    expect(report.cache.from_run.run_id).toBe("501");
    expect(report.run.run_id).toBe("502");
    // The uploaded .pte of the hit is the first run's bytes.
    const uploaded = artifacts.content("cos_block-build-xnnpack.pte", "run-502");
    expect(uploaded.equals(fs.readFileSync(path.join(ws1, PTE)))).toBe(true);
  });

  it("restores from cache-dir on the second run, and cache: false turns every layer off", async () => {
    const { python, exports } = countingPython();
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-cachedir-"));
    const inputs = {
      model: "examples/cos_block.py:build",
      target: "xnnpack",
      python,
      "cache-dir": cacheDir,
      upload: "false",
    };
    const ws1 = makeWorkspace();
    const first = await runAction(ACTION, inputs, env, ws1);
    expect(first.code, first.log).toBe(0);
    const ws2 = makeWorkspace();
    const second = await runAction(ACTION, inputs, env, ws2);
    expect(exports()).toBe(1);
    expectHit(first, second, ws1, ws2);

    const off = await runAction(ACTION, { ...inputs, cache: "false" }, env, makeWorkspace());
    expect(off.code, off.log).toBe(0);
    expect(exports()).toBe(2);
    expect(off.outputs["cache-hit"]).toBe("false");
  });

  it("scopes cache-dir like GitHub's cache: a push to main never restores a pull request's entry", async () => {
    const { python, exports } = countingPython();
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-cachedir-"));
    const inputs = {
      model: "examples/cos_block.py:build",
      target: "portable",
      python,
      "cache-dir": cacheDir,
      upload: "false",
      // Only the output layer's entries are counted here; a push build's baseline entry (docs/comparing.md) is tested in test/e2e/compare.test.ts.
      compare: "false",
    };
    const prEnv = { ...env, ...runnerEventEnv(pullRequest({ number: 7 })) };
    const mainEnv = { ...env, ...runnerEventEnv(push()) };
    const pr = await runAction(ACTION, inputs, { ...prEnv, ...tokenFor("701") }, makeWorkspace());
    expect(pr.code, pr.log).toBe(0);
    expect(exports()).toBe(1);
    expect(dirEntries(cacheDir)).toHaveLength(1);

    // The push to main computes the same key, and must build it again into main's own scope.
    const main1 = await runAction(ACTION, inputs, { ...mainEnv, ...tokenFor("702") }, makeWorkspace());
    expect(main1.code, main1.log).toBe(0);
    expect(main1.outputs["cache-hit"]).toBe("false");
    expect(exports()).toBe(2);
    expect(dirEntries(cacheDir)).toHaveLength(2);

    // The next push reuses main's own entry, and says so with this run's links.
    const main2 = await runAction(ACTION, inputs, { ...mainEnv, ...tokenFor("703") }, makeWorkspace());
    expect(main2.outputs["cache-hit"], main2.log).toBe("true");
    expect(exports()).toBe(2);
    expect(reportOf(main2).cache.from_run?.run_id).toBe("702");

    // Another pull request may reuse main's entry; a second repository sees nothing.
    const pr2 = await runAction(
      ACTION,
      inputs,
      { ...env, ...runnerEventEnv(pullRequest({ number: 8 })), ...tokenFor("704") },
      makeWorkspace(),
    );
    expect(pr2.outputs["cache-hit"], pr2.log).toBe("true");
    expect(reportOf(pr2).cache.from_run?.run_id).toBe("702");
    const other = await runAction(
      ACTION,
      inputs,
      { ...mainEnv, ...runnerEventEnv({ ...push(), repository: "octo/other" }), ...tokenFor("705") },
      makeWorkspace(),
    );
    expect(other.outputs["cache-hit"], other.log).toBe("false");
    expect(exports()).toBe(3);
  });

  it("a cache hit restores into this run's output-dir and publishes this run's names and links", async () => {
    const { python, exports } = countingPython();
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-cachedir-"));
    const inputs = {
      model: "examples/cos_block.py:build",
      target: "xnnpack",
      python,
      "hash-files": "examples/cos_block.py",
      // A key no other test of this file saves (the GitHub cache stand-in lives for the whole file,
      // and the first test builds the same model and target): this test's first run must build.
      "benchmark-seconds": "1",
    };
    const mainEnv = { ...env, ...runnerEventEnv(push()) };
    const stores: Record<string, string>[] = [{ "cache-dir": cacheDir }, {}];
    for (const [i, store] of stores.entries()) {
      // Artifact names are unique per run: each store gets runs of its own.
      const [builder, reuser] = [String(801 + 10 * i), String(802 + 10 * i)];
      const before = exports();
      const first = await runAction(
        ACTION,
        { ...inputs, ...store, "artifact-name": "first-name" },
        { ...mainEnv, ...tokenFor(builder) },
        makeWorkspace(),
      );
      expect(first.code, first.log).toBe(0);
      const ws = makeWorkspace();
      const second = await runAction(
        ACTION,
        { ...inputs, ...store, "output-dir": "elsewhere/out", "artifact-name": "second-name" },
        { ...mainEnv, ...tokenFor(reuser) },
        ws,
      );
      expect(second.code, second.log).toBe(0);
      expect(second.outputs["cache-hit"], second.log).toBe("true");
      expect(exports()).toBe(before + 1);
      expect(second.outputs.pte).toBe(
        path.join(ws, "elsewhere", "out", "second-name", "cos_block-build.pte"),
      );
      expect(second.outputs.digest).toBe(first.outputs.digest);
      const report = reportOf(second);
      expect(report.artifact_name).toBe("second-name");
      expect(report.run.url).toBe(`https://github.com/octo/models/actions/runs/${reuser}`);
      expect(report.cache.from_run).toMatchObject({
        run_id: builder,
        url: `https://github.com/octo/models/actions/runs/${builder}`,
      });
      expect(second.summary).toContain("second-name");
      expect(second.outputs["artifact-url"]).toMatch(new RegExp(`/actions/runs/${reuser}/artifacts/\\d+$`));
      expect(second.summary).not.toContain("first-name");
    }
  });

  it("leaves one valid entry when two jobs write one cache-dir at once", async () => {
    const { python, exports } = countingPython();
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-cachedir-"));
    const inputs = {
      model: "examples/cos_block.py:build",
      target: "portable",
      python,
      "cache-dir": cacheDir,
      upload: "false",
    };
    const [a, b] = await Promise.all([
      runAction(ACTION, inputs, env, makeWorkspace()),
      runAction(ACTION, inputs, env, makeWorkspace()),
    ]);
    expect(a.code, a.log).toBe(0);
    expect(b.code, b.log).toBe(0);
    expect(dirEntries(cacheDir)).toHaveLength(1);
    expect(fs.readdirSync(path.join(cacheDir, "tmp"))).toEqual([]);
    const third = await runAction(ACTION, inputs, env, makeWorkspace());
    expect(third.outputs["cache-hit"]).toBe("true");
    expect(exports()).toBe(2);
  });

  it("treats an unreachable cache service as a warning, never a failed run", async () => {
    const ws = makeWorkspace();
    const run = await runAction(
      ACTION,
      { model: "examples/cos_block.py:build", target: "portable", python: TEST_PYTHON, upload: "false" },
      { ...env, ACTIONS_RESULTS_URL: "http://127.0.0.1:9/" },
      ws,
    );
    expect(run.code, run.log).toBe(0);
    expect(run.log).toMatch(/::warning::.*(restore|save)/i);
    expect(run.outputs["cache-hit"]).toBe("false");
  });

  it("survives a refused reservation (quota) with a warning", async () => {
    caches.failNext(
      "CreateCacheEntry",
      403,
      "permission_denied",
      "cache write denied: quota exceeded for this repository",
    );
    const run = await runAction(
      ACTION,
      {
        model: "examples/cos_block.py:build",
        target: "portable",
        python: TEST_PYTHON,
        upload: "false",
        "hash-files": "examples/*.py",
      },
      env,
      makeWorkspace(),
    );
    expect(run.code, run.log).toBe(0);
    expect(run.log).toMatch(/::warning::cache: the \.pte was not saved/);
  });
});
