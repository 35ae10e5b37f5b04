// The payload header of an `XnnpackBackend` delegate: 4 bytes, magic `XH00`, u16 header length,
// u32 flatbuffer offset, u32 flatbuffer size, u32 constant data offset, u64 constant data size.

import type { UnknownPayloadInfo, XnnpackPayloadInfo } from "./inspection.js";
import { headHex } from "./payload-head.js";
import type { Span } from "./span.js";

const HEADER_BYTES = 30;

export function decodeXnnpackPayload(payload: Span): XnnpackPayloadInfo | UnknownPayloadInfo {
  const at = payload.start;
  if (
    payload.length < HEADER_BYTES ||
    payload.bytes(at + 4, 4, "XNNPACK header magic").toString("latin1") !== "XH00"
  ) {
    return {
      format: "unrecognised",
      reason: "no XNNPACK header (magic XH00 at byte 4)",
      head_hex: headHex(payload),
    };
  }
  return {
    format: "xnnpack",
    flatbuffer_bytes: payload.u32(at + 14, "XNNPACK header flatbuffer_size"),
    constant_bytes: Number(payload.u64(at + 22, "XNNPACK header constant_data_size")),
  };
}
