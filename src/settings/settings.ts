// One Settings object for the whole pipeline, built from raw strings. The action reads the strings
// from INPUT_* variables and the CLI from its flags; both hand a lookup function to readSettings, so
// validation, defaults and path rules live here once.

import path from "node:path";
import { INPUTS, PRECISIONS, inputDefinition, type Precision } from "./inputs.js";
import { TARGETS, isTarget, targetSpec, type Target } from "./targets.js";
import { parseInputSpecsAt, type InputSpec, type SpecPosition } from "./input-spec.js";
import { artifactNameFor, modelName, sanitizeName } from "./names.js";
import { SettingsError } from "../errors.js";
import { SIZE_HINT, parseSize } from "../util/size.js";
import { ENV_PATTERN, RUN_FOLDER_NAMES, forbiddenOverlap, matchesEnvGlob } from "../util/env-names.js";
import { readGateSettings, type GateSettings } from "./gate-limits.js";
import { escapesRoots, isInside } from "../util/paths.js";

/**
 * The Torch-TensorRT settings the user set; absent means "not set" (the release's default). The
 * Python driver maps them per torch_tensorrt release (trt_pte/tensorrt_settings.py).
 */
export interface CompileSettings {
  readonly precision: Precision;
  readonly minBlockSize?: number;
  readonly torchExecutedOps: readonly string[];
  readonly requireFullCompilation?: boolean;
  readonly optimizationLevel?: number;
  readonly workspaceSize?: number;
  readonly hardwareCompatible?: boolean;
  readonly truncateDouble?: boolean;
  readonly fallbackDataDependentOps?: boolean;
}

export interface Settings {
  /** The model spec as the user wrote it. */
  readonly model: string;
  /** Short model name used for file names (modelName in src/settings/names.ts). */
  readonly modelName: string;
  readonly inputs: readonly InputSpec[];
  /** Where each of `inputs` starts in the user's text (the driver's messages point there). */
  readonly inputPositions: readonly SpecPosition[];
  readonly target: Target;
  readonly python: string;
  /** The folder relative paths resolve against: GITHUB_WORKSPACE in the action, cwd in the CLI. */
  readonly workspace: string;
  /** Folders besides the workspace that may hold output (the runner's temp dir). */
  readonly allowedRoots: readonly string[];
  /** The model's own output folder: `<output-dir>/<artifact-name>`, absolute. */
  readonly outputDir: string;
  readonly artifactName: string;
  /** False when artifact-name was left empty and the name is ours to derive. */
  readonly artifactNameGiven: boolean;
  /** The GPU kind this build is for ("" when not given); part of the default artifact name. */
  readonly gpuName: string;
  readonly retentionDays: number | undefined;
  readonly upload: boolean;
  readonly compile: CompileSettings;
  /** Largest accepted max relative error of the accuracy check; null: report only. */
  readonly tolerance: number | null;
  /** An executor_runner to run the .pte with (absolute); null: what the driver's environment has. */
  readonly runner: string | null;
  /** Budget of the latency benchmark; 0 turns it off. */
  readonly benchmarkSeconds: number;
  readonly failOnNondeterminism: boolean;
  readonly cache: CacheSettings;
  readonly comment: boolean;
  /** Empty when none was given (the CLI outside a workflow). */
  readonly githubToken: string;
  /** Names and globs of environment variables the driver gets besides its allowlist. */
  readonly envPassthrough: readonly string[];
  readonly compare: CompareSettings;
}

export interface CompareSettings {
  readonly enabled: boolean;
  /** A report.json to compare with instead of the stored baseline (the CLI's `--baseline`). */
  readonly baselineFile: string | undefined;
  readonly gates: GateSettings;
}

export interface CacheSettings {
  readonly enabled: boolean;
  /** Absolute folder for the local store; undefined uses the platform's store (GitHub's cache service). */
  readonly dir: string | undefined;
  readonly dirMaxBytes: number;
  readonly hashFiles: readonly string[];
  readonly engineCache: boolean;
  readonly engineCacheMaxBytes: number;
}

export type RawLookup = (name: string) => string;

export interface Context {
  workspace: string;
  /** Folders besides the workspace that may hold output (the runner's temp dir). */
  allowedRoots: readonly string[];
  /** The model's `name` in a trt-pte.yml (checked there); absent: derived from the spec. */
  name?: string;
}

function text(get: RawLookup, name: string): string {
  const def = inputDefinition(name);
  const raw = get(name).trim();
  if (raw !== "") return raw;
  // A default like `${{ github.token }}` is evaluated by the runner; outside a workflow it is empty.
  return def.default?.includes("${{") ? "" : (def.default ?? "");
}

