// Which pull request a run's comment belongs to, from GitHub's own event payload (never from a
// downloaded file): directly for pull_request events, and for the fork-PR commenter (a
// `workflow_run` event) by matching the triggering run's head commit against open pull requests.

import { existsSync, readFileSync } from "node:fs";
import type { getOctokit } from "@actions/github";

type Octokit = ReturnType<typeof getOctokit>;
type Json = Record<string, unknown>;

export interface PullRequestRef {
  number: number;
  /** The head commit the results were built from. */
  headSha: string;
  /** Whether the head branch lives in another repository (a fork). */
  fromFork: boolean;
}

const PULL_REQUEST_EVENTS = [
  "pull_request",
  "pull_request_target",
  "pull_request_review",
  "pull_request_review_comment",
];

function field(obj: unknown, ...keys: string[]): unknown {
  let value = obj;
  for (const key of keys) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Json)[key];
  }
  return value;
}

function asString(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** The pull request of a pull_request-family event, or null for any other event. */
export function pullRequestOfEvent(
  eventName: string,
  payload: Json,
  repository: string,
): PullRequestRef | null {
  if (!PULL_REQUEST_EVENTS.includes(eventName)) return null;
  const number = field(payload, "pull_request", "number");
  if (typeof number !== "number") return null;
  return {
    number,
    headSha: asString(field(payload, "pull_request", "head", "sha")),
    // A deleted fork has no head repository: still a fork.
    fromFork: asString(field(payload, "pull_request", "head", "repo", "full_name")) !== repository,
  };
}

/**
 * The pull request whose run triggered a `workflow_run` event. GitHub lists it in
 * `workflow_run.pull_requests` only for same-repository branches; for a fork the open pull requests
 * of `<fork owner>:<branch>` are searched and the one whose head is exactly the run's commit wins.
 */
export async function pullRequestOfWorkflowRun(
  payload: Json,
  repository: string,
  octokit: Octokit,
): Promise<PullRequestRef | null> {
  const run = field(payload, "workflow_run");
  const event = asString(field(run, "event"));
  if (event !== "pull_request" && event !== "pull_request_target") return null;
  const headSha = asString(field(run, "head_sha"));
  const fromFork = asString(field(run, "head_repository", "full_name")) !== repository;
  const listed = field(run, "pull_requests");
  if (Array.isArray(listed)) {
    for (const pr of listed) {
      if (!basedHere(pr, payload)) continue;
      if (typeof field(pr, "number") === "number" && asString(field(pr, "head", "sha")) === headSha) {
        return { number: field(pr, "number") as number, headSha, fromFork };
      }
    }
  }
  const owner = asString(field(run, "head_repository", "owner", "login"));
  const branch = asString(field(run, "head_branch"));
  if (owner === "" || branch === "" || headSha === "") return null;
  const [baseOwner = "", baseRepo = ""] = repository.split("/");
  const { data } = await octokit.rest.pulls.list({
    owner: baseOwner,
    repo: baseRepo,
    state: "open",
    head: `${owner}:${branch}`,
    per_page: 100,
  });
  const match = data.find((pr) => pr.head.sha === headSha);
  return match === undefined ? null : { number: match.number, headSha, fromFork };
}

/**
 * Whether a `workflow_run.pull_requests` entry is a pull request of this repository. GitHub lists the
 * pull requests whose head is the run's branch, and one opened from that branch against another
 * repository (inside the fork, or to a third one) is listed too: its number means nothing here. The
 * entries name their base repository by ID only (`base.repo: {id, url, name}`), so an entry counts
 * when that ID is the payload's `repository.id`; without one, none counts and the search decides.
 */
function basedHere(pr: unknown, payload: Json): boolean {
  const here = field(payload, "repository", "id");
  return typeof here === "number" && field(pr, "base", "repo", "id") === here;
}

/**
 * The event payload the runner wrote for this job, or an empty object when there is none (no
 * GITHUB_EVENT_PATH, or no file there). A file that is not JSON throws: the runner never writes one.
 */
export function readEventPayload(env: NodeJS.ProcessEnv): Json {
  const file = env.GITHUB_EVENT_PATH;
  if (file === undefined || file === "" || !existsSync(file)) return {};
  const parsed = JSON.parse(readFileSync(file, "utf8")) as unknown;
  return typeof parsed === "object" && parsed !== null ? (parsed as Json) : {};
}
