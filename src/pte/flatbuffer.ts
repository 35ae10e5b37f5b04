// Flatbuffer tables, vectors, strings and unions over a bounds-checked Span, read lazily field by
// field. Written from the flatbuffers binary format (little-endian): a table starts with an i32
// back-offset to its vtable; the vtable holds u16 vtable size, u16 table size, then one u16 field
// offset per slot (0 = absent, default value). Strings, vectors and sub-tables are u32 forward
// offsets from the field; vectors and strings begin with a u32 element count.
//
// Forward offsets cannot form cycles, but a hostile file can point many vector elements at one
// shared subtable and multiply the work. Every table and element visited (and every string, by its
// length) is therefore charged to a budget proportional to the region size, which a file written by
// a real serializer never reaches.

import type { Span } from "./span.js";

/** Longest string the reader accepts: names, keys and ids, never bulk data. */
export const MAX_STRING_BYTES = 1024 * 1024;

export class Flatbuffer {
  private work = 0;
  private readonly budget: number;

  constructor(readonly span: Span) {
    this.budget = span.length + 65_536;
  }

  /** The root table, whose u32 offset is at the start of the span. */
  root(path: string): Table {
    const at = this.span.start;
    return new Table(this, at + this.span.u32(at, `${path} (root table offset)`), path);
  }

  /** Counts a table or element visit (cost 1), or a string by its length, against the budget. */
  charge(pos: number, what: string, cost = 1): void {
    this.work += cost;
    if (this.work > this.budget) {
      this.span.fail(
        pos,
        what,
        `the ${this.span.label} references more structure than its ${this.span.length} bytes can hold (shared or overlapping tables)`,
      );
    }
  }

  /** Follows the u32 forward offset stored at `pos`; the target must lie inside the span. */
  deref(pos: number, what: string): number {
    const target = pos + this.span.u32(pos, what);
    if (target >= this.span.end) {
      this.span.fail(
        pos,
        what,
        `offset points to byte ${target}, past the end of the ${this.span.label} (byte ${this.span.end})`,
      );
    }
    return target;
  }
}

export class Table {
  private readonly vtable: number;
  private readonly vtableSize: number;
  private readonly tableSize: number;

  constructor(
    readonly fb: Flatbuffer,
    readonly pos: number,
    readonly path: string,
  ) {
    const span = fb.span;
    fb.charge(pos, path);
    const vtable = pos - span.i32(pos, `${path} (vtable offset)`);
    if (vtable < span.start || vtable + 4 > span.end) {
      span.fail(
        pos,
        `${path} (vtable offset)`,
        `the vtable would be at byte ${vtable}, outside the ${span.label} (bytes ${span.start}..${span.end})`,
      );
    }
    this.vtableSize = span.u16(vtable, `${path} (vtable size)`);
    this.tableSize = span.u16(vtable + 2, `${path} (table size)`);
    if (this.vtableSize < 4 || this.vtableSize % 2 !== 0) {
      span.fail(vtable, `${path} (vtable)`, `vtable size ${this.vtableSize} is not an even number >= 4`);
    }
    span.check(vtable, this.vtableSize, `${path} (vtable)`);
    if (this.tableSize < 4)
      span.fail(vtable + 2, `${path} (vtable)`, `table size ${this.tableSize} is below 4`);
    span.check(pos, this.tableSize, path);
    this.vtable = vtable;
  }

  /** Absolute position of a field's inline value, or 0 when the field is absent. */
  private field(slot: number, width: number, name: string): number {
    const entry = 4 + 2 * slot;
    if (entry + 2 > this.vtableSize) return 0;
    const offset = this.fb.span.u16(this.vtable + entry, `${this.path}.${name} (vtable entry)`);
    if (offset === 0) return 0;
    if (offset + width > this.tableSize) {
      this.fb.span.fail(
        this.pos + offset,
        `${this.path}.${name}`,
        `field at table offset ${offset} (${width} bytes) runs past the table's ${this.tableSize} bytes`,
      );
    }
    return this.pos + offset;
  }

  has(slot: number): boolean {
    return this.field(slot, 0, `slot ${slot}`) !== 0;
  }

  u8(slot: number, name: string, fallback = 0): number {
    const at = this.field(slot, 1, name);
    return at === 0 ? fallback : this.fb.span.u8(at, `${this.path}.${name}`);
  }

  i8(slot: number, name: string, fallback = 0): number {
    const at = this.field(slot, 1, name);
    return at === 0 ? fallback : this.fb.span.i8(at, `${this.path}.${name}`);
  }

  bool(slot: number, name: string): boolean {
    return this.u8(slot, name) !== 0;
  }

  u32(slot: number, name: string, fallback = 0): number {
    const at = this.field(slot, 4, name);
    return at === 0 ? fallback : this.fb.span.u32(at, `${this.path}.${name}`);
  }