export function parseBoolean(name: string, raw: string): boolean {
  const v = raw.toLowerCase();
  if (["true", "yes", "1", "on"].includes(v)) return true;
  if (["false", "no", "0", "off"].includes(v)) return false;
  throw new SettingsError(name, `'${raw}' is not a boolean`, "use true or false");
}

export function parseInteger(name: string, raw: string): number {
  const def = inputDefinition(name);
  if (!/^-?[0-9]+$/.test(raw)) throw new SettingsError(name, `'${raw}' is not a whole number`);
  const value = Number(raw);
  if (def.range && (value < def.range[0] || value > def.range[1])) {
    throw new SettingsError(
      name,
      `${value} is out of range`,
      `use a value from ${def.range[0]} to ${def.range[1]}`,
    );
  }
  return value;
}

/**
 * Resolves a user path against the workspace and refuses one that leaves it, by its text or through
 * a link on its way (docs/ARCHITECTURE.md "Paths").
 */
export function resolveInside(name: string, raw: string, ctx: Context): string {
  const resolved = path.resolve(ctx.workspace, raw);
  const roots = [ctx.workspace, ...ctx.allowedRoots];
  if (!roots.some((root) => isInside(resolved, path.resolve(root)))) {
    throw new SettingsError(
      name,
      `'${raw}' resolves to ${resolved}, outside the workspace ${ctx.workspace}`,
      "use a folder inside the workspace (or the runner's temp dir)",
    );
  }
  checkLinks(name, resolved, ctx);
  return resolved;
}

/**
 * Refuses a folder trt-pte deletes or writes (`output-dir`, `.trt-pte`, the cache folders) when it
 * is, or passes through, a link leading out of the workspace and the runner's temp folder: a
 * committed symlink would otherwise redirect those deletes and writes anywhere the runner's user
 * may write.
 */
export function checkLinks(name: string, absolute: string, ctx: Context): void {
  const escape = escapesRoots(absolute, [ctx.workspace, ...ctx.allowedRoots]);
  if (escape === null) return;
  throw new SettingsError(
    name,
    `${absolute} ${escape}, outside the workspace ${ctx.workspace}`,
    "remove the link, or use a folder inside the workspace (or the runner's temp dir) that is not one",
  );
}

/** A size input (workspace-size, cache-dir-max-size, engine-cache-max-size): src/util/size.ts's grammar, above 0. */
export function parseSizeInput(name: string, raw: string): number {
  const bytes = parseSize(raw);
  if (bytes === null) throw new SettingsError(name, `'${raw}' is not a size`, SIZE_HINT);
  if (bytes <= 0 || !Number.isSafeInteger(bytes)) {
    throw new SettingsError(name, `'${raw}' is out of range`, "use a size above 0 and below 8 PiB");
  }
  return bytes;
}

function readCacheSettings(get: RawLookup, ctx: Context): CacheSettings {
  const dir = text(get, "cache-dir");
  const hashFiles = splitPatterns(text(get, "hash-files"));
  if (hashFiles.filter((p) => !p.startsWith("!")).length === 0) {
    throw new SettingsError(
      "hash-files",
      "has no pattern that includes files",
      "give at least one glob, e.g. **/*.py",
    );
  }
  return {
    enabled: parseBoolean("cache", text(get, "cache")),
    dir: dir === "" ? undefined : path.resolve(ctx.workspace, dir),
    dirMaxBytes: parseSizeInput("cache-dir-max-size", text(get, "cache-dir-max-size")),
    hashFiles,
    engineCache: parseBoolean("engine-cache", text(get, "engine-cache")),
    engineCacheMaxBytes: parseSizeInput("engine-cache-max-size", text(get, "engine-cache-max-size")),
  };
}

/** A path-like interpreter (`.venv/bin/python`) is relative to the workspace; a bare name is looked up on PATH. */
function resolvePython(raw: string, workspace: string): string {
  return raw.includes("/") ? path.resolve(workspace, raw) : raw;
}

/** An optional boolean: empty means "not set". */
function optionalBoolean(get: RawLookup, name: string): boolean | undefined {
  const raw = text(get, name);
  return raw === "" ? undefined : parseBoolean(name, raw);
}

function optionalInteger(get: RawLookup, name: string): number | undefined {
  const raw = text(get, name);
  return raw === "" ? undefined : parseInteger(name, raw);
}

