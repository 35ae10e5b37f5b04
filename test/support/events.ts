import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// The `github` context of the events the workflows meet, shaped like GitHub's webhook payloads
// (only the fields the workflows and the report step read, with GitHub's names).

export const BASE_REPOSITORY = "octo/models";
export const FORK_REPOSITORY = "mallory/models";
export const HEAD_SHA = "1111111111111111111111111111111111111111";

export interface PullRequestOptions {
  eventName?: "pull_request" | "pull_request_target";
  action?: string;
  fromFork?: boolean;
  /** The fork was deleted after the pull request was opened: GitHub sends `head.repo: null`. */
  deletedFork?: boolean;
  /** The label of a `labeled` event. */
  label?: string;
  /** Labels the pull request carries. */
  labels?: string[];
  number?: number;
}

export function pullRequestPayload(options: PullRequestOptions = {}): Record<string, unknown> {
  const headRepository = options.fromFork ? FORK_REPOSITORY : BASE_REPOSITORY;
  const [owner] = headRepository.split("/");
  return {
    action: options.action ?? "opened",
    number: options.number ?? 7,
    pull_request: {
      number: options.number ?? 7,
      head: {
        sha: HEAD_SHA,
        ref: "feature",
        repo: options.deletedFork
          ? null
          : { full_name: headRepository, fork: !!options.fromFork, owner: { login: owner } },
      },
      base: { ref: "main", repo: { full_name: BASE_REPOSITORY } },
      labels: (options.labels ?? []).map((name) => ({ name })),
    },
    ...(options.label === undefined ? {} : { label: { name: options.label } }),
    repository: { full_name: BASE_REPOSITORY, default_branch: "main" },
    sender: { login: options.fromFork ? "mallory" : "octocat" },
  };
}

/**
 * GITHUB_REF as the runner sets it: a pull request's merge ref for pull_request and its reviews, the
 * base branch for pull_request_target, the default branch for events like issue_comment and
 * workflow_run (GitHub's "Events that trigger workflows").
 */
function eventRef(eventName: string, event: Record<string, unknown>): string {
  const pr = event.pull_request as { number?: number; base?: { ref?: string } } | undefined;
  if (eventName === "pull_request_target") return `refs/heads/${pr?.base?.ref ?? "main"}`;
  if (eventName.startsWith("pull_request")) return `refs/pull/${pr?.number ?? 7}/merge`;
  return "refs/heads/main";
}

export function githubContext(eventName: string, event: Record<string, unknown>): Record<string, unknown> {
  return {
    event_name: eventName,
    event,
    repository: BASE_REPOSITORY,
    sha: "2222222222222222222222222222222222222222",
    ref: eventRef(eventName, event),
    run_id: "4242",
    server_url: "https://github.com",
  };
}

export function pullRequest(options: PullRequestOptions = {}): Record<string, unknown> {
  return githubContext(options.eventName ?? "pull_request", pullRequestPayload(options));
}

export const push = (): Record<string, unknown> =>
  githubContext("push", {
    ref: "refs/heads/main",
    after: HEAD_SHA,
    repository: { full_name: BASE_REPOSITORY, default_branch: "main" },
  });

export const workflowDispatch = (): Record<string, unknown> =>
  githubContext("workflow_dispatch", {
    ref: "refs/heads/main",
    inputs: {},
    repository: { full_name: BASE_REPOSITORY, default_branch: "main" },
  });

/** "/build" commented on pull request 7: GitHub's issue_comment payload (an issue that is a pull request). */
export const issueComment = (options: { number?: number; body?: string } = {}): Record<string, unknown> =>
  githubContext("issue_comment", {
    action: "created",
    issue: {
      number: options.number ?? 7,
      pull_request: {
        url: `https://api.github.com/repos/${BASE_REPOSITORY}/pulls/${options.number ?? 7}`,
        html_url: `https://github.com/${BASE_REPOSITORY}/pull/${options.number ?? 7}`,
      },
    },
    comment: { id: 31337, body: options.body ?? "/build", user: { login: "octocat" } },
    repository: { full_name: BASE_REPOSITORY, default_branch: "main" },
    sender: { login: "octocat" },
  });

/** The numeric IDs GitHub gives the base repository and a fork (payloads name repositories by ID too). */
export const BASE_REPOSITORY_ID = 1001;
export const FORK_REPOSITORY_ID = 2002;

/** A `workflow_run.pull_requests` entry, in GitHub's minimal shape: repositories by id, url and name only. */
function minimalPullRequest(number: number, base: { id: number; full_name: string }, head: typeof base) {
  const repo = (r: typeof base) => ({
    id: r.id,
    url: `https://api.github.com/repos/${r.full_name}`,
    name: r.full_name.split("/")[1],
  });
  return {
    url: `https://api.github.com/repos/${base.full_name}/pulls/${number}`,
    id: 80000 + number,
    number,
    head: { ref: "feature", sha: HEAD_SHA, repo: repo(head) },
    base: { ref: "main", sha: "3".repeat(40), repo: repo(base) },
  };
}

export function workflowRunPayload(options: {
  fromFork: boolean;
  listed?: boolean;
  /** GitHub also lists a pull request of the head branch whose base is another repository. */
  listedElsewhere?: { number: number };
}): Record<string, unknown> {
  const head = options.fromFork ? FORK_REPOSITORY : BASE_REPOSITORY;
  const base = { id: BASE_REPOSITORY_ID, full_name: BASE_REPOSITORY };
  const headRepo = options.fromFork ? { id: FORK_REPOSITORY_ID, full_name: FORK_REPOSITORY } : base;
  const elsewhere = options.listedElsewhere
    ? [minimalPullRequest(options.listedElsewhere.number, { id: 3003, full_name: "eve/models" }, headRepo)]
    : [];
  return {
    action: "completed",
    workflow_run: {
      id: 9001,
      event: "pull_request",
      status: "completed",
      conclusion: "success",
      head_sha: HEAD_SHA,
      head_branch: "feature",
      head_repository: { id: headRepo.id, full_name: head, owner: { login: head.split("/")[0] } },
      // GitHub lists the pull request here only for same-repository branches.
      pull_requests: [
        ...elsewhere,
        ...(options.fromFork || options.listed === false ? [] : [minimalPullRequest(7, base, headRepo)]),
      ],
    },
    repository: { id: BASE_REPOSITORY_ID, full_name: BASE_REPOSITORY },
  };
}

/**
 * The variables a runner sets for a job of this `github` context (as built above), with the event
 * payload written to a file as the runner does (GITHUB_EVENT_PATH). GITHUB_BASE_REF and
 * GITHUB_HEAD_REF are set for pull_request events only.
 */
export function runnerEventEnv(context: Record<string, unknown>): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-event-"));
  const file = path.join(dir, "event.json");
  fs.writeFileSync(file, JSON.stringify(context.event));
  const eventName = String(context.event_name);
  const pr = (context.event as { pull_request?: { base: { ref: string }; head: { ref: string } } })
    .pull_request;
  return {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: file,
    GITHUB_REPOSITORY: String(context.repository),
    GITHUB_REF: String(context.ref),
    GITHUB_SHA: String(context.sha),
    ...(eventName.startsWith("pull_request") && pr
      ? { GITHUB_BASE_REF: pr.base.ref, GITHUB_HEAD_REF: pr.head.ref }
      : {}),
  };
}
