// What a successful export still wants a person to look at, raised as warning annotations: ops that
// fell back out of TensorRT, an accuracy that passed but only just or could not tell, a .pte that
// did not run itself, and outputs that differ from run to run. And, for a cached .pte, the
// accuracy judged against today's tolerance (the build judged it against the tolerance of its day).

import type { Report } from "../report/report.js";
import type { Settings } from "../settings/settings.js";
import { TrtPteError } from "../errors.js";

/** An error within this fraction of the tolerance passes, with a warning. */
export const NEAR_LIMIT = 0.5;

export function exportWarnings(report: Report, settings: Settings): string[] {
  const warnings: string[] = [];
  if (report.target === "tensorrt") {
    const outside = Object.entries(report.partition)
      .filter(([k, n]) => k !== "TensorRTBackend" && n > 0)
      .map(([k, n]) => `${n} in ${k === "undelegated" ? "ExecuTorch's portable kernels" : k}`);
    const left = Number(report.details.ops_left_to_pytorch ?? 0);
    if (outside.length > 0 || left > 0) {
      const forced =
        settings.compile.torchExecutedOps.length > 0
          ? ` (torch-executed-ops: ${settings.compile.torchExecutedOps.join(", ")})`
          : "";
      warnings.push(
        `${left || "some"} ops fell back out of TensorRT${forced}: ${outside.join(", ") || "see the log"}. ` +
          "They run slower than in an engine; `require-full-compilation: true` makes this an error.",
      );
    }
  }
  warnings.push(...runWarnings(report));
  for (const gate of (report.gates ?? []).filter((g) => g.state === "unclear"))
    warnings.push(`${gate.input} ${gate.limit}: ${gate.detail}`);
  const acc = report.accuracy;
  if (
    acc?.status === "checked" &&
    settings.tolerance !== null &&
    acc.max_rel > NEAR_LIMIT * settings.tolerance &&
    acc.max_rel <= settings.tolerance
  ) {
    warnings.push(
      `accuracy is near its limit: max relative error ${acc.max_rel.toPrecision(3)} against a tolerance of ${settings.tolerance} ` +
        `(warning above ${NEAR_LIMIT * 100}% of it)`,
    );
  }
  return warnings;
}

/** What running the .pte found: it did not run, it differs between runs, its check could not tell. */
export function runWarnings(report: Report): string[] {
  const warnings: string[] = [];
  const acc = report.accuracy;
  if (acc?.status === "checked" && acc.uninformative) {
    warnings.push(
      `the accuracy check could not tell: ${acc.uninformative}. Check the model's weights (an untrained or ` +
        "default-initialised model gives this), or give inputs that make its outputs vary",
    );
  }
  const e = report.execution;
  if (e !== null && !e.pte_ran)
    warnings.push(`the .pte itself did not run before it was published: ${e.reason ?? ""}`);
  for (const flag of report.benchmark?.shape_flags ?? [])
    warnings.push(`latency: ${flag}; the timings of this shape series contradict each other`);
  const d = report.determinism;
  if (d !== null && !d.identical) {
    const by = d.max_abs_diff === null ? "in shape" : `by up to ${d.max_abs_diff.toPrecision(3)}`;
    warnings.push(
      `${e?.runtime ?? "what ran"} is not deterministic: ${d.runs} runs on one input differ ${by} (${d.where ?? ""}); ` +
        "`fail-on-nondeterminism: true` makes this an error",
    );
  }
  return warnings;
}

/** A cached .pte passed the tolerance it was built with; it must also pass today's. */
export function checkCachedAccuracy(report: Report, settings: Settings): void {
  const acc = report.accuracy;
  if (acc?.status !== "checked" || settings.tolerance === null || acc.max_rel <= settings.tolerance) return;
  throw new TrtPteError(
    "accuracy",
    `accuracy check failed: the cached .pte's max relative error ${acc.max_rel.toPrecision(3)} against eager PyTorch exceeds the tolerance ${settings.tolerance}`,
    "raise `tolerance` if this is expected, set it to `none` to only report, or use precision fp32",
  );
}
