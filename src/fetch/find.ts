// Which run holds the newest trt-pte builds of a pull request, a run or a branch, through the REST
// API. A build is the artifacts one export uploaded (src/settings/names.ts): `<name>.report.json`
// marks it, `<name>.pte` and `<name>--*.ptd` are its files. A pull request's builds are found through
// trt-pte's own comments on it (a bot's comment whose hidden run line names the run,
// src/github/sticky-comment.ts), else through the runs of its head commit; a branch's through the
// runs of its newest commit that has any. Only runs fetch trusts count (src/fetch/trust.ts); a run
// with builds that is passed over is named, with why, in `skipped`.

import { MARKER_PREFIX, runsOfComment } from "../github/sticky-comment.js";
import { buildOfReportArtifact } from "../settings/names.js";
import { TrtPteError } from "../errors.js";
import type { GitHubRest } from "./rest.js";
import {
  BRANCH_EVENTS,
  headRepository,
  isBranchEvent,
  sameRepository,
  trustRun,
  type RestRun,
  type Trust,
} from "./trust.js";

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
  /** Each run with builds that fetch does not trust, and why (e.g. a fork's run nobody approved). */
  skipped: string[];
}

/** The runs looked at, at most, for a pull request's head commit or a branch (per event for a branch). */
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

/**
 * Builds of several runs, newest run first: a name seen in a newer run hides older ones. A run without
 * builds is passed over unasked; one with builds counts only when `trust` says so.
 */
async function newestBuilds(
  rest: GitHubRest,
  repo: string,
  runIds: readonly number[],
  trust: (runId: number) => Promise<Trust>,
): Promise<{ builds: BuildArtifacts[]; skipped: string[] }> {
  const byName = new Map<string, BuildArtifacts>();
  const skipped: string[] = [];
  for (const runId of [...new Set(runIds)].sort((a, b) => b - a)) {
    const builds = await buildsOfRun(rest, repo, runId);
    if (builds.length === 0) continue;
    const verdict = await trust(runId);
    if (!verdict.trusted) {
      skipped.push(verdict.why);
      continue;
    }
    for (const build of builds) if (!byName.has(build.name)) byName.set(build.name, build);
  }
  return { builds: [...byName.values()], skipped };
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

async function getRun(rest: GitHubRest, repo: string, runId: number): Promise<RestRun> {
  return rest.json<RestRun>(`/repos/${repo}/actions/runs/${runId}`, `run ${runId}`);
}

interface RestPull {
  head?: { sha?: string; repo?: { full_name?: string } | null };
}

async function ofPullRequest(rest: GitHubRest, repo: string, pr: number): Promise<Found> {
  const pull = await rest.json<RestPull>(`/repos/${repo}/pulls/${pr}`, `pull request #${pr}`);
  const head = pull.head?.repo?.full_name ?? "";
  // A pull request whose head repository is not this one (or is gone) comes from a fork.
  const fork = sameRepository(head, repo) ? null : head || "a deleted fork";
  const known = new Map<number, RestRun>();
  const trust = async (runId: number) =>
    trustRun(rest, repo, known.get(runId) ?? (await getRun(rest, repo, runId)), fork);

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
  const skipped: string[] = [];
  if (runIds.length > 0) {
    const named = await newestBuilds(rest, repo, runIds, trust);
    skipped.push(...named.skipped);
    if (named.builds.length > 0)
      return {
        builds: named.builds,
        searched: `the runs trt-pte's comments on pull request #${pr} name`,
        skipped,
      };
  }
  const sha = pull.head?.sha ?? "";
  if (!/^[0-9a-f]{40,64}$/.test(sha))
    throw new TrtPteError("settings", `pull request #${pr} of ${repo} has no head commit`);
  const runs = await runsOf(rest, repo, { head_sha: sha }, `the runs of commit ${sha.slice(0, 7)}`);
  for (const run of runs) known.set(run.id, run);
  const ofCommit = await newestBuilds(
    rest,
    repo,
    runs.map((r) => r.id),
    trust,
  );
  // A run the comments named and the commit has too is said once.
  for (const why of ofCommit.skipped) if (!skipped.includes(why)) skipped.push(why);
  return {
    builds: ofCommit.builds,
    searched: `trt-pte's comments on pull request #${pr} and the ${runs.length} runs of its head commit ${sha.slice(0, 7)}`,
    skipped,
  };
}

async function ofBranch(rest: GitHubRest, repo: string, branch: string): Promise<Found> {
  // GitHub's `branch` filter matches a run's head branch whatever repository it came from, a fork's
  // pull request named `main` included: so only the events that build the branch itself are asked
  // for, one at a time (the filter takes one), and only the repository's own runs are kept.
  const listed: RestRun[] = [];
  for (const event of BRANCH_EVENTS)
    listed.push(...(await runsOf(rest, repo, { branch, event }, `the ${event} runs of branch ${branch}`)));
  const runs = listed
    .filter((r) => isBranchEvent(r.event) && r.head_branch === branch)
    .sort((a, b) => b.id - a.id);
  const byId = new Map(runs.map((r) => [r.id, r]));
  const trust = async (runId: number): Promise<Trust> => {
    const head = headRepository(byId.get(runId) ?? { id: runId, head_sha: "" });
    return sameRepository(head, repo)
      ? { trusted: true }
      : {
          trusted: false,
          why: `run ${runId} is from ${head || "a deleted repository"}, not ${repo}`,
        };
  };
  // Newest commit first (runs are sorted newest first): the first commit with a build wins.
  const commits = [...new Set(runs.map((r) => r.head_sha))];
  const skipped: string[] = [];
  for (const sha of commits) {
    const found = await newestBuilds(
      rest,
      repo,
      runs.filter((r) => r.head_sha === sha).map((r) => r.id),
      trust,
    );
    skipped.push(...found.skipped);
    if (found.builds.length > 0)
      return {
        builds: found.builds,
        searched: `the runs of commit ${sha.slice(0, 7)} on branch ${branch}`,
        skipped,
      };
  }
  return {
    builds: [],
    searched: `the ${runs.length} newest ${BRANCH_EVENTS.join("/")} runs of branch ${branch}`,
    skipped,
  };
}

async function ofRun(rest: GitHubRest, repo: string, runId: number): Promise<Found> {
  // A run asked for by its ID may still be a fork's: it counts only as a fork's run approved would.
  const found = await newestBuilds(rest, repo, [runId], async () =>
    trustRun(rest, repo, await getRun(rest, repo, runId), null),
  );
  return { ...found, searched: `run ${runId}` };
}

export async function findBuilds(rest: GitHubRest, repo: string, source: Source): Promise<Found> {
  if ("pr" in source) return ofPullRequest(rest, repo, source.pr);
  if ("branch" in source) return ofBranch(rest, repo, source.branch);
  return ofRun(rest, repo, source.run);
}
