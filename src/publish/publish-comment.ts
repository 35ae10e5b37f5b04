// Keeps the PR comment up to date when `comment: true`, and says why not when it cannot: not a pull
// request, a fork's read-only token, or no GitHub at all. A comment is a convenience: no failure
// here fails the run, the .pte is already verified and uploaded.

import type { Settings } from "../settings/settings.js";
import type { Log, Platform } from "../platform/platform.js";
import type { CommentOutcome } from "./render.js";
import { isPermissionError, upsertStickyComment } from "../github/sticky-comment.js";
import { pullRequestOfEvent, readEventPayload } from "../github/pull-request.js";
import { errorMessage } from "../errors.js";

export const FORK_HELP =
  "docs/action.md “Comments on fork pull requests” shows a `workflow_run` follow-up that comments from the trusted side";

/**
 * One comment per model, target and GPU: the default artifact name is that key
 * (defaultArtifactName in src/settings/names.ts).
 */
export function commentMarker(key: string): string {
  return `<!-- trt-pte:comment key=${key} -->`;
}

export async function publishComment(
  settings: Settings,
  platform: Platform,
  /** The comment's body for the pull request it goes on. */
  body: (pr: number) => string,
  env: NodeJS.ProcessEnv,
  log: Log,
  /** The comment's key: the artifact name for one model, the call's for a trt-pte.yml's models. */
  key: string = settings.artifactName,
): Promise<CommentOutcome> {
  if (!settings.comment) return { state: "off" };
  const repository = env.GITHUB_REPOSITORY ?? "";
  let payload;
  try {
    payload = readEventPayload(env);
  } catch (e) {
    const reason = `the event payload at GITHUB_EVENT_PATH does not read (${errorMessage(e)})`;
    log.warning(`comment: not posted: ${reason}`);
    return { state: "skipped", reason };
  }
  const pr = pullRequestOfEvent(env.GITHUB_EVENT_NAME ?? "", payload, repository);
  if (pr === null) {
    log.info("comment: this run is not for a pull request; nothing to comment on");
    return { state: "skipped", reason: "not a pull request" };
  }
  if (pr.fromFork) {
    const reason = `the pull request comes from a fork, whose token is read-only; ${FORK_HELP}`;
    log.info(`comment: not posted: ${reason}`);
    return { state: "skipped", reason };
  }
  const api = settings.githubToken === "" ? null : platform.issueComments(settings.githubToken);
  if (api === null) return { state: "skipped", reason: "no GitHub token (set `github-token`)" };
  const [owner = "", repo = ""] = repository.split("/");
  try {
    const done = await upsertStickyComment(
      api,
      { owner, repo, number: pr.number },
      commentMarker(key),
      body(pr.number),
    );
    log.info(`comment: ${done.action} ${done.url}`);
    return { state: done.action, url: done.url };
  } catch (e) {
    if (isPermissionError(e)) {
      const reason = `the token may not write comments here (give the job \`pull-requests: write\`; on a fork's pull request ${FORK_HELP})`;
      log.info(`comment: not posted: ${reason}`);
      return { state: "skipped", reason };
    }
    const message = errorMessage(e);
    log.warning(`comment: posting failed, the run goes on: ${message}`);
    return { state: "failed", reason: message };
  }
}
