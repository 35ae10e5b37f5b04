// `trt-pte diff A B [--json] [--max-size-increase 10% ...]`: what changed from build A to build B,
// for two .pte files (the .ptd files beside each are read) or two report.json files. The same diff
// the action puts in the summary; with a .pte it is delegate-aware: TensorRT engines and their I/O,
// CUDA blobs and where they live, XNNPACK payloads, the kernels the file calls. Exit 0 unless a
// gate is given and trips (1), or the arguments are wrong (2).

import fs from "node:fs";
import { parseArgs } from "node:util";
import { describeError, TrtPteError } from "../errors.js";
import { inspectPte } from "../pte/inspect.js";
import { inspectionFacts, reportFacts, sharedFacts, type Facts } from "../compare/facts.js";
import { diffFacts } from "../compare/diff.js";
import { judgeGates, trippedGates } from "../compare/gates.js";
import { diffLines, gateLines, TEXT } from "../compare/render.js";
import { GATES, readGateSettings } from "../settings/gate-limits.js";
import { sha256File } from "../util/hash.js";
import { print, printError, printJson } from "./output.js";
import { checkFlags } from "./flags.js";

export const DIFF_USAGE = `trt-pte diff A B [--json] [${GATES.map((g) => `--${g.input} LIMIT`).join("] [")}]`;

// @2: each latency point's built_change (the change with its interval, same job or across runs) and
// the gate state `unclear`.
export const DIFF_SCHEMA = "trt-pte/diff@2";

async function facts(file: string): Promise<Facts> {
  if (file.endsWith(".json")) return reportFacts(JSON.parse(fs.readFileSync(file, "utf8")) as unknown);
  const inspection = inspectPte(file);
  return {
    schema: null,
    sha256: await sha256File(file),
    nodes: null,
    keptOut: [],
    accuracy: null,
    latency: [],
    timedBaseSha256: null,
    exportSeconds: null,
    versions: {},
    ...inspectionFacts(inspection),
  };
}

function usage(message: string): number {
  printError(`trt-pte diff: ${message}\nUsage: ${DIFF_USAGE}\n`);
  return 2;
}

export async function diffCommand(argv: string[]): Promise<number> {
  const options: Record<string, { type: "string" | "boolean" }> = { json: { type: "boolean" } };
  for (const g of GATES) options[g.input] = { type: "string" };
  const problem = checkFlags(argv, Object.keys(options), (flag) => options[flag]?.type === "string");
  if (problem !== null) return usage(problem);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (e) {
    return usage((e as Error).message);
  }
  const [fileA, fileB, ...extra] = parsed.positionals;
  if (fileA === undefined || fileB === undefined || extra.length > 0)
    return usage(`expected two files (A and B), got ${parsed.positionals.length}`);
  const values = parsed.values as Record<string, string | boolean | undefined>;
  try {
    const gates = readGateSettings((name) => {
      const v = values[name];
      return typeof v === "string" ? v : "";
    });
    const sides: [Facts, Facts] = [await facts(fileA), await facts(fileB)];
    // A .pte against a report: only what both can say (a .pte records no nodes, accuracy or versions).
    const [a, b] = fileA.endsWith(".json") === fileB.endsWith(".json") ? sides : sharedFacts(...sides);
    const diff = diffFacts(a, b);
    const verdicts = judgeGates(gates, diff);
    if (values.json === true) {
      const side = (file: string, f: Facts) => ({ file, sha256: f.sha256, schema: f.schema });
      const doc = {
        schema: DIFF_SCHEMA,
        a: side(fileA, a),
        b: side(fileB, b),
        diff,
        gates: verdicts,
      };
      printJson(doc);
    } else {
      const { lines, same } = diffLines(diff, TEXT);
      const out = [`${TEXT.code(fileA)} → ${TEXT.code(fileB)}`];
      if (lines.length === 0) out.push("  no change in what was measured");
      for (const l of lines) out.push(`  ${l}`);
      if (same.length > 0 && lines.length > 0) out.push(`  unchanged: ${same.join(", ")}`);
      if (verdicts.length > 0)
        out.push("gates:", ...gateLines(verdicts).map((l) => `  ${l.replace(/`/g, "")}`));
      print(`${out.join("\n")}\n`);
    }
    const tripped = trippedGates(verdicts);
    if (tripped.length > 0) {
      printError(`regression: ${tripped.map((g) => `${g.input} ${g.limit}: ${g.detail}`).join("; ")}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR" || code === "EACCES") {
      printError(`trt-pte diff: cannot read ${(error as NodeJS.ErrnoException).path ?? "a file"}: ${code}\n`);
      return 1;
    }
    if (error instanceof SyntaxError) {
      printError(`trt-pte diff: a .json argument is not a report.json: ${error.message}\n`);
      return 1;
    }
    printError(
      `${error instanceof TrtPteError ? `trt-pte diff: ${describeError(error)}` : describeError(error)}\n`,
    );
    return error instanceof TrtPteError && error.kind === "settings" ? 2 : 1;
  }
}
