// Reading a zip archive on disk (an artifact GitHub served zipped), entry by entry, without holding it
// in memory: the central directory at the end lists the entries, each is streamed out of its place
// in the file (stored, or deflated through zlib). zip64 is read for archives and entries over 4 GiB.
// Only what an artifact zip holds is taken: plain files with plain names; anything else is refused.
// An entry is written only up to the size the zip lists for it, and only when that size is within
// what the caller allows, so a zip cannot fill the disk by declaring or inflating to more.

import fs from "node:fs";
import fsp from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { Readable, Transform } from "node:stream";
import { createInflateRaw } from "node:zlib";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

export class ZipError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 10_000;

async function read(handle: fsp.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buf, 0, length, position);
  if (bytesRead !== length) throw new ZipError("the zip ends early");
  return buf;
}

function u64(buf: Buffer, at: number): number {
  const value = buf.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError("a zip64 field is out of range");
  return Number(value);
}

/** The entries the central directory lists. */
export async function zipEntries(file: string): Promise<ZipEntry[]> {
  const handle = await fsp.open(file, "r");
  try {
    const { size } = await handle.stat();
    // The end record is 22 bytes plus a comment of at most 65535.
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = await read(handle, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError("not a zip: no end of central directory");
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    const locatorAt = eocd - 20;
    if (locatorAt >= 0 && tail.readUInt32LE(locatorAt) === ZIP64_LOCATOR) {
      const record = await read(handle, u64(tail, locatorAt + 8), 56);
      if (record.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipError("a broken zip64 end record");
      count = u64(record, 32);
      cdSize = u64(record, 40);
      cdOffset = u64(record, 48);
    }
    if (count > MAX_ENTRIES) throw new ZipError(`the zip lists ${count} entries`);
    if (cdOffset + cdSize > size) throw new ZipError("the central directory lies outside the file");
    const cd = await read(handle, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL)
        throw new ZipError("a broken central directory");
      const method = cd.readUInt16LE(at + 10);
      let compressedSize = cd.readUInt32LE(at + 20);
      let entrySize = cd.readUInt32LE(at + 24);
      const nameLength = cd.readUInt16LE(at + 28);
      const extraLength = cd.readUInt16LE(at + 30);
      const commentLength = cd.readUInt16LE(at + 32);
      let localOffset = cd.readUInt32LE(at + 42);
      const name = cd.toString("utf8", at + 46, at + 46 + nameLength);
      // zip64 extra field (id 1): the 64-bit values of the saturated fields, in this order.
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = cd.readUInt16LE(extra);
        const length = cd.readUInt16LE(extra + 2);
        if (id === 1) {
          let p = extra + 4;
          if (entrySize === 0xffffffff) {
            entrySize = u64(cd, p);
            p += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(cd, p);
            p += 8;
          }
          if (localOffset === 0xffffffff) localOffset = u64(cd, p);
        }
        extra += 4 + length;
      }
      entries.push({ name, method, compressedSize, size: entrySize, localOffset });
      at = extraEnd + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** Counts what passes, and stops a stream that would write more than the entry says it holds. */
function limit(max: number, name: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > max) done(new ZipError(`${name} inflates past the ${max} bytes the zip lists`));
      else done(null, chunk);
    },
    flush(done) {
      done(seen === max ? null : new ZipError(`${name} holds ${seen} bytes, the zip lists ${max}`));
    },
  });
}

/**
 * Writes one entry's content to `target` (stored or deflated), checked against its listed size, which
 * must be at most `maxBytes`.
 */
export async function extractEntry(
  file: string,
  entry: ZipEntry,
  target: string,
  maxBytes: number = Number.POSITIVE_INFINITY,
): Promise<void> {
  if (entry.size > maxBytes) {
    throw new ZipError(`${entry.name} unpacks to ${entry.size} bytes, more than the ${maxBytes} allowed`);
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ZipError(
      `${entry.name} uses compression method ${entry.method} (only stored and deflate are read)`,
    );
  }
  const handle = await fsp.open(file, "r");
  let start: number;
  try {
    const local = await read(handle, entry.localOffset, 30);
    if (local.readUInt32LE(0) !== LOCAL) throw new ZipError(`${entry.name}: a broken local header`);
    start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    await handle.close();
  }
  const source =
    entry.compressedSize === 0
      ? Readable.from([])
      : fs.createReadStream(file, { start, end: start + entry.compressedSize - 1 });
  const sink = fs.createWriteStream(target, { flags: "wx" });
  if (entry.method === 8) await pipeline(source, createInflateRaw(), limit(entry.size, entry.name), sink);
  else await pipeline(source, limit(entry.size, entry.name), sink);
}
