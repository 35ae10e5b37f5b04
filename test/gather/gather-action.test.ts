// The report step's bundle (dist/gather/index.js) run as GitHub runs it: a Node 24 process with
// INPUT_* variables and an event payload file, its real Octokit client talking to a stand-in of
// GitHub's REST API. One comment per call, updated in place; no comment where the token cannot write.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { REPO, runAction } from "../support/action-run.js";
import { StandInServer } from "../support/http.js";
import { GitHubApi } from "../support/github-api.js";
import { KEY, resultsDir, sampleReport, writeResult } from "../support/build-results.js";
import { liveMarkdown } from "../support/markdown.js";
import { runMarker } from "../../src/github/sticky-comment.js";
import { MAX_CALLS, MAX_RESULTS_PER_CALL } from "../../src/gather/calls.js";
import { FORK_GATE_ENVIRONMENT } from "../../src/gather/fork-run.js";
import { readWorkflow } from "../support/workflows.js";
import {
  BASE_REPOSITORY,
  FORK_REPOSITORY,
  HEAD_SHA,
  pullRequestPayload,
  workflowRunPayload,
} from "../support/events.js";

const GATHER = path.join(REPO, "dist", "gather", "index.js");
const TOKEN = "ghs_standin";
const MARKER = `<!-- trt-pte:call:${KEY} -->`;

