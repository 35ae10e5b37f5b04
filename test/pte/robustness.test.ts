// Truncated, corrupted and hostile files: the reader returns a valid inspection or throws a
// PteFormatError naming an offset and a structure; never another exception, never unbounded work.
// Work is bounded by counting what the reader fetches from the source (no timed assertions).

import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BufferSource } from "../../src/pte/byte-source.js";
import { decodeCudaPayload } from "../../src/pte/cuda-payload.js";
import { PteFormatError } from "../../src/pte/format-error.js";
import { inspectSource } from "../../src/pte/inspect.js";
import type { Inspection } from "../../src/pte/inspection.js";
import { readPtd, readPtdFile, type PtdView } from "../../src/pte/ptd.js";
import { Span } from "../../src/pte/span.js";
import { decodeTensorRTPayload } from "../../src/pte/tensorrt-payload.js";
import { fixturePte, fixturePtds } from "../support/pte-fixtures.js";
import {
  SHARED_DELEGATES,
  SHARED_METADATA_BYTES,
  overlappingPayloadsPte,
  sharedPayloadPte,
} from "../support/hostile-pte.js";

// TensorRT + CUDA delegates, named data, a .ptd: every kind of structure the reader walks.
const PTE = fs.readFileSync(fixturePte("tensorrt_cuda"));
const PTD_FILE = fixturePtds("tensorrt_cuda")[0]!;
const PTD = fs.readFileSync(PTD_FILE);
const PTDS: PtdView[] = [readPtdFile(PTD_FILE)];
const PROGRAM_SIZE = Number(PTE.readBigUInt64LE(16));

/** What a reader may fetch for a file of `size` bytes: linear in the size, with a fixed allowance. */
function readBound(size: number): { reads: number; bytes: number } {
  return { reads: 8 * (size + 65_536), bytes: 64 * (size + 65_536) };
}

type Outcome = { ok: true; inspection: Inspection } | { ok: false; error: PteFormatError };

function attempt(
  bytes: Uint8Array,
  read: (s: BufferSource) => Inspection | PtdView = (s) => inspectSource(s, PTDS),
): Outcome {
  const source = new BufferSource(bytes, "fuzz.pte");
  let outcome: Outcome;
  try {
    outcome = { ok: true, inspection: read(source) as Inspection };
  } catch (e) {
    // Anything but a PteFormatError (a RangeError, a TypeError...) fails the test here.
    if (!(e instanceof PteFormatError)) throw e;
    expect(e.offset).toBeGreaterThanOrEqual(0);
    expect(e.message).toMatch(/^fuzz\.pte: at byte \d+ \(.+\): .+/);
    outcome = { ok: false, error: e };
  }
  const bound = readBound(bytes.length);
  expect(source.stats.reads).toBeLessThanOrEqual(bound.reads);
  expect(source.stats.bytes).toBeLessThanOrEqual(bound.bytes);
  return outcome;
}

describe("truncation", () => {
  it("the whole fixture reads, with work far inside the bound", () => {
    const source = new BufferSource(PTE);
    inspectSource(source, PTDS);
    expect(source.stats.reads).toBeLessThan(5_000);
  });

  it("every prefix of a .pte with segments is a PteFormatError", () => {
    for (let length = 0; length < PTE.length; length++) {
      const outcome = attempt(PTE.subarray(0, length));
      expect(outcome.ok, `prefix of ${length} bytes`).toBe(false);
    }
  });

  it("names where a truncated file ends", () => {
    const outcome = attempt(PTE.subarray(0, PTE.length - 1));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.error.problem).toMatch(/past the end of the file \(\d+ bytes\): the file is truncated/);
  });

  it("every prefix of a .pte without segments reads or fails cleanly", () => {
    const plain = fs.readFileSync(fixturePte("external_constants"));
    for (let length = 0; length < plain.length; length++) attempt(plain.subarray(0, length));
  });

  it("every prefix of a .ptd is a PteFormatError", () => {
    for (let length = 0; length < PTD.length; length++) {
      expect(attempt(PTD.subarray(0, length), readPtd).ok, `prefix of ${length} bytes`).toBe(false);
    }
  });
});

