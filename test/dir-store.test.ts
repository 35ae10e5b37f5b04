import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { dirCacheStore } from "../src/platform/dir-store.js";
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

describe("cache-dir store", () => {
  it("restores exactly what it saved, replacing what was there", async () => {
    const store = dirCacheStore({ root, workspace, maxBytes: 1 << 20 });
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
    const store = dirCacheStore({ root, workspace, maxBytes: 1 << 20 });
    expect(await store.restore(["t"], "timing-gpu-")).toBeUndefined();
    put("t/cache.bin", 10, 1);
    await store.save(["t"], "timing-gpu-aaaa");
    await new Promise((r) => setTimeout(r, 5));
    put("t/cache.bin", 10, 2);
    await store.save(["t"], "timing-gpu-bbbb");
    expect(await store.restore(["t"], "timing-gpu-", ["timing-gpu-"])).toBe("timing-gpu-bbbb");
    expect(fs.readFileSync(path.join(workspace, "t/cache.bin"))[0]).toBe(2);
    expect(await store.restore(["t"], "timing-other-", ["timing-other-"])).toBeUndefined();
  });

  it("treats keys as immutable", async () => {
    const store = dirCacheStore({ root, workspace, maxBytes: 1 << 20 });
    put("x/f", 10, 1);
    expect(await store.save(["x"], "k")).toBe("saved");
    put("x/f", 10, 9);
    expect(await store.save(["x"], "k")).toBe("exists");
    await store.restore(["x"], "k");
    expect(fs.readFileSync(path.join(workspace, "x/f"))[0]).toBe(1);
  });

  it("evicts the least recently used entries beyond its bound, keeping the one just saved", async () => {
    const evicted: string[] = [];
    const store = dirCacheStore({ root, workspace, maxBytes: 250, log: (m) => evicted.push(m) });
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
    const store = dirCacheStore({ root, workspace, maxBytes: 50 });
    put("big/f", 100);
    expect(await store.save(["big"], "big")).toBe("refused");
    expect(await store.restore(["big"], "big")).toBeUndefined();
  });

  it("leaves one whole entry when many writers race on one key", async () => {
    const stores = Array.from({ length: 6 }, () => dirCacheStore({ root, workspace, maxBytes: 1 << 20 }));
    put("race/f", 4096, 3);
    const results = await Promise.all(stores.map((s) => s.save(["race"], "same")));
    expect(results.filter((r) => r === "saved")).toHaveLength(1);
    expect(fs.readdirSync(path.join(root, "entries"))).toHaveLength(1);
    expect(fs.readdirSync(path.join(root, "tmp"))).toEqual([]);
    fs.rmSync(path.join(workspace, "race"), { recursive: true });
    expect(await stores[0]!.restore(["race"], "same")).toBe("same");
    expect(fs.readFileSync(path.join(workspace, "race/f")).equals(Buffer.alloc(4096, 3))).toBe(true);
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
