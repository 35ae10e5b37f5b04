// The regression gates' limits, off by default: each bounds how much worse a build may be than its
// baseline. Parsed with the other settings, so a bad limit fails before any work; judged by
// src/compare/gates.ts. Gates never enter the cache key: they judge a build, they do not make one.

import { SettingsError } from "../errors.js";
import { parseSize } from "../util/size.js";

export type GateName = "size" | "latency" | "tensorrt-nodes" | "accuracy";

/** A limit: relative (percent of the baseline) or absolute (in the gate's own unit). */
export type Limit =
  { kind: "percent"; value: number; text: string } | { kind: "absolute"; value: number; text: string };

export interface GateSettings {
  readonly size?: Limit;
  readonly latency?: Limit;
  readonly tensorrtNodes?: Limit;
  readonly accuracy?: Limit;
}

export interface GateDefinition {
  gate: GateName;
  input: string;
  key: keyof GateSettings;
  /** Parses the absolute form; null when it is not one. */
  absolute: (text: string) => number | null;
  example: string;
}

const PERCENT = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/;

export const GATES: readonly GateDefinition[] = [
  { gate: "size", input: "max-size-increase", key: "size", absolute: parseSize, example: "10% or 5MiB" },
  {
    gate: "latency",
    input: "max-latency-increase",
    key: "latency",
    absolute: (t) => {
      const m = /^\s*(\d+(?:\.\d+)?)\s*ms\s*$/.exec(t);
      return m === null ? null : Number(m[1]);
    },
    example: "15% or 2ms",
  },
  {
    gate: "tensorrt-nodes",
    input: "max-tensorrt-nodes-lost",
    key: "tensorrtNodes",
    absolute: (t) => (/^\s*\d+\s*$/.test(t) ? Number(t) : null),
    example: "0, 3 or 10%",
  },
  {
    gate: "accuracy",
    input: "max-error-increase",
    key: "accuracy",
    absolute: (t) => (/^\s*(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?\s*$/i.test(t) ? Number(t) : null),
    example: "50% or 1e-4",
  },
];

export function parseLimit(input: string, raw: string): Limit | undefined {
  const text = raw.trim();
  if (text === "") return undefined;
  const def = GATES.find((g) => g.input === input);
  if (def === undefined) throw new Error(`internal: no gate input ${input}`);
  const percent = PERCENT.exec(text);
  if (percent !== null) return { kind: "percent", value: Number(percent[1]), text };
  const value = def.absolute(text);
  if (value === null || !Number.isFinite(value) || value < 0)
    throw new SettingsError(
      input,
      `'${raw}' is not a limit`,
      `write it like ${def.example}, or leave it empty for no gate`,
    );
  return { kind: "absolute", value, text };
}

export function readGateSettings(get: (input: string) => string): GateSettings {
  const out: Record<string, Limit> = {};
  for (const def of GATES) {
    const limit = parseLimit(def.input, get(def.input));
    if (limit !== undefined) out[def.key] = limit;
  }
  return out as GateSettings;
}
