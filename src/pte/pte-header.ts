// The first bytes of a .pte: u32 root-table offset, the file identifier `ET12`, and (when the file
// has segments) the extended header `eh00` right after it, which says where the program flatbuffer
// ends and the segments begin. Everything else is found from here without reading the segments.

import type { ByteSource } from "./byte-source.js";
import { Span } from "./span.js";

export const PTE_IDENTIFIER = "ET12";
const EXTENDED_MAGIC = "eh00";
/** magic, length, program_size, segment_base_offset; segment_data_size follows when length > 24. */
const EXTENDED_MIN_LENGTH = 24;

export interface ExtendedHeader {
  length: number;
  programSize: number;
  segmentBaseOffset: number;
  /** 0 when the header is too short to carry it (length 24). */
  segmentDataSize: number;
}

export interface PteHeader {
  identifier: string;
  extended: ExtendedHeader | null;
  /** Bytes from offset 0 that hold the program flatbuffer (the whole file without an extended header). */
  programSize: number;
}

export function readPteHeader(source: ByteSource): PteHeader {
  const file: Span = new Span(source, 0, source.size, "file");
  if (source.size < 8)
    file.fail(0, "file header", `the file has ${source.size} bytes; an ExecuTorch program has at least 8`);
  const identifier = file.bytes(4, 4, "file identifier").toString("latin1");
  if (identifier !== PTE_IDENTIFIER) {
    file.fail(
      4,
      "file identifier",
      /^ET[0-9A-Za-z]{2}$/.test(identifier)
        ? `ExecuTorch program format '${identifier}' is not one this reader knows (it reads ${PTE_IDENTIFIER})`
        : `expected the ExecuTorch identifier '${PTE_IDENTIFIER}' at bytes 4..7, found ${JSON.stringify(identifier)}: not a .pte file`,
    );
  }
  const extended = readExtendedHeader(file);
  if (extended === null) return { identifier, extended, programSize: source.size };
  return { identifier, extended, programSize: extended.programSize };
}

function readExtendedHeader(file: Span): ExtendedHeader | null {
  // Like executorch, treat the header as absent unless its magic is there: a program without
  // segments has flatbuffer data at byte 8.
  if (file.source.size < 8 + EXTENDED_MIN_LENGTH) return null;
  if (file.bytes(8, 4, "extended header magic").toString("latin1") !== EXTENDED_MAGIC) return null;
  const length = file.u32(12, "extended header length");
  if (length < EXTENDED_MIN_LENGTH)
    file.fail(12, "extended header length", `${length} is below the minimum of ${EXTENDED_MIN_LENGTH}`);
  const size = file.source.size;
  const programSize = file.u64AsSize(16, "extended header program_size", size);
  const segmentBaseOffset = file.u64AsSize(24, "extended header segment_base_offset", size);
  const segmentDataSize =
    length > EXTENDED_MIN_LENGTH ? file.u64AsSize(32, "extended header segment_data_size", size) : 0;
  if (programSize < 8 + length) {
    file.fail(
      16,
      "extended header program_size",
      `${programSize} does not even cover the headers (${8 + length} bytes)`,
    );
  }
  if (segmentBaseOffset !== 0 && segmentBaseOffset < programSize) {
    file.fail(
      24,
      "extended header segment_base_offset",
      `segments begin at ${segmentBaseOffset}, inside the program (which ends at ${programSize})`,
    );
  }
  if (segmentBaseOffset + segmentDataSize > size) {
    file.fail(
      32,
      "extended header segment_data_size",
      `segment data ${segmentDataSize} bytes from byte ${segmentBaseOffset} run past the end of the file (${size} bytes): the file is truncated`,
    );
  }
  return { length, programSize, segmentBaseOffset, segmentDataSize };
}
