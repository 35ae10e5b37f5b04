// One sticky comment per key on a pull request: found by a hidden marker, updated in place on each
// push, created only the first time. Never a new comment per run.

import type { PullRequestContext } from "./pull-request.js";

/** The few REST calls a sticky comment needs (issues comments API), so tests and adapters agree. */
export interface IssueCommentsApi {
  list(pr: PullRequestContext): AsyncIterable<{ id: number; body?: string | null }>;
  create(pr: PullRequestContext, body: string): Promise<{ id: number; html_url: string }>;
  update(pr: PullRequestContext, id: number, body: string): Promise<{ id: number; html_url: string }>;
}

export function commentMarker(key: string): string {
  return `<!-- trt-pte:comment key=${key} -->`;
}

export interface UpsertedComment {
  id: number;
  url: string;
  action: "created" | "updated";
}

export async function upsertStickyComment(
  api: IssueCommentsApi,
  pr: PullRequestContext,
  key: string,
  body: string,
): Promise<UpsertedComment> {
  const marker = commentMarker(key);
  const text = `${marker}\n${body}`;
  for await (const comment of api.list(pr)) {
    if (comment.body?.startsWith(marker)) {
      const updated = await api.update(pr, comment.id, text);
      return { id: updated.id, url: updated.html_url, action: "updated" };
    }
  }
  const created = await api.create(pr, text);
  return { id: created.id, url: created.html_url, action: "created" };
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
