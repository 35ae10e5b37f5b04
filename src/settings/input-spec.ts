// The one parser of the `inputs` grammar (docs/action.md “Input specs”). The CLI and the action
// both parse here; the Python driver receives the parsed structure in its request and never
// re-parses text, so an error always points at the user's text with line and column.
//
//   inputs := spec ( ';' | newline ) spec ...
//   spec   := [ name '=' ] dtype '[' [ dim ( ',' dim )* ] ']'
//   dim    := [ symbol ':' ] ( N | MIN '..' MAX | MIN '..' OPT '..' MAX )

export const DTYPES = [
  "float32",
  "float16",
  "bfloat16",
  "float64",
  "int64",
  "int32",
  "int16",
  "int8",
  "uint8",
  "bool",
] as const;
export type Dtype = (typeof DTYPES)[number];

/** One dimension. Static dims have min == opt == max and no symbol. */
export interface DimSpec {
  symbol: string | null;
  min: number;
  opt: number;
  max: number;
}

export interface InputSpec {
  /** Keyword name, or null for a positional input. */
  name: string | null;
  dtype: Dtype;
  dims: DimSpec[];
}

/** The shape points example inputs are built at (MIN, OPT and MAX of every dimension). */
export const SHAPE_POINTS = ["min", "opt", "max"] as const;
export type ShapePoint = (typeof SHAPE_POINTS)[number];

/** Largest size accepted for one dimension: beyond this no real tensor fits in memory. */
export const MAX_DIM = 2 ** 31 - 1;

export class InputSpecError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`inputs:${line}:${column}: ${detail}`);
    this.name = "InputSpecError";
  }
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const INTEGER = /[0-9]+/y;

/** A cursor over the whole text that knows line and column for error messages. */
class Cursor {
  pos = 0;
  constructor(readonly text: string) {}

  where(pos = this.pos): { line: number; column: number } {
    const before = this.text.slice(0, pos);
    const line = before.split("\n").length;
    const column = pos - (before.lastIndexOf("\n") + 1) + 1;
    return { line, column };
  }

  fail(detail: string, pos = this.pos): never {
    const { line, column } = this.where(pos);
    throw new InputSpecError(line, column, detail);
  }

  /** Skips spaces and tabs (not newlines: a newline separates specs). */
  skipBlanks(): void {
    while (
      this.pos < this.text.length &&
      (this.text[this.pos] === " " || this.text[this.pos] === "\t" || this.text[this.pos] === "\r")
    ) {
      this.pos++;
    }
  }

  peek(): string | undefined {
    return this.text[this.pos];
  }

  eat(token: string): boolean {
    this.skipBlanks();
    if (this.text.startsWith(token, this.pos)) {
      this.pos += token.length;
      return true;
    }
    return false;
  }

  expect(token: string, what: string): void {
    if (!this.eat(token)) this.fail(`expected ${what}${this.describeHere()}`);
  }

  match(re: RegExp): string | null {
    this.skipBlanks();
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (!m) return null;
    this.pos += m[0].length;
    return m[0];
  }

  describeHere(): string {
    const c = this.peek();
    if (c === undefined) return ", found the end of the text";
    if (c === "\n") return ", found the end of the line";
    return `, found '${c}'`;
  }
}

function parseInteger(cur: Cursor, what: string): number {
  const start = (cur.skipBlanks(), cur.pos);
  const digits = cur.match(INTEGER);
  if (digits === null) cur.fail(`expected ${what}${cur.describeHere()}`);
  const value = Number(digits);
  if (!Number.isSafeInteger(value) || value > MAX_DIM)
    cur.fail(`${what} ${digits} is larger than ${MAX_DIM}`, start);
  return value;
}

function parseDim(cur: Cursor, symbols: Map<string, { dim: DimSpec; pos: number }>): DimSpec {
  cur.skipBlanks();
  const start = cur.pos;
  let symbol: string | null = null;
  const ident = cur.match(IDENT);
  if (ident !== null) {
    if (!cur.eat(":")) cur.fail(`expected ':' after dimension symbol '${ident}'${cur.describeHere()}`);
    symbol = ident;
  }
  const bounds = [parseInteger(cur, "a dimension size")];
  while (cur.eat("..")) {
    if (bounds.length === 3) cur.fail("a dimension has at most three bounds: MIN..OPT..MAX", cur.pos - 2);
    bounds.push(parseInteger(cur, "a dimension bound"));
  }
  const [min, second, third] = bounds as [number, number?, number?];
  const max = third ?? second ?? min;
  const opt = third === undefined ? max : (second as number);
  if (!(min <= opt && opt <= max)) {
    cur.fail(`dimension bounds must satisfy MIN <= OPT <= MAX, got ${min}..${opt}..${max}`, start);
  }
  const dynamic = bounds.length > 1 || symbol !== null;
  if (dynamic && min === max && bounds.length > 1) {
    cur.fail(`dimension ${min}..${max} has one value: write it as ${min} (static)`, start);
  }
  if (bounds.length > 1 && opt < 2) {
    // torch.export specialises a dimension traced at size 0 or 1, so the example must be >= 2.
    cur.fail(`the example size (OPT) of a dynamic dimension must be at least 2, got ${opt}`, start);
  }
  const dim: DimSpec = { symbol, min, opt, max };
  if (symbol !== null) {
    const seen = symbols.get(symbol);
    if (seen === undefined) {
      if (bounds.length === 1)
        cur.fail(`symbol '${symbol}' first appears without a range: give it MIN..MAX`, start);
      symbols.set(symbol, { dim, pos: start });
    } else if (bounds.length === 1 && min === seen.dim.opt) {
      // `b:4` after `b:1..4..8` repeats the symbol with its example size: same dimension.
      return { ...seen.dim };
    } else if (seen.dim.min !== min || seen.dim.opt !== opt || seen.dim.max !== max) {
      const w = cur.where(seen.pos);
      cur.fail(
        `symbol '${symbol}' is ${min}..${opt}..${max} here but ${seen.dim.min}..${seen.dim.opt}..${seen.dim.max} at ${w.line}:${w.column}; a shared symbol needs one range`,
        start,
      );
    }
  }
  return dim;
}