describe("corruption", () => {
  const flips = (size: number) =>
    fc.array(fc.record({ at: fc.nat({ max: size - 1 }), value: fc.integer({ min: 0, max: 255 }) }), {
      minLength: 1,
      maxLength: 16,
    });
  const apply = (base: Buffer, changes: { at: number; value: number }[]): Buffer => {
    const copy = Buffer.from(base);
    for (const c of changes) copy[c.at] = c.value;
    return copy;
  };

  it("random byte changes anywhere in the .pte", () => {
    fc.assert(
      fc.property(flips(PTE.length), (changes) => {
        attempt(apply(PTE, changes));
      }),
      { numRuns: 3000 },
    );
  });

  it("random byte changes inside the program flatbuffer, where every byte is structure", () => {
    fc.assert(
      fc.property(flips(PROGRAM_SIZE), (changes) => {
        attempt(apply(PTE, changes));
      }),
      { numRuns: 3000 },
    );
  });

  it("random byte changes in a .ptd", () => {
    fc.assert(
      fc.property(flips(PTD.length), (changes) => {
        attempt(apply(PTD, changes), readPtd);
      }),
      { numRuns: 2000 },
    );
  });

  const HUGE_U32 = [0xffffffff, 0x80000000, 0x7fffffff, 0x10000, PTE.length, PTE.length + 1];
  const HUGE_U64 = [2n ** 64n - 1n, 2n ** 63n, 2n ** 53n + 1n, 2n ** 32n, BigInt(PTE.length + 1)];

  it("lengths and offsets set to huge values (u32, every aligned position of the program)", () => {
    fc.assert(
      fc.property(fc.nat({ max: PROGRAM_SIZE / 4 - 1 }), fc.constantFrom(...HUGE_U32), (slot, value) => {
        const copy = Buffer.from(PTE);
        copy.writeUInt32LE(value, slot * 4);
        attempt(copy);
      }),
      { numRuns: 3000 },
    );
  });

  it("64-bit fields set to huge values (every aligned position of the program)", () => {
    fc.assert(
      fc.property(fc.nat({ max: PROGRAM_SIZE / 8 - 1 }), fc.constantFrom(...HUGE_U64), (slot, value) => {
        const copy = Buffer.from(PTE);
        copy.writeBigUInt64LE(value, slot * 8);
        attempt(copy);
      }),
      { numRuns: 2000 },
    );
  });

  it("each extended header size or offset set past the file is refused, naming the field", () => {
    for (const [at, field] of [
      [16, "program_size"],
      [24, "segment_base_offset"],
      [32, "segment_data_size"],
    ] as const) {
      for (const value of HUGE_U64) {
        const copy = Buffer.from(PTE);
        copy.writeBigUInt64LE(value, at);
        const outcome = attempt(copy);
        expect(outcome.ok, `${field} = ${value}`).toBe(false);
        if (!outcome.ok) expect(outcome.error.structure).toContain(field);
      }
    }
  });

  it("a vector length past the end of the flatbuffer is refused before anything is sized by it", () => {
    // Find the execution_plan vector: the root table's field 1 (slot 1).
    const root = PTE.readUInt32LE(0);
    const vtable = root - PTE.readInt32LE(root);
    const field = root + PTE.readUInt16LE(vtable + 4 + 2);
    const vector = field + PTE.readUInt32LE(field);
    const copy = Buffer.from(PTE);
    copy.writeUInt32LE(0x3fffffff, vector);
    const outcome = attempt(copy);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.offset).toBe(vector);
      expect(outcome.error.structure).toBe("Program.execution_plan");
      expect(outcome.error.problem).toMatch(/runs past the end of the program flatbuffer/);
    }
  });

  it("many elements pointing at one shared table cannot multiply the work", () => {
    // 3000 plans that are one plan whose chain has 3000 instructions that are one instruction:
    // 9 million visits for 24 KB of file. The reader stops at its budget instead.
    const bytes = amplifiedProgram(3000, 3000);
    const outcome = attempt(bytes);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.error.problem).toMatch(/references more structure than its \d+ bytes can hold/);
    // The same shape at a size where sharing is harmless still reads.
    const small = attempt(amplifiedProgram(3, 3));
    expect(small.ok).toBe(true);
    if (small.ok) expect(small.inspection.plans.map((p) => p.instructions.total)).toEqual([3, 3, 3]);
  });
});

describe("payload decoders on arbitrary bytes", () => {
  const decode = (bytes: Uint8Array, run: (span: Span) => unknown): void => {
    const source = new BufferSource(bytes, "payload");
    try {
      run(new Span(source, 0, bytes.length, "payload"));
    } catch (e) {
      if (!(e instanceof PteFormatError)) throw e;
    }
    expect(source.stats.bytes).toBeLessThanOrEqual(64 * (bytes.length + 1024));
  };
  const withPrefix = (prefix: string) =>
    fc.uint8Array({ maxLength: 512 }).map((tail) => Buffer.concat([Buffer.from(prefix, "latin1"), tail]));

  it("TensorRT: TR01/TR02 headers with random fields, random engine-info vectors, random bytes", () => {
    const header = fc
      .tuple(
        fc.constantFrom("TR01", "TR02"),
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 7, maxLength: 7 }),
      )
      .map(([magic, words]) => {
        const b = Buffer.alloc(32);
        b.write(magic, 0, "latin1");
        words.forEach((w, i) => b.writeUInt32LE(w, 4 + 4 * i));
        return b;
      });
    const payload = fc.oneof(
      fc.tuple(header, fc.uint8Array({ maxLength: 512 })).map(([h, tail]) => Buffer.concat([h, tail])),
      withPrefix("\x0c\x00\x00\x00"),
      fc.uint8Array({ maxLength: 512 }),
    );
    fc.assert(
      fc.property(payload, (bytes) => decode(bytes, (span) => decodeTensorRTPayload(span))),
      { numRuns: 3000 },
    );
  });

  it("CudaBackend: ETCUDAFQN3 tables with random counts and lengths, random text", () => {
    fc.assert(
      fc.property(fc.oneof(withPrefix("ETCUDAFQN3"), fc.uint8Array({ maxLength: 512 })), (bytes) =>
        decode(bytes, (span) => decodeCudaPayload(span, "forward")),
      ),
      { numRuns: 3000 },
    );
  });
});

