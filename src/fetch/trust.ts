// Which runs `trt-pte fetch` takes builds from. A run's artifacts are whatever its jobs uploaded, and a
// pull request's run executes the workflow files of the pull request's own commit: a fork can rewrite
// them so that a job on a hosted runner uploads `x.pte` with a matching `x.report.json`, and every
// digest then checks out. So the bytes' checks prove nothing about who built them; which run they come
// from does. fetch takes a run's builds when:
//
// - the run's code is the repository's own (its `head_repository` is the repository asked for) and
//   no fork's pull request is involved; for `--branch`, also only runs of the events that build the
//   branch itself (BRANCH_EVENTS), never a pull request's run, whose head branch may carry any name;
// - otherwise (a fork's run, or any run for a fork's pull request) only when GitHub confirms what the
//   fork-PR commenter confirms before it shows a fork run's results (src/gather/fork-run.ts): the run
//   succeeded, and a required reviewer of the `trt-pte-fork-pr` environment approved its fork gate.

import { checkForkRun, type RunReviewApi } from "../gather/fork-run.js";
import type { GitHubRest } from "./rest.js";

/** A workflow run as GET /repos/{owner}/{repo}/actions/runs(/{run_id}) gives it (`workflow-run`). */
export interface RestRun {
  id: number;
  head_sha: string;
  head_branch?: string | null;
  event?: string;
  status?: string | null;
  conclusion?: string | null;
  /** The repository the run's code came from: a fork's for a fork's pull request; null once deleted. */
  head_repository?: { full_name?: string } | null;
}

/**
 * The events whose runs build a branch of the repository itself, from its own commits: a push to it,
 * a manual or a scheduled run on it. Not `pull_request` or `pull_request_target` (a pull request's
 * head branch, a fork's included, can be called `main`), nor `workflow_run` (its head branch and
 * commit are the triggering run's, which can be a fork's), nor `merge_group` or `release` (their head
 * branch is a merge queue's branch or a tag, never the branch asked for).
 */
export const BRANCH_EVENTS = ["push", "workflow_dispatch", "schedule"] as const;

export type Trust = { trusted: true } | { trusted: false; why: string };

export function sameRepository(a: string, b: string): boolean {
  return a !== "" && a.toLowerCase() === b.toLowerCase();
}

export function headRepository(run: RestRun): string {
  const name = run.head_repository?.full_name;
  return typeof name === "string" ? name : "";
}

export function isBranchEvent(event: string | undefined): boolean {
  return (BRANCH_EVENTS as readonly string[]).includes(event ?? "");
}

/**
 * A REST failure as a plain error: checkForkRun words the problem itself, and its hint is the
 * commenter job's; fetch's own hint (the token's `actions: read`) comes with the error it ends in.
 */
async function plain<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (e) {
    throw new Error((e as Error).message, { cause: e });
  }
}

function runReviews(rest: GitHubRest, repo: string): RunReviewApi {
  return {
    run: (id) =>
      plain(
        rest.json<{ status: string | null; conclusion: string | null }>(
          `/repos/${repo}/actions/runs/${id}`,
          `run ${id}`,
        ),
      ),
    approvals: (id) =>
      plain(
        rest.json<{ state: string; environments: { name?: string }[]; user: { login: string } | null }[]>(
          `/repos/${repo}/actions/runs/${id}/approvals`,
          `the review history of run ${id}`,
        ),
      ),
  };
}

/**
 * Whether fetch takes run `run`'s builds. `fork` is the fork a pull request comes from (its head
 * repository, when that is not `repo`), or null: every run for a fork's pull request needs the fork
 * gate's approval, whatever repository GitHub says its code came from.
 */
export async function trustRun(
  rest: GitHubRest,
  repo: string,
  run: RestRun,
  fork: string | null,
): Promise<Trust> {
  const head = headRepository(run);
  if (fork === null && sameRepository(head, repo)) return { trusted: true };
  const check = await checkForkRun(runReviews(rest, repo), run.id);
  if (check.confirmed) return { trusted: true };
  const origin = !sameRepository(head, repo)
    ? head === ""
      ? "from a repository GitHub no longer has (a deleted fork)"
      : `from fork ${head}`
    : `for the pull request of fork ${fork}`;
  return { trusted: false, why: `run ${run.id} is ${origin}, and ${check.unconfirmed.join("; ")}` };
}
