// Parsed JSON that trt-pte does not trust (the export process's result file, a cached report),
// checked against a shape before anything reads it: types, enumerations, bounded numbers, bounded
// string lengths and list sizes. A value that does not fit is an error naming its field and the rule
// it broke, never the value itself, so nothing from the file reaches a message through here. Keys a
// shape does not name are dropped: what is returned holds only what was checked.
//
// Hand-written rather than a JSON Schema validator: each shape is typed against the interface it
// reads (src/protocol.ts), so tsc keeps the two in step, and the bundles carry no schema compiler.
// Every shape also describes itself (`spec`), so a test can generate values of it.

export class ShapeError extends Error {
  constructor(
    /** Where in the document: `benchmark.points[0].shape`. */
    readonly field: string,
    /** What rule the value broke, in words; never the value. */
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = "ShapeError";
  }
}

export type Spec =
  | {
      kind: "string";
      maxChars: number;
      pattern: RegExp | null;
      values: readonly string[] | null;
    }
  | { kind: "number"; min: number; max: number; integer: boolean }
  | { kind: "boolean" }
  | { kind: "literal"; value: string | number | boolean }
  | { kind: "nullable"; of: Spec }
  | { kind: "optional"; of: Spec }
  | { kind: "list"; of: Spec; maxItems: number }
  | { kind: "tuple"; of: readonly Spec[] }
  | { kind: "record"; key: Spec; value: Spec; maxEntries: number }
  | { kind: "object"; fields: Readonly<Record<string, Spec>> }
  | { kind: "json"; maxChars: number; maxDepth: number };

export interface Shape<T> {
  readonly spec: Spec;
  /** The checked value, or a ShapeError naming `field`. */
  read(value: unknown, field: string): T;
}

function shape<T>(spec: Spec, read: (value: unknown, field: string) => T): Shape<T> {
  return { spec, read };
}

function typeName(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "a list" : `a ${typeof value}`;
}

/** A string of at most `maxChars` characters, matching `pattern` when one is given. */
export function text(maxChars: number, pattern: RegExp | null = null): Shape<string> {
  return shape({ kind: "string", maxChars, pattern, values: null }, (value, field) => {
    if (typeof value !== "string") throw new ShapeError(field, `expected a string, found ${typeName(value)}`);
    if (value.length > maxChars)
      throw new ShapeError(field, `is ${value.length} characters long, more than ${maxChars}`);
    if (pattern !== null && !pattern.test(value))
      throw new ShapeError(field, `is not of the form ${pattern.source}`);
    return value;
  });
}

/** One of a fixed list of strings. */
export function oneOf<const V extends string>(values: readonly V[]): Shape<V> {
  const maxChars = Math.max(0, ...values.map((v) => v.length));
  return shape({ kind: "string", maxChars, pattern: null, values }, (value, field) => {
    if (typeof value !== "string" || !(values as readonly string[]).includes(value))
      throw new ShapeError(field, `expected one of ${values.join(", ")}`);
    return value as V;
  });
}

function numeric(min: number, max: number, integer: boolean): Shape<number> {
  return shape({ kind: "number", min, max, integer }, (value, field) => {
    if (typeof value !== "number" || !Number.isFinite(value))
      throw new ShapeError(field, `expected a finite number, found ${typeName(value)}`);
    if (integer && !Number.isSafeInteger(value)) throw new ShapeError(field, "expected a whole number");
    if (value < min || value > max) throw new ShapeError(field, `expected a number from ${min} to ${max}`);
    return value;
  });
}

export function number(min: number, max: number): Shape<number> {
  return numeric(min, max, false);
}

export function integer(min: number, max: number): Shape<number> {
  return numeric(min, max, true);
}

export const boolean: Shape<boolean> = shape({ kind: "boolean" }, (value, field) => {
  if (typeof value !== "boolean")
    throw new ShapeError(field, `expected true or false, found ${typeName(value)}`);
  return value;
});

export function literal<const V extends string | number | boolean>(expected: V): Shape<V> {
  return shape({ kind: "literal", value: expected }, (value, field) => {
    if (value !== expected) throw new ShapeError(field, `expected ${JSON.stringify(expected)}`);
    return expected;
  });
}

export function nullable<T>(of: Shape<T>): Shape<T | null> {
  return shape({ kind: "nullable", of: of.spec }, (value, field) =>
    value === null ? null : of.read(value, field),
  );
}

