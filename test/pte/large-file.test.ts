// Files over 4 GiB and engines over 2 GiB (a known Torch-TensorRT case) read correctly, and reading
// them touches only the header, the flatbuffer and the payload header: never the segments.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FileSource } from "../../src/pte/byte-source.js";
import { inspectSource } from "../../src/pte/inspect.js";
import { fixturePte } from "../support/pte-fixtures.js";
import { growDelegateSegment } from "../support/sparse-pte.js";

const GiB = 1024 ** 3;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-large-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("a .pte with a 5 GiB TensorRT engine (sparse)", () => {
  it("reads sizes and offsets past 2^32 exactly, reading only kilobytes", () => {
    const grown = growDelegateSegment(fixturePte("tensorrt_tr01"), path.join(dir, "huge.pte"), 5 * GiB);
    const size = fs.statSync(grown.file).size;
    expect(size).toBeGreaterThan(5 * GiB);

    const source = new FileSource(grown.file);
    const inspection = (() => {
      try {
        return inspectSource(source);
      } finally {
        source.close();
      }
    })();
    const [delegate] = inspection.delegates;
    expect(inspection.file.bytes).toBe(size);
    expect(delegate!.bytes).toBe(grown.after);
    expect(delegate!.offset! + delegate!.bytes).toBe(size);
    expect(delegate!.payload).toMatchObject({ format: "tensorrt", layout: "TR01" });
    if (delegate!.payload.format !== "tensorrt") throw new Error("not decoded");
    expect(delegate!.payload.engine.bytes).toBe(grown.after - delegate!.payload.engine.offset);
    expect(delegate!.payload.engine.bytes).toBeGreaterThan(2 ** 32);
    expect(inspection.program.extended_header!.segment_data_size).toBeGreaterThan(5 * GiB);
    expect(inspection.bytes_by_kind.delegates).toBe(grown.after);
    // Header, flatbuffer, payload header: one or two 64 KiB pages, not gigabytes.
    expect(source.stats.bytes).toBeLessThan(256 * 1024);
    expect(source.stats.reads).toBeLessThan(10);
  });
});
