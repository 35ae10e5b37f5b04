// .pte files built from scratch the way a hostile pull request could write them: a program whose
// 1000 TensorRT delegates all point at one segment holding 15 MiB of TR01 metadata (the reader used
// to decode that payload once per delegate: 15 GB of JSON), and one whose delegates point at
// overlapping payloads that start at different bytes, so no two are the same payload. Laid out with
// a small flatbuffer writer: tables, vectors and strings in the order they are referenced, every
// offset pointing forward, as the format requires (src/pte/flatbuffer.ts reads them).

type Field = { u8: number } | { u32: number } | { u64: bigint } | { ref: Node } | undefined;
type Node =
  { kind: "table"; fields: Field[] } | { kind: "vector"; refs: Node[] } | { kind: "string"; text: string };

const table = (...fields: Field[]): Node => ({ kind: "table", fields });
const vector = (refs: Node[]): Node => ({ kind: "vector", refs });
const string = (text: string): Node => ({ kind: "string", text });

class Writer {
  buf = Buffer.alloc(1 << 16);
  size = 0;

  private room(n: number): void {
    if (this.size + n <= this.buf.length) return;
    const grown = Buffer.alloc(Math.max(this.buf.length * 2, this.size + n));
    this.buf.copy(grown, 0, 0, this.size);
    this.buf = grown;
  }

  align(n: number): void {
    while (this.size % n !== 0) this.u8(0);
  }

  u8(v: number): void {
    this.room(1);
    this.buf.writeUInt8(v, this.size++);
  }

  u16(v: number): void {
    this.room(2);
    this.buf.writeUInt16LE(v, this.size);
    this.size += 2;
  }

  u32(v: number): void {
    this.room(4);
    this.buf.writeUInt32LE(v, this.size);
    this.size += 4;
  }

  bytes(b: Buffer): void {
    this.room(b.length);
    b.copy(this.buf, this.size);
    this.size += b.length;
  }
}

const width = (f: Exclude<Field, undefined>): number => ("u8" in f ? 1 : "u64" in f ? 8 : 4);

/**
 * The program flatbuffer for `root`, starting with the root offset and the identifier ET12, and
 * `headerRoom` bytes reserved after them for the extended header.
 */
function flatbuffer(root: Node, headerRoom: number): Buffer {
  const w = new Writer();
  w.u32(0);
  w.bytes(Buffer.from("ET12", "latin1"));
  w.bytes(Buffer.alloc(headerRoom));
  const placed = new Map<Node, number>();
  const fixups: { at: number; node: Node }[] = [];
  const queue: Node[] = [root];
  const refer = (at: number, node: Node): void => {
    fixups.push({ at, node });
    if (!queue.includes(node) && !placed.has(node)) queue.push(node);
  };
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const node = next;
    if (node.kind === "string") {
      w.align(4);
      placed.set(node, w.size);
      w.u32(Buffer.byteLength(node.text));
      w.bytes(Buffer.from(node.text));
      w.u8(0);
    } else if (node.kind === "vector") {
      w.align(4);
      placed.set(node, w.size);
      w.u32(node.refs.length);
      for (const ref of node.refs) {
        refer(w.size, ref);
        w.u32(0);
      }
    } else {
      // Inline layout: the vtable offset, then each present field at its natural alignment.
      const offsets: number[] = [];
      let end = 4;
      for (const f of node.fields) {
        if (f === undefined) {
          offsets.push(0);
          continue;
        }
        end = Math.ceil(end / width(f)) * width(f);
        offsets.push(end);
        end += width(f);
      }
      const tableSize = Math.ceil(end / 4) * 4;
      w.align(2);
      const vtable = w.size;
      w.u16(4 + 2 * node.fields.length);
      w.u16(tableSize);
      for (const o of offsets) w.u16(o);
      w.align(8);
      const start = w.size;
      placed.set(node, start);
      w.u32(start - vtable); // i32 soffset: the vtable is this far before the table
      w.bytes(Buffer.alloc(tableSize - 4));
      node.fields.forEach((f, i) => {
        const at = start + (offsets[i] ?? 0);
        if (f === undefined) return;
        if ("u8" in f) w.buf.writeUInt8(f.u8, at);
        else if ("u32" in f) w.buf.writeUInt32LE(f.u32, at);
        else if ("u64" in f) w.buf.writeBigUInt64LE(f.u64, at);
        else refer(at, f.ref);
      });
    }
  }
  w.buf.writeUInt32LE(placed.get(root)!, 0);
  for (const { at, node } of fixups) w.buf.writeUInt32LE(placed.get(node)! - at, at);
  return w.buf.subarray(0, w.size);
}

const EXTENDED_HEADER = 32;
const SEGMENT_ALIGNMENT = 16;

