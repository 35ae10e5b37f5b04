// Sizes as people write them in settings: `500MiB`, `20GiB`, `2G`, `1048576`. Binary multiples
// throughout (1 KiB = 1024 B), so `20G` and `20GiB` mean the same thing.

const UNITS: Record<string, number> = { b: 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

export function parseSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(text);
  if (m === null) return null;
  const unit = UNITS[(m[2] ?? "").toLowerCase() || "b"] ?? 1;
  return Math.round(Number(m[1]) * unit);
}
