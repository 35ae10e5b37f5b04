// Which cache scope a job belongs to, and which scopes it may read, the way GitHub scopes its own
// cache: an entry belongs to the repository and ref that saved it; a job reads its own scope, then
// its base branch's, then the default branch's, and writes only its own. Everything comes from the
// runner's environment and the event payload it wrote (GITHUB_EVENT_PATH), never from the API, so
// the answer is the same offline and cannot be steered by anything a build writes.
//
// Which events may save at all is an allow-list (SAVING_EVENTS): a job of any other event restores
// only, and only from the scopes a pull request may read. GitHub hands `pull_request_target`,
// `issue_comment`, `workflow_run` and most other events the base or default branch's cache rights,
// while what such a job builds may be a pull request's head; a save there would reach the next push
// to that branch as a cache hit.
//
// The CLI has one scope of its own (LOCAL_SCOPE), wherever it runs.

import { readEventPayload } from "../github/pull-request.js";
import { scopeId, type ScopeRef, type StoreScope } from "../platform/store.js";

export { scopeId, type ScopeRef };

/** What started the job, as far as scopes care. */
export type ScopeEvent = "push" | "pull_request" | "other";

export interface CacheScope extends StoreScope {
  /** The scope's identity, `<repository>@<ref>`: what a store files this job's entries under. */
  id: string;
  event: ScopeEvent;
  /** The branch a pull request merges into (no `refs/heads/`); null for other events. */
  baseBranch: string | null;
  /** The repository's default branch from the event payload; null when the payload does not say. */
  defaultBranch: string | null;
  /** This job's own branch (no `refs/heads/`) when its ref is a branch; null for PRs, tags, local. */
  branch: string | null;
  /**
   * The scopes this job may restore from, most trusted-and-specific first: its own, its base
   * branch's, the default branch's (each once). Every one is in this job's repository.
   */
  readScopes: ScopeRef[];
  /**
   * Why this job saves nothing into any scope, in words for the log; null when it may save into
   * its own. Non-null for every event outside SAVING_EVENTS.
   */
  readOnly: string | null;
}

/**
 * The events whose jobs may save, each into its own scope only. Each one's job runs the code of the
 * ref whose scope it writes, or a scope only its own pull request reads:
 * - push: the pushed commit, in that branch's (or tag's) scope;
 * - pull_request: the pull request's merge commit, in `refs/pull/<n>/merge`, which only that pull
 *   request reads (GitHub gives a pull request's token write access to that scope alone);
 * - merge_group: the queued merge, in its own `gh-readonly-queue/...` branch's scope;
 * - release: the released tag, in the tag's scope;
 * - schedule: the default branch's newest commit, in its scope;
 * - workflow_dispatch: the chosen ref, started by someone with write access, in that ref's scope.
 * Every other event restores only. The reusable workflow's venv cache follows the same list
 * (.github/workflows/compile-pte.yml, "Save the Python venv"; test/workflows/ checks they agree).
 */
export const SAVING_EVENTS: readonly string[] = [
  "push",
  "pull_request",
  "merge_group",
  "release",
  "schedule",
  "workflow_dispatch",
];

export const LOCAL_SCOPE: CacheScope = {
  repository: "local",
  ref: "local",
  id: "local@local",
  event: "other",
  baseBranch: null,
  defaultBranch: null,
  branch: null,
  readScopes: [{ repository: "local", ref: "local" }],
  readOnly: null,
};

const HEADS = "refs/heads/";
const PULL_REQUEST_EVENTS = new Set(["pull_request", "pull_request_target"]);

/** `refs/heads/x` → `x`; anything else (a tag, a PR merge ref) → null. */
export function branchOfRef(ref: string): string | null {
  return ref.startsWith(HEADS) && ref.length > HEADS.length ? ref.slice(HEADS.length) : null;
}

