// The CLI's manners with what a person types: `--help` after any command, a "did you mean" for a
// mistyped flag or command, and the action's inputs that mean nothing outside a workflow refused
// with the reason (their list lives in src/settings/inputs.ts, `actionOnly`).

import { INPUTS } from "../settings/inputs.js";

/** Edit distance (insert, delete, substitute, swap two neighbours), for suggestions. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The candidate closest to `word`, when it is close enough to be what was meant. */
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const n = distance(word, c);
    if (n < bestDistance) [best, bestDistance] = [c, n];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

export const isHelp = (arg: string): boolean => arg === "--help" || arg === "-h";

/** Why each action-only input is not a flag, by name. */
export const ACTION_ONLY: ReadonlyMap<string, string> = new Map(
  INPUTS.flatMap((i) => (i.actionOnly === undefined ? [] : [[i.name, i.actionOnly] as const])),
);

/**
 * The first problem with the flags in `argv` (before `--`), as the message to print, or null.
 * `takesValue` names the flags whose next argument is their value (`--flag value`).
 */
export function checkFlags(
  argv: readonly string[],
  known: readonly string[],
  takesValue: (flag: string) => boolean,
): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") break;
    if (!arg.startsWith("--")) continue;
    const [name = "", value] = arg.slice(2).split("=", 2);
    const why = ACTION_ONLY.get(name);
    if (why !== undefined) return `--${name} is an input of the GitHub Action only: ${why}`;
    if (!known.includes(name)) {
      const guess = closest(name, known);
      return `unknown flag --${name}${guess === null ? "" : `; did you mean --${guess}?`}`;
    }
    if (value === undefined && takesValue(name)) i++;
  }
  return null;
}
