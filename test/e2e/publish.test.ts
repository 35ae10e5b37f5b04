// Publishing on the bundled action: the sticky PR comment against a stand-in of GitHub's REST
// comments endpoints (octokit is the real client), the fork path, and the token never printed.

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StandInServer, runtimeToken } from "../support/http.js";
import { BlobStore } from "../support/blob-store.js";
import { ArtifactService } from "../support/artifact-service.js";
import { GitHubApi } from "../support/github-api.js";
import { ActionsApi } from "../support/actions-api.js";
import { NODE24, REPO, TEST_PYTHON, makeWorkspace, runAction, visibleLog } from "../support/action-run.js";

const ACTION = path.join(REPO, "dist", "index.js");
const TOKEN = "ghs_jobTOKEN0123456789abcdefghijklmnop";

function eventFile(pr: { number: number; headRepo: string }): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-event-")), "event.json");
  fs.writeFileSync(
    file,
    JSON.stringify({
      action: "synchronize",
      number: pr.number,
      pull_request: {
        number: pr.number,
        head: { sha: "feedfacecafebeef0000000000000000deadbeef", repo: { full_name: pr.headRepo } },
        base: { repo: { full_name: "octo/models" } },
      },
      repository: { full_name: "octo/models" },
    }),
  );
  return file;
}