function field(obj: unknown, ...keys: string[]): unknown {
  let value = obj;
  for (const key of keys) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function nonEmpty(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** A branch name as written in GITHUB_BASE_REF or a payload (bare, or a full `refs/heads/` ref). */
function bareBranch(value: unknown): string | null {
  const text = nonEmpty(value);
  if (text === null) return null;
  return text.startsWith("refs/") ? branchOfRef(text) : text;
}

/**
 * The pull request a job of another event is about, from its payload: `pull_request` for the
 * pull_request family, `issue` for a comment on a pull request (GitHub marks those with
 * `issue.pull_request`). Null when the payload names none.
 */
function pullRequestNumber(payload: Record<string, unknown>): number | null {
  const direct = field(payload, "pull_request", "number");
  if (typeof direct === "number") return direct;
  const issue = field(payload, "issue", "number");
  const isPullRequest = field(payload, "issue", "pull_request");
  return typeof issue === "number" && typeof isPullRequest === "object" && isPullRequest !== null
    ? issue
    : null;
}

/** Why a job of `eventName` saves nothing, for the log. */
function readOnlyReason(eventName: string, ref: string): string {
  const what =
    eventName === ""
      ? "a job whose event GITHUB_EVENT_NAME does not name"
      : `a job of the ${eventName} event`;
  return (
    `${what} restores from the caches a pull request may read and saves nothing: ` +
    `GitHub gives such a job the cache rights of ${ref} while what it builds may come from a pull request, ` +
    `so only ${SAVING_EVENTS.join(", ")} jobs save (docs/caching.md "Which events save")`
  );
}

export class ScopeError extends Error {}

/**
 * The job's scope from the runner's environment and the event payload. Throws ScopeError when a
 * workflow job lacks what every runner sets (GITHUB_REPOSITORY, GITHUB_REF): guessing would mix
 * scopes, which is what scoping is there to stop.
 */
export function cacheScopeFromEvent(env: NodeJS.ProcessEnv, payload: Record<string, unknown>): CacheScope {
  const repository = nonEmpty(env.GITHUB_REPOSITORY);
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const runnerRef = nonEmpty(env.GITHUB_REF);
  let ref = runnerRef;
  const isPullRequest = PULL_REQUEST_EVENTS.has(eventName);
  if (eventName === "pull_request_target") {
    // pull_request_target runs with GITHUB_REF set to the base branch, yet workflows commonly build
    // the pull request's head there: give it the pull request's own scope, never the base branch's.
    const number = field(payload, "pull_request", "number");
    if (typeof number !== "number") {
      throw new ScopeError(
        "a pull_request_target job's cache scope needs pull_request.number from the event payload at GITHUB_EVENT_PATH, and it has none",
      );
    }
    ref = `refs/pull/${number}/merge`;
  }
  if (repository === null || ref === null) {
    throw new ScopeError(
      `the job's cache scope needs GITHUB_REPOSITORY and GITHUB_REF, which every GitHub runner sets (got ${JSON.stringify(repository ?? "")} and ${JSON.stringify(ref ?? "")})`,
    );
  }
  const event: ScopeEvent = isPullRequest ? "pull_request" : eventName === "push" ? "push" : "other";
  const readOnly = SAVING_EVENTS.includes(eventName) ? null : readOnlyReason(eventName, runnerRef ?? ref);
  const baseBranch = isPullRequest
    ? (bareBranch(env.GITHUB_BASE_REF) ?? bareBranch(field(payload, "pull_request", "base", "ref")))
    : // A merge queue's group builds on top of its base branch, like a pull request.
      eventName === "merge_group"
      ? bareBranch(field(payload, "merge_group", "base_ref"))
      : // The pull request a review or review comment is about.
        readOnly !== null
        ? bareBranch(field(payload, "pull_request", "base", "ref"))
        : null;
  const defaultBranch = bareBranch(field(payload, "repository", "default_branch"));
  const branch = isPullRequest ? null : branchOfRef(ref);

  const readScopes: ScopeRef[] = [];
  const add = (r: string): void => {
    if (!readScopes.some((s) => s.ref === r)) readScopes.push({ repository, ref: r });
  };
  if (readOnly === null) {
    add(ref);
  } else {
    // Only what a pull request may read: its own scope, its base branch's, the default branch's.
    // The job's own ref counts only as one of those: for an event like `deployment` or `create`
    // it may be any branch, holding what that branch's pushes built, which no pull request reads.
    const number = pullRequestNumber(payload);
    if (number !== null) add(`refs/pull/${number}/merge`);
  }
  if (baseBranch !== null) add(`${HEADS}${baseBranch}`);
  if (defaultBranch !== null) add(`${HEADS}${defaultBranch}`);
  return {
    repository,
    ref,
    id: scopeId({ repository, ref }),
    event,
    baseBranch,
    defaultBranch,
    branch,
    readScopes,
    readOnly,
  };
}

/**
 * A workflow job's scope, from its environment and the payload file the runner wrote. The CLI uses
 * LOCAL_SCOPE instead, even inside a workflow: its entries are its own.
 */
export function workflowCacheScope(env: NodeJS.ProcessEnv = process.env): CacheScope {
  return cacheScopeFromEvent(env, readEventPayload(env));
}
