// Whether a fork's run built what its result files say. The fork-PR commenter
// (workflows/comment-fork-prs.yml) downloads `trt-pte-result-*` files from a run whose workflow file
// the fork could rewrite: a job on a hosted runner can upload files of that name with no GPU, no fork
// gate and no reviewer. So before it shows them, it asks GitHub, with its own token, two things a fork
// cannot forge: that the run succeeded, and that a required reviewer approved the fork gate's
// environment for that run (the run's review history). What it cannot confirm, it says, and shows
// none of the files' claims.

import type { getOctokit } from "@actions/github";
import { code } from "../util/format.js";
import { runUrl, type RunLinks } from "../github/run-links.js";
import { errorMessage } from "../errors.js";

type Octokit = ReturnType<typeof getOctokit>;

/**
 * The environment the reusable workflow's fork gate waits on (.github/workflows/compile-pte.yml,
 * job `fork-gate`, where the name is fixed; test/gather/ checks the two agree).
 */
export const FORK_GATE_ENVIRONMENT = "trt-pte-fork-pr";

/** What the commenter reads of a run, in GitHub's REST shapes (GET .../actions/runs/{id} and .../approvals). */
export interface RunReviewApi {
  /** `status` and `conclusion` of the workflow run. */
  run(runId: number): Promise<{ status: string | null; conclusion: string | null }>;
  /** The run's environment review history, oldest first (`environment-approvals` entries). */
  approvals(
    runId: number,
  ): Promise<{ state: string; environments: { name?: string }[]; user: { login: string } | null }[]>;
}

export function octokitRunReviews(octokit: Octokit, repository: string): RunReviewApi {
  const [owner = "", repo = ""] = repository.split("/");
  return {
    async run(runId) {
      const { data } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId });
      return { status: data.status, conclusion: data.conclusion };
    },
    async approvals(runId) {
      const { data } = await octokit.rest.actions.getReviewsForRun({ owner, repo, run_id: runId });
      return data;
    },
  };
}

export type ForkRunCheck =
  { confirmed: true; approvedBy: string[] } | { confirmed: false; unconfirmed: string[] };

function apiProblem(what: string, error: unknown): string {
  const status = (error as { status?: number }).status;
  const hint =
    status === 401 || status === 403 || status === 404 ? "; give the commenter's job `actions: read`" : "";
  return `${what} could not be read (${errorMessage(error)})${hint}`;
}

/** Asks GitHub whether run `runId` succeeded and a required reviewer approved its fork gate. */
export async function checkForkRun(api: RunReviewApi, runId: number): Promise<ForkRunCheck> {
  const unconfirmed: string[] = [];
  try {
    const run = await api.run(runId);
    if (run.status !== "completed")
      unconfirmed.push(`the run has not completed (status ${code(String(run.status))})`);
    else if (run.conclusion !== "success")
      unconfirmed.push(`the run did not succeed (conclusion ${code(String(run.conclusion))})`);
  } catch (error) {
    unconfirmed.push(apiProblem("the run", error));
  }
  const approvedBy: string[] = [];
  try {
    for (const review of await api.approvals(runId)) {
      const gate = review.environments.some((e) => e.name === FORK_GATE_ENVIRONMENT);
      if (gate && review.state === "approved") approvedBy.push(review.user?.login ?? "");
    }
    if (approvedBy.length === 0)
      unconfirmed.push(
        `no required reviewer of the ${code(FORK_GATE_ENVIRONMENT)} environment approved the run (its fork gate)`,
      );
  } catch (error) {
    unconfirmed.push(apiProblem("the run's review history", error));
  }
  return unconfirmed.length === 0
    ? { confirmed: true, approvedBy: [...new Set(approvedBy)].filter((l) => l !== "") }
    : { confirmed: false, unconfirmed };
}

/** The label every section of a confirmed fork run carries: whose report it is. */
export function forkRunLabel(check: { approvedBy: readonly string[] }): string {
  const who = check.approvedBy.length === 0 ? "" : ` by ${check.approvedBy.map((l) => code(l)).join(", ")}`;
  return `*The fork run's own report (its build approved${who}, a reviewer of ${code(FORK_GATE_ENVIRONMENT)}).*`;
}

/** What the commenter posts instead of a fork run's results it could not confirm: no ✅, no claims. */
export function unconfirmedForkNote(unconfirmed: readonly string[], links: RunLinks): string {
  return [
    `### trt-pte: the results of run ${links.runId} are not shown`,
    "",
    "This pull request comes from a fork, whose run can upload result files of its own making. trt-pte shows " +
      `them only when GitHub confirms that the run succeeded and that a required reviewer of the ${code(FORK_GATE_ENVIRONMENT)} ` +
      "environment approved its build. It could not confirm that:",
    "",
    ...unconfirmed.map((u) => `- ${u}`),
    "",
    `See [the run](${runUrl(links)}) for what happened.`,
  ].join("\n");
}
