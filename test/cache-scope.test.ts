import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  LOCAL_SCOPE,
  SAVING_EVENTS,
  ScopeError,
  branchOfRef,
  cacheScopeFromEvent,
  workflowCacheScope,
} from "../src/cache/scope.js";
import { issueComment, pullRequestPayload } from "./support/events.js";

const REPO = "octo/models";

function prPayload(base = "main"): Record<string, unknown> {
  const payload = pullRequestPayload({ number: 7 });
  const pr = payload.pull_request as Record<string, unknown>;
  return {
    ...payload,
    pull_request: { ...pr, base: { ref: base, repo: { full_name: REPO } } },
    repository: { full_name: REPO, default_branch: "main" },
  };
}

describe("cache scope", () => {
  it("a push to main reads and writes main's scope only", () => {
    const scope = cacheScopeFromEvent(
      { GITHUB_REPOSITORY: REPO, GITHUB_REF: "refs/heads/main", GITHUB_EVENT_NAME: "push" },
      { ref: "refs/heads/main", repository: { full_name: REPO, default_branch: "main" } },
    );
    expect(scope).toMatchObject({
      repository: REPO,
      ref: "refs/heads/main",
      id: "octo/models@refs/heads/main",
      event: "push",
      branch: "main",
      baseBranch: null,
      defaultBranch: "main",
    });
    expect(scope.readScopes).toEqual([{ repository: REPO, ref: "refs/heads/main" }]);
  });

  it("a push to another branch also reads the default branch, after its own", () => {
    const scope = cacheScopeFromEvent(
      { GITHUB_REPOSITORY: REPO, GITHUB_REF: "refs/heads/dev", GITHUB_EVENT_NAME: "push" },
      { repository: { default_branch: "main" } },
    );
    expect(scope.readScopes.map((s) => s.ref)).toEqual(["refs/heads/dev", "refs/heads/main"]);
    expect(scope.branch).toBe("dev");
  });

  it("a pull request reads its own scope, then its base branch, then the default branch", () => {
    const scope = cacheScopeFromEvent(
      {
        GITHUB_REPOSITORY: REPO,
        GITHUB_REF: "refs/pull/7/merge",
        GITHUB_BASE_REF: "release/2",
        GITHUB_EVENT_NAME: "pull_request",
      },
      prPayload("release/2"),
    );
    expect(scope).toMatchObject({ event: "pull_request", baseBranch: "release/2", branch: null });
    expect(scope.id).toBe("octo/models@refs/pull/7/merge");
    expect(scope.readScopes.map((s) => s.ref)).toEqual([
      "refs/pull/7/merge",
      "refs/heads/release/2",
      "refs/heads/main",
    ]);
  });

  it("takes the base branch from the payload when GITHUB_BASE_REF is unset", () => {
    const scope = cacheScopeFromEvent(
      { GITHUB_REPOSITORY: REPO, GITHUB_REF: "refs/pull/7/merge", GITHUB_EVENT_NAME: "pull_request" },
      prPayload("dev"),
    );
    expect(scope.baseBranch).toBe("dev");
  });

  it("gives pull_request_target the pull request's scope, not the base branch GITHUB_REF names", () => {
    const scope = cacheScopeFromEvent(
      {
        GITHUB_REPOSITORY: REPO,
        GITHUB_REF: "refs/heads/main",
        GITHUB_BASE_REF: "main",
        GITHUB_EVENT_NAME: "pull_request_target",
      },
      prPayload(),
    );
    expect(scope.ref).toBe("refs/pull/7/merge");
    expect(scope.readScopes[0]?.ref).toBe("refs/pull/7/merge");
    expect(() =>
      cacheScopeFromEvent(
        { GITHUB_REPOSITORY: REPO, GITHUB_REF: "refs/heads/main", GITHUB_EVENT_NAME: "pull_request_target" },
        {},
      ),
    ).toThrow(ScopeError);
  });

  it("a tag or a release reads its own scope and the default branch", () => {
    const scope = cacheScopeFromEvent(
      { GITHUB_REPOSITORY: REPO, GITHUB_REF: "refs/tags/v1.0", GITHUB_EVENT_NAME: "release" },
      { repository: { default_branch: "main" } },
    );
    expect(scope).toMatchObject({ event: "other", branch: null });
    expect(scope.readScopes.map((s) => s.ref)).toEqual(["refs/tags/v1.0", "refs/heads/main"]);
  });

  it("a merge queue group reads its base branch", () => {
    const scope = cacheScopeFromEvent(
      {
        GITHUB_REPOSITORY: REPO,
        GITHUB_REF: "refs/heads/gh-readonly-queue/main/pr-7-abc",
        GITHUB_EVENT_NAME: "merge_group",
      },
      { merge_group: { base_ref: "refs/heads/main" }, repository: { default_branch: "main" } },
    );
    expect(scope.baseBranch).toBe("main");
    expect(scope.readScopes.map((s) => s.ref)).toEqual([
      "refs/heads/gh-readonly-queue/main/pr-7-abc",
      "refs/heads/main",
    ]);
  });

  it("lets only the allow-listed events save, each into its own scope", () => {
    for (const event of SAVING_EVENTS) {
      const scope = cacheScopeFromEvent(
        { GITHUB_REPOSITORY: REPO, GITHUB_REF: "refs/heads/main", GITHUB_EVENT_NAME: event },
        event === "pull_request" ? prPayload() : { repository: { default_branch: "main" } },
      );
      expect(scope.readOnly, event).toBeNull();
    }
    for (const event of [
      "pull_request_target",
      "issue_comment",
      "workflow_run",
      "pull_request_review",
      "check_run",
      "repository_dispatch",
      "",
    ]) {
      const scope = cacheScopeFromEvent(
        { GITHUB_REPOSITORY: REPO, GITHUB_REF: "refs/heads/main", GITHUB_EVENT_NAME: event },
        prPayload(),
      );
      expect(scope.readOnly, event).toMatch(
        /saves nothing: GitHub gives such a job the cache rights of refs\/heads\/main/,
      );
    }
  });

  it("a pull_request_target job reads only what its pull request may read, and says why it saves nothing", () => {
    const scope = cacheScopeFromEvent(
      {
        GITHUB_REPOSITORY: REPO,
        GITHUB_REF: "refs/heads/release/2",
        GITHUB_BASE_REF: "release/2",
        GITHUB_EVENT_NAME: "pull_request_target",
      },
      prPayload("release/2"),
    );
    expect(scope.readScopes.map((s) => s.ref)).toEqual([
      "refs/pull/7/merge",
      "refs/heads/release/2",
      "refs/heads/main",
    ]);
    expect(scope.readOnly).toContain("a job of the pull_request_target event");
    expect(scope.readOnly).toContain("the cache rights of refs/heads/release/2");
  });

  it("a comment on a pull request reads that pull request's scope and the default branch's", () => {
    const scope = cacheScopeFromEvent(
      { GITHUB_REPOSITORY: REPO, GITHUB_REF: "refs/heads/main", GITHUB_EVENT_NAME: "issue_comment" },
      issueComment().event as Record<string, unknown>,
    );
    expect(scope.readScopes.map((s) => s.ref)).toEqual(["refs/pull/7/merge", "refs/heads/main"]);
    // A comment on an issue that is no pull request names none.
    const onIssue = cacheScopeFromEvent(
      { GITHUB_REPOSITORY: REPO, GITHUB_REF: "refs/heads/main", GITHUB_EVENT_NAME: "issue_comment" },
      { issue: { number: 9 }, repository: { default_branch: "main" } },
    );
    expect(onIssue.readScopes.map((s) => s.ref)).toEqual(["refs/heads/main"]);
  });

  it("a review reads its pull request's scope and base branch; other events their default branch only", () => {
    const review = cacheScopeFromEvent(
      { GITHUB_REPOSITORY: REPO, GITHUB_REF: "refs/pull/7/merge", GITHUB_EVENT_NAME: "pull_request_review" },
      prPayload("dev"),
    );
    expect(review.readScopes.map((s) => s.ref)).toEqual([
      "refs/pull/7/merge",
      "refs/heads/dev",
      "refs/heads/main",
    ]);
    // A deployment of another branch: that branch's entries are its pushes', which no pull request reads.
    const deployment = cacheScopeFromEvent(
      { GITHUB_REPOSITORY: REPO, GITHUB_REF: "refs/heads/staging", GITHUB_EVENT_NAME: "deployment" },
      { repository: { default_branch: "main" } },
    );
    expect(deployment.readScopes.map((s) => s.ref)).toEqual(["refs/heads/main"]);
    expect(deployment.readOnly).not.toBeNull();
  });

  it("refuses to guess a scope without GITHUB_REPOSITORY or GITHUB_REF", () => {
    expect(() => cacheScopeFromEvent({ GITHUB_REF: "refs/heads/main" }, {})).toThrow(/GITHUB_REPOSITORY/);
    expect(() => cacheScopeFromEvent({ GITHUB_REPOSITORY: REPO }, {})).toThrow(ScopeError);
  });

  it("reads the payload file the runner writes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-event-"));
    const file = path.join(dir, "event.json");
    fs.writeFileSync(file, JSON.stringify(prPayload("dev")));
    const scope = workflowCacheScope({
      GITHUB_REPOSITORY: REPO,
      GITHUB_REF: "refs/pull/7/merge",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: file,
    });
    expect(scope.readScopes.map((s) => s.ref)).toEqual([
      "refs/pull/7/merge",
      "refs/heads/dev",
      "refs/heads/main",
    ]);
  });

  it("the CLI's scope is one of its own", () => {
    expect(LOCAL_SCOPE.readScopes).toEqual([{ repository: "local", ref: "local" }]);
    expect(branchOfRef("refs/heads/a/b")).toBe("a/b");
    expect(branchOfRef("refs/tags/a")).toBeNull();
  });
});