describe("publishing from the bundled action", () => {
  const blobs = new BlobStore();
  const artifacts = new ArtifactService(blobs);
  const github = new GitHubApi("octo/models", TOKEN);
  const actions = new ActionsApi("octo/models", TOKEN, artifacts, blobs);
  const server = new StandInServer([artifacts, actions, github, blobs]);
  let base: string;
  const envFor = (run: string, extra: Record<string, string> = {}) => ({
    ACTIONS_RUNTIME_TOKEN: runtimeToken(`run-${run}`, `job-${run}`),
    ACTIONS_RESULTS_URL: `${base}/`,
    GITHUB_API_URL: base,
    GITHUB_RUN_ID: run,
    GITHUB_EVENT_NAME: "pull_request",
    ...extra,
  });
  const inputs = (extra: Record<string, string> = {}) => ({
    model: "examples/cos_block.py:build",
    target: "portable",
    python: TEST_PYTHON,
    cache: "false",
    comment: "true",
    "github-token": TOKEN,
    ...extra,
  });

  beforeAll(async () => {
    base = await server.start();
  });
  afterAll(() => server.stop());

  it("keeps one sticky comment per key, updated in place on the next push, found past the first page", async () => {
    for (let i = 0; i < 120; i++) github.addComment(7, `chatter ${i}`, { login: "octocat", type: "User" });
    // A person's comment that carries our marker is never ours to edit.
    github.addComment(7, "<!-- trt-pte:comment key=cos_block-build-portable -->\nspoofed", {
      login: "mallory",
      type: "User",
    });
    const event = eventFile({ number: 7, headRepo: "octo/models" });
    const first = await runAction(
      ACTION,
      inputs(),
      envFor("601", { GITHUB_EVENT_PATH: event }),
      makeWorkspace(),
    );
    expect(first.code, first.log).toBe(0);
    const ours = () =>
      github.comments.filter(
        (c) =>
          c.user.type === "Bot" && c.body.startsWith("<!-- trt-pte:comment key=cos_block-build-portable -->"),
      );
    const spoofed = () => github.comments.find((c) => c.user.login === "mallory")!;
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.body).toContain(first.outputs["artifact-url"]!);
    expect(ours()[0]!.body).toContain("run 601");
    expect(first.summary).toMatch(
      /\| PR comment \| \[posted\]\(https:\/\/github.com\/octo\/models\/pull\/7#issuecomment-\d+\)/,
    );

    const second = await runAction(
      ACTION,
      inputs(),
      envFor("602", { GITHUB_EVENT_PATH: event }),
      makeWorkspace(),
    );
    expect(second.code, second.log).toBe(0);
    expect(ours()).toHaveLength(1);
    expect(spoofed().body).toBe("<!-- trt-pte:comment key=cos_block-build-portable -->\nspoofed");
    expect(ours()[0]!.body).toContain("run 602");
    expect(ours()[0]!.body).not.toContain("run 601");
    expect(second.summary).toContain("| PR comment | [updated]");

    for (const run of [first, second]) {
      expect(run.log).toContain(`::add-mask::${TOKEN}`); // masked before anything else could print it
      expect(visibleLog(run.log)).not.toContain(TOKEN);
    }

    // The comment's "Use it" command, run as written with the bundled CLI: it finds run 602 through
    // the comment and downloads what that run uploaded, every file checked.
    const body = ours()[0]!.body;
    expect(body).toContain("trt-pte fetch --repo octo/models --pr 7 --model cos_block-build-portable\n");
    for (const id of [601, 602]) {
      actions.addRun({
        id,
        headSha: "feedfacecafebeef0000000000000000deadbeef",
        branch: "f",
        event: "pull_request",
        backendId: `run-${id}`,
      });
    }
    // fetch --pr reads the pull request's head to know which runs built it (and that it is no fork's).
    actions.pulls.set(7, { sha: "feedfacecafebeef0000000000000000deadbeef", ref: "f" });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-fetch-e2e-"));
    // Spawned, not spawnSync: the stand-ins answer from this process's event loop.
    const fetched = await new Promise<{ status: number | null; stdout: string; stderr: string }>(
      (resolve) => {
        const child = spawn(
          NODE24,
          [
            path.join(REPO, "dist", "cli", "index.js"),
            "fetch",
            "--repo",
            "octo/models",
            "--pr",
            "7",
            "--model",
            "cos_block-build-portable",
          ],
          { cwd: out, env: { PATH: process.env.PATH ?? "", GITHUB_API_URL: base, GH_TOKEN: TOKEN } },
        );
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
        child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
        child.on("close", (status) => resolve({ status, stdout, stderr }));
      },
    );
    expect(fetched.status, fetched.stderr).toBe(0);
    expect(fetched.stdout).toContain(
      "Fetched cos_block-build-portable (portable) from run 602 of octo/models",
    );
    expect(fs.readdirSync(out).sort()).toEqual([
      "cos_block-build-portable.pte",
      "cos_block-build-portable.report.json",
    ]);
    expect(
      fs
        .readFileSync(path.join(out, "cos_block-build-portable.pte"))
        .equals(fs.readFileSync(second.outputs.pte!)),
    ).toBe(true);
    expect(fetched.stdout + fetched.stderr).not.toContain(TOKEN);
  });

  it("on a fork's pull request, posts nothing, stays green and says why in the summary", async () => {
    const before = server.requests.length;
    const run = await runAction(
      ACTION,
      inputs(),
      envFor("603", { GITHUB_EVENT_PATH: eventFile({ number: 8, headRepo: "stranger/models" }) }),
      makeWorkspace(),
    );
    expect(run.code, run.log).toBe(0);
    expect(run.summary).toMatch(
      /\| PR comment \| not posted: the pull request comes from a fork, whose token is read-only; docs\/action\.md “Comments on fork pull requests”/,
    );
    expect(server.requests.slice(before).filter((r) => r.url.includes("/comments"))).toHaveLength(0);
    expect(visibleLog(run.log)).not.toContain(TOKEN);
  });

  it("with a read-only token on a same-repository pull request, ends green with the explanation", async () => {
    github.readOnly = true;
    const run = await runAction(
      ACTION,
      inputs(),
      envFor("604", { GITHUB_EVENT_PATH: eventFile({ number: 9, headRepo: "octo/models" }) }),
      makeWorkspace(),
    );
    expect(run.code, run.log).toBe(0);
    expect(run.summary).toContain(
      "| PR comment | not posted: the token may not write comments here (give the job `pull-requests: write`",
    );
    github.readOnly = false;
    expect(github.comments.filter((c) => c.issue === 9)).toHaveLength(0);
    expect(visibleLog(run.log)).not.toContain(TOKEN);
  });

  it("explains a name clash between two calls of one run, and takes back what it had uploaded", async () => {
    const env = envFor("605");
    const ws = makeWorkspace();
    const one = await runAction(ACTION, inputs({ comment: "false" }), env, ws);
    expect(one.code, one.log).toBe(0);
    // Only the first call's .pte is left, so the second call's report goes up before its .pte clashes.
    artifacts.artifacts.splice(
      artifacts.artifacts.findIndex((a) => a.runBackendId === "run-605" && a.name.endsWith(".report.json")),
      1,
    );
    const two = await runAction(ACTION, inputs({ comment: "false", "output-dir": "other-out" }), env, ws);
    expect(two.code).toBe(1);
    expect(two.log).toContain("::error::publish: uploading artifact 'cos_block-build-portable.pte' failed");
    expect(two.log).toContain("artifact names are unique per workflow run");
    // The report it had uploaded was deleted again (DeleteArtifact): no report without its .pte.
    expect(server.requests.map((r) => r.url)).toContain(
      "/twirp/github.actions.results.api.v1.ArtifactService/DeleteArtifact",
    );
    expect(artifacts.artifacts.filter((a) => a.runBackendId === "run-605").map((a) => a.name)).toEqual([
      "cos_block-build-portable.pte",
    ]);
  });
});
