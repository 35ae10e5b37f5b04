// Links into a workflow run's pages, built from the run's IDs (never read from a file). The action's
// report and artifact-url output, and the reusable workflow's comment, all link through here.

/** Where the run lives. */
export interface RunLinks {
  server: string;
  repository: string;
  runId: string;
}

/** The links of the run in `env` (the runner's GITHUB_* variables), or of another run by its ID. */
export function runLinks(env: NodeJS.ProcessEnv, runId: string = env.GITHUB_RUN_ID ?? ""): RunLinks {
  return {
    server: env.GITHUB_SERVER_URL ?? "https://github.com",
    repository: env.GITHUB_REPOSITORY ?? "",
    runId,
  };
}

export function runUrl(links: RunLinks): string {
  return `${links.server}/${links.repository}/actions/runs/${links.runId}`;
}

/** The artifact's page for signed-in users (the action's `artifact-url` output). */
export function artifactUrl(links: RunLinks, id: number): string {
  return `${runUrl(links)}/artifacts/${id}`;
}

export function jobUrl(links: RunLinks, checkRunId: number): string {
  return `${runUrl(links)}/job/${checkRunId}`;
}
