// The target table (src/python/trt_pte/targets/table.json): well-formed, and part of the driver
// digest, so editing a target's row moves every cache key.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { STACK_PACKAGES, TARGETS, isTarget, targetSpec } from "../src/settings/targets.js";
import { PRECISIONS, inputDefinition } from "../src/settings/inputs.js";
import { driverDigest } from "../src/cache/key.js";
import { BOOTSTRAP, driverRoot } from "../src/python-driver.js";

describe("target table", () => {
  it("lists the four targets in the order action.yml offers them", () => {
    expect(TARGETS).toEqual(["tensorrt", "cuda", "xnnpack", "portable"]);
    expect(isTarget("cuda")).toBe(true);
    expect(isTarget("toString")).toBe(false);
    expect(inputDefinition("target").choices).toEqual(TARGETS);
  });

  it("names only real inputs, and a default tolerance for every precision a target builds", () => {
    for (const target of TARGETS) {
      const spec = targetSpec(target);
      for (const name of spec.settings) expect(() => inputDefinition(name)).not.toThrow();
      const precisions = spec.settings.includes("precision") ? [...PRECISIONS] : ["fp32"];
      expect(Object.keys(spec.tolerance).sort(), target).toEqual(precisions.sort());
      expect(Object.keys(spec.packages), target).toContain("torch");
      if (spec.fallback_delegate !== null) expect(spec.delegates.length, target).toBeGreaterThan(0);
    }
  });

  it("gives the stack the cache key records: every package some target needs, once", () => {
    expect([...STACK_PACKAGES].sort()).toEqual(["executorch", "tensorrt", "torch", "torch_tensorrt"]);
  });

  it("is hashed into the driver digest, with the driver's start script", async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-driver-"));
    try {
      fs.cpSync(path.join(driverRoot(), "trt_pte"), path.join(copy, "trt_pte"), {
        recursive: true,
        filter: (src) => !src.includes("__pycache__"),
      });
      fs.copyFileSync(path.join(driverRoot(), BOOTSTRAP), path.join(copy, BOOTSTRAP));
      const before = await driverDigest(copy);
      const table = path.join(copy, "trt_pte", "targets", "table.json");
      fs.writeFileSync(table, fs.readFileSync(table, "utf8").replace('"fp32": 0.0001', '"fp32": 0.001'));
      const edited = await driverDigest(copy);
      expect(edited).not.toBe(before);
      // The start script that puts the package first on sys.path is part of the driver too.
      fs.appendFileSync(path.join(copy, BOOTSTRAP), "\n# edited\n");
      expect(await driverDigest(copy)).not.toBe(edited);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
