// A small HTTP server on loopback that stands in for GitHub's services in tests. Each service is a
// handler that claims the requests it understands; the server answers 404 for the rest and keeps a
// log of every request so tests can assert on what the real clients sent.

import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface Handler {
  /** Returns true when it answered the request. */
  handle(req: Recorded, res: http.ServerResponse, base: string): boolean | Promise<boolean>;
}

export class StandInServer {
  readonly requests: Recorded[] = [];
  private server: http.Server | undefined;
  base = "";

  constructor(private readonly handlers: Handler[]) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const recorded: Recorded = {
          method: req.method ?? "GET",
          url: req.url ?? "/",
          headers: req.headers,
          body: Buffer.concat(chunks),
        };
        this.requests.push(recorded);
        void this.dispatch(recorded, res);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  private async dispatch(req: Recorded, res: http.ServerResponse): Promise<void> {
    try {
      for (const handler of this.handlers) if (await handler.handle(req, res, this.base)) return;
      sendJson(res, 404, { msg: `no stand-in for ${req.method} ${req.url}` });
    } catch (e) {
      sendJson(res, 500, { msg: String(e) });
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** A Twirp error body (https://twitchtv.github.io/twirp/docs/spec_v7.html#error-codes). */
export function twirpError(res: http.ServerResponse, status: number, code: string, msg: string): void {
  sendJson(res, status, { code, msg });
}

/** One entry of the token's `ac` claim: a ref whose cache entries the job may read (1) and/or write (2). */
export interface CacheAccess {
  Scope: string;
  Permission: number;
}

/**
 * An unsigned JWT carrying the claims @actions/artifact and @actions/cache read backend ids from
 * (`scp`) and, when given, the cache scopes the job may use (`ac`, a JSON string as GitHub writes
 * it: a push to main gets `[{"Scope":"refs/heads/main","Permission":3}]`; a pull request reads its
 * base branch and reads and writes its own merge ref).
 */
export function runtimeToken(runBackendId: string, jobBackendId: string, access?: CacheAccess[]): string {
  const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString("base64url");
  const claims = {
    scp: `Actions.GenericRead:x Actions.Results:${runBackendId}:${jobBackendId}`,
    ...(access === undefined ? {} : { ac: JSON.stringify(access) }),
    exp: 4102444800,
  };
  return `${b64({ alg: "HS256", typ: "JWT" })}.${b64(claims)}.c2ln`;
}

/**
 * The `ac` claim GitHub gives a job of these runner variables (GitHub's "Restrictions for accessing a
 * cache"): read and write on the scope of its GITHUB_REF, read on its pull request's base branch
 * (GITHUB_BASE_REF) and on the default branch. A pull_request_target job's GITHUB_REF is its base
 * branch and an issue_comment or workflow_run job's the default branch, so GitHub lets those write
 * there; the action must not (src/cache/scope.ts).
 */
export function cacheAccessOf(
  env: Record<string, string | undefined>,
  defaultBranch = "main",
): CacheAccess[] {
  if (!env.GITHUB_REF) throw new Error("a job's runtime token is scoped by its GITHUB_REF, and none is set");
  const access: CacheAccess[] = [{ Scope: env.GITHUB_REF, Permission: 3 }];
  const reads = [env.GITHUB_BASE_REF, defaultBranch]
    .filter((b): b is string => !!b)
    .map((b) => `refs/heads/${b}`);
  for (const ref of reads)
    if (!access.some((a) => a.Scope === ref)) access.push({ Scope: ref, Permission: 1 });
  return access;
}

/**
 * The backend ids a bearer token grants, as the real services read them from its `scp` claim; null
 * for a missing or malformed token. (The real services also check the signature; clients do not.)
 */
export function tokenScope(
  authorization: string | undefined,
): { run: string; job: string; access: CacheAccess[] | null } | null {
  const token = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
  const payload = token?.split(".")[1];
  if (payload === undefined) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
      scp?: string;
      ac?: string;
    };
    const scope = claims.scp?.split(" ").find((s) => s.startsWith("Actions.Results:"));
    const [, run, job] = scope?.split(":") ?? [];
    const access = claims.ac === undefined ? null : (JSON.parse(claims.ac) as CacheAccess[]);
    return run && job ? { run, job, access } : null;
  } catch {
    return null;
  }
}

/** The token's scope, or null after answering 401 as the real services do for a missing or bad token. */
export function authorizedScope(
  req: Recorded,
  res: http.ServerResponse,
): { run: string; job: string; access: CacheAccess[] | null } | null {
  const scope = tokenScope(req.headers.authorization);
  if (scope === null) twirpError(res, 401, "unauthenticated", "missing or malformed bearer token");
  return scope;
}
