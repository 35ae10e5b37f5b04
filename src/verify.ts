// Stage 3: check what the driver wrote before anything is published. The .pte is read by our own
// reader (src/pte/) and held to what the target and the driver's partition report promise: the
// delegates that must be there, every payload inside the file, every .ptd the program reads from
// present. A failed check names what was expected and what was found, and nothing gets uploaded.

import fs from "node:fs/promises";
import path from "node:path";
import type { ExecutionResult, ExportResult, ResultFile } from "./protocol.js";
import { targetSpec, type Target } from "./settings/targets.js";
import { TrtPteError } from "./errors.js";
import { inspectPte } from "./pte/inspect.js";
import type { Inspection } from "./pte/inspection.js";
import { PteFormatError } from "./pte/format-error.js";
import { renderTree } from "./pte/render-tree.js";
import type { Log } from "./platform/platform.js";
import { hashFile } from "./util/hash.js";

export interface VerifiedFiles {
  pte: ResultFile;
  ptd: ResultFile[];
  /** What the .pte holds; paths are relative to the output folder. */
  inspection: Inspection;
}

/** The partition report's key for compute nodes left to ExecuTorch's portable kernels. */
const UNDELEGATED = "undelegated";

function fail(
  message: string,
  hint = "the export wrote a file that is not what it reported; see the log above",
): never {
  throw new TrtPteError("verification", message, hint);
}

/**
 * The file as trt-pte measures it: a regular file (not a link) by its plain name in `dir`, its size
 * and sha256 computed here, in one pass. The export process's own figures must agree: it runs the
 * model's code, so its result could name any digest (that of a released .pte, say).
 */
async function measureFile(dir: string, stated: ResultFile): Promise<ResultFile> {
  if (!isPlainName(stated.name)) fail(`expected a plain file name in the export result, found a path`);
  const file = path.join(dir, stated.name);
  let stat;
  try {
    stat = await fs.lstat(file);
  } catch {
    fail(`expected ${stated.name} in ${dir}, found no such file`);
  }
  if (!stat.isFile()) fail(`expected ${stated.name} to be a regular file, found a link or a folder`);
  const measured = await hashFile(file);
  if (measured.bytes !== stated.bytes) {
    fail(
      `the export process reported ${stated.name} as ${stated.bytes} bytes, the file is ${measured.bytes} bytes`,
    );
  }
  if (measured.hex !== stated.sha256) {
    fail(
      `the export process reported ${stated.name} with sha256 ${stated.sha256}, the file is sha256 ${measured.hex}`,
      "nothing was published: the file is not what the export reported (model code runs in that process and can rewrite its result)",
    );
  }
  return { ...stated, bytes: measured.bytes, sha256: measured.hex };
}

/** A name that stays in its folder: no separator, not `.` or `..`. */
function isPlainName(name: string): boolean {
  return name !== "" && name !== "." && name !== ".." && !/[/\\]/.test(name) && path.basename(name) === name;
}

