// `trt-pte export`: flags → Settings → the pipeline on the local platform; with `--config`, every
// model of a trt-pte.yml in turn, ending with the rollup.

import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { INPUTS } from "../settings/inputs.js";
import { readSettings, type RawLookup, type Settings } from "../settings/settings.js";
import { readCallMode, readModelList } from "../settings/model-list.js";
import { configCommentKey } from "../settings/names.js";
import { localPlatform } from "../platform/local.js";
import { runPipeline } from "../main.js";
import { runModels } from "../batch.js";
import { reportFailure } from "../failure.js";
import { DEFAULT_ARTIFACT_DIR } from "./help.js";
import { makeOwnFolder } from "../util/files.js";
import { printError } from "./output.js";
import { checkFlags } from "./flags.js";

type Option = { type: "string"; multiple?: boolean };

/**
 * The folders the CLI makes in the user's repository ignore themselves (a .gitignore of `*`), so an
 * export leaves `git status` as it was.
 */
async function makeOwnFolders(
  cwd: string,
  artifactDir: string,
  settings: readonly Settings[],
): Promise<void> {
  const outputDirs = settings.map((s) => path.dirname(s.outputDir));
  for (const dir of new Set([path.join(cwd, ".trt-pte"), ...outputDirs, artifactDir])) {
    await makeOwnFolder(dir);
  }
}

export async function exportCommand(argv: string[]): Promise<number> {
  const options: Record<string, Option> = {
    "artifact-dir": { type: "string" },
    baseline: { type: "string" },
  };
  for (const input of INPUTS) if (input.actionOnly === undefined) options[input.name] = { type: "string" };
  // `--only a --only b` as well as `--only a,b`.
  options.only = { type: "string", multiple: true };
  const problem = checkFlags(argv, Object.keys(options), () => true);
  if (problem !== null) {
    printError(`trt-pte export: ${problem}\nRun trt-pte export --help for the flags.\n`);
    return 2;
  }
  let values: Record<string, string | string[] | undefined>;
  try {
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Record<
      string,
      string | string[] | undefined
    >;
  } catch (e) {
    printError(`trt-pte export: ${(e as Error).message}\nRun trt-pte export --help for the flags.\n`);
    return 2;
  }
  const cwd = process.cwd();
  const artifactDir = path.resolve(
    cwd,
    (values["artifact-dir"] as string | undefined) ?? DEFAULT_ARTIFACT_DIR,
  );
  const platform = localPlatform({ artifactDir });
  const get: RawLookup = (name) => {
    const value = values[name];
    return Array.isArray(value) ? value.join("\n") : (value ?? "");
  };
  const ctx = { workspace: cwd, allowedRoots: [os.tmpdir()] };
  // --baseline: compare with this report.json instead of a stored baseline (a laptop has no branch).
  const baseline = values.baseline as string | undefined;
  try {
    const mode = readCallMode(get);
    if (mode.kind === "config") {
      if (baseline !== undefined) {
        printError("trt-pte export: --baseline compares one model; it cannot be combined with --config.\n");
        return 2;
      }
      const { models } = await readModelList(mode, get, ctx);
      await makeOwnFolders(
        cwd,
        artifactDir,
        models.map((m) => m.settings),
      );
      const call = await runModels(
        models,
        platform,
        {},
        {
          source: mode.file,
          commentKey: configCommentKey(mode.file, mode.only, get("gpu-name").trim()),
        },
      );
      platform.log.info("");
      for (const line of call.text) platform.log.info(line);
      if (call.failure === null) return 0;
      reportFailure(call.failure, platform.log);
      return 1;
    }
    const read = readSettings(get, ctx);
    const settings =
      baseline === undefined
        ? read
        : { ...read, compare: { ...read.compare, baselineFile: path.resolve(cwd, baseline) } };
    await makeOwnFolders(cwd, artifactDir, [settings]);
    const outcome = await runPipeline(settings, platform, {});
    printError(`\n.pte: ${outcome.ptePath}\n`);
    for (const ptd of outcome.ptdPaths) printError(`.ptd: ${ptd}\n`);
    printError(`report: ${outcome.reportPath}\n`);
    if (outcome.published !== null) {
      printError(`artifacts: ${path.dirname(outcome.published.pte.url)}\n`);
    }
    return 0;
  } catch (error) {
    reportFailure(error, platform.log);
    return 1;
  }
}
