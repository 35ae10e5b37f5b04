// The Azure Blob Storage operations the toolkit's @azure/storage-blob client uses for artifacts and
// caches: Put Block, Put Block List, Put Blob, and Get Blob (whole or by range). Blobs live in
// memory, addressed path-style as Azurite does: /<account>/<container>/<blob>.

import type http from "node:http";
import type { Handler, Recorded } from "./http.js";

export const ACCOUNT = "devstoreaccount1";

export class BlobStore implements Handler {
  readonly blobs = new Map<string, Buffer>();
  /** The content type each blob was committed with (`x-ms-blob-content-type`), as Azure keeps it. */
  readonly contentTypes = new Map<string, string>();
  private readonly blocks = new Map<string, Map<string, Buffer>>();

  /** A signed URL for a blob in this store; the signature is a fixed fake, as Azurite accepts any. */
  url(base: string, container: string, blob: string): string {
    return `${base}/${ACCOUNT}/${container}/${encodeURIComponent(blob)}?sv=2024-11-04&se=2099-01-01&sr=b&sp=rcw&sig=stand-in-signature`;
  }

  handle(req: Recorded, res: http.ServerResponse): boolean {
    const url = new URL(req.url, "http://x");
    if (!url.pathname.startsWith(`/${ACCOUNT}/`)) return false;
    const key = decodeURIComponent(url.pathname.slice(ACCOUNT.length + 2));
    const comp = url.searchParams.get("comp");
    const common = {
      "x-ms-request-id": "stand-in",
      "x-ms-version": "2024-11-04",
      etag: '"0x1"',
      "last-modified": new Date().toUTCString(),
    };
    if (req.method === "PUT" && comp === "block") {
      const id = url.searchParams.get("blockid") ?? "";
      if (!this.blocks.has(key)) this.blocks.set(key, new Map());
      this.blocks.get(key)!.set(id, req.body);
      res.writeHead(201, { ...common, "x-ms-request-server-encrypted": "true" }).end();
      return true;
    }
    if (req.method === "PUT" && comp === "blocklist") {
      const ids = [
        ...req.body.toString("utf8").matchAll(/<(?:Latest|Committed|Uncommitted)>([^<]*)<\//g),
      ].map((m) => m[1]!);
      const staged = this.blocks.get(key) ?? new Map<string, Buffer>();
      const missing = ids.filter((id) => !staged.has(id));
      if (missing.length > 0) {
        res.writeHead(400, { ...common, "x-ms-error-code": "InvalidBlockList" }).end();
        return true;
      }
      this.blobs.set(key, Buffer.concat(ids.map((id) => staged.get(id)!)));
      this.keepContentType(key, req);
      this.blocks.delete(key);
      res.writeHead(201, common).end();
      return true;
    }
    if (req.method === "PUT" && comp === null) {
      this.blobs.set(key, req.body);
      this.keepContentType(key, req);
      res.writeHead(201, common).end();
      return true;
    }
    if (req.method === "GET" || req.method === "HEAD") {
      const blob = this.blobs.get(key);
      if (blob === undefined) {
        res.writeHead(404, { ...common, "x-ms-error-code": "BlobNotFound" }).end();
        return true;
      }
      const range = /bytes=(\d+)-(\d*)/.exec(String(req.headers["x-ms-range"] ?? req.headers.range ?? ""));
      const start = range ? Number(range[1]) : 0;
      const end = range && range[2] !== "" ? Math.min(Number(range[2]), blob.length - 1) : blob.length - 1;
      const body = blob.subarray(start, end + 1);
      // A SAS may override the response's type and disposition (`rsct`, `rscd`), as GitHub's
      // download URLs do to name the file.
      const disposition = url.searchParams.get("rscd");
      const headers = {
        ...common,
        "content-length": String(body.length),
        "content-type":
          url.searchParams.get("rsct") ?? this.contentTypes.get(key) ?? "application/octet-stream",
        ...(disposition === null ? {} : { "content-disposition": disposition }),
        "x-ms-blob-type": "BlockBlob",
        "accept-ranges": "bytes",
        ...(range ? { "content-range": `bytes ${start}-${end}/${blob.length}` } : {}),
      };
      res.writeHead(range ? 206 : 200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
      return true;
    }
    return false;
  }

  private keepContentType(key: string, req: Recorded): void {
    const type = req.headers["x-ms-blob-content-type"];
    if (typeof type === "string") this.contentTypes.set(key, type);
  }
}
