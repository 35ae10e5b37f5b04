import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { dirCacheStore, type DirStoreOptions } from "../src/platform/dir-store.js";
import { LOCAL_SCOPE, cacheScopeFromEvent, scopeId, type CacheScope } from "../src/cache/scope.js";
import { parseSize } from "../src/util/size.js";

let root: string;
let workspace: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-store-"));
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-ws-"));
});

function put(rel: string, bytes: number, fill = 1): void {
  fs.mkdirSync(path.dirname(path.join(workspace, rel)), { recursive: true });
  fs.writeFileSync(path.join(workspace, rel), Buffer.alloc(bytes, fill));
}

/** The folder the store files a scope's entries under (the layout src/platform/dir-store.ts describes). */
function scopeFolder(scope: CacheScope): string {
  const name = createHash("sha256").update(scopeId(scope)).digest("hex").slice(0, 32);
  return path.join(root, "scopes", name);
}

const MAIN_PUSH = cacheScopeFromEvent(
  { GITHUB_REPOSITORY: "octo/models", GITHUB_REF: "refs/heads/main", GITHUB_EVENT_NAME: "push" },
  { repository: { default_branch: "main" } },
);
const DEV_PUSH = cacheScopeFromEvent(
  { GITHUB_REPOSITORY: "octo/models", GITHUB_REF: "refs/heads/dev", GITHUB_EVENT_NAME: "push" },
  { repository: { default_branch: "main" } },
);
function pullRequestScope(number: number, base = "main", repository = "octo/models"): CacheScope {
  return cacheScopeFromEvent(
    {
      GITHUB_REPOSITORY: repository,
      GITHUB_REF: `refs/pull/${number}/merge`,
      GITHUB_BASE_REF: base,
      GITHUB_EVENT_NAME: "pull_request",
    },
    { pull_request: { number, base: { ref: base } }, repository: { default_branch: "main" } },
  );
}

function storeFor(scope: CacheScope, extra: Partial<DirStoreOptions> = {}) {
  return dirCacheStore({ root, workspace, maxBytes: 1 << 20, scope, ...extra });
}

const read = (rel: string): number | undefined => fs.readFileSync(path.join(workspace, rel))[0];

describe("cache-dir store", () => {
  it("restores exactly what it saved, replacing what was there", async () => {
    const store = dirCacheStore({ root, workspace, maxBytes: 1 << 20, scope: LOCAL_SCOPE });
    put("out/a/model.pte", 100, 1);
    put("out/a/report.json", 10, 2);
    expect(await store.save(["out/a"], "k1")).toBe("saved");
    fs.rmSync(path.join(workspace, "out"), { recursive: true });
    put("out/a/stale.txt", 5);
    expect(await store.restore(["out/a"], "k1")).toBe("k1");
    expect(fs.readdirSync(path.join(workspace, "out/a")).sort()).toEqual(["model.pte", "report.json"]);
    expect(fs.readFileSync(path.join(workspace, "out/a/model.pte")).equals(Buffer.alloc(100, 1))).toBe(true);
  });

  it("misses on an unknown key and restores the newest entry by prefix", async () => {
    const store = dirCacheStore({ root, workspace, maxBytes: 1 << 20, scope: LOCAL_SCOPE });
    expect(await store.restore(["t"], "timing-gpu-")).toBeUndefined();
    put("t/cache.bin", 10, 1);
    await store.save(["t"], "timing-gpu-aaaa");
    // "Newest" is the file system's change time of the entry, which ticks at the kernel's clock.
    await new Promise((r) => setTimeout(r, 25));
    put("t/cache.bin", 10, 2);
    await store.save(["t"], "timing-gpu-bbbb");
    expect(await store.restore(["t"], "timing-gpu-", ["timing-gpu-"])).toBe("timing-gpu-bbbb");
    expect(fs.readFileSync(path.join(workspace, "t/cache.bin"))[0]).toBe(2);
    expect(await store.restore(["t"], "timing-other-", ["timing-other-"])).toBeUndefined();
  });

  it("treats keys as immutable", async () => {
    const store = dirCacheStore({ root, workspace, maxBytes: 1 << 20, scope: LOCAL_SCOPE });
    put("x/f", 10, 1);
    expect(await store.save(["x"], "k")).toBe("saved");
    put("x/f", 10, 9);
    expect(await store.save(["x"], "k")).toBe("exists");
    await store.restore(["x"], "k");
    expect(fs.readFileSync(path.join(workspace, "x/f"))[0]).toBe(1);
  });

  it("evicts the least recently used entries beyond its bound, keeping the one just saved", async () => {
    const evicted: string[] = [];
    const store = dirCacheStore({
      root,
      workspace,
      maxBytes: 250,
      scope: LOCAL_SCOPE,
      log: (m) => evicted.push(m),
    });
    for (const k of ["a", "b"]) {
      put(`d/${k}`, 100);
      await store.save([`d/${k}`], k);
      await new Promise((r) => setTimeout(r, 20));
    }
    await store.restore(["d/a"], "a"); // a is now more recently used than b
    await new Promise((r) => setTimeout(r, 20));
    put("d/c", 100);
    await store.save(["d/c"], "c");
    expect(await store.restore(["d/b"], "b")).toBeUndefined();
    expect(await store.restore(["d/a"], "a")).toBe("a");
    expect(await store.restore(["d/c"], "c")).toBe("c");
    expect(evicted.join("\n")).toMatch(/evicted b/);
  });

  it("refuses an entry larger than the whole bound", async () => {
    const store = dirCacheStore({ root, workspace, maxBytes: 50, scope: LOCAL_SCOPE });
    put("big/f", 100);
    expect(await store.save(["big"], "big")).toBe("refused");
    expect(await store.restore(["big"], "big")).toBeUndefined();
  });

  it("leaves one whole entry when many writers race on one key", async () => {
    const stores = Array.from({ length: 6 }, () =>
      dirCacheStore({ root, workspace, maxBytes: 1 << 20, scope: LOCAL_SCOPE }),
    );
    put("race/f", 4096, 3);
    const results = await Promise.all(stores.map((s) => s.save(["race"], "same")));
    expect(results.filter((r) => r === "saved")).toHaveLength(1);
    expect(fs.readdirSync(scopeFolder(LOCAL_SCOPE))).toHaveLength(1);
    expect(fs.readdirSync(path.join(root, "tmp"))).toEqual([]);
    fs.rmSync(path.join(workspace, "race"), { recursive: true });
    expect(await stores[0]!.restore(["race"], "same")).toBe("same");
    expect(fs.readFileSync(path.join(workspace, "race/f")).equals(Buffer.alloc(4096, 3))).toBe(true);
  });
});