  i32(slot: number, name: string, fallback = 0): number {
    const at = this.field(slot, 4, name);
    return at === 0 ? fallback : this.fb.span.i32(at, `${this.path}.${name}`);
  }

  u64(slot: number, name: string): bigint {
    const at = this.field(slot, 8, name);
    return at === 0 ? 0n : this.fb.span.u64(at, `${this.path}.${name}`);
  }

  i64(slot: number, name: string): bigint {
    const at = this.field(slot, 8, name);
    return at === 0 ? 0n : this.fb.span.i64(at, `${this.path}.${name}`);
  }

  /** Position of the u64 field's bytes (for tools that patch a file in place), or 0 when absent. */
  u64Position(slot: number, name: string): number {
    return this.field(slot, 8, name);
  }

  string(slot: number, name: string): string | null {
    const at = this.field(slot, 4, name);
    return at === 0
      ? null
      : readString(this.fb, this.fb.deref(at, `${this.path}.${name}`), `${this.path}.${name}`);
  }

  table(slot: number, name: string): Table | null {
    const at = this.field(slot, 4, name);
    if (at === 0) return null;
    const path = `${this.path}.${name}`;
    return new Table(this.fb, this.fb.deref(at, path), path);
  }

  vector(slot: number, name: string, elementBytes: number): Vector | null {
    const at = this.field(slot, 4, name);
    if (at === 0) return null;
    const path = `${this.path}.${name}`;
    return new Vector(this.fb, this.fb.deref(at, path), elementBytes, path);
  }

  /** A union: its type tag (slot) and its value table (slot + 1); tag 0 means NONE. */
  union(slot: number, name: string): { type: number; value: Table | null } {
    const type = this.u8(slot, `${name}_type`);
    return { type, value: type === 0 ? null : this.table(slot + 1, name) };
  }
}

export class Vector {
  readonly length: number;
  /** Position of the first element. */
  readonly data: number;

  constructor(
    readonly fb: Flatbuffer,
    pos: number,
    readonly elementBytes: number,
    readonly path: string,
  ) {
    const span = fb.span;
    this.length = span.u32(pos, `${path} (length)`);
    this.data = pos + 4;
    // The length is checked against the bytes that remain before anything is sized by it.
    if (this.length * elementBytes > span.end - this.data) {
      span.fail(
        pos,
        path,
        `vector of ${this.length} × ${elementBytes}-byte elements runs past the end of the ${span.label} (byte ${span.end})`,
      );
    }
  }

  private at(i: number, what: string): number {
    const pos = this.data + i * this.elementBytes;
    this.fb.charge(pos, what);
    return pos;
  }

  table(i: number): Table {
    const what = `${this.path}[${i}]`;
    return new Table(this.fb, this.fb.deref(this.at(i, what), what), what);
  }

  string(i: number): string {
    const what = `${this.path}[${i}]`;
    return readString(this.fb, this.fb.deref(this.at(i, what), what), what);
  }

  i32(i: number): number {
    const what = `${this.path}[${i}]`;
    return this.fb.span.i32(this.at(i, what), what);
  }

  u64(i: number): bigint {
    const what = `${this.path}[${i}]`;
    return this.fb.span.u64(this.at(i, what), what);
  }

  i64(i: number): bigint {
    const what = `${this.path}[${i}]`;
    return this.fb.span.i64(this.at(i, what), what);
  }

  u8(i: number): number {
    const what = `${this.path}[${i}]`;
    return this.fb.span.u8(this.at(i, what), what);
  }

  /** The first `max` bytes of a byte vector (all of it when shorter). */
  head(max: number): Buffer {
    const n = Math.min(this.length, max);
    this.fb.charge(this.data, this.path);
    return Buffer.from(this.fb.span.bytes(this.data, n, this.path));
  }

  /** Every element of an int vector, as numbers. */
  i32s(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.i32(i));
    return out;
  }
}

/** The tables of a vector of tables (none when the vector is absent). */
export function tableList(vector: Vector | null): Table[] {
  const out: Table[] = [];
  for (let i = 0; vector !== null && i < vector.length; i++) out.push(vector.table(i));
  return out;
}

/** The elements of a ubyte vector (none when absent). */
export function byteList(vector: Vector | null): number[] {
  const out: number[] = [];
  for (let i = 0; vector !== null && i < vector.length; i++) out.push(vector.u8(i));
  return out;
}

function readString(fb: Flatbuffer, pos: number, what: string): string {
  const span = fb.span;
  const length = span.u32(pos, `${what} (string length)`);
  // Charged by length, so a string shared by many elements cannot multiply the bytes decoded.
  fb.charge(pos, what, 1 + Math.ceil(length / 16));
  if (length > MAX_STRING_BYTES) {
    span.fail(
      pos,
      what,
      `string length ${length} is longer than any ExecuTorch name or key (at most ${MAX_STRING_BYTES})`,
    );
  }
  return span.bytes(pos + 4, length, what).toString("utf8");
}
