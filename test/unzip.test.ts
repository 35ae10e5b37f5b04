// The zip reader `trt-pte fetch` unpacks an artifact GitHub served zipped with, on archives written by
// a real zip writer (Python's zipfile: stored, deflated, zip64 records), on ones that lie about
// their sizes, and on one that would unpack to more than its caller allows.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractEntry, zipEntries } from "../src/util/unzip.js";
import { TEST_PYTHON } from "./support/action-run.js";
import { zip } from "./support/zip.js";

const work = () => fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-unzip-"));

/** A zip written by Python's zipfile: `entries` name → [bytes as text, "stored" | "deflated"]. */
function pythonZip(file: string, entries: Record<string, [string, string]>, zip64 = false): void {
  const script = `
import json, sys, zipfile
entries = json.loads(sys.argv[2])
with zipfile.ZipFile(sys.argv[1], "w") as z:
    for name, (text, method) in entries.items():
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_STORED if method == "stored" else zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=${zip64 ? "True" : "False"}) as f:
            f.write(text.encode())
`;
  const run = spawnSync(TEST_PYTHON, ["-c", script, file, JSON.stringify(entries)], { encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
}

async function extractAll(file: string): Promise<Record<string, string>> {
  const out = work();
  const got: Record<string, string> = {};
  for (const entry of await zipEntries(file)) {
    const target = path.join(out, `entry-${Object.keys(got).length}`);
    await extractEntry(file, entry, target);
    got[entry.name] = fs.readFileSync(target, "utf8");
  }
  return got;
}

describe("reading a zip on disk", () => {
  it("takes stored and deflated entries out of a zip Python wrote", async () => {
    const file = path.join(work(), "a.zip");
    const big = "weights ".repeat(10_000);
    pythonZip(file, {
      "model.pte": ["ET12 program", "stored"],
      "blob.ptd": [big, "deflated"],
      "empty.json": ["", "stored"],
    });
    expect(await extractAll(file)).toEqual({
      "model.pte": "ET12 program",
      "blob.ptd": big,
      "empty.json": "",
    });
  });

  it("reads the zip64 sizes and offsets of entries written with zip64 records", async () => {
    const file = path.join(work(), "z64.zip");
    pythonZip(file, { "model.pte": ["ET12 program", "deflated"], "x.ptd": ["data", "stored"] }, true);
    const entries = await zipEntries(file);
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ["model.pte", 12],
      ["x.ptd", 4],
    ]);
    expect(await extractAll(file)).toEqual({ "model.pte": "ET12 program", "x.ptd": "data" });
  });

  it("stops an entry that inflates past the size the zip lists, and says what is not a zip", async () => {
    const dir = work();
    const file = path.join(dir, "lies.zip");
    const bytes = zip({ "a.pte": Buffer.alloc(4096, 1) });
    // The central directory's uncompressed size (offset 24 of the entry) now says 16 bytes.
    const central = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(16, central + 24);
    fs.writeFileSync(file, bytes);
    const [entry] = await zipEntries(file);
    await expect(extractEntry(file, entry!, path.join(dir, "out"))).rejects.toThrow(
      "a.pte inflates past the 16 bytes the zip lists",
    );
    fs.writeFileSync(path.join(dir, "not.zip"), "ET12 not a zip at all");
    await expect(zipEntries(path.join(dir, "not.zip"))).rejects.toThrow(
      "not a zip: no end of central directory",
    );
  });

  it("writes nothing of an entry whose listed size is past what the caller allows", async () => {
    const dir = work();
    const file = path.join(dir, "big.zip");
    // A zip bomb's shape: a few bytes that inflate to 1 MiB, as the zip truthfully lists.
    fs.writeFileSync(file, zip({ "a.pte": Buffer.alloc(1 << 20) }));
    const [entry] = await zipEntries(file);
    expect(fs.statSync(file).size).toBeLessThan(8192);
    await expect(extractEntry(file, entry!, path.join(dir, "out"), 65536)).rejects.toThrow(
      "a.pte unpacks to 1048576 bytes, more than the 65536 allowed",
    );
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
    await extractEntry(file, entry!, path.join(dir, "out"), 1 << 20);
    expect(fs.statSync(path.join(dir, "out")).size).toBe(1 << 20);
  });
});
