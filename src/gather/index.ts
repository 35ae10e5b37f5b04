// The reusable workflow's report step (gather/action.yml): reads the build jobs' results, writes one
// job summary, sets the per-GPU artifact outputs, and keeps ONE sticky pull-request comment per call
// (docs/ARCHITECTURE.md "Publishing and comments"). The fork-PR commenter
// (workflows/comment-fork-prs.yml) runs the same step on results downloaded from the pull
// request's run.

import * as core from "@actions/core";
import { getOctokit } from "@actions/github";
import { readResults } from "./results.js";
import { commentMarker, renderCall } from "./render.js";
import type { FetchSource } from "../publish/use-it.js";
import { artifactEntries, byBuild, groupCalls } from "./calls.js";
import {
  pullRequestOfEvent,
  pullRequestOfWorkflowRun,
  readEventPayload,
  type PullRequestRef,
} from "../github/pull-request.js";
import { octokitIssueComments, upsertStickyComments } from "../github/sticky-comment.js";
import { runLinks } from "../github/run-links.js";
import { errorMessage } from "../errors.js";
import { checkForkRun, forkRunLabel, octokitRunReviews, unconfirmedForkNote } from "./fork-run.js";
import { parseBoolean } from "../settings/settings.js";

type Json = Record<string, unknown>;

class InputError extends Error {}

/** A JSON array of names (`expected-gpus`, `expected-models`); empty input: none. */
function nameList(input: string, example: string): string[] {
  const raw = core.getInput(input);
  if (raw.trim() === "") return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new InputError(`${input}: '${raw}' is not JSON; give a JSON array of names, e.g. ${example}`);
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    throw new InputError(`${input}: give a JSON array of names, e.g. ${example}`);
  }
  return value as string[];
}

function forbiddenHint(error: unknown): string {
  const status = (error as { status?: number }).status;
  const message = errorMessage(error);
  if (status === 403 || status === 404) {
    return `${message}: the token cannot comment on this pull request. Grant it 'pull-requests: write' in the calling job's permissions.`;
  }
  return message;
}

async function main(): Promise<void> {
  const env = process.env;
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const repository = env.GITHUB_REPOSITORY ?? "";
  const payload = readEventPayload(env);
  const run = (payload.workflow_run ?? {}) as Json;

  const runId =
    core.getInput("run-id").trim() ||
    (eventName === "workflow_run" ? String(run.id ?? "") : (env.GITHUB_RUN_ID ?? ""));
  if (!/^[0-9]+$/.test(runId)) throw new InputError(`run-id: '${runId}' is not a workflow run ID`);
  const links = runLinks(env, runId);
  const key = core.getInput("key").trim();
  const comment = parseBoolean("comment", core.getInput("comment").trim() || "false");

  const { results, unreadable } = readResults(core.getInput("results", { required: true }));
  for (const bad of unreadable) core.warning(`unreadable build result ${bad.file}: ${bad.reason}`);
  const calls = groupCalls(results, unreadable, key, {
    models: nameList("expected-models", '["detector","segmenter"]'),
    gpus: nameList("expected-gpus", '["a100","h100"]'),
  });
  let octokit: ReturnType<typeof getOctokit> | undefined;
  const api = () => (octokit ??= getOctokit(core.getInput("github-token", { required: true })));

  // A fork's run (the commenter's workflow_run event): its files count only once GitHub confirms
  // the run succeeded and a reviewer approved its fork gate (src/gather/fork-run.ts).
  const forkRun =
    eventName === "workflow_run" &&
    String((run.head_repository as Json | undefined)?.full_name ?? "") !== repository;
  const check = forkRun ? await checkForkRun(octokitRunReviews(api(), repository), Number(runId)) : null;
  if (check !== null && !check.confirmed) {
    core.warning(
      `trt-pte: not showing the results of the fork's run ${runId}: ${check.unconfirmed.join("; ")}`,
    );
  }
  const shown = check === null || check.confirmed;
  const keys = new Set(results.map((r) => r.key)).size;
  if (key === "" && keys > calls.length) {
    core.warning(`the results hold ${keys} calls; only the first ${calls.length} get a comment`);
  }
  // Unconfirmed results name artifacts a fork's files chose: no outputs from them.
  const entries = shown
    ? artifactEntries(
        calls.flatMap((c) => c.results),
        links,
      )
    : [];
  core.setOutput("artifacts", JSON.stringify(entries));
  core.setOutput("artifact-ids", JSON.stringify(byBuild(entries, "artifact-id")));
  core.setOutput("artifact-urls", JSON.stringify(byBuild(entries, "artifact-url")));

  const pull = payload.pull_request as Json | undefined;
  const headSha = String((pull?.head as Json | undefined)?.sha ?? run.head_sha ?? env.GITHUB_SHA ?? "");
  const label = check?.confirmed === true ? forkRunLabel(check) : null;
  // The summary belongs to this run: its "Use it" fetches by run; a comment's by pull request.
  const render = (call: (typeof calls)[number], by?: FetchSource) =>
    check?.confirmed === false
      ? unconfirmedForkNote(check.unconfirmed, links)
      : renderCall(call, links, headSha, undefined, label, by);
  const bodies = calls.map((call) => ({ call, body: render(call) }));
  if (env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(bodies.map((b) => b.body).join("\n"), true).write();
  }

  if (!comment) return;
  if (calls.length === 0) {
    core.notice("trt-pte: no build results to comment on.");
    return;
  }
  let pr: PullRequestRef | null;
  try {
    pr =
      eventName === "workflow_run"
        ? await pullRequestOfWorkflowRun(payload, repository, api())
        : pullRequestOfEvent(eventName, payload, repository);
  } catch (error) {
    throw new Error(`could not find the pull request of run ${runId}: ${forbiddenHint(error)}`, {
      cause: error,
    });
  }
  if (pr === null) {
    core.notice(
      `trt-pte: '${eventName}' is not a pull request event, so there is no comment; see the job summary.`,
    );
    return;
  }
  if (pr.fromFork && eventName === "pull_request") {
    // The token of a fork's pull_request run is read-only: commenting would fail.
    core.notice(
      "trt-pte: this pull request comes from a fork, whose run gets a read-only token, so this run does not comment. " +
        "Comments on fork pull requests come from a workflow_run workflow (workflows/comment-fork-prs.yml).",
    );
    return;
  }
  const [owner = "", repo = ""] = repository.split("/");
  let written;
  try {
    written = await upsertStickyComments(
      octokitIssueComments(api()),
      { owner, repo, number: pr.number },
      // The comment shows the pull request's newest builds: its "Use it" fetches by pull request.
      bodies.map(({ call }) => ({
        marker: commentMarker(call.key),
        body: render(call, { pr: pr.number }),
      })),
    );
  } catch (error) {
    throw new Error(`could not comment on pull request #${pr.number}: ${forbiddenHint(error)}`, {
      cause: error,
    });
  }
  for (const comment of written) core.info(`trt-pte: ${comment.action} ${comment.url}`);
  const urls = written.map((comment) => comment.url);
  core.setOutput("comment-url", urls.join("\n"));
}

try {
  await main();
} catch (error) {
  core.setFailed(errorMessage(error));
}
