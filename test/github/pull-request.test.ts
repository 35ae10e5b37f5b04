// Which pull request the fork-PR commenter comments on, from a `workflow_run` payload in GitHub's
// shape, with the real Octokit client of @actions/github against a stand-in of GitHub's REST API.
// An entry of `workflow_run.pull_requests` whose base is another repository must never be used.

import { getOctokit } from "@actions/github";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pullRequestOfWorkflowRun } from "../../src/github/pull-request.js";
import { GitHubApi } from "../support/github-api.js";
import { StandInServer } from "../support/http.js";
import { BASE_REPOSITORY, HEAD_SHA, workflowRunPayload } from "../support/events.js";

const TOKEN = "ghs_pr";

describe("the pull request of a workflow_run", () => {
  const api = new GitHubApi(BASE_REPOSITORY, TOKEN);
  const server = new StandInServer([api]);
  let octokit: ReturnType<typeof getOctokit>;

  beforeAll(async () => {
    octokit = getOctokit(TOKEN, { baseUrl: await server.start() });
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    api.pulls.length = 0;
    server.requests.length = 0;
  });

  const find = (payload: Record<string, unknown>) =>
    pullRequestOfWorkflowRun(payload, BASE_REPOSITORY, octokit);

  it("takes a same-repository pull request from the payload, without asking the API", async () => {
    expect(await find(workflowRunPayload({ fromFork: false }))).toEqual({
      number: 7,
      headSha: HEAD_SHA,
      fromFork: false,
    });
    expect(server.requests).toEqual([]);
  });

  it("skips a listed pull request whose base is another repository, even listed first", async () => {
    const payload = workflowRunPayload({ fromFork: false, listedElsewhere: { number: 3 } });
    expect(await find(payload)).toMatchObject({ number: 7 });
  });

  it("never comments on another repository's pull request number: the search in this repository decides", async () => {
    api.pulls.push({ number: 12, head: { sha: HEAD_SHA, ref: "feature", label: "mallory:feature" } });
    const payload = workflowRunPayload({ fromFork: true, listedElsewhere: { number: 3 } });
    expect(await find(payload)).toEqual({ number: 12, headSha: HEAD_SHA, fromFork: true });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.url).toContain(`/repos/${BASE_REPOSITORY}/pulls?`);
  });

  it("finds nothing when only another repository's pull request has the commit", async () => {
    const payload = workflowRunPayload({ fromFork: true, listedElsewhere: { number: 3 } });
    expect(await find(payload)).toBeNull();
  });

  it("trusts no entry when the payload does not say which repository it is", async () => {
    const payload = workflowRunPayload({ fromFork: false });
    delete (payload.repository as Record<string, unknown>).id;
    api.pulls.push({ number: 7, head: { sha: HEAD_SHA, ref: "feature", label: "octo:feature" } });
    expect(await find(payload)).toMatchObject({ number: 7 });
    expect(server.requests).toHaveLength(1);
  });
});
