// Stage 2: the Python driver builds the .pte. We write its request, stream its log, and read back
// its result; the result file (never the exit code) says what happened.

import fs from "node:fs/promises";
import path from "node:path";
import type { CompileSettings, Settings } from "./settings/settings.js";
import type { Log } from "./platform/platform.js";
import type { BaseBuildRequest, BuildCaches, ExportRequest, ExportResult } from "./protocol.js";
import { PROTOCOL_VERSION } from "./protocol.js";
import { TrtPteError } from "./errors.js";
import { privateTempRoot, runDriver } from "./python-driver.js";
import { readResultFile } from "./result-file.js";
import { withheldCredentials } from "./driver-env.js";

export const NO_BUILD_CACHES: BuildCaches = {
  timing_cache_path: null,
  engine_cache_dir: null,
  engine_cache_max_bytes: null,
};

export function buildRequest(
  settings: Settings,
  outputDir: string,
  caches: BuildCaches = NO_BUILD_CACHES,
  baseBuild: BaseBuildRequest | null = null,
): ExportRequest {
  return {
    protocol: PROTOCOL_VERSION,
    model: settings.model,
    workspace: settings.workspace,
    target: settings.target,
    output_dir: outputDir,
    output_name: settings.modelName,
    inputs: [...settings.inputs],
    input_positions:
      settings.inputs.length === settings.inputPositions.length ? [...settings.inputPositions] : undefined,
    compile: compileRequest(settings.compile),
    tolerance: settings.tolerance,
    caches,
    runner: settings.runner,
    benchmark_seconds: settings.benchmarkSeconds,
    fail_on_nondeterminism: settings.failOnNondeterminism,
    base_build: baseBuild,
  };
}

/** The request's `compile` object: snake_case keys, only the settings the user set. */
export function compileRequest(compile: CompileSettings): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    precision: compile.precision,
    min_block_size: compile.minBlockSize,
    torch_executed_ops: compile.torchExecutedOps.length > 0 ? [...compile.torchExecutedOps] : undefined,
    require_full_compilation: compile.requireFullCompilation,
    optimization_level: compile.optimizationLevel,
    workspace_size: compile.workspaceSize,
    hardware_compatible: compile.hardwareCompatible,
    truncate_double: compile.truncateDouble,
    fallback_data_dependent_ops: compile.fallbackDataDependentOps,
  };
  return Object.fromEntries(Object.entries(wire).filter(([, v]) => v !== undefined));
}

/** A failed export, as the driver classified it, with the rest of what its result file says. */
export class ExportFailure extends TrtPteError {
  constructor(
    kind: TrtPteError["kind"],
    message: string,
    hint: string | undefined,
    location: TrtPteError["location"],
    readonly result: ExportResult,
  ) {
    super(kind, message, hint, location);
    this.name = "ExportFailure";
  }
}

export function errorFromResult(result: ExportResult): TrtPteError {
  const e = result.error;
  if (e === undefined) return new TrtPteError("internal", "the driver reported an error without details");
  const location =
    e.location === null ? undefined : { file: e.location.file, line: e.location.line ?? undefined };
  return new ExportFailure(e.kind, e.message, e.hint ?? undefined, location, result);
}

/**
 * Runs the driver so that it writes into `stagingDir` (empty, created here). The caller moves the
 * files into place only after they are verified. `fold` takes the driver's lines the log should not
 * show (true: taken).
 */
export async function runExport(
  settings: Settings,
  stagingDir: string,
  log: Log,
  caches: BuildCaches = NO_BUILD_CACHES,
  baseBuild: BaseBuildRequest | null = null,
  fold: (line: string) => boolean = () => false,
): Promise<ExportResult> {
  await fs.mkdir(stagingDir, { recursive: true });
  // The request and result live in a private folder of this run (mkdtemp: mode 0700), outside
  // RUNNER_TEMP, where the runner keeps its command files.
  const scratch = await fs.mkdtemp(path.join(privateTempRoot(process.env), "trt-pte-"));
  try {
    const requestPath = path.join(scratch, "request.json");
    const resultPath = path.join(scratch, "result.json");
    await fs.writeFile(
      requestPath,
      JSON.stringify(buildRequest(settings, stagingDir, caches, baseBuild), null, 2),
    );
    const withheld = withheldCredentials(process.env, settings.envPassthrough);
    if (withheld.length > 0) {
      log.info(
        `the model's process does not get ${withheld.join(", ")}: a credential passes only by its exact name in env-passthrough (docs/security.md)`,
      );
    }
    const run = await log.verbatim(() =>
      runDriver(settings.python, ["export", "--request", requestPath, "--result", resultPath], {
        cwd: settings.workspace,
        // Third-party noise goes to the run's log file only (src/util/noise.ts); the rest is shown live.
        onLine: (line) => {
          if (!fold(line)) log.info(line);
        },
        passthrough: settings.envPassthrough,
      }),
    );
    // Untrusted until checked: the model's code ran in the process that wrote it.
    const result = await readResultFile(resultPath);
    if (result === null) {
      const how = run.signal !== null ? `was killed by ${run.signal}` : `exited with code ${run.exitCode}`;
      const oom = run.signal === "SIGKILL";
      throw new TrtPteError(
        oom ? "out_of_memory" : "internal",
        `the export driver ${how} without writing a result. Last output:\n${run.tail.slice(-15).join("\n")}`,
        oom
          ? "the runner probably ran out of memory: use smaller shapes or a bigger runner"
          : "see the log above",
      );
    }
    if (result.status !== "ok") throw errorFromResult(result);
    if (result.target !== undefined && result.target !== settings.target) {
      throw new TrtPteError(
        "verification",
        `the export process reported target ${result.target}, but this run asked for ${settings.target}`,
        "nothing was published; the model's code may have rewritten the result file",
      );
    }
    return result;
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}
