// GitHub's REST API for workflow runs and their artifacts, in the shapes GitHub documents (and
// @octokit/openapi-types describes): list runs (filtered by branch, event or head_sha, newest first),
// get a run (`workflow-run`: its event, status, conclusion and head repository, which is a fork's for a
// fork's pull request) and its environment review history (`environment-approvals`), list a run's
// artifacts (with `expired` and the service's `digest`), get a pull request (with its head and base
// repositories), and download an artifact: GET /repos/{owner}/{repo}/actions/artifacts/{id}/zip answers 302 to a signed storage URL
// (the blob store's, with the file's type and name as SAS overrides), or 410 once it expired. It
// checks the token and pages with a Link header. Artifacts are those of the artifact service
// stand-in, tied to a run through their run backend id.

import type http from "node:http";
import { type Handler, type Recorded, sendJson } from "./http.js";
import type { ArtifactService, StoredArtifact } from "./artifact-service.js";
import type { BlobStore } from "./blob-store.js";
import { environmentApprovalsView, type RunReview } from "./github-api.js";

export interface Run {
  id: number;
  headSha: string;
  /** `head_branch`: the branch the run built, a fork's own branch name for a fork's pull request. */
  branch: string;
  event: string;
  /** The run backend id its jobs' artifacts carry. */
  backendId: string;
  /** `head_repository.full_name`: the repository its code came from; the repository itself by default. */
  headRepository?: string;
  /** Completed and successful unless set. */
  status?: "queued" | "in_progress" | "completed" | "waiting";
  conclusion?: "success" | "failure" | "cancelled" | "skipped" | "action_required" | null;
  /** The run's environment review history, oldest first. */
  reviews?: RunReview[];
}

export interface Pull {
  sha: string;
  ref: string;
  /** `head.repo.full_name`: the fork's, for a fork's pull request; the repository itself by default. */
  headRepository?: string;
}

export class ActionsApi implements Handler {
  readonly runs: Run[] = [];
  readonly pulls = new Map<number, Pull>();
  /** Artifact ids that answer as expired (410), besides those past their expiry. */
  readonly expired = new Set<number>();
  /** Artifact ids listed as kept but gone by the time they are downloaded (expired in between). */
  readonly goneAtDownload = new Set<number>();

  constructor(
    private readonly repository: string,
    private readonly token: string,
    private readonly artifacts: ArtifactService,
    private readonly blobs: BlobStore,
  ) {}

  addRun(run: Run): Run {
    this.runs.push(run);
    return run;
  }

  private isExpired(a: StoredArtifact): boolean {
    return this.expired.has(a.id) || (a.expiresAt !== undefined && Date.parse(a.expiresAt) < Date.now());
  }

  /** A `minimal-repository`, as `repository` and `head_repository` of a run and `repo` of a pull's head and base. */
  private repositoryView(fullName: string, base: string) {
    const [owner = "", name = ""] = fullName.split("/");
    return {
      id: fullName === this.repository ? 42 : 4200 + fullName.length,
      node_id: `R_${fullName}`,
      name,
      full_name: fullName,
      owner: { login: owner, type: "User" },
      private: false,
      fork: fullName !== this.repository,
      html_url: `https://github.com/${fullName}`,
      url: `${base}/repos/${fullName}`,
    };
  }

  private runView(run: Run, base: string) {
    const head = run.headRepository ?? this.repository;
    return {
      id: run.id,
      name: "trt-pte",
      head_branch: run.branch,
      head_sha: run.headSha,
      event: run.event,
      status: run.status ?? "completed",
      conclusion: run.conclusion === undefined ? "success" : run.conclusion,
      run_number: run.id,
      run_attempt: 1,
      created_at: new Date(Date.UTC(2026, 0, 1) + run.id * 1000).toISOString(),
      url: `${base}/repos/${this.repository}/actions/runs/${run.id}`,
      html_url: `https://github.com/${this.repository}/actions/runs/${run.id}`,
      // GitHub lists only the repository's own pull requests here: a fork's run has none.
      pull_requests: [],
      repository: this.repositoryView(this.repository, base),
      head_repository: this.repositoryView(head, base),
      head_repository_id: this.repositoryView(head, base).id,
    };
  }

  private artifactView(a: StoredArtifact, base: string) {
    const run = this.runs.find((r) => r.backendId === a.runBackendId);
    return {
      id: a.id,
      node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
      name: a.name,
      size_in_bytes: a.size,
      url: `${base}/repos/${this.repository}/actions/artifacts/${a.id}`,
      archive_download_url: `${base}/repos/${this.repository}/actions/artifacts/${a.id}/zip`,
      expired: this.isExpired(a),
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
      expires_at: a.expiresAt ?? "2026-04-01T00:00:00Z",
      digest: a.hash ?? null,
      workflow_run: run && {
        id: run.id,
        repository_id: 42,
        head_repository_id: 42,
        head_branch: run.branch,
        head_sha: run.headSha,
      },
    };
  }

