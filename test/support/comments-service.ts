// GitHub's REST endpoints for issue comments, as octokit calls them: list (paginated with Link
// headers), create, update. Tokens are either writers or read-only (like a fork PR's token), and a
// read-only token gets the 403 GitHub sends: "Resource not accessible by integration".

import type http from "node:http";
import { type Handler, type Recorded, sendJson } from "./http.js";

export interface StoredComment {
  id: number;
  issue: string;
  body: string;
  html_url: string;
  updated: number;
}

export class CommentsService implements Handler {
  readonly comments: StoredComment[] = [];
  private nextId = 9000;
  readonly writers = new Set<string>();
  readonly readers = new Set<string>();

  seed(owner: string, repo: string, issue: number, body: string): StoredComment {
    const c: StoredComment = {
      id: this.nextId++,
      issue: `${owner}/${repo}/${issue}`,
      body,
      html_url: "",
      updated: 0,
    };
    c.html_url = `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${c.id}`;
    this.comments.push(c);
    return c;
  }

  handle(req: Recorded, res: http.ServerResponse, base: string): boolean {
    const url = new URL(req.url, base);
    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
    const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (list === null && one === null) return false;
    const token = /^(?:token|Bearer) (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1] ?? "";
    const canRead = this.writers.has(token) || this.readers.has(token);
    if (!canRead) {
      sendJson(res, 401, { message: "Bad credentials" });
      return true;
    }
    const write = req.method !== "GET";
    if (write && !this.writers.has(token)) {
      sendJson(res, 403, { message: "Resource not accessible by integration", status: "403" });
      return true;
    }
    if (list !== null) {
      const [, owner, repo, issue] = list;
      if (req.method === "GET") {
        const all = this.comments
          .filter((c) => c.issue === `${owner}/${repo}/${issue}`)
          .sort((a, b) => a.id - b.id);
        const perPage = Number(url.searchParams.get("per_page") ?? 30);
        const page = Number(url.searchParams.get("page") ?? 1);
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const headers: Record<string, string> = {};
        if (page < last) {
          const next = new URL(url);
          next.searchParams.set("page", String(page + 1));
          headers.link = `<${next.href}>; rel="next", <${new URL(`?per_page=${perPage}&page=${last}`, next).href}>; rel="last"`;
        }
        const body = JSON.stringify(
          all
            .slice((page - 1) * perPage, page * perPage)
            .map((c) => ({ id: c.id, body: c.body, html_url: c.html_url })),
        );
        res.writeHead(200, { "content-type": "application/json", ...headers }).end(body);
        return true;
      }
      const created = this.seed(
        owner!,
        repo!,
        Number(issue),
        (JSON.parse(req.body.toString()) as { body: string }).body,
      );
      sendJson(res, 201, { id: created.id, body: created.body, html_url: created.html_url });
      return true;
    }
    const comment = this.comments.find((c) => c.id === Number(one![3]));
    if (comment === undefined) {
      sendJson(res, 404, { message: "Not Found" });
      return true;
    }
    comment.body = (JSON.parse(req.body.toString()) as { body: string }).body;
    comment.updated++;
    sendJson(res, 200, { id: comment.id, body: comment.body, html_url: comment.html_url });
    return true;
  }
}
