// A bounds-checked window [start, end) of a byte source. Every read names the structure it is for,
// so a bad offset or length becomes a PteFormatError at that byte rather than a RangeError deep
// inside, and no length from the file is trusted before it has been checked against the window.

import type { ByteSource } from "./byte-source.js";
import { PteFormatError } from "./format-error.js";

export class Span {
  constructor(
    readonly source: ByteSource,
    readonly start: number,
    readonly end: number,
    /** What the window is, for errors: "flatbuffer", "TensorRTBackend payload", ... */
    readonly label: string,
  ) {}

  get length(): number {
    return this.end - this.start;
  }

  fail(pos: number, what: string, problem: string): never {
    // Callers name the byte that holds the bad value; a computed position outside the file is
    // reported at the nearest end of the window, and the problem text carries the raw value.
    const at = Number.isSafeInteger(pos) ? Math.min(Math.max(pos, this.start), this.source.size) : this.start;
    throw new PteFormatError(this.source.name, at, what, problem);
  }

  /** Throws unless [pos, pos + length) lies inside the window. */
  check(pos: number, length: number, what: string): void {
    if (!Number.isSafeInteger(pos) || !Number.isSafeInteger(length) || length < 0) {
      this.fail(pos, what, `offset ${pos} or length ${length} is not a valid position`);
    }
    if (pos < this.start || pos + length > this.end) {
      this.fail(
        pos,
        what,
        `${length} byte${length === 1 ? "" : "s"} at byte ${pos} lie outside the ${this.label} (bytes ${this.start}..${this.end})`,
      );
    }
  }

  bytes(pos: number, length: number, what: string): Buffer {
    this.check(pos, length, what);
    return this.source.read(pos, length);
  }

  u8(pos: number, what: string): number {
    return this.bytes(pos, 1, what).readUInt8(0);
  }

  i8(pos: number, what: string): number {
    return this.bytes(pos, 1, what).readInt8(0);
  }

  u16(pos: number, what: string): number {
    return this.bytes(pos, 2, what).readUInt16LE(0);
  }

  u32(pos: number, what: string): number {
    return this.bytes(pos, 4, what).readUInt32LE(0);
  }

  i32(pos: number, what: string): number {
    return this.bytes(pos, 4, what).readInt32LE(0);
  }

  u64(pos: number, what: string): bigint {
    return this.bytes(pos, 8, what).readBigUInt64LE(0);
  }

  i64(pos: number, what: string): bigint {
    return this.bytes(pos, 8, what).readBigInt64LE(0);
  }

  f64(pos: number, what: string): number {
    return this.bytes(pos, 8, what).readDoubleLE(0);
  }

  /**
   * A u64 offset or size, as a JS number. It must not exceed `max` (the file size, at most): beyond
   * that it cannot describe anything in the file, and beyond 2^53 it would lose precision.
   */
  u64AsSize(pos: number, what: string, max: number): number {
    const value = this.u64(pos, what);
    if (value > BigInt(max))
      this.fail(pos, what, `${value} is larger than ${max}, the most it could be here`);
    return Number(value);
  }

  /** A narrower window inside this one. */
  sub(pos: number, length: number, label: string, what: string): Span {
    this.check(pos, length, what);
    return new Span(this.source, pos, pos + length, label);
  }
}
