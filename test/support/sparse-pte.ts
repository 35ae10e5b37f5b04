// Grows a real .pte's last delegate segment in place to any size, as a sparse file: the segment
// size in the flatbuffer, the extended header's segment_data_size and (for a TR01/TR02 payload)
// the engine size are rewritten, and the file is extended with ftruncate. Nothing is written into
// the new bytes, so a 4 GiB file costs no disk. Used by the >4 GiB test and bench/inspect.ts.

import fs from "node:fs";
import { FileSource } from "../../src/pte/byte-source.js";
import { Flatbuffer } from "../../src/pte/flatbuffer.js";
import { inspectPte } from "../../src/pte/inspect.js";
import { readPteHeader } from "../../src/pte/pte-header.js";
import { Span } from "../../src/pte/span.js";

export interface GrownPte {
  file: string;
  /** The delegate's segment size before and after. */
  before: number;
  after: number;
}

/** Copies `source` to `dest` and grows its last segment, a delegate's, by `extraBytes`. */
export function growDelegateSegment(source: string, dest: string, extraBytes: number): GrownPte {
  const inspection = inspectPte(source, { ptd: [] });
  const last = inspection.segments.reduce((a, b) => (b.offset + b.bytes > a.offset + a.bytes ? b : a));
  const delegate = inspection.delegates.find((d) => d.location === "segment" && d.data_index === last.index);
  if (delegate === undefined) throw new Error(`${source}: the last segment is not a delegate's`);
  if (last.offset + last.bytes !== inspection.file.bytes)
    throw new Error(`${source}: data follows the last segment`);

  const sizeAt = segmentSizePosition(source, last.index);
  fs.copyFileSync(source, dest);
  const fd = fs.openSync(dest, "r+");
  try {
    const after = last.bytes + extraBytes;
    writeU64(fd, sizeAt, BigInt(after));
    const header = inspection.program.extended_header!;
    writeU64(fd, 32, BigInt(header.segment_data_size + extraBytes));
    if (delegate.payload.format === "tensorrt" && delegate.payload.layout !== "engine-info") {
      writeU64(fd, delegate.offset! + 16, BigInt(delegate.payload.engine.bytes + extraBytes));
    }
    fs.ftruncateSync(fd, last.offset + after);
    return { file: dest, before: last.bytes, after };
  } finally {
    fs.closeSync(fd);
  }
}

/** Where Program.segments[index].size is stored (it must be stored, i.e. non-zero). */
function segmentSizePosition(file: string, index: number): number {
  const source = new FileSource(file);
  try {
    const header = readPteHeader(source);
    const program = new Flatbuffer(new Span(source, 0, header.programSize, "program")).root("Program");
    const segment = program.vector(4, "segments", 4)!.table(index);
    const at = segment.u64Position(1, "size");
    if (at === 0) throw new Error(`${file}: segment ${index} has no stored size`);
    return at;
  } finally {
    source.close();
  }
}

function writeU64(fd: number, pos: number, value: bigint): void {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64LE(value);
  fs.writeSync(fd, buffer, 0, 8, pos);
}