/**
 * A hand-built ET12 flatbuffer: Program.execution_plan holds `plans` offsets to one ExecutionPlan,
 * whose one Chain holds `instructions` offsets to one (empty) Instruction. Tables follow the
 * flatbuffers layout: i32 back-offset to a vtable (u16 vtable size, u16 table size, u16 per slot).
 */
function amplifiedProgram(plans: number, instructions: number): Buffer {
  const parts: Buffer[] = [];
  let size = 0;
  const put = (b: Buffer): number => {
    parts.push(b);
    size += b.length;
    return size - b.length;
  };
  const u16s = (...v: number[]) => Buffer.from(new Uint16Array(v).buffer);
  const u32s = (...v: number[]) => Buffer.from(new Uint32Array(v).buffer);
  // Positions are known up front because every piece has a fixed size.
  const header = 8;
  const programVtable = header; // 8 bytes: size 8, table 8, slot0 absent, slot1 at 4
  const program = programVtable + 8; // soffset, u32 -> plans vector
  const plansVector = program + 8;
  const planVtable = plansVector + 4 + 4 * plans; // 16 bytes: slots 0..5, chains (slot 5) at 4
  const plan = planVtable + 16;
  const chainsVector = plan + 8;
  const chainVtable = chainsVector + 8; // 12 bytes (10 rounded): slots 0..2, instructions (slot 2) at 4
  const chain = chainVtable + 12;
  const instructionsVector = chain + 8;
  const instructionVtable = instructionsVector + 4 + 4 * instructions; // 4 bytes: no fields
  const instruction = instructionVtable + 4;

  put(u32s(program));
  put(Buffer.from("ET12", "latin1"));
  put(u16s(8, 8, 0, 4));
  put(u32s(program - programVtable, plansVector - (program + 4)));
  put(u32s(plans, ...Array.from({ length: plans }, (_, i) => plan - (plansVector + 4 + 4 * i))));
  put(u16s(16, 8, 0, 0, 0, 0, 0, 4));
  put(u32s(plan - planVtable, chainsVector - (plan + 4)));
  put(u32s(1, chain - (chainsVector + 4)));
  put(u16s(10, 8, 0, 0, 4, 0));
  put(u32s(chain - chainVtable, instructionsVector - (chain + 4)));
  put(
    u32s(
      instructions,
      ...Array.from({ length: instructions }, (_, i) => instruction - (instructionsVector + 4 + 4 * i)),
    ),
  );
  put(u16s(4, 4));
  put(u32s(instruction - instructionVtable));
  return Buffer.concat(parts);
}

describe("delegates that share or overlap payloads", () => {
  it("decodes a payload a thousand delegates point at once", () => {
    // 16 MiB: 1000 TensorRT delegates on one segment with 15 MiB of TR01 metadata. Decoded once per
    // delegate, that is 15 GB of JSON read and parsed (28-37 s); once per payload, the file's size.
    const bytes = sharedPayloadPte();
    const source = new BufferSource(bytes, "shared.pte");
    const inspection = inspectSource(source);
    expect(inspection.delegates).toHaveLength(SHARED_DELEGATES);
    const layouts = new Set(
      inspection.delegates.map((d) => (d.payload.format === "tensorrt" ? d.payload.metadata_bytes : null)),
    );
    expect([...layouts]).toEqual([SHARED_METADATA_BYTES]);
    // Work counted: every byte the reader fetched, at most the file once and a little more.
    expect(source.stats.bytes).toBeLessThanOrEqual(bytes.length + 1024 * 1024);
    expect(source.stats.bytes).toBeGreaterThan(SHARED_METADATA_BYTES);
  });

  it("refuses payloads that overlap to read the same metadata many times", () => {
    // 64 payloads starting 32 bytes apart, each with the same 1 MiB of metadata: 64 MiB to decode
    // from a 1 MiB file. The payload budget stops it at the file's size (plus slack).
    const bytes = overlappingPayloadsPte(64, 1024 * 1024);
    const source = new BufferSource(bytes, "overlap.pte");
    let error: unknown;
    try {
      inspectSource(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PteFormatError);
    expect((error as PteFormatError).structure).toBe("delegate payloads");
    expect((error as PteFormatError).problem).toMatch(/payloads overlap: decoding them reads more than/);
    expect(source.stats.bytes).toBeLessThanOrEqual(2 * bytes.length + 2 * 1024 * 1024);
    // A few overlapping payloads fit in the budget and read as they are.
    const few = inspectSource(new BufferSource(overlappingPayloadsPte(2, 1024), "few.pte"));
    expect(few.delegates.map((d) => d.offset)).toEqual([few.segments[0]!.offset, few.segments[1]!.offset]);
  });
});