  /** A page of `items` with GitHub's Link header when more follow. */
  private page<T>(res: http.ServerResponse, url: URL, items: T[], wrap: (page: T[]) => unknown): void {
    const perPage = Math.min(100, Number(url.searchParams.get("per_page") ?? "30"));
    const page = Number(url.searchParams.get("page") ?? "1");
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (page * perPage < items.length) {
      const next = new URL(url);
      next.searchParams.set("page", String(page + 1));
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    res.writeHead(200, headers).end(JSON.stringify(wrap(slice)));
  }

  handle(req: Recorded, res: http.ServerResponse, base: string): boolean {
    const url = new URL(req.url, base);
    const prefix = `/repos/${this.repository}/`;
    if (!url.pathname.startsWith(prefix) || req.method !== "GET") return false;
    const rest = url.pathname.slice(prefix.length);
    const routes = [
      /^actions\/runs$/,
      /^actions\/runs\/\d+(\/approvals)?$/,
      /^actions\/runs\/\d+\/artifacts$/,
      /^actions\/artifacts\/\d+(\/zip)?$/,
      /^pulls\/\d+$/,
    ];
    if (!routes.some((r) => r.test(rest))) return false;
    const auth = req.headers.authorization ?? "";
    if (auth !== `token ${this.token}` && auth !== `Bearer ${this.token}`) {
      sendJson(res, 401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" });
      return true;
    }
    const notFound = () =>
      sendJson(res, 404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });

    if (rest === "actions/runs") {
      // As GitHub's: `branch` matches head_branch whatever repository the run's code came from.
      const branch = url.searchParams.get("branch");
      const event = url.searchParams.get("event");
      const sha = url.searchParams.get("head_sha");
      const runs = this.runs
        .filter(
          (r) =>
            (branch === null || r.branch === branch) &&
            (event === null || r.event === event) &&
            (sha === null || r.headSha === sha),
        )
        .sort((a, b) => b.id - a.id);
      this.page(res, url, runs, (page) => ({
        total_count: runs.length,
        workflow_runs: page.map((r) => this.runView(r, base)),
      }));
      return true;
    }
    let m = /^actions\/runs\/(\d+)(\/approvals)?$/.exec(rest);
    if (m) {
      const run = this.runs.find((r) => r.id === Number(m![1]));
      // Another stand-in (github-api.ts) may hold the run; the server answers 404 when none does.
      if (run === undefined) return false;
      sendJson(
        res,
        200,
        m[2] === undefined
          ? this.runView(run, base)
          : environmentApprovalsView(this.repository, run.reviews ?? [], base),
      );
      return true;
    }
    m = /^actions\/runs\/(\d+)\/artifacts$/.exec(rest);
    if (m) {
      const run = this.runs.find((r) => r.id === Number(m![1]));
      if (run === undefined) return (notFound(), true);
      const name = url.searchParams.get("name");
      const listed = this.artifacts.artifacts.filter(
        (a) => a.finalized && a.runBackendId === run.backendId && (name === null || a.name === name),
      );
      this.page(res, url, listed, (page) => ({
        total_count: listed.length,
        artifacts: page.map((a) => this.artifactView(a, base)),
      }));
      return true;
    }
    m = /^actions\/artifacts\/(\d+)(\/zip)?$/.exec(rest);
    if (m) {
      const artifact = this.artifacts.artifacts.find((a) => a.id === Number(m![1]) && a.finalized);
      if (artifact === undefined) return (notFound(), true);
      if (m[2] === undefined) return (sendJson(res, 200, this.artifactView(artifact, base)), true);
      if (this.isExpired(artifact) || this.goneAtDownload.has(artifact.id)) {
        sendJson(res, 410, {
          message: "Artifact has expired",
          documentation_url: "https://docs.github.com/rest",
          status: "410",
        });
        return true;
      }
      const [container, ...blob] = artifact.blobKey.split("/");
      const type = artifact.zipped ? "application/zip" : (artifact.mimeType ?? "application/octet-stream");
      const file = artifact.zipped ? `${artifact.name}.zip` : artifact.name;
      const location =
        `${this.blobs.url(base, container!, blob.join("/"))}` +
        `&rsct=${encodeURIComponent(type)}&rscd=${encodeURIComponent(`attachment; filename=${file}`)}`;
      res.writeHead(302, { location, "content-length": "0" }).end();
      return true;
    }
    m = /^pulls\/(\d+)$/.exec(rest);
    if (m) {
      const pull = this.pulls.get(Number(m[1]));
      if (pull === undefined) return (notFound(), true);
      const head = pull.headRepository ?? this.repository;
      sendJson(res, 200, {
        number: Number(m[1]),
        state: "open",
        head: {
          sha: pull.sha,
          ref: pull.ref,
          label: `${head.split("/")[0]}:${pull.ref}`,
          repo: this.repositoryView(head, base),
        },
        base: {
          ref: "main",
          label: `${this.repository.split("/")[0]}:main`,
          repo: this.repositoryView(this.repository, base),
        },
      });
      return true;
    }
    return false;
  }
}
