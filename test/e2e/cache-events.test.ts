// Events that run with the base branch's cache rights never write a cache, on the bundled action:
// a pull_request_target job against the stand-in of GitHub's cache service, whose tokens carry the
// scopes GitHub gives each event (a pull_request_target token may write main's scope), and an
// issue_comment job with `cache-dir`. In both, the next push to main must build afresh rather than
// publish what the pull request's build left, and the untrusted event may still restore main's.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StandInServer, cacheAccessOf, runtimeToken } from "../support/http.js";
import { BlobStore } from "../support/blob-store.js";
import { ArtifactService } from "../support/artifact-service.js";
import { CacheService } from "../support/cache-service.js";
import { REPO, TEST_PYTHON, makeWorkspace, runAction, type ActionRun } from "../support/action-run.js";
import { issueComment, pullRequest, push, runnerEventEnv } from "../support/events.js";

const ACTION = path.join(REPO, "dist", "index.js");
const INPUTS = {
  model: "examples/cos_block.py:build",
  target: "portable",
  python: TEST_PYTHON,
  upload: "false",
};

/** The runner's variables for `context`, with a runtime token scoped as GitHub scopes that event. */
function job(context: Record<string, unknown>, run: string): Record<string, string> {
  const env = runnerEventEnv(context);
  return {
    ...env,
    GITHUB_RUN_ID: run,
    ACTIONS_RUNTIME_TOKEN: runtimeToken(`run-${run}`, `job-${run}`, cacheAccessOf(env)),
  };
}

function hitFrom(run: ActionRun): string | null {
  const report = JSON.parse(fs.readFileSync(run.outputs.report!, "utf8")) as {
    cache: { hit: boolean; from_run: { run_id: string } | null };
  };
  return report.cache.hit ? (report.cache.from_run?.run_id ?? "?") : null;
}

/** Every entry a cache-dir holds, whatever its scope (layout: src/platform/dir-store.ts). */
function dirEntries(cacheDir: string): string[] {
  const scopes = path.join(cacheDir, "scopes");
  if (!fs.existsSync(scopes)) return [];
  return fs.readdirSync(scopes).flatMap((s) => fs.readdirSync(path.join(scopes, s)).map((e) => `${s}/${e}`));
}

describe("events with the base branch's cache rights save nothing", () => {
  const blobs = new BlobStore();
  const caches = new CacheService(blobs);
  const server = new StandInServer([new ArtifactService(blobs), caches, blobs]);
  let service: Record<string, string>;

  beforeAll(async () => {
    const base = await server.start();
    service = { ACTIONS_RESULTS_URL: `${base}/`, ACTIONS_CACHE_SERVICE_V2: "true" };
  });
  afterAll(() => server.stop());

  it("pull_request_target, GitHub's cache service: main's next push builds afresh", async () => {
    const target = job(pullRequest({ eventName: "pull_request_target", fromFork: true }), "901");
    // GitHub's token lets this job write main's scope: the action must not use that.
    expect(
      JSON.parse(
        JSON.parse(Buffer.from(target.ACTIONS_RUNTIME_TOKEN!.split(".")[1]!, "base64url").toString()).ac,
      ),
    ).toEqual([{ Scope: "refs/heads/main", Permission: 3 }]);
    const untrusted = await runAction(ACTION, INPUTS, { ...service, ...target }, makeWorkspace());
    expect(untrusted.code, untrusted.log).toBe(0);
    expect(untrusted.outputs["cache-hit"]).toBe("false");
    expect(caches.entries).toEqual([]);
    const why = untrusted.log.split("\n").filter((l) => l.includes("saves nothing"));
    expect(why).toHaveLength(1);
    expect(why[0]).toContain(
      "a job of the pull_request_target event restores from the caches a pull request may read",
    );

    const main = await runAction(ACTION, INPUTS, { ...service, ...job(push(), "902") }, makeWorkspace());
    expect(main.code, main.log).toBe(0);
    expect(main.outputs["cache-hit"], main.log).toBe("false");
    expect(caches.entries.filter((e) => e.finalized).map((e) => e.scope)).toContain("refs/heads/main");

    // Restoring what main built is what a pull request may do.
    const again = await runAction(
      ACTION,
      INPUTS,
      { ...service, ...job(pullRequest({ eventName: "pull_request_target" }), "903") },
      makeWorkspace(),
    );
    expect(again.code, again.log).toBe(0);
    expect(hitFrom(again)).toBe("902");
    expect(caches.entries.filter((e) => e.scope !== "refs/heads/main")).toEqual([]);
  });

  it("issue_comment, cache-dir: main's next push builds afresh", async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-cachedir-"));
    const inputs = { ...INPUTS, "cache-dir": cacheDir };
    const comment = job(issueComment(), "911");
    expect(comment.GITHUB_REF).toBe("refs/heads/main");
    const untrusted = await runAction(ACTION, inputs, comment, makeWorkspace());
    expect(untrusted.code, untrusted.log).toBe(0);
    expect(untrusted.log).toContain(
      "a job of the issue_comment event restores from the caches a pull request may read",
    );
    expect(dirEntries(cacheDir)).toEqual([]);

    const main = await runAction(ACTION, inputs, job(push(), "912"), makeWorkspace());
    expect(main.code, main.log).toBe(0);
    expect(main.outputs["cache-hit"], main.log).toBe("false");
    expect(dirEntries(cacheDir).length).toBeGreaterThan(0);

    const again = await runAction(ACTION, inputs, job(issueComment(), "913"), makeWorkspace());
    expect(hitFrom(again), again.log).toBe("912");
  });
});