/** A whole .pte: the program, then the segment data at an aligned base, with its extended header. */
function pteFile(program: (segmentBytes: number) => Node, segmentData: Buffer): Buffer {
  const fb = flatbuffer(program(segmentData.length), EXTENDED_HEADER);
  const base = Math.ceil(fb.length / SEGMENT_ALIGNMENT) * SEGMENT_ALIGNMENT;
  const out = Buffer.alloc(base + segmentData.length);
  fb.copy(out);
  out.write("eh00", 8, "latin1");
  out.writeUInt32LE(EXTENDED_HEADER, 12);
  out.writeBigUInt64LE(BigInt(fb.length), 16);
  out.writeBigUInt64LE(BigInt(base), 24);
  out.writeBigUInt64LE(BigInt(segmentData.length), 32);
  segmentData.copy(out, base);
  return out;
}

/** A TR01 payload: the 32-byte header, `metadata`, zero padding, and an engine of `engineBytes`. */
function tr01(metadata: Buffer, engineBytes: number, metadataOffset = 32): Buffer {
  const engineOffset = Math.ceil((metadataOffset + metadata.length) / 16) * 16;
  const out = Buffer.alloc(engineOffset + engineBytes);
  out.write("TR01", 0, "latin1");
  out.writeUInt32LE(metadataOffset, 4);
  out.writeUInt32LE(metadata.length, 8);
  out.writeUInt32LE(engineOffset, 12);
  out.writeBigUInt64LE(BigInt(engineBytes), 16);
  metadata.copy(out, metadataOffset);
  return out;
}

/** JSON metadata of exactly `bytes` bytes: two bindings and a long serialized_metadata string. */
function metadataJson(bytes: number): Buffer {
  const head = JSON.stringify({
    io_bindings: [
      { name: "x", dtype: "float32", shape: [1, 8], is_input: true },
      { name: "y", dtype: "float32", shape: [1, 8], is_input: false },
    ],
    serialized_metadata: "",
  });
  const pad = bytes - Buffer.byteLength(head);
  return Buffer.from(`${head.slice(0, -2)}${"m".repeat(pad)}"}`);
}

function delegate(segment: number): Node {
  return table({ ref: string("TensorRTBackend") }, { ref: table({ u8: 1 }, { u32: segment }) });
}

function program(plan: Node[], segments: Node[]): Node {
  return table({ u32: 0 }, { ref: vector(plan) }, undefined, undefined, { ref: vector(segments) });
}

export const SHARED_DELEGATES = 1000;
export const SHARED_METADATA_BYTES = 15 * 1024 * 1024;

/**
 * `delegates` (1000) TensorRT delegates sharing one segment: a TR01 payload with 15 MiB of JSON metadata and a
 * 1 MiB engine (about 16 MiB in all). A real file has one delegate per payload; this one is legal
 * byte for byte and decodes in one pass when each payload is decoded once.
 */
export function sharedPayloadPte(
  delegates: number = SHARED_DELEGATES,
  metadataBytes: number = SHARED_METADATA_BYTES,
): Buffer {
  const payload = tr01(metadataJson(metadataBytes), 1024 * 1024);
  const shared = delegate(0);
  const plan = table(
    { ref: string("forward") },
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    {
      ref: vector(Array.from({ length: delegates }, () => shared)),
    },
  );
  return pteFile((size) => program([plan], [table({ u64: 0n }, { u64: BigInt(size) })]), payload);
}

/**
 * `count` TensorRT delegates whose payloads overlap but start at different bytes: payload i begins
 * at its own 32-byte TR01 header, and every header's metadata is the same `metadataBytes` of JSON
 * after all the headers. No two are one payload, so only a budget on the bytes decoded stops the
 * reader from parsing that JSON `count` times.
 */
export function overlappingPayloadsPte(count: number, metadataBytes: number): Buffer {
  const metadata = metadataJson(metadataBytes);
  const headers = 32 * count;
  const data = Buffer.alloc(Math.ceil((headers + metadata.length) / 16) * 16);
  metadata.copy(data, headers);
  for (let i = 0; i < count; i++) {
    const header = tr01(Buffer.alloc(0), 0).subarray(0, 32);
    header.writeUInt32LE(headers - 32 * i, 4); // metadata_offset, from this payload's start
    header.writeUInt32LE(metadata.length, 8);
    header.writeUInt32LE(data.length - 32 * i, 12); // an empty engine at the end, 16-aligned
    header.copy(data, 32 * i);
  }
  const segments = Array.from({ length: count }, (_, i) =>
    table({ u64: BigInt(32 * i) }, { u64: BigInt(data.length - 32 * i) }),
  );
  const plan = table(
    { ref: string("forward") },
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    {
      ref: vector(Array.from({ length: count }, (_, i) => delegate(i))),
    },
  );
  return pteFile(() => program([plan], segments), data);
}
