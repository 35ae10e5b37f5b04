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
import { unzip } from "../support/zip.js";
import { REPO, TEST_PYTHON, makeWorkspace, runAction, type ActionRun } from "../support/action-run.js";

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
          .filter((l) => l.includes("trt_pte export")).length
      : 0;
  return { python, exports };
}

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
    const uploaded = unzip(artifacts.content("cos_block-build-xnnpack"));
    expect(uploaded.get("cos_block-build.pte")!.equals(fs.readFileSync(path.join(ws1, PTE)))).toBe(true);
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
    expect(fs.readdirSync(path.join(cacheDir, "entries"))).toHaveLength(1);
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
