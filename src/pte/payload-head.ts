// Shared helpers for delegate payload decoders: they see the payload as a Span and read only its
// first bytes (a header, metadata), never the engine or blob behind them.

import type { Span } from "./span.js";

export function headHex(payload: Span, bytes = 32): string {
  return payload.bytes(payload.start, Math.min(bytes, payload.length), "payload head").toString("hex");
}

/** Printable UTF-8 (no control characters but tab/newline), or null. */
export function printableText(bytes: Buffer): string | null {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (text.includes("\uFFFD")) return null;
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000B-\u001F\u007F]/.test(text) ? null : text;
}
