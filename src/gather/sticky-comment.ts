// One comment per key on a pull request, updated in place: the marker (an HTML comment, invisible
// when rendered) identifies it. Only comments written by a bot account are considered, so a person
// who pastes the marker into their own comment cannot make us edit theirs.

import type { getOctokit } from "@actions/github";

type Octokit = ReturnType<typeof getOctokit>;

export interface StickyComment {
  id: number;
  url: string;
  created: boolean;
}

// GitHub refuses comment bodies over 65536 characters.
const MAX_BODY = 65_000;

export function withMarker(marker: string, body: string): string {
  const full = `${marker}\n${body}`;
  if (full.length <= MAX_BODY) return full;
  return `${full.slice(0, MAX_BODY - 80)}\n\n… (cut: the comment was too long; the job summary has all of it)\n`;
}

export async function upsertStickyComment(
  octokit: Octokit,
  target: { owner: string; repo: string; issueNumber: number },
  marker: string,
  body: string,
): Promise<StickyComment> {
  const { owner, repo, issueNumber } = target;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  const mine = comments.find((c) => c.user?.type === "Bot" && (c.body ?? "").includes(marker));
  const text = withMarker(marker, body);
  if (mine !== undefined) {
    const { data } = await octokit.rest.issues.updateComment({
      owner,
      repo,
      comment_id: mine.id,
      body: text,
    });
    return { id: data.id, url: data.html_url, created: false };
  }
  const { data } = await octokit.rest.issues.createComment({
    owner,
    repo,
    issue_number: issueNumber,
    body: text,
  });
  return { id: data.id, url: data.html_url, created: true };
}
