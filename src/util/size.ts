// The one grammar for sizes in settings (workspace-size, cache-dir-max-size, engine-cache-max-size and
// the size gate's absolute form): bytes, or a number with a binary unit, `1048576`, `500MiB`, `2 GiB`,
// `20G`, `1.5k`. Every unit is a binary multiple (1 KiB = 1024 B), written with or without `iB`;
// `KB`/`MB`/`GB` are refused, since people mean 1000 by them as often as 1024.

const UNITS = new Map<string, number>([
  ["", 1],
  ["b", 1],
  ...(["k", "m", "g", "t"] as const).flatMap((u, i): [string, number][] => {
    const scale = 2 ** (10 * (i + 1));
    return [
      [u, scale],
      [`${u}ib`, scale],
    ];
  }),
]);

/** What a size error's hint says, whichever input it is. */
export const SIZE_HINT = "write bytes, or a number with a binary unit: 1048576, 512MiB, 20GiB";

/** Bytes (rounded to whole bytes), or null when `text` is not a size. Zero is a size. */
export function parseSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const scale = UNITS.get(m?.[2]?.toLowerCase() ?? "?");
  if (m === null || scale === undefined) return null;
  return Math.round(Number(m[1]) * scale);
}
