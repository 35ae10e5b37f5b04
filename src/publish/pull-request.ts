// Which pull request (if any) this run belongs to, from the event payload the runner writes to
// GITHUB_EVENT_PATH, and whether it comes from a fork (whose token is read-only on `pull_request`).

import fs from "node:fs";

export interface PullRequestContext {
  owner: string;
  repo: string;
  number: number;
  /** The head branch lives in another repository: the job token cannot write comments. */
  fromFork: boolean;
  headSha: string;
}

interface Payload {
  pull_request?: {
    number: number;
    head?: { sha?: string; repo?: { full_name?: string } | null };
    base?: { repo?: { full_name?: string } };
  };
  repository?: { full_name?: string };
}

export function pullRequestContext(env: NodeJS.ProcessEnv): PullRequestContext | null {
  if (!env.GITHUB_EVENT_PATH) return null;
  let payload: Payload;
  try {
    payload = JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, "utf8")) as Payload;
  } catch {
    return null;
  }
  const pr = payload.pull_request;
  const base = pr?.base?.repo?.full_name ?? payload.repository?.full_name ?? env.GITHUB_REPOSITORY;
  if (pr === undefined || base === undefined) return null;
  const [owner = "", repo = ""] = base.split("/");
  const head = pr.head?.repo?.full_name;
  return {
    owner,
    repo,
    number: pr.number,
    fromFork: head !== undefined && head !== base,
    headSha: pr.head?.sha ?? env.GITHUB_SHA ?? "",
  };
}
