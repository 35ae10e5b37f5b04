// Which cache scope a job belongs to, and which scopes it may read, the way GitHub scopes its own
// cache: an entry belongs to the repository and ref that saved it; a job reads its own scope, then
// its base branch's, then the default branch's, and writes only its own. Everything comes from the
// runner's environment and the event payload it wrote (GITHUB_EVENT_PATH), never from the API, so
// the answer is the same offline and cannot be steered by anything a build writes.
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
}

export const LOCAL_SCOPE: CacheScope = {
  repository: "local",
  ref: "local",
  id: "local@local",
  event: "other",
  baseBranch: null,
  defaultBranch: null,
  branch: null,
  readScopes: [{ repository: "local", ref: "local" }],
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

export class ScopeError extends Error {}

/**
 * The job's scope from the runner's environment and the event payload. Throws ScopeError when a
 * workflow job lacks what every runner sets (GITHUB_REPOSITORY, GITHUB_REF): guessing would mix
 * scopes, which is what scoping is there to stop.
 */
export function cacheScopeFromEvent(env: NodeJS.ProcessEnv, payload: Record<string, unknown>): CacheScope {
  const repository = nonEmpty(env.GITHUB_REPOSITORY);
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  let ref = nonEmpty(env.GITHUB_REF);
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
  const baseBranch = isPullRequest
    ? (bareBranch(env.GITHUB_BASE_REF) ?? bareBranch(field(payload, "pull_request", "base", "ref")))
    : // A merge queue's group builds on top of its base branch, like a pull request.
      eventName === "merge_group"
      ? bareBranch(field(payload, "merge_group", "base_ref"))
      : null;
  const defaultBranch = bareBranch(field(payload, "repository", "default_branch"));
  const branch = isPullRequest ? null : branchOfRef(ref);

  const readScopes: ScopeRef[] = [];
  const add = (r: string): void => {
    if (!readScopes.some((s) => s.ref === r)) readScopes.push({ repository, ref: r });
  };
  add(ref);
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
  };
}

/**
 * A workflow job's scope, from its environment and the payload file the runner wrote. The CLI uses
 * LOCAL_SCOPE instead, even inside a workflow: its entries are its own.
 */
export function workflowCacheScope(env: NodeJS.ProcessEnv = process.env): CacheScope {
  return cacheScopeFromEvent(env, readEventPayload(env));
}
