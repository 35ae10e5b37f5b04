// A build that failed after the driver wrote its .pte (the run of it failed, or verification did):
// the files are kept beside the run's log for `trt-pte inspect` (never uploaded or cached), and when
// the .pte fixes a dimension that `inputs` made dynamic, the error says which, to what size, and what
// usually does that: the failure at the MIN or MAX shapes is then no mystery.

import fs from "node:fs/promises";
import path from "node:path";
import { TrtPteError } from "./errors.js";
import { inspectPte } from "./pte/inspect.js";
import type { IoValue } from "./pte/inspection.js";
import { formatInputSpecs, type InputSpec } from "./settings/input-spec.js";

/** A dimension `inputs` made dynamic that the built program takes at one size only. */
export interface FixedDimension {
  /** The input's place among the program's inputs, and its name when it is a keyword input. */
  input: number;
  name: string | null;
  dimension: number;
  /** The spec of that input, in the `inputs` grammar. */
  spec: string;
  size: number;
}

/**
 * The dimensions the program fixes although `specs` (in the order the program takes its inputs)
 * made them dynamic: the program's input tensor is static, so every dimension is its stored size.
 */
export function fixedDimensions(specs: readonly InputSpec[], inputs: readonly IoValue[]): FixedDimension[] {
  const fixed: FixedDimension[] = [];
  specs.forEach((spec, i) => {
    const tensor = inputs[i]?.tensor;
    if (tensor === null || tensor === undefined || tensor.dynamism !== "static") return;
    spec.dims.forEach((d, j) => {
      const dynamic = d.symbol !== null || d.min !== d.max;
      const size = tensor.shape[j];
      if (dynamic && size !== undefined) {
        fixed.push({ input: i, name: spec.name, dimension: j, spec: formatInputSpecs([spec]), size });
      }
    });
  });
  return fixed;
}

function describeFixed(f: FixedDimension): string {
  const input = f.name === null ? `input ${f.input}` : `input \`${f.name}\``;
  return `dimension ${f.dimension} of ${input} (${f.spec}) is fixed to ${f.size}`;
}

const CAUSES =
  "a reshape or view with a literal size, int() of a shape, or a lowering or backend op that does not take dynamic shapes";

/**
 * Moves what `staging` holds to `failedDir` when it has a .pte, and returns the error to report: the
 * same kind, with what the .pte fixes and where it is kept. `specs` are the inputs in the order the
 * program takes them.
 */
export async function keepFailedBuild(
  staging: string,
  failedDir: string,
  error: unknown,
  specs: readonly InputSpec[],
): Promise<unknown> {
  let names: string[];
  try {
    names = await fs.readdir(staging);
  } catch {
    return error;
  }
  const pte = names.find((n) => n.endsWith(".pte"));
  if (pte === undefined) return error;
  await fs.rm(failedDir, { recursive: true, force: true });
  await fs.rename(staging, failedDir);
  if (!(error instanceof TrtPteError)) return error;
  const kept = path.join(failedDir, pte);

  let fixed: FixedDimension[] = [];
  let takes = "";
  try {
    const plan = inspectPte(kept).plans.find((p) => p.name === "forward");
    if (plan !== undefined) {
      fixed = fixedDimensions(specs, plan.inputs);
      takes = plan.inputs
        .map((v) => (v.tensor === null ? v.kind : `${v.tensor.dtype}[${v.tensor.shape.join(",")}]`))
        .join(", ");
    }
  } catch {
    // A file the reader cannot read explains nothing more; verification has said what is wrong with it.
  }
  const inspect = `the .pte that was built is kept at ${kept}: \`trt-pte inspect ${kept}\` shows it`;
  if (fixed.length === 0) {
    return new TrtPteError(
      error.kind,
      error.message,
      error.hint ? `${error.hint}; ${inspect}` : inspect,
      error.location,
    );
  }
  return new TrtPteError(
    error.kind,
    `${error.message}\nwhat was built takes fixed shapes where \`inputs\` allows a range: ${fixed.map(describeFixed).join("; ")} ` +
      `(its forward takes ${takes})`,
    `the usual causes are ${CAUSES}; let sizes follow the input (x.view(x.shape[0], -1)), or make the ` +
      `dimension static in \`inputs\` if it never changes; ${inspect}`,
    error.location,
  );
}
