// The payload of a `CudaBackend` delegate (executorch's AOTInductor CUDA backend) names the
// named-data entries that hold its compiled shared object and its weights. Layouts by executorch
// release (read from each release's CUDA backend; test/python/generate_pte_fixtures.py writes
// every one):
//   - 1.2 / 1.3: empty; the entries are `{method}_so_blob` and `{method}_weights_blob`, the method
//     taken from the `method_name` compile spec.
//   - 1.4: the text `<sha256>_so_blob\n<sha256>_weights_blob`.
//   - 1.5: `ETCUDAFQN3`, u32 length + so-blob key, u32 entry count, then per weight: u32 length +
//     fqn, u32 length + storage key, `<QiiqI` (nbytes, dtype, device type, storage offset, ndim),
//     ndim i64 sizes, ndim i64 strides.
// The decoder returns the keys; the inspector finds them in the .pte's named data or a .ptd.

import type { CudaKey, CudaPayloadInfo, UnknownPayloadInfo } from "./inspection.js";
import { headHex, printableText } from "./payload-head.js";
import type { Span } from "./span.js";

const FQN3_MAGIC = "ETCUDAFQN3";
/** The 1.4 key text is two sha256-named keys; anything much longer is not that layout. */
const MAX_KEY_TEXT_BYTES = 64 * 1024;
const MAX_KEY_BYTES = 4096;
const MAX_NDIM = 64;
/** u32 fqn length + u32 key length + `<QiiqI`. */
const MIN_ENTRY_BYTES = 4 + 4 + 28;

export type UnresolvedKey = Omit<CudaKey, "found_in" | "bytes">;
export type CudaPayloadKeys = Omit<CudaPayloadInfo, "keys"> & { keys: UnresolvedKey[] };

export function decodeCudaPayload(
  payload: Span,
  methodName: string | null,
): CudaPayloadKeys | UnknownPayloadInfo {
  if (payload.length === 0) {
    const keys: UnresolvedKey[] =
      methodName === null
        ? []
        : [
            { key: `${methodName}_so_blob`, role: "so_blob" },
            { key: `${methodName}_weights_blob`, role: "weights_blob" },
          ];
    return { format: "cuda", layout: "method-name", keys, weights: null };
  }
  if (payload.length >= FQN3_MAGIC.length) {
    const magic = payload
      .bytes(payload.start, FQN3_MAGIC.length, "CudaBackend payload magic")
      .toString("latin1");
    if (magic === FQN3_MAGIC) return decodeFqn3(payload);
  }
  if (payload.length <= MAX_KEY_TEXT_BYTES) {
    const text = printableText(payload.bytes(payload.start, payload.length, "CudaBackend payload"));
    const lines = text?.split("\n") ?? [];
    if (lines.length > 0 && lines.every((l) => l !== "" && !/\s/.test(l))) {
      return {
        format: "cuda",
        layout: "keys",
        keys: lines.map((key) => ({ key, role: roleOf(key) })),
        weights: null,
      };
    }
  }
  return {
    format: "unrecognised",
    reason:
      "unrecognised CudaBackend payload layout: not empty, not ETCUDAFQN3, not a list of named-data keys",
    head_hex: headHex(payload),
  };
}

function roleOf(key: string): UnresolvedKey["role"] {
  if (key.endsWith("_so_blob")) return "so_blob";
  if (key.endsWith("_weights_blob")) return "weights_blob";
  return "other";
}

function decodeFqn3(payload: Span): CudaPayloadKeys {
  let pos = payload.start + FQN3_MAGIC.length;
  const text = (what: string): string => {
    const length = payload.u32(pos, `${what} length`);
    if (length > MAX_KEY_BYTES)
      payload.fail(pos, what, `length ${length} is longer than any key (${MAX_KEY_BYTES})`);
    const value = payload.bytes(pos + 4, length, what).toString("utf8");
    pos += 4 + length;
    return value;
  };
  const soKey = text("ETCUDAFQN3 so_blob key");
  const count = payload.u32(pos, "ETCUDAFQN3 entry count");
  if (count * MIN_ENTRY_BYTES > payload.end - pos - 4) {
    payload.fail(
      pos,
      "ETCUDAFQN3 entry count",
      `${count} entries cannot fit in the ${payload.end - pos - 4} bytes left`,
    );
  }
  pos += 4;
  const keys: UnresolvedKey[] = [{ key: soKey, role: "so_blob" }];
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    text(`ETCUDAFQN3 entry ${i} fqn`);
    const storageKey = text(`ETCUDAFQN3 entry ${i} storage key`);
    const ndim = payload.u32(pos + 24, `ETCUDAFQN3 entry ${i} ndim`);
    if (ndim > MAX_NDIM)
      payload.fail(pos + 24, `ETCUDAFQN3 entry ${i} ndim`, `${ndim} dimensions is more than ${MAX_NDIM}`);
    pos += 28 + 16 * ndim;
    payload.check(payload.start, pos - payload.start, `ETCUDAFQN3 entry ${i} sizes and strides`);
    if (!seen.has(storageKey)) {
      seen.add(storageKey);
      keys.push({ key: storageKey, role: "weight" });
    }
  }
  return { format: "cuda", layout: "fqn3", keys, weights: count };
}
