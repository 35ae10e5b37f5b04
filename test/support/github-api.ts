// GitHub's REST API as far as the report step uses it, for the real Octokit client of @actions/github:
// issue comments (list with Link-header pagination, create, update), the pull request list filtered
// by `head`, and a workflow run with its environment review history (GET .../actions/runs/{id} and
// .../actions/runs/{id}/approvals, in the `workflow-run` and `environment-approvals` shapes of
// GitHub's REST description). It checks the token, answers 403 like GitHub does for a read-only
// token or one without `actions: read`, and keeps the comments so tests can look at what a run left
// behind.

import type http from "node:http";
import { type Handler, type Recorded, sendJson } from "./http.js";

export interface Comment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: "Bot" | "User" };
}

export interface PullRequest {
  number: number;
  head: { sha: string; ref: string; label: string };
}

const BOT = { login: "github-actions[bot]", type: "Bot" as const };

/** One review of a run's pending deployments: who approved or rejected which environments. */
export interface RunReview {
  state: "approved" | "rejected" | "pending";
  environments: string[];
  reviewer: string;
  comment?: string;
}

export interface WorkflowRun {
  status: "queued" | "in_progress" | "completed" | "waiting";
  conclusion: "success" | "failure" | "cancelled" | "skipped" | "action_required" | null;
  headRepository: string;
  reviews: RunReview[];
}

/** A run's review history (GET .../actions/runs/{id}/approvals), in the `environment-approvals` shape. */
export function environmentApprovalsView(repository: string, reviews: readonly RunReview[], base: string) {
  return reviews.map((r, i) => ({
    state: r.state,
    comment: r.comment ?? "",
    user: { login: r.reviewer, id: 7000 + i, type: "User" },
    environments: r.environments.map((name, j) => ({
      id: 56780428 + j,
      node_id: `EN_${name}`,
      name,
      url: `${base}/repos/${repository}/environments/${encodeURIComponent(name)}`,
      html_url: `https://github.com/${repository}/deployments/activity_log?environments_filter=${encodeURIComponent(name)}`,
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
    })),
  }));
}

export class GitHubApi implements Handler {
  readonly comments: Comment[] = [];
  readonly pulls: PullRequest[] = [];
  readonly runs = new Map<number, WorkflowRun>();
  /** Answer writes with 403, as GitHub does for the read-only token of a fork's run. */
  readOnly = false;
  /** Answer the Actions endpoints with 403, as GitHub does for a token without `actions: read`. */
  actionsUnreadable = false;
  private nextId = 500;

  constructor(
    private readonly repository: string,
    private readonly token: string,
  ) {}

  addComment(issue: number, body: string, user: Comment["user"] = BOT): Comment {
    const comment = { id: this.nextId++, issue, body, user };
    this.comments.push(comment);
    return comment;
  }

  private view(c: Comment, base: string) {
    return {
      id: c.id,
      body: c.body,
      user: c.user,
      html_url: `https://github.com/${this.repository}/pull/${c.issue}#issuecomment-${c.id}`,
      url: `${base}/repos/${this.repository}/issues/comments/${c.id}`,
    };
  }

  private runView(id: number, run: WorkflowRun, base: string) {
    const [owner] = run.headRepository.split("/");
    return {
      id,
      name: "trt-pte",
      node_id: `WFR_${id}`,
      run_number: 1,
      run_attempt: 1,
      event: "pull_request",
      status: run.status,
      conclusion: run.conclusion,
      head_branch: "feature",
      head_sha: "1".repeat(40),
      url: `${base}/repos/${this.repository}/actions/runs/${id}`,
      html_url: `https://github.com/${this.repository}/actions/runs/${id}`,
      head_repository: { full_name: run.headRepository, owner: { login: owner } },
      repository: { full_name: this.repository },
    };
  }

  private reviewsView(run: WorkflowRun, base: string) {
    return environmentApprovalsView(this.repository, run.reviews, base);
  }

  handle(req: Recorded, res: http.ServerResponse, base: string): boolean {
    const url = new URL(req.url, base);
    const prefix = `/repos/${this.repository}/`;
    if (!url.pathname.startsWith(prefix)) return false;
    const auth = req.headers.authorization ?? "";
    if (auth !== `token ${this.token}` && auth !== `Bearer ${this.token}`) {
      sendJson(res, 401, { message: "Bad credentials" });
      return true;
    }
    const rest = url.pathname.slice(prefix.length);
    const body = req.body.length > 0 ? (JSON.parse(req.body.toString("utf8")) as { body?: string }) : {};
    const forbidden = () =>
      sendJson(res, 403, { message: "Resource not accessible by integration", status: "403" });

    let m = /^issues\/(\d+)\/comments$/.exec(rest);
    if (m && req.method === "GET") {
      const issue = Number(m[1]);
      const perPage = Number(url.searchParams.get("per_page") ?? "30");
      const page = Number(url.searchParams.get("page") ?? "1");
      const all = this.comments.filter((c) => c.issue === issue);
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < all.length) {
        const next = new URL(url);
        next.searchParams.set("page", String(page + 1));
        headers.link = `<${next.toString()}>; rel="next"`;
      }
      const text = JSON.stringify(slice.map((c) => this.view(c, base)));
      res.writeHead(200, { "content-type": "application/json", ...headers });
      res.end(text);
      return true;
    }
    if (m && req.method === "POST") {
      if (this.readOnly) return (forbidden(), true);
      const comment = this.addComment(Number(m[1]), body.body ?? "");
      sendJson(res, 201, this.view(comment, base));
      return true;
    }
    m = /^issues\/comments\/(\d+)$/.exec(rest);
    if (m && req.method === "PATCH") {
      if (this.readOnly) return (forbidden(), true);
      const comment = this.comments.find((c) => c.id === Number(m![1]));
      if (comment === undefined) return (sendJson(res, 404, { message: "Not Found" }), true);
      comment.body = body.body ?? "";
      sendJson(res, 200, this.view(comment, base));
      return true;
    }
    m = /^actions\/runs\/(\d+)(\/approvals)?$/.exec(rest);
    if (m && req.method === "GET") {
      if (this.actionsUnreadable) return (forbidden(), true);
      const id = Number(m[1]);
      const run = this.runs.get(id);
      if (run === undefined) return (sendJson(res, 404, { message: "Not Found", status: "404" }), true);
      sendJson(res, 200, m[2] === undefined ? this.runView(id, run, base) : this.reviewsView(run, base));
      return true;
    }
    if (rest === "pulls" && req.method === "GET") {
      const head = url.searchParams.get("head");
      const list = this.pulls.filter((p) => head === null || p.head.label === head);
      sendJson(res, 200, list);
      return true;
    }
    return false;
  }
}
