// GitHub's artifact service (Twirp JSON, github.actions.results.api.v1.ArtifactService) as the real
// @actions/artifact client speaks it: CreateArtifact → block-blob upload to the signed URL →
// FinalizeArtifact with the size and sha256 the client computed; ListArtifacts and DeleteArtifact.
// It checks what the real service checks: the bearer token, the backend ids from the token, unique
// names per run, and that the finalized size and hash match the bytes that arrived. An upload keeps
// the bytes as they came: a zip (the client's archive, `application/zip`) or, for a direct upload
// (`skipArchive`), the file itself under the content type its extension gives.

import { createHash } from "node:crypto";
import type http from "node:http";
import { type Handler, type Recorded, sendJson, authorizedScope, twirpError } from "./http.js";
import type { BlobStore } from "./blob-store.js";

const SERVICE = "/twirp/github.actions.results.api.v1.ArtifactService/";

export interface StoredArtifact {
  id: number;
  name: string;
  runBackendId: string;
  jobBackendId: string;
  expiresAt: string | undefined;
  mimeType: string | undefined;
  /** Stored as a zip the client built (false for a direct, single-file upload). */
  zipped: boolean;
  size: number;
  hash: string | undefined;
  finalized: boolean;
  blobKey: string;
}

export class ArtifactService implements Handler {
  readonly artifacts: StoredArtifact[] = [];
  private nextId = 1000;

  /**
   * `verifyHash: false` skips hashing the finalized bytes: the real service does that on its own
   * machines, so bench/publish leaves it out of the runner's time on a shared 2-core box.
   */
  constructor(
    private readonly blobs: BlobStore,
    private readonly options: { verifyHash: boolean } = { verifyHash: true },
  ) {}

  /** The bytes of a finalized artifact (of one run's backend id): the zip the client built, or the file itself. */
  content(name: string, runBackendId?: string): Buffer {
    const artifact = this.artifacts.find(
      (a) =>
        a.name === name && a.finalized && (runBackendId === undefined || a.runBackendId === runBackendId),
    );
    if (artifact === undefined) throw new Error(`no finalized artifact '${name}'`);
    return this.blobs.blobs.get(artifact.blobKey)!;
  }

  handle(req: Recorded, res: http.ServerResponse, base: string): boolean {
    if (!req.url.startsWith(SERVICE)) return false;
    const scope = authorizedScope(req, res);
    if (scope === null) return true;
    const method = req.url.slice(SERVICE.length);
    const body = JSON.parse(req.body.toString("utf8") || "{}") as Record<string, unknown>;
    if (
      (method === "CreateArtifact" || method === "FinalizeArtifact") &&
      (body.workflow_run_backend_id !== scope.run || body.workflow_job_run_backend_id !== scope.job)
    ) {
      twirpError(res, 403, "permission_denied", "the token's scope does not cover this run and job");
      return true;
    }
    if (method === "CreateArtifact") this.create(body, res, base);
    else if (method === "FinalizeArtifact") this.finalize(body, res);
    else if (method === "DeleteArtifact") this.remove(body, res);
    else if (method === "ListArtifacts") {
      const listed = this.artifacts.filter(
        (a) => a.finalized && (body.name_filter === undefined || a.name === body.name_filter),
      );
      sendJson(res, 200, {
        artifacts: listed.map((a) => ({
          workflow_run_backend_id: a.runBackendId,
          workflow_job_run_backend_id: a.jobBackendId,
          database_id: String(a.id),
          name: a.name,
          size: String(a.size),
        })),
      });
    } else twirpError(res, 404, "bad_route", `no method ${method}`);
    return true;
  }

