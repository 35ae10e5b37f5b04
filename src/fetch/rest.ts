// The few REST calls `trt-pte fetch` makes, on Node's own fetch: JSON GETs with the token, pages
// followed through the Link header, and an artifact's download, whose 302 to storage is followed by
// hand so the token never goes to the storage host (the signed URL needs none). GITHUB_API_URL picks
// GitHub Enterprise Server. Nothing here prints the token or a signed URL.

import fs from "node:fs";
import { createHash } from "node:crypto";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { TrtPteError } from "../errors.js";
import { ByteBudget, tooLarge } from "./limit.js";

export const DEFAULT_API_URL = "https://api.github.com";

/** A REST answer other than the one expected: its status and GitHub's message. */
export class RestError extends TrtPteError {
  constructor(
    readonly status: number,
    readonly what: string,
    message: string,
    hint?: string,
  ) {
    super("settings", `${what}: ${message}`, hint);
    this.name = "RestError";
  }
}

/** An artifact GitHub no longer keeps (410 Gone). */
export class ExpiredError extends RestError {}

/** A downloaded artifact: where its bytes are, what GitHub's storage called them, their sha256. */
export interface Downloaded {
  file: string;
  contentType: string;
  sha256: string;
  bytes: number;
}

const MAX_PAGES = 20;

async function messageOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { message?: unknown };
    if (typeof body.message === "string") return `${response.status} ${body.message.slice(0, 300)}`;
  } catch {
    // not JSON: the status is all there is to say
  }
  return `${response.status} ${response.statusText}`;
}

function nextLink(response: Response): string | null {
  const link = response.headers.get("link") ?? "";
  return /<([^>]+)>;\s*rel="next"/.exec(link)?.[1] ?? null;
}

export class GitHubRest {
  private readonly base: string;

  constructor(
    apiUrl: string,
    private readonly token: string,
  ) {
    this.base = apiUrl.replace(/\/+$/, "");
  }

  private headers(): Record<string, string> {
    return {
      accept: "application/vnd.github+json",
      authorization: `Bearer ${this.token}`,
      "user-agent": "trt-pte-fetch",
      "x-github-api-version": "2022-11-28",
    };
  }

  private url(path: string, query: Record<string, string | number> = {}): string {
    const url = new URL(`${this.base}${path}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
    return url.toString();
  }

  private async get(url: string, what: string, redirect: RequestRedirect = "follow"): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, { headers: this.headers(), redirect });
    } catch (e) {
      throw new RestError(0, what, `cannot reach ${new URL(url).host} (${(e as Error).message})`, apiHint());
    }
    return response;
  }

  private refuse(status: number, what: string, message: string): never {
    if (status === 401) {
      throw new RestError(
        status,
        what,
        message,
        "the token is not valid for this host: set a current one in GH_TOKEN",
      );
    }
    if (status === 403 || status === 404) {
      throw new RestError(
        status,
        what,
        message,
        "check the repository's name, and that the token may read it and its Actions (a fine-grained token needs `actions: read`, a classic one `repo` for a private repository)",
      );
    }
    throw new RestError(status, what, message);
  }

  /** One JSON document. */
  async json<T>(path: string, what: string, query?: Record<string, string | number>): Promise<T> {
    const response = await this.get(this.url(path, query), what);
    if (!response.ok) this.refuse(response.status, what, await messageOf(response));
    return (await response.json()) as T;
  }

  /** Every item of a listing, page after page (at most MAX_PAGES); `key` names the array in an object page. */
  async *list<T>(
    path: string,
    what: string,
    key: string | null,
    query: Record<string, string | number> = {},
  ): AsyncIterable<T> {
    let url: string | null = this.url(path, { per_page: 100, ...query });
    for (let page = 0; url !== null && page < MAX_PAGES; page++) {
      const response = await this.get(url, what);
      if (!response.ok) this.refuse(response.status, what, await messageOf(response));
      const body = (await response.json()) as unknown;
      const items = key === null ? body : (body as Record<string, unknown>)[key];
      if (!Array.isArray(items)) throw new RestError(response.status, what, "GitHub answered without a list");
      yield* items as T[];
      url = nextLink(response);
    }
  }

  /**
   * Downloads an artifact into `file`: GET …/actions/artifacts/{id}/zip answers 302 to storage, which
   * is fetched without the token. Hashes the bytes as they arrive, and stops past what `budget` has
   * left (its caller spends what arrived).
   */
  async download(path: string, what: string, file: string, budget = new ByteBudget()): Promise<Downloaded> {
    const answer = await this.get(this.url(path), what, "manual");
    if (answer.status === 410) {
      throw new ExpiredError(
        410,
        what,
        `${await messageOf(answer)}: GitHub no longer keeps it`,
        "artifacts last as long as the workflow's retention-days: re-run the workflow to build it again",
      );
    }
    const location = answer.headers.get("location");
    if (answer.status !== 302 || location === null) {
      if (answer.ok || (answer.status >= 300 && answer.status < 400)) {
        throw new RestError(answer.status, what, `expected a redirect to storage, got ${answer.status}`);
      }
      this.refuse(answer.status, what, await messageOf(answer));
    }
    await answer.body?.cancel();
    let response: Response;
    try {
      // No token: the signed URL is the credential, and storage is another host.
      response = await fetch(location, { headers: { "user-agent": "trt-pte-fetch" } });
    } catch (e) {
      throw new RestError(0, what, `cannot reach the artifact's storage (${(e as Error).message})`);
    }
    if (!response.ok || response.body === null) {
      // The storage URL is signed: name its host only.
      throw new RestError(
        response.status,
        what,
        `storage at ${new URL(location).host} answered ${response.status}`,
      );
    }
    const hash = createHash("sha256");
    let bytes = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > budget.left) return done(tooLarge(what, budget.limit, "the download runs on"));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(
      Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
      tap,
      fs.createWriteStream(file, { flags: "wx" }),
    );
    return {
      file,
      contentType: (response.headers.get("content-type") ?? "").replace(/;.*$/s, "").trim().toLowerCase(),
      sha256: hash.digest("hex"),
      bytes,
    };
  }
}

function apiHint(): string {
  return "check the network, and GITHUB_API_URL for GitHub Enterprise Server (https://HOST/api/v3)";
}