describe("the report step (gather/action.yml)", () => {
  const api = new GitHubApi(BASE_REPOSITORY, TOKEN);
  const server = new StandInServer([api]);
  let apiUrl = "";

  beforeAll(async () => {
    apiUrl = await server.start();
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    api.comments.length = 0;
    api.pulls.length = 0;
    api.readOnly = false;
    api.actionsUnreadable = false;
    // The fork's run 9001 (workflowRunPayload) succeeded, and a reviewer approved its fork gate.
    api.runs.set(9001, {
      status: "completed",
      conclusion: "success",
      headRepository: FORK_REPOSITORY,
      reviews: [{ state: "approved", environments: [FORK_GATE_ENVIRONMENT], reviewer: "maintainer" }],
    });
    server.requests.length = 0;
  });

  function run(eventName: string, payload: object, inputs: Record<string, string>, results: string) {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-gather-"));
    const eventPath = path.join(ws, "event.json");
    fs.writeFileSync(eventPath, JSON.stringify(payload));
    return runAction(
      GATHER,
      { results, "github-token": TOKEN, key: KEY, comment: "true", ...inputs },
      { GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: eventPath, GITHUB_API_URL: apiUrl },
      ws,
    );
  }

  function twoGpus(): string {
    const dir = resultsDir();
    writeResult(dir, { gpu: "a100", artifactId: "1234" });
    writeResult(dir, { gpu: "l4", outcome: "failure", artifactId: "", report: null });
    return dir;
  }

  it("keeps one comment per call on the pull request: created once, then updated in place", async () => {
    api.addComment(7, "Looks good to me", { login: "octocat", type: "User" });
    const results = twoGpus();
    const first = await run(
      "pull_request",
      pullRequestPayload(),
      { "expected-gpus": '["a100","l4"]' },
      results,
    );
    expect(first.code, first.log).toBe(0);
    const ours = api.comments.filter((c) => c.body.startsWith(MARKER));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.issue).toBe(7);
    expect(ours[0]!.body).toContain("### trt-pte: 1 of 2 builds succeeded");
    expect(ours[0]!.body).toContain("(https://github.com/octo/models/actions/runs/4242/artifacts/1234)");
    expect(first.outputs["comment-url"]).toBe(
      `https://github.com/octo/models/pull/7#issuecomment-${ours[0]!.id}`,
    );

    writeResult(results, { gpu: "l4", artifactId: "1300" });
    const second = await run("pull_request", pullRequestPayload({ action: "synchronize" }), {}, results);
    expect(second.code, second.log).toBe(0);
    expect(api.comments.filter((c) => c.body.includes(MARKER))).toHaveLength(1);
    expect(api.comments.find((c) => c.id === ours[0]!.id)!.body).toContain(
      "### trt-pte: 2 of 2 builds succeeded",
    );
    expect(server.requests.filter((r) => r.method === "PATCH")).toHaveLength(1);
    expect(api.comments[0]!.body).toBe("Looks good to me");
  });

  it("finds its comment past the first page of a busy pull request", async () => {
    for (let i = 0; i < 150; i++) api.addComment(7, `comment ${i}`, { login: "octocat", type: "User" });
    const mine = api.addComment(7, `${MARKER}\nold`);
    const result = await run("pull_request", pullRequestPayload(), {}, twoGpus());
    expect(result.code, result.log).toBe(0);
    expect(api.comments.filter((c) => c.body.includes(MARKER))).toEqual([
      expect.objectContaining({ id: mine.id }),
    ]);
    expect(server.requests.some((r) => r.url.includes("page=2"))).toBe(true);
  });

  it("never edits a person's comment that quotes the marker", async () => {
    api.addComment(7, `${MARKER}\nI pasted this`, { login: "mallory", type: "User" });
    const result = await run("pull_request", pullRequestPayload(), {}, twoGpus());
    expect(result.code, result.log).toBe(0);
    expect(api.comments[0]!.body).toBe(`${MARKER}\nI pasted this`);
    expect(api.comments.filter((c) => c.user.type === "Bot")).toHaveLength(1);
  });

  it("sets the per-GPU artifact outputs and writes the job summary, comment or not", async () => {
    const result = await run(
      "push",
      { ref: "refs/heads/main" },
      { comment: "false", "expected-gpus": '["a100","l4"]' },
      twoGpus(),
    );
    expect(result.code, result.log).toBe(0);
    expect(server.requests).toEqual([]);
    expect(JSON.parse(result.outputs["artifact-ids"]!)).toEqual({ a100: "1234", l4: "" });
    expect(JSON.parse(result.outputs["artifact-urls"]!)).toEqual({
      a100: "https://github.com/octo/models/actions/runs/4242/artifacts/1234",
      l4: "",
    });
    expect(JSON.parse(result.outputs.artifacts!)).toEqual([
      expect.objectContaining({
        gpu: "a100",
        outcome: "success",
        "artifact-name": "cos_block-build-tensorrt-a100",
      }),
      expect.objectContaining({ gpu: "l4", outcome: "failure" }),
    ]);
    expect(result.summary).toContain("### trt-pte: 1 of 2 builds succeeded");
    expect(result.summary).not.toContain(MARKER);
  });

  it("does not comment outside pull requests, and says so", async () => {
    const result = await run("push", { ref: "refs/heads/main" }, {}, twoGpus());
    expect(result.code, result.log).toBe(0);
    expect(api.comments).toEqual([]);
    expect(result.log).toContain("::notice::trt-pte: 'push' is not a pull request event");
  });

  it("does not try with a fork's read-only token, and points at the workflow_run commenter", async () => {
    const result = await run("pull_request", pullRequestPayload({ fromFork: true }), {}, twoGpus());
    expect(result.code, result.log).toBe(0);
    expect(server.requests).toEqual([]);
    expect(result.log).toContain("workflows/comment-fork-prs.yml");
  });

  it("comments on a fork's pull request from workflow_run, found by the run's head commit", async () => {
    api.pulls.push(
      { number: 6, head: { sha: "9".repeat(40), ref: "feature", label: "mallory:feature" } },
      { number: 7, head: { sha: HEAD_SHA, ref: "feature", label: "mallory:feature" } },
    );
    const results = twoGpus();
    const result = await run("workflow_run", workflowRunPayload({ fromFork: true }), { key: "" }, results);
    expect(result.code, result.log).toBe(0);
    expect(server.requests.map((r) => new URL(r.url, apiUrl).pathname).slice(0, 3)).toEqual([
      "/repos/octo/models/actions/runs/9001",
      "/repos/octo/models/actions/runs/9001/approvals",
      "/repos/octo/models/pulls",
    ]);
    expect(server.requests[2]!.url).toContain(`head=${encodeURIComponent("mallory:feature")}`);
    const [comment] = api.comments;
    expect(comment).toMatchObject({ issue: 7 });
    expect(comment!.body.startsWith(MARKER)).toBe(true);
    // Every build's section says whose report it is.
    const label =
      "*The fork run's own report (its build approved by `maintainer`, a reviewer of `trt-pte-fork-pr`).*";
    expect(comment!.body.split(label)).toHaveLength(3);
    expect(comment!.body).toContain("#### ✅ ");
    // Links point at the pull request's run, not at the commenter's own run.
    expect(comment!.body).toContain("/actions/runs/9001/artifacts/1234");
    expect(FORK_REPOSITORY.split("/")[0]).toBe("mallory");
  });

  it("ignores a listed pull request of another base repository, whose number means another pull request here", async () => {
    api.pulls.push({ number: 7, head: { sha: HEAD_SHA, ref: "feature", label: "mallory:feature" } });
    const payload = workflowRunPayload({ fromFork: true, listedElsewhere: { number: 3 } });
    const result = await run("workflow_run", payload, { key: "" }, twoGpus());
    expect(result.code, result.log).toBe(0);
    expect(api.comments.map((c) => c.issue)).toEqual([7]);
  });

  it("does not comment when no open pull request has the run's head commit", async () => {
    api.pulls.push({ number: 6, head: { sha: "9".repeat(40), ref: "feature", label: "mallory:feature" } });
    const result = await run("workflow_run", workflowRunPayload({ fromFork: true }), { key: "" }, twoGpus());
    expect(result.code, result.log).toBe(0);
    expect(api.comments).toEqual([]);
    expect(result.log).toContain("::notice::");
  });

  it("fails with what to grant when the token may not comment", async () => {
    api.readOnly = true;
    const result = await run("pull_request", pullRequestPayload(), {}, twoGpus());
    expect(result.code).toBe(1);
    expect(result.log).toMatch(
      /::error::could not comment on pull request #7: .*Grant it 'pull-requests: write'/,
    );
  });

  it("rejects a run-id that is not a number", async () => {
    const result = await run("pull_request", pullRequestPayload(), { "run-id": "1; rm -rf /" }, twoGpus());
    expect(result.code).toBe(1);
    expect(result.log).toContain("run-id: '1; rm -rf /' is not a workflow run ID");
  });

  it("keeps a hostile fork's comments well-formed and capped: many calls and builds, long booby-trapped names", async () => {
    api.pulls.push({ number: 7, head: { sha: HEAD_SHA, ref: "feature", label: "mallory:feature" } });
    const evil = (i: number) =>
      `\`\` ![x](https://evil.example/${i}.png) [click](https://evil.example) <img src=x> @octocat ${"`".repeat(i % 5)}`
        .padEnd(190, "x`")
        .slice(0, 190);
    const results = resultsDir();
    for (let k = 0; k < 30; k++) {
      const key = (0xabc000 + k).toString(16).padStart(12, "0");
      for (let g = 0; g < (k === 0 ? 300 : 2); g++) {
        writeResult(results, {
          key,
          gpu: `g${g}${"`".repeat(g % 3)}`,
          model: evil(g),
          report: sampleReport(`g${g}`, {
            model_name: evil(g + 1),
            artifact_name: evil(g + 2),
            pte: { name: evil(g + 3), kind: "pte", bytes: 1, sha256: "c".repeat(64) },
            ptd: Array.from({ length: 32 }, (_, i) => ({
              name: evil(i),
              kind: "ptd",
              bytes: 1,
              sha256: "d".repeat(64),
            })),
            versions: Object.fromEntries(
              Array.from({ length: 32 }, (_, i) => [`v${i}\``, "`1.0`".repeat(12)]),
            ),
            gpu: { name: evil(g + 4).slice(0, 100), compute_capability: "8.0`", driver_version: "1" },
          }),
        });
      }
    }
    const result = await run("workflow_run", workflowRunPayload({ fromFork: true }), { key: "" }, results);
    expect(result.code, result.log).toBe(0);
    const ours = api.comments.filter((c) => c.body.startsWith("<!-- trt-pte:call:"));
    expect(ours).toHaveLength(MAX_CALLS);
    expect(result.log).toContain(`the results hold 30 calls; only the first ${MAX_CALLS} get a comment`);
    for (const comment of ours) {
      expect(comment.body.length).toBeLessThanOrEqual(65_536);
      const live = liveMarkdown(comment.body);
      expect(live.images).toEqual([]);
      // HTML only of trt-pte's own: the marker and the hidden run line.
      expect(live.html.map((h) => h.trim())).toEqual([comment.body.split("\n")[0], runMarker("9001")]);
      for (const link of live.links)
        expect(link).toMatch(
          /^https:\/\/github\.com\/octo\/models\/actions\/runs\/9001(\/(artifacts|job)\/\d+)?$/,
        );
      expect(live.prose).not.toMatch(/evil\.example|@octocat|<img/);
      for (const heading of live.headings.slice(1)) expect(heading).toMatch(/^(✅|❌|⚠️) /);
    }
    const big = ours.find((c) => c.body.includes("0000abc000"))!;
    expect(big.body).toMatch(/…and \d+ more sections? that did not fit in one comment/);
    expect(big.body).toContain(`…and ${300 - MAX_RESULTS_PER_CALL} more results than one comment shows.`);
  });

  describe("a fork's forged results", () => {
    /** What a fork's rewritten workflow can upload from a hosted runner: a success, built on an H100. */
    function forged(): string {
      const dir = resultsDir();
      writeResult(dir, { gpu: "a100", artifactId: "1234" });
      return dir;
    }
    const fork = (results = forged()) =>
      run("workflow_run", workflowRunPayload({ fromFork: true }), { key: "" }, results);

    beforeEach(() => {
      api.pulls.push({ number: 7, head: { sha: HEAD_SHA, ref: "feature", label: "mallory:feature" } });
    });

    /** The comment left: a short note that names what was not confirmed, and none of the files' claims. */
    function expectNote(result: Awaited<ReturnType<typeof fork>>, reason: RegExp) {
      expect(result.code, result.log).toBe(0);
      const [comment] = api.comments;
      expect(comment).toMatchObject({ issue: 7 });
      expect(comment!.body.startsWith(MARKER)).toBe(true);
      expect(comment!.body).toContain("### trt-pte: the results of run 9001 are not shown");
      expect(comment!.body).toMatch(reason);
      for (const claim of [
        "✅",
        "build succeeded",
        "builds succeeded",
        "Built on",
        "Download",
        "artifacts/1234",
        "H100",
        "cos_block",
      ])
        expect(comment!.body, claim).not.toContain(claim);
      const live = liveMarkdown(comment!.body);
      expect(live.links).toEqual(["https://github.com/octo/models/actions/runs/9001"]);
      expect(result.summary).toContain("are not shown");
      expect(result.summary).not.toContain("✅");
      expect(JSON.parse(result.outputs.artifacts!)).toEqual([]);
      expect(result.log).toMatch(/::warning::trt-pte: not showing the results of the fork's run 9001/);
    }

    it("are not shown when the run failed, even with its gate approved", async () => {
      api.runs.get(9001)!.conclusion = "failure";
      expectNote(await fork(), /- the run did not succeed \(conclusion `failure`\)/);
    });

    it("are not shown when the run succeeded but nobody approved its fork gate", async () => {
      api.runs.get(9001)!.reviews = [];
      expectNote(
        await fork(),
        /- no required reviewer of the `trt-pte-fork-pr` environment approved the run/,
      );
    });

    it("count only an approval of the fork gate's environment, not a rejection or another environment", async () => {
      api.runs.get(9001)!.reviews = [
        { state: "rejected", environments: [FORK_GATE_ENVIRONMENT], reviewer: "maintainer" },
        { state: "approved", environments: ["staging"], reviewer: "maintainer" },
      ];
      expectNote(await fork(), /no required reviewer of the `trt-pte-fork-pr` environment approved/);
    });

    it("are not shown when the token cannot read the run, and the note says what to grant", async () => {
      api.actionsUnreadable = true;
      expectNote(
        await fork(),
        /the run's review history could not be read \(.*\); give the commenter's job `actions: read`/,
      );
    });

    it("replace an earlier comment of the same call, which may still show a success", async () => {
      const first = await fork();
      expect(first.code, first.log).toBe(0);
      expect(api.comments[0]!.body).toContain("✅");
      api.runs.get(9001)!.conclusion = "failure";
      expectNote(await fork(), /conclusion `failure`/);
      expect(api.comments).toHaveLength(1);
    });
  });

  it("checks the environment the reusable workflow's fork gate waits on", () => {
    const gate = readWorkflow(".github/workflows/compile-pte.yml").jobs["fork-gate"] as {
      environment?: string;
    };
    expect(gate.environment).toBe(FORK_GATE_ENVIRONMENT);
  });
});
