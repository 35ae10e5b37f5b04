// A .ptd (ExecuTorch external tensor data, "flat tensor"): identifier `FT01` at bytes 4..7, the
// header `FH01` at byte 8 (u32 length >= 40, u64 flatbuffer_offset, flatbuffer_size,
// segment_base_offset, segment_data_size), and a FlatTensor flatbuffer rooted at byte 0:
// { version: u32, segments: [DataSegment{offset: u64, size: u64}],
//   named_data: [NamedData{key, segment_index: u32, tensor_layout: {scalar_type, sizes: [i32], dim_order: [u8]}}] }.
// Only the header and the flatbuffer are read; the tensor bytes stay on disk.

import path from "node:path";
import { FileSource, type ByteSource } from "./byte-source.js";
import { Flatbuffer, byteList, tableList } from "./flatbuffer.js";
import { Span } from "./span.js";

export const PTD_IDENTIFIER = "FT01";
const HEADER_MAGIC = "FH01";
const HEADER_MIN_LENGTH = 40;

export interface PtdHeader {
  length: number;
  flatbufferOffset: number;
  flatbufferSize: number;
  segmentBaseOffset: number;
  segmentDataSize: number;
}

export interface PtdNamedData {
  key: string;
  segmentIndex: number;
  /** Bytes of the segment the entry names. */
  bytes: number;
  layout: { scalarType: number; sizes: number[]; dimOrder: number[] } | null;
}

export interface PtdView {
  path: string;
  bytes: number;
  header: PtdHeader;
  version: number;
  segments: { offset: number; size: number }[];
  namedData: PtdNamedData[];
}

export function readPtdFile(file: string): PtdView {
  const source = new FileSource(file);
  try {
    return readPtd(source);
  } finally {
    source.close();
  }
}

export function readPtd(source: ByteSource): PtdView {
  const size = source.size;
  const file: Span = new Span(source, 0, size, "file");
  if (size < 8 + HEADER_MIN_LENGTH)
    file.fail(0, "file header", `the file has ${size} bytes; a .ptd has at least ${8 + HEADER_MIN_LENGTH}`);
  const identifier = file.bytes(4, 4, "file identifier").toString("latin1");
  if (identifier !== PTD_IDENTIFIER) {
    file.fail(
      4,
      "file identifier",
      `expected the ExecuTorch data identifier '${PTD_IDENTIFIER}' at bytes 4..7, found ${JSON.stringify(identifier)}: not a .ptd file`,
    );
  }
  const magic = file.bytes(8, 4, "flat tensor header magic").toString("latin1");
  if (magic !== HEADER_MAGIC)
    file.fail(8, "flat tensor header magic", `expected '${HEADER_MAGIC}', found ${JSON.stringify(magic)}`);
  const length = file.u32(12, "flat tensor header length");
  if (length < HEADER_MIN_LENGTH)
    file.fail(12, "flat tensor header length", `${length} is below the minimum of ${HEADER_MIN_LENGTH}`);
  const header: PtdHeader = {
    length,
    flatbufferOffset: file.u64AsSize(16, "flat tensor header flatbuffer_offset", size),
    flatbufferSize: file.u64AsSize(24, "flat tensor header flatbuffer_size", size),
    segmentBaseOffset: file.u64AsSize(32, "flat tensor header segment_base_offset", size),
    segmentDataSize: file.u64AsSize(40, "flat tensor header segment_data_size", size),
  };
  const flatbufferEnd = header.flatbufferOffset + header.flatbufferSize;
  if (flatbufferEnd > size)
    file.fail(
      24,
      "flat tensor header flatbuffer_size",
      `the flatbuffer would end at byte ${flatbufferEnd}, past the end of the file (${size} bytes)`,
    );
  if (header.segmentBaseOffset + header.segmentDataSize > size) {
    file.fail(
      40,
      "flat tensor header segment_data_size",
      `segment data would end at byte ${header.segmentBaseOffset + header.segmentDataSize}, past the end of the file (${size} bytes): the file is truncated`,
    );
  }

  const span: Span = new Span(source, 0, flatbufferEnd, "flat tensor flatbuffer");
  const root = new Flatbuffer(span).root("FlatTensor");
  const segments = tableList(root.vector(1, "segments", 4)).map((s) => {
    const offset = s.u64(0, "offset");
    const segmentSize = s.u64(1, "size");
    const end = BigInt(header.segmentBaseOffset) + offset + segmentSize;
    if (end > BigInt(size))
      span.fail(
        s.pos,
        s.path,
        `segment (offset ${offset}, ${segmentSize} bytes) ends at byte ${end}, past the end of the file (${size} bytes)`,
      );
    return { offset: Number(offset), size: Number(segmentSize) };
  });
  const namedData = tableList(root.vector(2, "named_data", 4)).map((n) => {
    const key = n.string(0, "key") ?? "";
    const segmentIndex = n.u32(1, "segment_index");
    const segment = segments[segmentIndex];
    if (segment === undefined)
      span.fail(
        n.pos,
        `${n.path}.segment_index`,
        `segment ${segmentIndex} of '${key}' does not exist (${segments.length} segments)`,
      );
    const layout = n.table(2, "tensor_layout");
    return {
      key,
      segmentIndex,
      bytes: segment.size,
      layout:
        layout === null
          ? null
          : {
              scalarType: layout.i8(0, "scalar_type"),
              sizes: layout.vector(1, "sizes", 4)?.i32s() ?? [],
              dimOrder: byteList(layout.vector(2, "dim_order", 1)),
            },
    };
  });
  return { path: source.name, bytes: size, header, version: root.u32(0, "version"), segments, namedData };
}

export function ptdName(view: PtdView): string {
  return path.basename(view.path);
}