/** A key that may be absent (or undefined); present, it must fit. */
export function optional<T>(of: Shape<T>): Shape<T | undefined> {
  return shape({ kind: "optional", of: of.spec }, (value, field) =>
    value === undefined ? undefined : of.read(value, field),
  );
}

export function list<T>(of: Shape<T>, maxItems: number): Shape<T[]> {
  return shape({ kind: "list", of: of.spec, maxItems }, (value, field) => {
    if (!Array.isArray(value)) throw new ShapeError(field, `expected a list, found ${typeName(value)}`);
    if (value.length > maxItems)
      throw new ShapeError(field, `has ${value.length} items, more than ${maxItems}`);
    return value.map((item, i) => of.read(item, `${field}[${i}]`));
  });
}

/** A list of exactly as many items as shapes, each of its own shape: `[low, high]`. */
export function tuple<T extends unknown[]>(...of: { [K in keyof T]: Shape<T[K]> }): Shape<T> {
  return shape({ kind: "tuple", of: of.map((s) => s.spec) }, (value, field) => {
    if (!Array.isArray(value) || value.length !== of.length)
      throw new ShapeError(field, `expected a list of ${of.length} items`);
    return of.map((s, i) => s.read(value[i], `${field}[${i}]`)) as unknown as T;
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Sets an own property, whatever its name (`__proto__` included), on a plain object. */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * An object whose keys come from the file (backend ids, package names). A bad key is named by its
 * position, not its text, since the text is what is in doubt.
 */
export function record<T>(key: Shape<string>, of: Shape<T>, maxEntries: number): Shape<Record<string, T>> {
  return shape({ kind: "record", key: key.spec, value: of.spec, maxEntries }, (value, field) => {
    if (!isObject(value)) throw new ShapeError(field, `expected an object, found ${typeName(value)}`);
    const entries = Object.entries(value);
    if (entries.length > maxEntries)
      throw new ShapeError(field, `has ${entries.length} keys, more than ${maxEntries}`);
    const out: Record<string, T> = {};
    entries.forEach(([k, v], i) => {
      key.read(k, `${field} (key ${i + 1})`);
      put(out, k, of.read(v, `${field}.${/^[A-Za-z0-9_]{1,64}$/.test(k) ? k : `(key ${i + 1})`}`));
    });
    return out;
  });
}

type Fields<T> = { readonly [K in keyof T]-?: Shape<T[K]> };

/** An object with the given fields; keys the shape does not name are dropped. */
export function object<T>(fields: Fields<T>): Shape<T> {
  const specs: Record<string, Spec> = {};
  for (const [k, s] of Object.entries(fields) as [string, Shape<unknown>][]) specs[k] = s.spec;
  return shape({ kind: "object", fields: specs }, (value, field) => {
    if (!isObject(value)) throw new ShapeError(field, `expected an object, found ${typeName(value)}`);
    const out: Record<string, unknown> = {};
    for (const [k, s] of Object.entries(fields) as [string, Shape<unknown>][]) {
      const read = s.read(Object.hasOwn(value, k) ? value[k] : undefined, field === "" ? k : `${field}.${k}`);
      if (read !== undefined) put(out, k, read);
    }
    return out as T;
  });
}

/** Whether `value` nests deeper than `max` levels, looking no deeper than that. */
function deeper(value: unknown, max: number): boolean {
  const children = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : null;
  if (children === null) return false;
  if (max === 0) return true;
  return children.some((child) => deeper(child, max - 1));
}

/**
 * Any JSON value, bounded in size and nesting, for data trt-pte stores but never shows (the
 * target's build details); what reads a part of it checks that part's type where it reads it.
 */
export function json(maxChars: number, maxDepth: number): Shape<unknown> {
  return shape({ kind: "json", maxChars, maxDepth }, (value, field) => {
    if (value === undefined) throw new ShapeError(field, "is missing");
    if (deeper(value, maxDepth)) throw new ShapeError(field, `is nested more than ${maxDepth} levels deep`);
    const written = JSON.stringify(value);
    if (written.length > maxChars)
      throw new ShapeError(field, `is ${written.length} characters of JSON, more than ${maxChars}`);
    return JSON.parse(written) as unknown;
  });
}