function parseSpec(cur: Cursor, symbols: Map<string, { dim: DimSpec; pos: number }>): InputSpec {
  cur.skipBlanks();
  const start = cur.pos;
  const first = cur.match(IDENT);
  if (first === null) cur.fail(`expected a dtype or name=${cur.describeHere()}`);
  let name: string | null = null;
  let dtypeWord = first;
  let dtypePos = start;
  if (cur.eat("=")) {
    name = first;
    cur.skipBlanks();
    dtypePos = cur.pos;
    const word = cur.match(IDENT);
    if (word === null) cur.fail(`expected a dtype after '${name}='${cur.describeHere()}`);
    dtypeWord = word;
  }
  if (!(DTYPES as readonly string[]).includes(dtypeWord)) {
    cur.fail(`unknown dtype '${dtypeWord}' (expected one of ${DTYPES.join(", ")})`, dtypePos);
  }
  cur.expect("[", "'[' after the dtype");
  const dims: DimSpec[] = [];
  if (!cur.eat("]")) {
    do {
      dims.push(parseDim(cur, symbols));
    } while (cur.eat(","));
    cur.expect("]", "',' or ']'");
  }
  return { name, dtype: dtypeWord as Dtype, dims };
}

/** Where a spec starts in the `inputs` text, 1-based: the driver's messages point there (`inputs:2:1`). */
export interface SpecPosition {
  line: number;
  column: number;
}

/**
 * Parses the `inputs` text into specs. Blank lines and a trailing separator are allowed, so a YAML
 * block scalar works as written. Throws InputSpecError with the line and column of the mistake.
 */
export function parseInputSpecs(text: string): InputSpec[] {
  return parseInputSpecsAt(text).specs;
}

/** parseInputSpecs, with where each spec starts. */
export function parseInputSpecsAt(text: string): { specs: InputSpec[]; positions: SpecPosition[] } {
  const cur = new Cursor(text);
  const specs: InputSpec[] = [];
  const positions: SpecPosition[] = [];
  const symbols = new Map<string, { dim: DimSpec; pos: number }>();
  const names = new Map<string, number>();
  for (;;) {
    // Skip separators and blank lines between specs.
    for (;;) {
      cur.skipBlanks();
      const c = cur.peek();
      if (c === ";" || c === "\n") cur.pos++;
      else break;
    }
    if (cur.peek() === undefined) break;
    const start = cur.pos;
    const spec = parseSpec(cur, symbols);
    if (spec.name !== null) {
      const prev = names.get(spec.name);
      if (prev !== undefined) {
        const w = cur.where(prev);
        cur.fail(`keyword input '${spec.name}' is given twice (first at ${w.line}:${w.column})`, start);
      }
      names.set(spec.name, start);
    }
    specs.push(spec);
    positions.push(cur.where(start));
    cur.skipBlanks();
    const next = cur.peek();
    if (next !== undefined && next !== ";" && next !== "\n")
      cur.fail(`expected ';' or a new line between inputs${cur.describeHere()}`);
  }
  return { specs, positions };
}

/** Writes specs back in the grammar; parseInputSpecs(formatInputSpecs(s)) equals s. */
export function formatInputSpecs(specs: readonly InputSpec[]): string {
  return specs
    .map((spec) => {
      const dims = spec.dims.map((d) => {
        const prefix = d.symbol === null ? "" : `${d.symbol}:`;
        if (d.min === d.max && d.symbol === null) return `${d.min}`;
        return d.opt === d.max ? `${prefix}${d.min}..${d.max}` : `${prefix}${d.min}..${d.opt}..${d.max}`;
      });
      return `${spec.name === null ? "" : `${spec.name}=`}${spec.dtype}[${dims.join(",")}]`;
    })
    .join("; ");
}

/**
 * Input specs read back from a report.json (data, not text, and maybe not ours): every spec when all
 * are well formed, else [] (they only shape the example tensors of the "Use it" section).
 */
export function inputSpecsFromJson(value: unknown): InputSpec[] {
  if (!Array.isArray(value) || value.length > 64) return [];
  const ident = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
  const size = (n: unknown): n is number =>
    typeof n === "number" && Number.isSafeInteger(n) && n >= 0 && n <= MAX_DIM;
  const specs: InputSpec[] = [];
  for (const raw of value) {
    const spec = raw as { name?: unknown; dtype?: unknown; dims?: unknown } | null;
    if (typeof spec !== "object" || spec === null) return [];
    const { name, dtype, dims } = spec;
    if (!(DTYPES as readonly unknown[]).includes(dtype)) return [];
    if (name !== null && !(typeof name === "string" && ident.test(name))) return [];
    if (!Array.isArray(dims) || dims.length > 16) return [];
    const read: DimSpec[] = [];
    for (const d of dims as { symbol?: unknown; min?: unknown; opt?: unknown; max?: unknown }[]) {
      if (typeof d !== "object" || d === null || !size(d.min) || !size(d.opt) || !size(d.max)) return [];
      const symbol = d.symbol ?? null;
      if (symbol !== null && !(typeof symbol === "string" && ident.test(symbol))) return [];
      read.push({ symbol, min: d.min, opt: d.opt, max: d.max });
    }
    specs.push({ name, dtype: dtype as Dtype, dims: read });
  }
  return specs;
}