  private create(body: Record<string, unknown>, res: http.ServerResponse, base: string): void {
    const name = String(body.name ?? "");
    const run = String(body.workflow_run_backend_id ?? "");
    const job = String(body.workflow_job_run_backend_id ?? "");
    if (name === "" || run === "" || job === "" || body.version !== 7) {
      twirpError(res, 400, "invalid_argument", "name, backend ids and version 7 are required");
      return;
    }
    if (this.artifacts.some((a) => a.name === name && a.runBackendId === run)) {
      twirpError(res, 409, "already_exists", `an artifact with this name already exists on the workflow run`);
      return;
    }
    const id = this.nextId++;
    const mime = body.mime_type as string | { value?: string } | undefined;
    const mimeType = typeof mime === "string" ? mime : mime?.value;
    const zipped = mimeType === undefined || mimeType === "application/zip";
    const blobKey = `actions-results/${run}/${job}/${name}${zipped ? ".zip" : ""}`;
    this.artifacts.push({
      id,
      name,
      runBackendId: run,
      jobBackendId: job,
      expiresAt: body.expires_at as string | undefined,
      mimeType,
      zipped,
      size: 0,
      hash: undefined,
      finalized: false,
      blobKey,
    });
    const [container, ...rest] = blobKey.split("/");
    sendJson(res, 200, { ok: true, signed_upload_url: this.blobs.url(base, container!, rest.join("/")) });
  }

  private finalize(body: Record<string, unknown>, res: http.ServerResponse): void {
    const artifact = this.artifacts.find(
      (a) => a.name === body.name && a.runBackendId === body.workflow_run_backend_id && !a.finalized,
    );
    if (artifact === undefined) {
      twirpError(res, 404, "not_found", "no artifact was created with this name");
      return;
    }
    const blob = this.blobs.blobs.get(artifact.blobKey);
    const size = Number(body.size ?? 0);
    const hashField = body.hash as string | { value?: string } | undefined;
    const hash = typeof hashField === "string" ? hashField : hashField?.value;
    if (blob === undefined || blob.length !== size) {
      twirpError(
        res,
        400,
        "invalid_argument",
        `size ${size} does not match the ${blob?.length ?? 0} bytes uploaded`,
      );
      return;
    }
    const actual = this.options.verifyHash
      ? `sha256:${createHash("sha256").update(blob).digest("hex")}`
      : hash;
    if (hash !== undefined && hash !== actual) {
      twirpError(res, 400, "invalid_argument", `hash ${hash} does not match the uploaded ${actual}`);
      return;
    }
    Object.assign(artifact, { size, hash, finalized: true });
    sendJson(res, 200, { ok: true, artifact_id: String(artifact.id) });
  }

  private remove(body: Record<string, unknown>, res: http.ServerResponse): void {
    const index = this.artifacts.findIndex(
      (a) => a.name === body.name && a.runBackendId === body.workflow_run_backend_id && a.finalized,
    );
    if (index < 0) {
      twirpError(res, 404, "not_found", "no artifact with this name on the workflow run");
      return;
    }
    const [artifact] = this.artifacts.splice(index, 1);
    this.blobs.blobs.delete(artifact!.blobKey);
    sendJson(res, 200, { ok: true, artifact_id: String(artifact!.id) });
  }

  /**
   * An artifact stored as a finished upload would leave it, for tests of what reads artifacts (the
   * REST API's listing and download): `bytes` as they are, or a zip of them when `zipped`.
   */
  put(options: {
    run: string;
    job?: string;
    name: string;
    bytes: Buffer;
    zipped?: boolean;
    expiresAt?: string;
  }): StoredArtifact {
    const zipped = options.zipped ?? false;
    const blobKey = `actions-results/${options.run}/${options.job ?? "job"}/${options.name}${zipped ? ".zip" : ""}`;
    this.blobs.blobs.set(blobKey, options.bytes);
    const artifact: StoredArtifact = {
      id: this.nextId++,
      name: options.name,
      runBackendId: options.run,
      jobBackendId: options.job ?? "job",
      expiresAt: options.expiresAt,
      mimeType: zipped ? "application/zip" : "application/octet-stream",
      zipped,
      size: options.bytes.length,
      hash: `sha256:${createHash("sha256").update(options.bytes).digest("hex")}`,
      finalized: true,
      blobKey,
    };
    this.artifacts.push(artifact);
    return artifact;
  }
}
