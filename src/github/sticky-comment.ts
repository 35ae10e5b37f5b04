// One sticky comment per marker on a pull request: found by its hidden marker (an HTML comment,
// invisible when rendered) and updated in place on each push, created only the first time. Only
// comments written by a bot account count, so a person who pastes the marker into a comment of
// their own can neither have it edited by us nor pass it off as ours later.
// Used by the action (one comment per model and target, or one per call with `config`) and by the
// reusable workflow's report step (one comment per call).

import type { getOctokit } from "@actions/github";

type Octokit = ReturnType<typeof getOctokit>;

export interface IssueTarget {
  owner: string;
  repo: string;
  number: number;
}

export interface ListedComment {
  id: number;
  body?: string | null;
  user?: { type?: string } | null;
}

/** The REST calls a sticky comment needs (the issues comments API). */
export interface IssueCommentsApi {
  list(target: IssueTarget): AsyncIterable<ListedComment>;
  create(target: IssueTarget, body: string): Promise<{ id: number; html_url: string }>;
  update(target: IssueTarget, id: number, body: string): Promise<{ id: number; html_url: string }>;
}

export function octokitIssueComments(octokit: Octokit): IssueCommentsApi {
  return {
    async *list({ owner, repo, number }) {
      const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: number,
        per_page: 100,
      });
      for await (const page of pages) yield* page.data;
    },
    async create({ owner, repo, number }, body) {
      return (await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body })).data;
    },
    async update({ owner, repo }, id, body) {
      return (await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body })).data;
    },
  };
}

/** Every trt-pte comment's marker starts so (the action's per build, the report step's per call). */
export const MARKER_PREFIX = "<!-- trt-pte:";

/**
 * A hidden line naming the run a comment reports on: how `trt-pte fetch --pr` finds the pull
 * request's newest builds without reading the rendered links.
 */
export function runMarker(runId: string): string {
  return `<!-- trt-pte:run id=${runId} -->`;
}

/** The run IDs a comment's run markers name. */
export function runsOfComment(body: string): string[] {
  return [...body.matchAll(/^<!-- trt-pte:run id=([0-9]{1,20}) -->$/gm)].map((m) => m[1] ?? "");
}

// GitHub refuses comment bodies over 65536 characters. The renderers fit their sections below it
// (src/util/fit-markdown.ts); this is the last guard, and it too cuts only between lines, so no code
// span of untrusted text is ever left open.
const MAX_BODY = 65_000;

export function withMarker(marker: string, body: string): string {
  const full = `${marker}\n${body}`;
  if (full.length <= MAX_BODY) return full;
  const cut = full.lastIndexOf("\n", MAX_BODY - 80);
  return `${full.slice(0, cut)}\n\n… (cut: the comment was too long; the job summary has all of it)\n`;
}

export interface StickyComment {
  id: number;
  url: string;
  action: "created" | "updated";
}

export async function upsertStickyComment(
  api: IssueCommentsApi,
  target: IssueTarget,
  marker: string,
  body: string,
): Promise<StickyComment> {
  const [written] = await upsertStickyComments(api, target, [{ marker, body }]);
  if (written === undefined) throw new Error("no comment was written");
  return written;
}

/**
 * Several sticky comments on one pull request, in order. The pull request's comments are listed
 * once for all of them (not once per marker), and the listing stops as soon as every marker is found.
 */
export async function upsertStickyComments(
  api: IssueCommentsApi,
  target: IssueTarget,
  comments: readonly { marker: string; body: string }[],
): Promise<StickyComment[]> {
  const wanted = new Set(comments.map((c) => c.marker));
  const found = new Map<string, number>();
  if (wanted.size > 0) {
    for await (const comment of api.list(target)) {
      if (comment.user?.type !== "Bot") continue;
      const text = comment.body ?? "";
      for (const marker of wanted)
        if (!found.has(marker) && text.startsWith(marker)) found.set(marker, comment.id);
      if (found.size === wanted.size) break;
    }
  }
  const written: StickyComment[] = [];
  for (const { marker, body } of comments) {
    const text = withMarker(marker, body);
    const id = found.get(marker);
    if (id !== undefined) {
      const updated = await api.update(target, id, text);
      written.push({ id: updated.id, url: updated.html_url, action: "updated" });
    } else {
      const created = await api.create(target, text);
      found.set(marker, created.id);
      written.push({ id: created.id, url: created.html_url, action: "created" });
    }
  }
  return written;
}

/** A refusal that means "this token may not write here" rather than a broken request. */
export function isPermissionError(e: unknown): boolean {
  const status = (e as { status?: number }).status;
  return (
    status === 403 ||
    status === 404 ||
    (e instanceof Error && /Resource not accessible by integration/i.test(e.message))
  );
}
