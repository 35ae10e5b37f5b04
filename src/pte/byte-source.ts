// Random access to a file's bytes without reading the whole file: a .pte can hold gigabytes of
// engine segments, and the reader needs only its header, its flatbuffer and the first bytes of each
// delegate payload. Reads go through a small page cache, so walking a flatbuffer field by field
// costs a handful of system calls, and memory stays bounded whatever the file size.

import fs from "node:fs";

export interface ReadStats {
  /** Read system calls (or slices, for an in-memory source). */
  reads: number;
  /** Bytes fetched from the underlying file. */
  bytes: number;
}

export interface ByteSource {
  /** What the errors call this source (the file path). */
  readonly name: string;
  readonly size: number;
  readonly stats: ReadStats;
  /**
   * Bytes [pos, pos + length). The caller has checked that the range lies inside the source; the
   * result may be a view into a cache page, valid until the next read.
   */
  read(pos: number, length: number): Buffer;
  close(): void;
}

const PAGE_BYTES = 64 * 1024;
const MAX_PAGES = 64;

/** A file read through a descriptor, 64 KiB pages, at most 4 MiB cached. */
export class FileSource implements ByteSource {
  readonly stats: ReadStats = { reads: 0, bytes: 0 };
  readonly size: number;
  private readonly pages = new Map<number, Buffer>();
  private fd: number | null;

  constructor(readonly name: string) {
    this.fd = fs.openSync(name, "r");
    try {
      this.size = fs.fstatSync(this.fd).size;
    } catch (e) {
      fs.closeSync(this.fd);
      throw e;
    }
  }

  read(pos: number, length: number): Buffer {
    const first = Math.floor(pos / PAGE_BYTES);
    const last = Math.floor((pos + Math.max(length, 1) - 1) / PAGE_BYTES);
    if (first === last) {
      const page = this.page(first);
      const at = pos - first * PAGE_BYTES;
      return page.subarray(at, at + length);
    }
    // A range across pages is copied out; callers bound such lengths (strings, payload heads).
    const out = Buffer.allocUnsafe(length);
    this.readInto(out, pos);
    return out;
  }

  private page(index: number): Buffer {
    const cached = this.pages.get(index);
    if (cached !== undefined) {
      // Refresh its place in the LRU order.
      this.pages.delete(index);
      this.pages.set(index, cached);
      return cached;
    }
    const start = index * PAGE_BYTES;
    const page = Buffer.allocUnsafe(Math.min(PAGE_BYTES, this.size - start));
    this.readInto(page, start);
    if (this.pages.size >= MAX_PAGES) {
      const oldest = this.pages.keys().next().value as number;
      this.pages.delete(oldest);
    }
    this.pages.set(index, page);
    return page;
  }

  private readInto(target: Buffer, pos: number): void {
    if (this.fd === null) throw new Error(`${this.name} is closed`);
    let done = 0;
    while (done < target.length) {
      const n = fs.readSync(this.fd, target, done, target.length - done, pos + done);
      this.stats.reads++;
      this.stats.bytes += n;
      // The file shrank under us; the zeros left in place are caught by the structure checks.
      if (n === 0) {
        target.fill(0, done);
        return;
      }
      done += n;
    }
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    this.pages.clear();
  }
}

/** Bytes already in memory (tests, fuzzing). */
export class BufferSource implements ByteSource {
  readonly stats: ReadStats = { reads: 0, bytes: 0 };
  readonly size: number;

  constructor(
    private readonly data: Uint8Array,
    readonly name = "<buffer>",
  ) {
    this.size = data.length;
  }

  read(pos: number, length: number): Buffer {
    this.stats.reads++;
    this.stats.bytes += length;
    return Buffer.from(this.data.buffer, this.data.byteOffset + pos, length);
  }

  close(): void {}
}
