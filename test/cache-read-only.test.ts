// TensorRT's timing and engine caches (target tensorrt, which cannot build here) through the store a
// job of an event outside SAVING_EVENTS gets: it restores what main saved and saves nothing, in
// `cache-dir` and in the platform's store alike, and says why once. The output layer and the stores
// end to end are in test/e2e/cache-events.test.ts.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openCacheStore } from "../src/cache/select.js";
import { BuildCacheLayers, NOT_SAVED } from "../src/cache/layers.js";
import type { Settings } from "../src/settings/settings.js";
import type { Preflight } from "../src/preflight.js";
import type { Log, Platform } from "../src/platform/platform.js";
import type { CacheStore } from "../src/platform/store.js";
import { issueComment, pullRequest, push, runnerEventEnv } from "./support/events.js";

const PRE = {
  python: { executable: "python", version: "3.11.9" },
  packages: { tensorrt: "10.13.0", torch_tensorrt: "2.13.0" },
  distributions: {},
  editable: [],
  gpus: [{ name: "NVIDIA H100", computeCapability: "9.0", driverVersion: "580.1" }],
} as unknown as Preflight;

function recordingLog(): Log & { infos: string[]; warnings: string[] } {
  const infos: string[] = [];
  const warnings: string[] = [];
  return {
    infos,
    warnings,
    info: (m) => infos.push(m),
    warning: (m) => warnings.push(m),
    error: (m) => warnings.push(m),
    group: (_t, fn) => fn(),
    verbatim: (fn) => fn(),
    aside: (summary) => infos.push(summary),
  };
}

function settingsFor(workspace: string, dir: string | undefined): Settings {
  return {
    workspace,
    cache: {
      enabled: true,
      dir,
      dirMaxBytes: 1 << 30,
      engineCache: true,
      engineCacheMaxBytes: 1 << 30,
      hashFiles: [],
    },
  } as unknown as Settings;
}

function platformWith(store: CacheStore | null, log: Log): Platform {
  return {
    log,
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

/** Runs the two build-cache layers once: restore, write new cache bytes, save. */
async function buildOnce(store: CacheStore, settings: Settings, log: Log, bytes: string) {
  const layers = new BuildCacheLayers(store, settings, PRE, log);
  await layers.restore();
  const timing = layers.paths().timing_cache_path!;
  const engine = layers.paths().engine_cache_dir!;
  const restored = {
    timing: fs.existsSync(timing) ? fs.readFileSync(timing, "utf8") : null,
  };
  fs.writeFileSync(timing, bytes);
  fs.writeFileSync(path.join(engine, "engine.bin"), bytes);
  await layers.save();
  return { statuses: layers.statuses, restored };
}

describe("a job that may not save", () => {
  it("restores main's timing and engine caches from cache-dir and saves neither", async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-ro-"));
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-ws-"));
    const settings = settingsFor(ws, cacheDir);
    const entries = () =>
      fs
        .readdirSync(path.join(cacheDir, "scopes"))
        .flatMap((s) => fs.readdirSync(path.join(cacheDir, "scopes", s))).length;

    const mainLog = recordingLog();
    const mainEnv = runnerEventEnv(push());
    const main = await openCacheStore(settings, platformWith(null, mainLog), mainLog, mainEnv);
    const built = await buildOnce(main!, settings, mainLog, "main's cache");
    expect(built.statuses.map((s) => s.state)).toEqual(["saved", "saved"]);
    expect(entries()).toBe(2);

    for (const context of [
      pullRequest({ eventName: "pull_request_target", fromFork: true }),
      issueComment(),
    ]) {
      const log = recordingLog();
      const store = await openCacheStore(settings, platformWith(null, log), log, runnerEventEnv(context));
      const run = await buildOnce(store!, settings, log, "a pull request's cache");
      expect(run.restored.timing).toBe("main's cache");
      expect(run.statuses.map((s) => [s.layer, s.state, s.detail])).toEqual([
        ["timing", "hit", NOT_SAVED],
        ["engine", "hit", NOT_SAVED],
      ]);
      expect(entries()).toBe(2);
      expect(log.infos.filter((m) => m.includes("saves nothing"))).toHaveLength(1);
      expect(log.warnings).toEqual([]);
    }
  });

  it("never reaches the platform's store with a save, and restores through it", async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-ws-"));
    const settings = settingsFor(ws, undefined);
    const calls: string[] = [];
    const service: CacheStore = {
      name: "GitHub cache",
      scoping: "service",
      restore: (_paths, key) => (calls.push(`restore ${key}`), Promise.resolve(undefined)),
      save: (_paths, key) => (calls.push(`save ${key}`), Promise.resolve("saved")),
    };
    const log = recordingLog();
    const env = runnerEventEnv(pullRequest({ eventName: "pull_request_target" }));
    const store = await openCacheStore(settings, platformWith(service, log), log, env);
    expect(store!.name).toBe("GitHub cache");
    const run = await buildOnce(store!, settings, log, "x");
    expect(calls.filter((c) => c.startsWith("save"))).toEqual([]);
    expect(calls.filter((c) => c.startsWith("restore"))).toHaveLength(2);
    expect(run.statuses.map((s) => [s.state, s.detail])).toEqual([
      ["miss", NOT_SAVED],
      ["miss", NOT_SAVED],
    ]);
    // `quiet` (the baseline store's call) leaves saying why to the caches' own call.
    const quiet = recordingLog();
    await openCacheStore(settings, platformWith(service, quiet), quiet, env, { quiet: true });
    expect(quiet.infos).toEqual([]);
  });
});
