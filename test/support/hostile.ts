// Values a forged result file could hold, generated from the shapes trt-pte checks it against
// (src/util/json-shape.ts): every value fits its shape, and every string the shape leaves free is
// built from the markdown, HTML, mention and workflow-command pieces an attacker would try.

import fc from "fast-check";
import type { Spec } from "../../src/util/json-shape.js";

/** What would become live in a comment if it escaped its code span. */
export const HOSTILE_PIECES = [
  "[Approved by @org/security-team](https://evil.example/approve)",
  "![badge](https://evil.example/x.png)",
  "<img src=https://evil.example/y.png>",
  "<a href='https://evil.example'>x</a>",
  "<!-- hidden -->",
  "<details open>",
  "@octocat",
  "@org/security-team",
  "https://evil.example/bare",
  "[ref]: https://evil.example/ref",
  "[ref]",
  "`",
  "``",
  "|",
  "\\|",
  "\n",
  "\n\n",
  "\r\n",
  "\u2028",
  "\u202e",
  "\u0000",
  "**bold**",
  "# heading\n",
  "- item",
  "> quote",
  "::error::forged",
  "##[warning]forged",
  "&#64;entity",
  "\\",
  " ",
  "x",
];

/** Free text of at most `maxChars` characters, made of hostile pieces and random characters. */
export function hostileText(maxChars: number): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 6 })), {
      minLength: 1,
      maxLength: 10,
    })
    .map((parts) => Array.from(parts.join("")).slice(0, maxChars).join(""));
}

/** A string that matches `pattern`, with hostile pieces spliced in wherever the pattern still allows. */
function matching(pattern: RegExp, maxChars: number): fc.Arbitrary<string> {
  const fits = (s: string): boolean => s.length <= maxChars && pattern.test(s);
  let base: fc.Arbitrary<string>;
  try {
    base = fc.stringMatching(pattern).filter(fits);
  } catch {
    // fast-check cannot generate from every regex (lookaheads): hostile text, keeping only the
    // characters the pattern takes one by one (for a file name: no separators, no control characters).
    return hostileText(maxChars)
      .map((s) =>
        Array.from(s)
          .filter((c) => pattern.test(c))
          .join(""),
      )
      .filter(fits);
  }
  // Where the pattern leaves room (a runner's path), the piece stays; where it does not (a sha256),
  // the plain match does.
  return fc.tuple(base, fc.constantFrom(...HOSTILE_PIECES), fc.nat()).map(([s, piece, at]) => {
    const i = s.length === 0 ? 0 : 1 + (at % s.length);
    const spliced = `${s.slice(0, i)}${piece}${s.slice(i)}`;
    return fits(spliced) ? spliced : s;
  });
}

/** A JSON-ready value of `spec`; an absent optional key is undefined (JSON.stringify drops it). */
export function valueOf(spec: Spec): fc.Arbitrary<unknown> {
  switch (spec.kind) {
    case "string":
      if (spec.values !== null) return fc.constantFrom(...spec.values);
      if (spec.pattern !== null) return matching(spec.pattern, spec.maxChars);
      return hostileText(spec.maxChars);
    case "number":
      return spec.integer
        ? fc.integer({ min: spec.min, max: Math.min(spec.max, Number.MAX_SAFE_INTEGER) })
        : fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "literal":
      return fc.constant(spec.value);
    case "nullable":
      return fc.option(valueOf(spec.of), { nil: null });
    case "optional":
      return fc.option(valueOf(spec.of), { nil: undefined });
    case "list":
      return fc.array(valueOf(spec.of), { maxLength: Math.min(spec.maxItems, 3) });
    case "tuple":
      return fc.tuple(...spec.of.map(valueOf));
    case "record":
      return fc.dictionary(valueOf(spec.key) as fc.Arbitrary<string>, valueOf(spec.value), {
        maxKeys: Math.min(spec.maxEntries, 3),
      });
    case "object":
      return fc.record(Object.fromEntries(Object.entries(spec.fields).map(([k, s]) => [k, valueOf(s)])));
    case "json":
      return fc.jsonValue({ maxDepth: Math.min(spec.maxDepth, 2) });
  }
}