describe("cache-dir scopes", () => {
  it("a push to main never restores what a pull request saved, and saves its own entry under the same key", async () => {
    put("out/model.pte", 10, 66); // the pull request's poisoned build
    expect(await storeFor(pullRequestScope(7)).save(["out"], "k")).toBe("saved");
    fs.rmSync(path.join(workspace, "out"), { recursive: true });
    const main = storeFor(MAIN_PUSH);
    expect(await main.restore(["out"], "k")).toBeUndefined();
    put("out/model.pte", 10, 1);
    expect(await main.save(["out"], "k")).toBe("saved");
    fs.rmSync(path.join(workspace, "out"), { recursive: true });
    // The next push run reuses main's own entry.
    expect(await storeFor(MAIN_PUSH).restore(["out"], "k")).toBe("k");
    expect(read("out/model.pte")).toBe(1);
  });

  it("a pull request reuses its base branch's entry, and prefers its own", async () => {
    put("out/model.pte", 10, 1);
    await storeFor(MAIN_PUSH).save(["out"], "k");
    fs.rmSync(path.join(workspace, "out"), { recursive: true });
    const pr = storeFor(pullRequestScope(7));
    expect(await pr.restore(["out"], "k")).toBe("k");
    expect(read("out/model.pte")).toBe(1);
    put("out/model.pte", 10, 7);
    expect(await pr.save(["out"], "k")).toBe("saved");
    expect(await pr.restore(["out"], "k")).toBe("k");
    expect(read("out/model.pte")).toBe(7);
  });

  it("never reads another pull request's, another branch's or another repository's entries", async () => {
    put("out/model.pte", 10, 5);
    await storeFor(pullRequestScope(8)).save(["out"], "k");
    await storeFor(DEV_PUSH).save(["out"], "k");
    await storeFor(
      cacheScopeFromEvent(
        { GITHUB_REPOSITORY: "mallory/models", GITHUB_REF: "refs/heads/main", GITHUB_EVENT_NAME: "push" },
        {},
      ),
    ).save(["out"], "k");
    expect(await storeFor(pullRequestScope(7)).restore(["out"], "k", ["k"])).toBeUndefined();
    expect(await storeFor(MAIN_PUSH).restore(["out"], "k", ["k"])).toBeUndefined();
    // The other repository's main is not this repository's main.
    put("out/model.pte", 10, 1);
    await storeFor(MAIN_PUSH).save(["out"], "k");
    expect(
      await storeFor(pullRequestScope(7, "main", "eve/other")).restore(["out"], "k", ["k"]),
    ).toBeUndefined();
    expect(await storeFor(LOCAL_SCOPE).restore(["out"], "k", ["k"])).toBeUndefined();
  });

  it("a pull request reads the newest entry of its base branch by prefix, then the default branch's", async () => {
    const saveAt = async (scope: CacheScope, key: string, fill: number) => {
      put("b/report.json", 4, fill);
      expect(await storeFor(scope).save(["b"], key)).toBe("saved");
      await new Promise((r) => setTimeout(r, 25));
    };
    await saveAt(MAIN_PUSH, "baseline-net-1", 1);
    await saveAt(MAIN_PUSH, "baseline-net-2", 2);
    await saveAt(DEV_PUSH, "baseline-net-3", 3);
    await saveAt(pullRequestScope(9), "baseline-net-4", 4); // a pull request never writes a baseline anyone reads
    expect(await storeFor(pullRequestScope(7)).restore(["b"], "baseline-net-", ["baseline-net-"])).toBe(
      "baseline-net-2",
    );
    expect(read("b/report.json")).toBe(2);
    expect(
      await storeFor(pullRequestScope(7, "dev")).restore(["b"], "baseline-net-", ["baseline-net-"]),
    ).toBe("baseline-net-3");
    expect(
      await storeFor(pullRequestScope(7, "gone")).restore(["b"], "baseline-net-", ["baseline-net-"]),
    ).toBe("baseline-net-2");
  });

  it("never reads the unscoped entries of earlier releases, and removes them on the next save", async () => {
    const legacy = path.join(root, "entries", "0123");
    fs.mkdirSync(path.join(legacy, "files", "out"), { recursive: true });
    fs.writeFileSync(
      path.join(legacy, "meta.json"),
      JSON.stringify({ key: "k", created: "2026-01-01", bytes: 1 }),
    );
    fs.writeFileSync(path.join(legacy, "files", "out", "model.pte"), "x");
    expect(await storeFor(MAIN_PUSH).restore(["out"], "k", ["k"])).toBeUndefined();
    put("out/model.pte", 10, 1);
    expect(await storeFor(MAIN_PUSH).save(["out"], "k")).toBe("saved");
    expect(fs.existsSync(path.join(root, "entries"))).toBe(false);
  });

  it("orders entries by when the store took them in, not by a date a writer put in meta.json", async () => {
    put("t/cache.bin", 4, 1);
    await storeFor(MAIN_PUSH).save(["t"], "timing-a");
    await new Promise((r) => setTimeout(r, 25));
    put("t/cache.bin", 4, 2);
    await storeFor(MAIN_PUSH).save(["t"], "timing-b");
    const dirA = path.join(
      scopeFolder(MAIN_PUSH),
      createHash("sha256").update("timing-a").digest("hex").slice(0, 32),
    );
    const meta = JSON.parse(fs.readFileSync(path.join(dirA, "meta.json"), "utf8")) as Record<string, unknown>;
    meta.created = "2999-01-01T00:00:00.000Z";
    fs.writeFileSync(path.join(dirA, "meta.json"), JSON.stringify(meta));
    expect(await storeFor(MAIN_PUSH).restore(["t"], "timing-", ["timing-"])).toBe("timing-b");
  });

  it("a file changed in the folder after saving is a miss and a warning", async () => {
    put("out/model.pte", 10, 1);
    put("out/report.json", 10, 2);
    await storeFor(MAIN_PUSH).save(["out"], "k");
    const entry = path.join(
      scopeFolder(MAIN_PUSH),
      createHash("sha256").update("k").digest("hex").slice(0, 32),
    );
    fs.writeFileSync(path.join(entry, "files", "out", "model.pte"), Buffer.alloc(10, 66));
    fs.rmSync(path.join(workspace, "out"), { recursive: true });
    const warnings: string[] = [];
    expect(
      await storeFor(MAIN_PUSH, { warn: (m) => warnings.push(m) }).restore(["out"], "k"),
    ).toBeUndefined();
    expect(warnings.join("\n")).toMatch(/out\/model\.pte has sha256 [0-9a-f]{64}, the entry recorded/);
    expect(fs.existsSync(path.join(workspace, "out"))).toBe(false);
    // A file slipped in beside the recorded ones is just as much a miss.
    fs.writeFileSync(path.join(entry, "files", "out", "model.pte"), Buffer.alloc(10, 1));
    fs.writeFileSync(path.join(entry, "files", "out", "extra.py"), "import os");
    warnings.length = 0;
    expect(
      await storeFor(MAIN_PUSH, { warn: (m) => warnings.push(m) }).restore(["out"], "k"),
    ).toBeUndefined();
    expect(warnings.join("\n")).toMatch(/out\/extra\.py is not in the entry's record/);
    fs.rmSync(path.join(entry, "files", "out", "extra.py"));
    expect(await storeFor(MAIN_PUSH).restore(["out"], "k")).toBe("k");
    expect(read("out/model.pte")).toBe(1);
  });
});

describe("parseSize", () => {
  it.each([
    ["20GiB", 20 * 2 ** 30],
    ["20G", 20 * 2 ** 30],
    ["500 MiB", 500 * 2 ** 20],
    ["1.5k", 1536],
    ["1048576", 1048576],
  ])("%s is %d bytes", (text, bytes) => expect(parseSize(text)).toBe(bytes));
  it.each(["", "lots", "-1G", "5 GB extra"])("%j is not a size", (text) =>
    expect(parseSize(text)).toBeNull(),
  );
});