/** Verifies the export in `dir`; with a log, prints what the .pte holds before judging it. */
export async function verifyOutput(
  dir: string,
  result: ExportResult,
  target: Target | undefined = result.target,
  log?: Log,
): Promise<VerifiedFiles> {
  const files = result.files ?? [];
  const ptes = files.filter((f) => f.kind === "pte");
  const stated = ptes[0];
  if (stated === undefined || ptes.length !== 1)
    fail(`expected one .pte in the export result, found ${ptes.length}`);
  const names = files.map((f) => f.name);
  if (new Set(names).size !== names.length)
    fail("expected each file once in the export result, found one twice");
  // Measured once here; the digest output, summary, comment, report.json, cache entry and baseline
  // all use these figures, never the result's.
  const pte = await measureFile(dir, stated);
  const ptd: ResultFile[] = [];
  for (const f of files.filter((f) => f.kind === "ptd")) ptd.push(await measureFile(dir, f));

  let inspection: Inspection;
  try {
    inspection = inspectPte(path.join(dir, pte.name), { ptd: ptd.map((f) => path.join(dir, f.name)) });
  } catch (e) {
    if (!(e instanceof PteFormatError)) throw e;
    fail(
      `expected ${path.basename(e.file)} to be a well-formed ExecuTorch file, found at byte ${e.offset} (${e.structure}): ${e.problem}`,
      "the export wrote a malformed file; this is a bug in the exporter (torch_tensorrt / executorch), not in your model: report it with the log above",
    );
  }
  inspection = relativePaths(inspection, dir);
  log?.info(renderTree(inspection));
  const problems = checkInspection(inspection, target, result.partition);
  if (problems.length > 0) {
    fail(
      `${pte.name} does not hold what the export promised:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
      "nothing was uploaded; the tree above shows what the .pte holds",
    );
  }
  return { pte, ptd, inspection };
}

/** The inspection with file paths made relative to the output folder (the staging folder moves). */
function relativePaths(inspection: Inspection, dir: string): Inspection {
  return {
    ...inspection,
    file: { ...inspection.file, path: path.relative(dir, inspection.file.path) },
    external_data: inspection.external_data.map((f) => ({ ...f, path: path.relative(dir, f.path) })),
  };
}

/**
 * What must hold for `target` (its delegates in the target table) given the driver's partition
 * report (backend id → compute nodes, plus `undelegated`). Each problem reads "expected ..., found ...".
 */
export function checkInspection(
  inspection: Inspection,
  target: Target | undefined,
  partition: Record<string, number> | undefined,
): string[] {
  const problems: string[] = [];
  const ids = inspection.delegates.map((d) => d.id);
  const count = (id: string): number => ids.filter((x) => x === id).length;
  const found = (): string => {
    if (ids.length === 0) return "no delegates at all";
    const byId = [...new Set(ids)].map((id) => `${id} ×${count(id)}`);
    return `only ${byId.join(", ")}`;
  };

  const { delegates, fallback_delegate: fallback } =
    target === undefined ? { delegates: [], fallback_delegate: null } : targetSpec(target);
  for (const id of delegates) {
    if (count(id) === 0) {
      problems.push(`expected at least one ${id} delegate for target ${target}, found ${found()}`);
    }
  }
  const reported = Object.entries(partition ?? {}).filter(([, n]) => n > 0);
  if (fallback !== null) {
    const outside = reported.filter(([id]) => !delegates.includes(id));
    if (outside.length > 0 && count(fallback) === 0) {
      const nodes = outside.map(([id, n]) => `${id} ${n}`).join(", ");
      const own = delegates.map((id) => id.replace(/Backend$/, "")).join(", ");
      problems.push(
        `expected a ${fallback} delegate for the nodes that stayed outside ${own} (the export reports ${nodes}), found ${found()}`,
      );
    }
  }
  for (const [id, nodes] of reported) {
    if (id === UNDELEGATED || count(id) > 0) continue;
    if (id === fallback) continue; // already reported above
    problems.push(
      `expected a ${id} delegate (the export reports ${nodes} nodes delegated to it), found ${found()}`,
    );
  }
  // The other way round: every delegate the file holds takes at least one node, so the export must
  // report at least that many for its backend. A report the file contradicts is not shown as fact.
  if (partition !== undefined) {
    for (const id of new Set(ids)) {
      const nodes = partition[id] ?? 0;
      if (nodes < count(id)) {
        problems.push(
          `expected the export to report at least ${count(id)} nodes in ${id} (the .pte holds ${count(id)} ${id} delegate${count(id) === 1 ? "" : "s"}), found ${nodes}`,
        );
      }
    }
  }
  for (const d of inspection.delegates) {
    if (d.offset !== null && d.offset + d.bytes > inspection.file.bytes) {
      problems.push(
        `expected the payload of ${d.id} delegate ${d.plan}/${d.index} inside the file, found bytes ${d.offset}..${d.offset + d.bytes} of a ${inspection.file.bytes}-byte file`,
      );
    }
  }
  const ptds = inspection.external_data.map((f) => f.name);
  for (const key of inspection.external_keys) {
    if (key.found_in !== null) continue;
    problems.push(
      `expected named data '${key.key}' (needed by ${key.needed_by}) in a .ptd beside the .pte, found ${ptds.length === 0 ? "no .ptd files" : `it in none of ${ptds.join(", ")}`}`,
    );
  }
  return problems;
}

/** What the export process's claim of what ran the .pte is checked against (from preflight and settings). */
export interface RuntimeEnvironment {
  /** Every distribution in the driver's environment, by normalised name (src/python/trt_pte/deps.py). */
  distributions: Readonly<Record<string, string>>;
  /** The `runner` setting (absolute), or null. */
  runner: string | null;
}

const WHEEL = "torch-tensorrt-executorch-runtime";
const WHEEL_KEY = "torch_tensorrt_executorch_runtime";
const EXAMPLE_RUNNER = path.join("torch_tensorrt", "bin", "example_executorch_runner");

/**
 * Why what the export process says ran the .pte (`execution.runtime`) cannot be what ran it here,
 * or null when it can: the runtimes src/python/trt_pte/execution.py picks from, each one the
 * environment must have (the wheel at the version named, the runner binary the settings name,
 * torch_tensorrt's own runner). It stays the process's word; this catches a claim the environment
 * contradicts.
 */
export async function executionProblem(
  execution: ExecutionResult | undefined,
  target: Target,
  env: RuntimeEnvironment,
): Promise<string | null> {
  if (execution === undefined) return null;
  const runtime = execution.runtime;
  const gpu = targetSpec(target).gpu;
  if (runtime === "none" || runtime === "compiled module") {
    if (execution.pte_ran) return `reports that the .pte ran, in ${runtime}, which does not run a .pte`;
    if (runtime === "compiled module" && target !== "tensorrt")
      return `reports the compiled module for target ${target}, which has none`;
    return null;
  }
  if (runtime === "executorch runtime") {
    if (gpu) return `reports ExecuTorch's Python runtime for target ${target}, which it never runs on`;
    if (env.distributions.executorch === undefined)
      return "reports ExecuTorch's runtime, but executorch is not installed in the driver's environment";
    return null;
  }
  if (runtime === WHEEL || runtime.startsWith(`${WHEEL} `)) {
    const installed = env.distributions[WHEEL_KEY];
    if (!gpu) return `reports ${WHEEL} for target ${target}, which it never runs on`;
    if (installed === undefined)
      return `reports ${WHEEL}, which is not installed in the driver's environment`;
    const version = runtime.slice(WHEEL.length + 1);
    if (version !== "" && version !== installed)
      return `reports ${WHEEL} ${version}, but the driver's environment has ${installed}`;
    return null;
  }
  const binary = /^(executor_runner|example_executorch_runner) \((.+)\)$/.exec(runtime);
  if (binary === null) return "reports a runtime trt-pte does not know";
  const [, kind, file = ""] = binary;
  if (!gpu) return `reports a runner binary for target ${target}, which runs in ExecuTorch's runtime`;
  if (kind === "executor_runner") {
    return env.runner !== null && file === env.runner
      ? null
      : "reports an executor_runner that the `runner` setting does not name";
  }
  if (env.runner !== null)
    return "reports torch_tensorrt's example runner, but the `runner` setting names another";
  if (env.distributions.torch_tensorrt === undefined || !file.endsWith(path.sep + EXAMPLE_RUNNER))
    return "reports a runner binary that is not torch_tensorrt's example_executorch_runner";
  try {
    if (!(await fs.stat(file)).isFile()) return "reports a runner binary that is not a file";
  } catch {
    return "reports a runner binary that does not exist";
  }
  return null;
}

/** Fails the run when what the export says ran the .pte is not in this environment. */
export async function checkExecution(
  execution: ExecutionResult | undefined,
  target: Target,
  env: RuntimeEnvironment,
): Promise<void> {
  const problem = await executionProblem(execution, target, env);
  if (problem !== null) {
    fail(
      `what ran the .pte: the export process ${problem}`,
      "nothing was published; model code runs in the export process and can rewrite its result",
    );
  }
}
