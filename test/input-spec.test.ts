import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  DTYPES,
  InputSpecError,
  MAX_DIM,
  formatInputSpecs,
  parseInputSpecs,
  parseInputSpecsAt,
  type DimSpec,
  type InputSpec,
} from "../src/settings/input-spec.js";

const stat = (n: number): DimSpec => ({ symbol: null, min: n, opt: n, max: n });

describe("parseInputSpecs", () => {
  it("knows where each spec starts, for the driver's messages (inputs:LINE:COLUMN)", () => {
    const { positions } = parseInputSpecsAt("float32[1,3]; mask=bool[1,3]\n\n  int64[2]\n");
    expect(positions).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 15 },
      { line: 3, column: 3 },
    ]);
  });

  it("reads the examples of the Input specs of docs/action.md", () => {
    expect(parseInputSpecs("float32[1,3,224,224]")).toEqual([
      { name: null, dtype: "float32", dims: [stat(1), stat(3), stat(224), stat(224)] },
    ]);
    expect(parseInputSpecs("float16[b:1..4..8,3,224,224]")[0]!.dims[0]).toEqual({
      symbol: "b",
      min: 1,
      opt: 4,
      max: 8,
    });
    const two = parseInputSpecs("int64[b:1..8,128]; mask=bool[b:1..8,128]");
    expect(two.map((s) => s.name)).toEqual([null, "mask"]);
    expect(two[1]!.dims[0]).toEqual({ symbol: "b", min: 1, opt: 8, max: 8 });
  });

  it("takes MIN..MAX as OPT = MAX, newlines as separators, blank lines and trailing separators", () => {
    const specs = parseInputSpecs("\n  float32[2..6, 3]\n\nint32[]\n;");
    expect(specs).toEqual([
      { name: null, dtype: "float32", dims: [{ symbol: null, min: 2, opt: 6, max: 6 }, stat(3)] },
      { name: null, dtype: "int32", dims: [] },
    ]);
  });

  it("lets a shared symbol repeat as its example size", () => {
    const [a, b] = parseInputSpecs("float32[b:1..4..8]; float32[b:4]");
    expect(b!.dims[0]).toEqual(a!.dims[0]);
  });

  it.each([
    ["float33[1]", "inputs:1:1: unknown dtype 'float33' (expected one of float32, float16"],
    ["float32[1,3,224,224]; float33[1]", "inputs:1:23: unknown dtype 'float33'"],
    ["float32[1,3\nint8[2]", "inputs:1:12: expected ',' or ']', found the end of the line"],
    ["float32[8..2]", "inputs:1:9: dimension bounds must satisfy MIN <= OPT <= MAX, got 8..2..2"],
    ["float32[1..2..3..4]", "inputs:1:16: a dimension has at most three bounds"],
    ["float32[b:1..8]; float32[b:1..4]", "inputs:1:26: symbol 'b' is 1..4..4 here but 1..8..8 at 1:9"],
    ["float32[b:4]", "inputs:1:9: symbol 'b' first appears without a range"],
    ["float32[0..1]", "inputs:1:9: the example size (OPT) of a dynamic dimension must be at least 2, got 1"],
    ["float32[3..3]", "inputs:1:9: dimension 3..3 has one value: write it as 3 (static)"],
    ["x=float32[1]; x=int8[1]", "inputs:1:15: keyword input 'x' is given twice (first at 1:1)"],
    ["float32[1] int8[1]", "inputs:1:12: expected ';' or a new line between inputs, found 'i'"],
    ["float32[99999999999]", "inputs:1:9: a dimension size 99999999999 is larger than 2147483647"],
    ["float32", "inputs:1:8: expected '[' after the dtype, found the end of the text"],
    ["=float32[1]", "inputs:1:1: expected a dtype or name=, found '='"],
  ])("%j fails with %j", (text, message) => {
    expect(() => parseInputSpecs(text)).toThrow(InputSpecError);
    expect(() => parseInputSpecs(text)).toThrow(message);
  });
});

// Arbitrary well-formed specs: static dims, dynamic dims and shared symbols with one range each.
const dimArb = fc.oneof(
  fc.integer({ min: 0, max: MAX_DIM }).map(stat),
  fc
    .tuple(
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 2, max: 1000 }),
      fc.integer({ min: 0, max: 1000 }),
    )
    .filter(([min, opt]) => min <= opt)
    .map(([min, opt, extra]): DimSpec => ({ symbol: null, min, opt, max: opt + extra }))
    .filter((d) => d.min !== d.max),
);
const specArb = fc.record({
  name: fc.constant(null),
  dtype: fc.constantFrom(...DTYPES),
  dims: fc.array(dimArb, { maxLength: 5 }),
});
const specsArb = fc
  .tuple(
    fc.array(specArb, { minLength: 1, maxLength: 4 }),
    fc.uniqueArray(fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/), { maxLength: 3 }),
  )
  .map(([positional, names]): InputSpec[] => [
    ...positional,
    ...names.map((name, i) => ({ ...positional[i % positional.length]!, name })),
  ]);

describe("input spec properties", () => {
  it("parse(format(specs)) is specs", () => {
    fc.assert(
      fc.property(specsArb, (specs) => {
        expect(parseInputSpecs(formatInputSpecs(specs))).toEqual(specs);
      }),
    );
  });

  it("a shared symbol yields identical dims in every input", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 2, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 2, max: 6 }),
        (min, opt, extra, count) => {
          fc.pre(min <= opt);
          const text = Array.from(
            { length: count },
            (_, i) => `float32[s:${min}..${opt}..${opt + extra},${i + 1}]`,
          ).join(";");
          const dims = parseInputSpecs(text).map((s) => s.dims[0]);
          expect(new Set(dims.map((d) => JSON.stringify(d))).size).toBe(1);
        },
      ),
    );
  });

  it("never throws anything but InputSpecError, whose position lies inside the text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."float32[]b:.,;=\n 0189xmask"), maxLength: 40 }),
        (text) => {
          try {
            parseInputSpecs(text);
          } catch (e) {
            expect(e).toBeInstanceOf(InputSpecError);
            const err = e as InputSpecError;
            const lines = text.split("\n");
            expect(err.line).toBeGreaterThanOrEqual(1);
            expect(err.line).toBeLessThanOrEqual(lines.length);
            expect(err.column).toBeLessThanOrEqual(lines[err.line - 1]!.length + 1);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
