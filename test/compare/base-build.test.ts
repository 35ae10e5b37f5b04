// The base build's .pte for the driver: named by the baseline report, restored from a real cache-dir
// store (src/platform/dir-store.ts) into its own folder, checked against the digests the report
// recorded; anything else is a reason, never a throw. The end-to-end runs (test/e2e/compare.test.ts)
// restore it from cache-dir and from the GitHub cache stand-in and time it in the driver.

import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { dirCacheStore } from "../../src/platform/dir-store.js";
import { LOCAL_SCOPE } from "../../src/cache/scope.js";
import { OUTPUT_STAGE_DIR } from "../../src/cache/layers.js";
import { BASE_BUILD_DIR, baseEntryOf, restoreBaseBuild } from "../../src/compare/base-build.js";
import type { CacheStore } from "../../src/platform/store.js";

const KEY = "trt-pte-out-v3-xnnpack-model-0123456789abcdef";
const PTE = Buffer.from("ET12 a base build");
const PTD = Buffer.from("weights");
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

let workspace: string;
let store: CacheStore;

beforeEach(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-base-ws-"));
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-base-store-"));
  store = dirCacheStore({ root, workspace, maxBytes: 1 << 30, scope: LOCAL_SCOPE });
});

/** Saves an output entry the way a build does: model.pte, model.ptd and report.json under the stage. */
async function saveEntry(pte: Buffer = PTE): Promise<void> {
  const stage = path.join(workspace, OUTPUT_STAGE_DIR);
  fs.mkdirSync(stage, { recursive: true });
  fs.writeFileSync(path.join(stage, "model.pte"), pte);
  fs.writeFileSync(path.join(stage, "model.ptd"), PTD);
  fs.writeFileSync(path.join(stage, "report.json"), "{}");
  expect(await store.save([OUTPUT_STAGE_DIR], KEY)).toBe("saved");
  fs.rmSync(stage, { recursive: true });
}

const baseline = (overrides: Record<string, unknown> = {}) => ({
  cache: { key: KEY },
  pte: { name: "model.pte", sha256: sha(PTE) },
  ptd: [{ name: "model.ptd", sha256: sha(PTD) }],
  ...overrides,
});

describe("the base build's .pte", () => {
  it("is restored into its own folder, checked, handed over, and removed after", async () => {
    await saveEntry();
    const restored = await restoreBaseBuild(store, workspace, baseline());
    if (typeof restored === "string") throw new Error(restored);
    const dir = path.join(workspace, BASE_BUILD_DIR);
    expect(restored.request).toEqual({
      pte: path.join(dir, "model.pte"),
      ptd: [path.join(dir, "model.ptd")],
      sha256: sha(PTE),
    });
    expect(fs.readFileSync(restored.request.pte)).toEqual(PTE);
    expect(fs.existsSync(path.join(workspace, OUTPUT_STAGE_DIR))).toBe(false); // the stage is free again
    await restored.cleanup();
    expect(fs.existsSync(dir)).toBe(false);
  });

  it("is refused when the entry holds other bytes than the baseline recorded", async () => {
    const other = Buffer.from("ET12 something else");
    await saveEntry(other);
    expect(await restoreBaseBuild(store, workspace, baseline())).toBe(
      "the base build's cache entry holds a different model.pte than its report recorded",
    );
    expect(fs.existsSync(path.join(workspace, BASE_BUILD_DIR))).toBe(false);
    const missing = baseline({
      pte: { name: "model.pte", sha256: sha(other) },
      ptd: [{ name: "other.ptd", sha256: sha(PTD) }],
    });
    expect(await restoreBaseBuild(store, workspace, missing)).toBe(
      "the base build's cache entry holds no other.ptd than its report recorded",
    );
  });

  it("says why when the entry is gone or the baseline names none", async () => {
    expect(await restoreBaseBuild(store, workspace, baseline())).toBe(
      "the base build's output cache entry is gone (evicted or expired)",
    );
    expect(await restoreBaseBuild(store, workspace, { ...baseline(), cache: { key: null } })).toMatch(
      /names no output cache entry \(it was built with caching off/,
    );
  });

  it("takes only trt-pte's own keys and plain file names with digests from the report", () => {
    expect(typeof baseEntryOf(baseline())).toBe("object");
    for (const bad of [
      { cache: { key: "trt-pte-baseline-x:1" } },
      { cache: { key: "trt-pte-out-a,b" } },
      { pte: { name: "../../etc/passwd", sha256: sha(PTE) } },
      { pte: { name: "sub/model.pte", sha256: sha(PTE) } },
      { pte: { name: "model.pte", sha256: "not a digest" } },
      { ptd: [{ name: "..", sha256: sha(PTD) }] },
      { pte: null },
    ])
      expect(typeof baseEntryOf(baseline(bad)), JSON.stringify(bad)).toBe("string");
    expect(typeof baseEntryOf(null)).toBe("string");
  });
});
