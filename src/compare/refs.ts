// Which branch this run's baseline belongs to, and which branch it compares with, from the job's
// cache scope (src/cache/scope.ts: the runner's environment and event payload, never the API or a
// downloaded file). A push to a branch records a baseline and compares with that branch's previous
// one; a pull request (or merge-queue group) reads its base branch's; anything else reads its own
// branch's or the default branch's and records nothing. Outside a workflow there is no branch.

import { ScopeError, workflowCacheScope } from "../cache/scope.js";

export interface CompareRefs {
  /** The branch a push run records a baseline for; null when this run records none. */
  saveBranch: string | null;
  /** The branch whose newest baseline this run compares with; null when there is none to name. */
  baseBranch: string | null;
}

export function compareRefs(env: NodeJS.ProcessEnv): CompareRefs {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_REF) return { saveBranch: null, baseBranch: null };
  let scope;
  try {
    scope = workflowCacheScope(env);
  } catch (e) {
    if (e instanceof ScopeError) return { saveBranch: null, baseBranch: null };
    throw e;
  }
  const saveBranch = scope.event === "push" ? scope.branch : null;
  const baseBranch =
    scope.event === "pull_request"
      ? (scope.baseBranch ?? scope.defaultBranch)
      : (scope.baseBranch ?? scope.branch ?? scope.defaultBranch);
  return { saveBranch, baseBranch };
}
