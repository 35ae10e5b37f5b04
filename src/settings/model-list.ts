// What one call builds: the one `model` of its inputs, or every model a trt-pte.yml lists (`config`,
// narrowed by `only`). Each model's Settings come from readSettings, the action's own validation,
// fed with the file's values over its `defaults:` for build inputs and with the call's own inputs for
// the rest; a value it refuses is told at the place in the file it came from.

import fs from "node:fs/promises";
import { INPUTS, inputDefinition } from "./inputs.js";
import { readSettings, resolveInside, type Context, type RawLookup, type Settings } from "./settings.js";
import { parseConfigFile, problemAt, type ConfigFile, type ConfigValue } from "./config-file.js";
import { ProblemsError, SettingsError, type TrtPteError } from "../errors.js";
import { didYouMean } from "../util/did-you-mean.js";

export type CallMode =
  | { kind: "model" }
  | {
      kind: "config";
      /** The file as the user named it. */
      file: string;
      /** The names of `only` (empty: every model). */
      only: readonly string[];
    };

/** Model names of `only`: commas or lines. */
export function parseNames(raw: string): string[] {
  const names: string[] = [];
  for (const item of raw.split(/[,\n]/)) {
    const name = item.trim();
    if (name !== "" && !names.includes(name)) names.push(name);
  }
  return names;
}

/** True when the call gave the input a value other than its default. */
function isSet(get: RawLookup, name: string): boolean {
  const raw = get(name).trim();
  return raw !== "" && raw !== (inputDefinition(name).default ?? "").trim();
}

/**
 * `model` or `config`, never both, and with `config` no build input of the call: those live in the
 * file, so a value has one place.
 */
export function readCallMode(get: RawLookup): CallMode {
  const file = get("config").trim();
  const only = parseNames(get("only"));
  if (file === "") {
    if (only.length > 0) {
      throw new SettingsError(
        "only",
        "needs `config`",
        "list the models in a trt-pte.yml and set config (docs/config.md)",
      );
    }
    return { kind: "model" };
  }
  if (get("model").trim() !== "") {
    throw new SettingsError(
      "config",
      "cannot be combined with `model`",
      "set one: `model` builds one model, `config` every model its file lists (put this model in the file)",
    );
  }
  if (get("artifact-name").trim() !== "") {
    throw new SettingsError(
      "artifact-name",
      "cannot be combined with `config`",
      "each model's artifact is named `<name>-<target>[-<gpu name>]` after its `name` in the file",
    );
  }
  for (const input of INPUTS) {
    if (input.use === "build" && isSet(get, input.name)) {
      throw new SettingsError(
        input.name,
        `describes a build, so with \`config\` it is set in ${file}`,
        "put it under `defaults:` (every model) or in a model's entry, and remove it from the call",
      );
    }
  }
  return { kind: "config", file, only };
}

export interface PlannedModel {
  name: string;
  settings: Settings;
}

async function readConfigText(file: string, ctx: Context): Promise<string> {
  const absolute = resolveInside("config", file, { ...ctx, allowedRoots: [] });
  try {
    return await fs.readFile(absolute, "utf8");
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    throw new SettingsError(
      "config",
      missing
        ? `'${file}' is not a file in ${ctx.workspace}`
        : `'${file}' cannot be read (${(e as Error).message})`,
      "name the trt-pte.yml relative to the workspace (the repository's root in a workflow)",
    );
  }
}

/** Reads, checks and selects the models of a trt-pte.yml; every problem in it is told at once. */
export async function readModelList(
  mode: Extract<CallMode, { kind: "config" }>,
  get: RawLookup,
  ctx: Context,
): Promise<{ config: ConfigFile; models: PlannedModel[] }> {
  return modelsOfConfig(mode, await readConfigText(mode.file, ctx), get, ctx);
}

/** The same on the file's text (the plan step and the tests read it themselves). */
export function modelsOfConfig(
  mode: Extract<CallMode, { kind: "config" }>,
  text: string,
  get: RawLookup,
  ctx: Context,
): { config: ConfigFile; models: PlannedModel[] } {
  const file = mode.file;
  const { config, problems } = parseConfigFile(file, text);
  const models: PlannedModel[] = [];
  // Every model is checked, also those `only` leaves out: a mistake in the file is one wherever it is.
  for (const entry of config.models) {
    const place = (input: string): ConfigValue | undefined =>
      entry.values.get(input) ?? config.defaults.get(input);
    const lookup: RawLookup = (name) =>
      inputDefinition(name).use === "build" ? (place(name)?.text ?? "") : get(name);
    try {
      models.push({ name: entry.name, settings: readSettings(lookup, { ...ctx, name: entry.name }) });
    } catch (e) {
      if (!(e instanceof SettingsError)) throw e;
      const value = place(e.input);
      // A call input's problem (`output-dir`, say) is the call's, not the file's: told once, as it is.
      if (value === undefined || inputDefinition(e.input).use !== "build") throw e;
      problems.push(problemAt(file, value.at, `${entry.name}: ${e.message}`, e.hint));
    }
  }
  const unknown = mode.only.filter((name) => !config.models.some((m) => m.name === name));
  if (problems.length === 0 && unknown.length > 0) {
    const names = config.models.map((m) => m.name);
    throw new SettingsError(
      "only",
      unknown.map((n) => `'${n}' is not a model of ${file}${didYouMean(n, names)}`).join("; "),
      `its models are ${names.join(", ")}`,
    );
  }
  if (problems.length > 0) throw fileProblems(file, problems);
  return {
    config,
    models: mode.only.length === 0 ? models : models.filter((m) => mode.only.includes(m.name)),
  };
}

function fileProblems(file: string, problems: readonly TrtPteError[]): ProblemsError {
  const n = problems.length;
  return new ProblemsError(
    problems,
    `${file}: ${n} problem${n === 1 ? "" : "s"}, nothing was built`,
    "fix the file at the places above (docs/config.md describes it)",
  );
}
