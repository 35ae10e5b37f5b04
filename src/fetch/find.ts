// Which run holds the newest trt-pte builds of a pull request, a run or a branch, through the REST
// API. A build is the artifacts one export uploaded (src/settings/names.ts): `<name>.report.json`
// marks it, `<name>.pte` and `<name>--*.ptd` are its files. A pull request's builds are found through
// trt-pte's own comments on it (a bot's comment whose hidden run line names the run,
// src/github/sticky-comment.ts), else through the runs of its head commit; a branch's through the
// runs of its newest commit that has any.

import { MARKER_PREFIX, runsOfComment } from "../github/sticky-comment.js";
import { buildOfReportArtifact } from "../settings/names.js";
import { TrtPteError } from "../errors.js";
import type { GitHubRest } from "./rest.js";

/** An artifact as GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts lists it. */
export interface RestArtifact {
  id: number;
  name: string;
  size_in_bytes: number;
  expired: boolean;
  expires_at?: string | null;
  /** `sha256:<hex>` the artifact service recorded (uploads by upload-artifact v4 and later). */
  digest?: string | null;
}

interface RestRun {
  id: number;
  head_sha: string;
}

interface RestComment {
  body?: string | null;
  user?: { type?: string } | null;
}

export type Source = { pr: number } | { run: number } | { branch: string };

/** One build: its name (the artifact name) and every artifact of the run it is in. */
export interface BuildArtifacts {
  name: string;
  runId: number;
  artifacts: ReadonlyMap<string, RestArtifact>;
}

export interface Found {
  builds: BuildArtifacts[];
  /** Where they were looked for, for messages: e.g. "the trt-pte comments of pull request #7". */
  searched: string;
}

/** The runs looked at, at most, for a pull request's head commit or a branch. */
const MAX_RUNS = 30;

export function describeSource(source: Source): string {
  return "pr" in source
    ? `pull request #${source.pr}`
    : "run" in source
      ? `run ${source.run}`
      : `branch ${source.branch}`;
}

async function buildsOfRun(rest: GitHubRest, repo: string, runId: number): Promise<BuildArtifacts[]> {
  const artifacts = new Map<string, RestArtifact>();
  for await (const a of rest.list<RestArtifact>(
    `/repos/${repo}/actions/runs/${runId}/artifacts`,
    `the artifacts of run ${runId}`,
    "artifacts",
  )) {
    if (typeof a?.name === "string" && Number.isSafeInteger(a.id)) artifacts.set(a.name, a);
  }
  const names = [...artifacts.keys()].map(buildOfReportArtifact).filter((n): n is string => n !== null);
  return names.sort().map((name) => ({ name, runId, artifacts }));
}

/** Builds of several runs, newest run first: a name seen in a newer run hides older ones. */
async function newestBuilds(
  rest: GitHubRest,
  repo: string,
  runIds: readonly number[],
): Promise<BuildArtifacts[]> {
  const byName = new Map<string, BuildArtifacts>();
  for (const runId of [...new Set(runIds)].sort((a, b) => b - a)) {
    for (const build of await buildsOfRun(rest, repo, runId))
      if (!byName.has(build.name)) byName.set(build.name, build);
  }
  return [...byName.values()];
}

async function runsOf(
  rest: GitHubRest,
  repo: string,
  query: Record<string, string>,
  what: string,
): Promise<RestRun[]> {
  const runs: RestRun[] = [];
  for await (const run of rest.list<RestRun>(`/repos/${repo}/actions/runs`, what, "workflow_runs", query)) {
    if (Number.isSafeInteger(run?.id)) runs.push(run);
    if (runs.length >= MAX_RUNS) break;
  }
  return runs;
}

async function ofPullRequest(rest: GitHubRest, repo: string, pr: number): Promise<Found> {
  const runIds: number[] = [];
  for await (const comment of rest.list<RestComment>(
    `/repos/${repo}/issues/${pr}/comments`,
    `the comments of pull request #${pr}`,
    null,
  )) {
    // Only a bot's comment counts, as for the sticky comment itself: a person can paste a marker.
    const body = comment?.body ?? "";
    if (comment?.user?.type === "Bot" && body.startsWith(MARKER_PREFIX))
      runIds.push(...runsOfComment(body).map(Number));
  }
  if (runIds.length > 0) {
    const builds = await newestBuilds(rest, repo, runIds);
    if (builds.length > 0)
      return { builds, searched: `the runs trt-pte's comments on pull request #${pr} name` };
  }
  const pull = await rest.json<{ head?: { sha?: string } }>(
    `/repos/${repo}/pulls/${pr}`,
    `pull request #${pr}`,
  );
  const sha = pull.head?.sha ?? "";
  if (!/^[0-9a-f]{40,64}$/.test(sha))
    throw new TrtPteError("settings", `pull request #${pr} of ${repo} has no head commit`);
  const runs = await runsOf(rest, repo, { head_sha: sha }, `the runs of commit ${sha.slice(0, 7)}`);
  return {
    builds: await newestBuilds(
      rest,
      repo,
      runs.map((r) => r.id),
    ),
    searched: `trt-pte's comments on pull request #${pr} and the ${runs.length} runs of its head commit ${sha.slice(0, 7)}`,
  };
}

async function ofBranch(rest: GitHubRest, repo: string, branch: string): Promise<Found> {
  const runs = await runsOf(rest, repo, { branch }, `the runs of branch ${branch}`);
  // Newest commit first (the API lists runs newest first): the first commit with a build wins.
  const commits = [...new Set(runs.map((r) => r.head_sha))];
  for (const sha of commits) {
    const builds = await newestBuilds(
      rest,
      repo,
      runs.filter((r) => r.head_sha === sha).map((r) => r.id),
    );
    if (builds.length > 0)
      return { builds, searched: `the runs of commit ${sha.slice(0, 7)} on branch ${branch}` };
  }
  return { builds: [], searched: `the ${runs.length} newest runs of branch ${branch}` };
}

export async function findBuilds(rest: GitHubRest, repo: string, source: Source): Promise<Found> {
  if ("pr" in source) return ofPullRequest(rest, repo, source.pr);
  if ("branch" in source) return ofBranch(rest, repo, source.branch);
  return { builds: await buildsOfRun(rest, repo, source.run), searched: `run ${source.run}` };
}
