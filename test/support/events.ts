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
    repository: { full_name: BASE_REPOSITORY },
    sender: { login: options.fromFork ? "mallory" : "octocat" },
  };
}

export function githubContext(eventName: string, event: Record<string, unknown>): Record<string, unknown> {
  return {
    event_name: eventName,
    event,
    repository: BASE_REPOSITORY,
    sha: "2222222222222222222222222222222222222222",
    ref: eventName.startsWith("pull_request") ? "refs/pull/7/merge" : "refs/heads/main",
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
    repository: { full_name: BASE_REPOSITORY },
  });

export const workflowDispatch = (): Record<string, unknown> =>
  githubContext("workflow_dispatch", {
    ref: "refs/heads/main",
    inputs: {},
    repository: { full_name: BASE_REPOSITORY },
  });

export function workflowRunPayload(options: {
  fromFork: boolean;
  listed?: boolean;
}): Record<string, unknown> {
  const head = options.fromFork ? FORK_REPOSITORY : BASE_REPOSITORY;
  return {
    action: "completed",
    workflow_run: {
      id: 9001,
      event: "pull_request",
      head_sha: HEAD_SHA,
      head_branch: "feature",
      head_repository: { full_name: head, owner: { login: head.split("/")[0] } },
      // GitHub lists the pull request here only for same-repository branches.
      pull_requests:
        options.fromFork || options.listed === false ? [] : [{ number: 7, head: { sha: HEAD_SHA } }],
    },
    repository: { full_name: BASE_REPOSITORY },
  };
}