const OP_NAME = /^(?:torch\.ops\.)?([A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*)$/;

/** `aten.cos.default, aten.add.Tensor` (commas or lines) → op overload names, without `torch.ops.`. */
export function parseOpList(name: string, raw: string): string[] {
  const ops: string[] = [];
  for (const item of raw.split(/[,\n]/)) {
    const op = item.trim();
    if (op === "") continue;
    const overload = OP_NAME.exec(op)?.[1];
    if (overload === undefined) {
      throw new SettingsError(
        name,
        `'${op}' is not an op overload of the form namespace.op.overload`,
        "name the overload, e.g. aten.cos.default or aten.add.Tensor (a bare aten.cos matches nothing)",
      );
    }
    if (!ops.includes(overload)) ops.push(overload);
  }
  return ops;
}

/** `env-passthrough`: names or globs, by commas, spaces or lines; none that could let a secret through. */
export function parseEnvPassthrough(raw: string): string[] {
  const patterns: string[] = [];
  for (const item of raw.split(/[\s,]+/)) {
    if (item === "") continue;
    if (!ENV_PATTERN.test(item)) {
      throw new SettingsError(
        "env-passthrough",
        `'${item}' is not a variable name or glob`,
        "use letters, digits, _ and the wildcards * and ?, e.g. WANDB_API_KEY or WANDB_*",
      );
    }
    const forbidden = forbiddenOverlap(item);
    if (forbidden !== undefined) {
      throw new SettingsError(
        "env-passthrough",
        `'${item}' would pass ${forbidden} to the model's process, which trt-pte never does`,
        "name only the variables the model needs; the token, the inputs, ACTIONS_* and the runner's command files stay with the action (docs/security.md)",
      );
    }
    const ours = RUN_FOLDER_NAMES.find((name) => matchesEnvGlob(name, item));
    if (ours !== undefined) {
      throw new SettingsError(
        "env-passthrough",
        `'${item}' names ${ours}, which trt-pte sets to the run's own temp folder`,
        "remove it: each run compiles into folders of its own, which a later job never reads",
      );
    }
    if (!patterns.includes(item)) patterns.push(item);
  }
  return patterns;
}

export function defaultTolerance(target: Target, precision: Precision): number {
  const tolerance = targetSpec(target).tolerance[precision];
  // readCompileSettings refuses a precision the target does not build, before this is asked.
  if (tolerance === undefined) throw new Error(`target ${target} has no default tolerance at ${precision}`);
  return tolerance;
}

/** `tolerance`: a number, `none` (report only), or empty (the default for target and precision). */
export function parseTolerance(raw: string, target: Target, precision: Precision): number | null {
  const value = raw.trim();
  if (value === "") return defaultTolerance(target, precision);
  if (value.toLowerCase() === "none") return null;
  if (!/^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/.test(value) || !Number.isFinite(Number(value))) {
    throw new SettingsError(
      "tolerance",
      `'${raw}' is not a number`,
      "write e.g. 0.01 or 1e-3, or none to only report",
    );
  }
  return Number(value);
}

/** Inputs that only some targets read (the target table's `settings`), in the table's order. */
const TARGET_SETTINGS = [...new Set(TARGETS.flatMap((t) => targetSpec(t).settings))];

/** A target-specific input set for a target that does not read it is refused, not ignored. */
function refuseOtherTargetsSettings(get: RawLookup, target: Target): void {
  const own = targetSpec(target).settings;
  for (const name of TARGET_SETTINGS) {
    if (own.includes(name) || text(get, name) === (inputDefinition(name).default ?? "")) continue;
    const readers = TARGETS.filter((t) => targetSpec(t).settings.includes(name));
    throw new SettingsError(
      name,
      `applies only to target ${readers.join(", ")} (target is ${target})`,
      `remove it, or set target: ${readers[0]}`,
    );
  }
}

function readCompileSettings(get: RawLookup, target: Target): CompileSettings {
  const precision = text(get, "precision");
  if (!(PRECISIONS as readonly string[]).includes(precision)) {
    throw new SettingsError(
      "precision",
      `unknown precision '${precision}'`,
      `use one of ${PRECISIONS.join(", ")}`,
    );
  }
  refuseOtherTargetsSettings(get, target);
  const workspace = text(get, "workspace-size");
  const settings: CompileSettings = {
    precision: precision as Precision,
    minBlockSize: optionalInteger(get, "min-block-size"),
    torchExecutedOps: parseOpList("torch-executed-ops", get("torch-executed-ops")),
    requireFullCompilation: optionalBoolean(get, "require-full-compilation"),
    optimizationLevel: optionalInteger(get, "optimization-level"),
    workspaceSize: workspace === "" ? undefined : parseSizeInput("workspace-size", workspace),
    hardwareCompatible: optionalBoolean(get, "hardware-compatible"),
    truncateDouble: optionalBoolean(get, "truncate-double"),
    fallbackDataDependentOps: optionalBoolean(get, "fallback-data-dependent-ops"),
  };
  if (settings.requireFullCompilation === true && settings.torchExecutedOps.length > 0) {
    throw new SettingsError(
      "require-full-compilation",
      "cannot be true while `torch-executed-ops` keeps ops out of TensorRT",
      "drop one of the two",
    );
  }
  if (settings.requireFullCompilation === true && settings.fallbackDataDependentOps === true) {
    throw new SettingsError(
      "require-full-compilation",
      "cannot be true together with `fallback-data-dependent-ops`",
      "drop one of the two",
    );
  }
  return settings;
}

export function readSettings(get: RawLookup, ctx: Context): Settings {
  for (const def of INPUTS) {
    if (def.required && get(def.name).trim() === "") {
      throw new SettingsError(def.name, "is required");
    }
  }
  const model = text(get, "model");
  if (model === "") {
    throw new SettingsError(
      "model",
      "is required",
      `set it, e.g. model: models/net.py:build (the file, a colon, the function that returns your model; README "Quick start"), or list several models in a trt-pte.yml and set config (docs/config.md)`,
    );
  }
  if (!/^[^:]+:[A-Za-z_][A-Za-z0-9_]*$/.test(model)) {
    throw new SettingsError(
      "model",
      `'${model}' is not of the form path/to/file.py:factory or package.module:factory`,
      "name the file or module, a colon, and the function that returns the model",
    );
  }

  const target = text(get, "target");
  if (!isTarget(target)) {
    throw new SettingsError("target", `unknown target '${target}'`, `use one of ${TARGETS.join(", ")}`);
  }

  const inputsText = get("inputs");
  let inputs: InputSpec[];
  let inputPositions: SpecPosition[];
  try {
    ({ specs: inputs, positions: inputPositions } = parseInputSpecsAt(inputsText));
  } catch (e) {
    throw new SettingsError(
      "inputs",
      (e as Error).message.replace(/^inputs:/, "at "),
      "see docs/action.md “Input specs”",
    );
  }

  const gpuName = get("gpu-name").trim();
  const compile = readCompileSettings(get, target);
  const tolerance = parseTolerance(get("tolerance"), target, compile.precision);

  const rawName = get("artifact-name").trim();
  const name = ctx.name ?? modelName(model);
  const artifactName = rawName === "" ? artifactNameFor(name, target, gpuName) : sanitizeName(rawName);
  const retention = text(get, "retention-days");
  const runner = text(get, "runner");

  return {
    model,
    modelName: name,
    inputs,
    inputPositions,
    target,
    python: resolvePython(text(get, "python"), ctx.workspace),
    workspace: ctx.workspace,
    allowedRoots: ctx.allowedRoots,
    outputDir: path.join(resolveInside("output-dir", text(get, "output-dir"), ctx), artifactName),
    artifactName,
    artifactNameGiven: rawName !== "",
    gpuName,
    retentionDays: retention === "" ? undefined : parseInteger("retention-days", retention),
    upload: parseBoolean("upload", text(get, "upload")),
    cache: readCacheSettings(get, ctx),
    comment: parseBoolean("comment", text(get, "comment")),
    githubToken: text(get, "github-token"),
    envPassthrough: parseEnvPassthrough(get("env-passthrough")),
    compare: {
      enabled: parseBoolean("compare", text(get, "compare")),
      baselineFile: undefined,
      gates: readGateSettings((name) => text(get, name)),
    },
    compile,
    tolerance,
    // A binary may live anywhere on the runner (an ExecuTorch build folder), so it is not kept inside the workspace.
    runner: runner === "" ? null : path.resolve(ctx.workspace, runner),
    benchmarkSeconds: parseInteger("benchmark-seconds", text(get, "benchmark-seconds")),
    failOnNondeterminism: parseBoolean("fail-on-nondeterminism", text(get, "fail-on-nondeterminism")),
  };
}

/**
 * Without `gpu-name`, a GPU target's default artifact name ends in the detected GPU's name
 * (`<model>-<target>-<gpu>`), so a matrix over GPU kinds never collides; the output folder follows
 * the name. Known only after preflight, hence a second step.
 */
export function withGpuName(settings: Settings, gpuName: string | undefined): Settings {
  const named = settings.artifactNameGiven || settings.gpuName !== "";
  const kind = gpuKind(settings, gpuName);
  if (named || kind === "") return settings;
  const artifactName = artifactNameFor(settings.modelName, settings.target, kind);
  return { ...settings, artifactName, outputDir: path.join(path.dirname(settings.outputDir), artifactName) };
}

/**
 * The GPU kind a build is for (report.json's `gpu_name`, `trt-pte fetch --gpu`): `gpu-name` when
 * given, else, for a GPU target, the detected GPU's name without "NVIDIA "; "" for a CPU target.
 */
export function gpuKind(settings: Settings, detected: string | undefined): string {
  if (settings.gpuName !== "") return settings.gpuName;
  if (detected === undefined || !targetSpec(settings.target).gpu) return "";
  return detected.replace(/^NVIDIA\s+/i, "");
}

/** One glob a line; blank lines and `#` comments are skipped. */
function splitPatterns(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}
