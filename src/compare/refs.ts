// Which branch this run's baseline belongs to, and which branch it compares with, from the job's
// cache scope (src/cache/scope.ts: the runner's environment and event payload, never the API or a
// downloaded file). A push to a branch records a baseline and compares with that branch's previous
// one; a pull request (or merge-queue group) reads its base branch's; anything else reads its own
// branch's or the default branch's and records nothing. Outside a workflow there is no branch.
//
// A branch's baselines lie in its own scope (`refs/heads/<branch>`), where only pushes to it save
// them: that scope is the only one a baseline is read from (src/cache/select.ts `readOnlyFrom`).
// GitHub's cache service cannot be told so; it reads the job's own scope first, which the code a
// pull request builds can save into, so there the comparison is advisory (`shadowable`).

import { ScopeError, workflowCacheScope } from "../cache/scope.js";

export interface CompareRefs {
  /** The branch a push run records a baseline for; null when this run records none. */
  saveBranch: string | null;
  /** The branch whose newest baseline this run compares with; null when there is none to name. */
  baseBranch: string | null;
  /** The scope that holds baseBranch's baselines, `refs/heads/<baseBranch>`; null with no baseBranch. */
  baseScope: string | null;
  /**
   * Whether a store that picks its scopes itself (GitHub's) reads a scope before baseScope that
   * other code than the base branch's can save into: true unless this job saves into baseScope
   * itself (a push, schedule or dispatch on that branch, which runs that branch's code).
   */
  shadowable: boolean;
}

const NONE: CompareRefs = { saveBranch: null, baseBranch: null, baseScope: null, shadowable: false };

export function compareRefs(env: NodeJS.ProcessEnv): CompareRefs {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_REF) return NONE;
  let scope;
  try {
    scope = workflowCacheScope(env);
  } catch (e) {
    if (e instanceof ScopeError) return NONE;
    throw e;
  }
  const saveBranch = scope.event === "push" ? scope.branch : null;
  const baseBranch =
    scope.event === "pull_request"
      ? (scope.baseBranch ?? scope.defaultBranch)
      : (scope.baseBranch ?? scope.branch ?? scope.defaultBranch);
  const baseScope = baseBranch === null ? null : `refs/heads/${baseBranch}`;
  const shadowable = baseScope !== null && (scope.readOnly !== null || scope.ref !== baseScope);
  return { saveBranch, baseBranch, baseScope, shadowable };
}
