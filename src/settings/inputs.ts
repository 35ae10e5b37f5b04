// Every setting of trt-pte, defined once. action.yml's `inputs:` and the CLI's flags are both
// derived from this table (test/action-yml.test.ts fails when action.yml drifts from it), so a
// setting that works in a workflow works the same on a laptop.

import { TARGETS, targetSpec } from "./targets.js";

const tolerance = (target: "xnnpack" | "tensorrt", precision: string): number | undefined =>
  targetSpec(target).tolerance[precision];

/** The `hash-files` default: Python sources and common weight formats. */
export const DEFAULT_HASH_FILES = [
  "**/*.py",
  "**/*.{pt,pth,bin,safetensors,ckpt,onnx,npz,npy,h5,gguf,msgpack}",
];

export const PRECISIONS = ["fp32", "fp16", "bf16"] as const;
export type Precision = (typeof PRECISIONS)[number];

export type InputKind = "string" | "boolean" | "integer" | "choice" | "multiline";

/**
 * What an input is about, which decides where it may be set:
 * - `build`: what is built and how it is checked. Set per call, or per model in a `trt-pte.yml`
 *   (`defaults:` and each entry of `models:`, src/settings/config-file.ts).
 * - `call`: the machine and the call (interpreter, folders, which models): never in the file.
 * - `publish`: where the result goes, and the token: never in the file.
 */
export type InputUse = "build" | "call" | "publish";

export interface InputDefinition {
  readonly name: string;
  readonly description: string;
  readonly kind: InputKind;
  readonly use: InputUse;
  readonly required?: boolean;
  /** The default as action.yml writes it; absent means empty. */
  readonly default?: string;
  readonly choices?: readonly string[];
  /** Smallest and largest accepted value of an integer input. */
  readonly range?: readonly [number, number];
  /**
   * Set for an input that means nothing outside a workflow, saying why: the CLI has no such flag,
   * leaves it out of its help and refuses it with this reason (src/cli/flags.ts).
   */
  readonly actionOnly?: string;
}

export const INPUTS: readonly InputDefinition[] = [
  {
    name: "model",
    use: "build",
    kind: "string",
    description:
      "The model factory: `path/to/file.py:factory` or `package.module:factory`, relative to the workspace. " +
      "The factory returns a module, or `(module, args)` / `(module, args, kwargs)` with example inputs. " +
      "Required, unless `config` lists the models instead.",
  },
  {
    name: "config",
    use: "call",
    kind: "string",
    description:
      "A `trt-pte.yml` (relative to the workspace) that lists several models, each built in turn by this one call " +
      "instead of `model`: each model's own artifacts, one summary and one comment with a row per model, and the `builds` " +
      "output. Build inputs then live in the file; see docs/config.md.",
  },
  {
    name: "only",
    use: "call",
    kind: "multiline",
    description:
      "With `config`: build only the models of these names (commas or lines). Empty: every model in the file.",
  },
  {
    name: "inputs",
    use: "build",
    kind: "multiline",
    description:
      "Example input specs when the factory returns none, e.g. `float32[1,3,224,224]` or " +
      "`int64[b:1..8,128]; mask=bool[b:1..8,128]`. One spec per `;` or line; `MIN..OPT..MAX` marks a dynamic " +
      "dimension and a shared `symbol:` ties dimensions together.",
  },
  {
    name: "target",
    use: "build",
    kind: "choice",
    default: "tensorrt",
    choices: [...TARGETS],
    description:
      "The ExecuTorch backend: `tensorrt` (TensorRT + CUDA delegates, needs a GPU and torch_tensorrt), " +
      "`cuda` (ExecuTorch CUDA backend), `xnnpack` (CPU delegate) or `portable` (no delegate). Never changed behind your back.",
  },
  {
    name: "python",
    use: "call",
    kind: "string",
    default: "python3",
    description:
      "The Python interpreter that has torch, executorch (and torch_tensorrt for `tensorrt`) installed.",
  },
  {
    name: "output-dir",
    use: "call",
    kind: "string",
    default: "trt-pte-out",
    description:
      "Where the files are written, relative to the workspace; each model and target gets its own folder inside it " +
      "(named like the artifact), so models never overwrite each other's `.ptd`.",
  },
  {
    name: "artifact-name",
    use: "publish",
    kind: "string",
    description:
      "Artifact name. Default `<model>-<target>`, sanitised; use a distinct name per matrix job when one job " +
      "builds the same model for several GPUs.",
  },
  {
    name: "gpu-name",
    use: "call",
    kind: "string",
    description:
      "The GPU kind this build is for, e.g. `a100` (the reusable workflow sets it from each `gpus` entry). " +
      "Appended to the default artifact name, `<model>-<target>-<gpu-name>`, so one call builds the same model " +
      "for several GPUs without clashing names.",
  },
  {
    name: "precision",
    use: "build",
    kind: "choice",
    default: "fp32",
    choices: [...PRECISIONS],
    description:
      "TensorRT precision (target `tensorrt`): `fp32`, or `fp16`/`bf16` for lower-precision layers with the model's " +
      "inputs and outputs unchanged (through each release's autocast: `enable_autocast`, `autocast_low_precision_type`).",
  },
  {
    name: "min-block-size",
    use: "build",
    kind: "integer",
    range: [1, 1_000_000],
    description:
      "Fewest convertible ops in a row that become a TensorRT engine (target `tensorrt`). Empty: the release's default, 5.",
  },
  {
    name: "torch-executed-ops",
    use: "build",
    kind: "multiline",
    description:
      "Ops kept out of TensorRT (target `tensorrt`), as ATen overloads separated by commas or lines, e.g. " +
      "`aten.cos.default`; they go to the CUDA delegate.",
  },
  {
    name: "require-full-compilation",
    use: "build",
    kind: "boolean",
    description:
      "Fail unless TensorRT takes every op (target `tensorrt`). Empty: false. Cannot be combined with " +
      "`torch-executed-ops` or `fallback-data-dependent-ops`.",
  },
  {
    name: "optimization-level",
    use: "build",
    kind: "integer",
    range: [0, 5],
    description:
      "TensorRT builder optimization level 0-5 (target `tensorrt`): higher builds longer for possibly faster engines. Empty: TensorRT's default, 3.",
  },
  {
    name: "workspace-size",
    use: "build",
    kind: "string",
    description:
      "TensorRT builder workspace (target `tensorrt`), in bytes or with a unit: `1073741824`, `512MiB`, `2GiB`. Empty: TensorRT's default.",
  },
  {
    name: "hardware-compatible",
    use: "build",
    kind: "boolean",
    description:
      "Build engines that run on every GPU architecture from Ampere on, not only the runner's (target `tensorrt`). Empty: false.",
  },
  {
    name: "truncate-double",
    use: "build",
    kind: "boolean",
    description:
      "Run float64 parts of the model in float32 inside TensorRT (target `tensorrt`). Empty: false.",
  },
  {
    name: "fallback-data-dependent-ops",
    use: "build",
    kind: "boolean",
    description:
      "Keep ops with data-dependent output shapes (e.g. `nonzero`) out of TensorRT, which ExecuTorch needs " +
      "(target `tensorrt`; torch_tensorrt 2.13 or newer). Empty: true on 2.13 and newer unless " +
      "`require-full-compilation` is true; on 2.12 such an engine fails at save, naming the ops to list in " +
      "`torch-executed-ops`.",
  },
  {
    name: "tolerance",
    use: "build",
    kind: "string",
    description:
      "Largest max relative error (max |difference| / max |eager output|) against eager PyTorch before the run fails. " +
      `Empty: ${tolerance("xnnpack", "fp32")} for \`portable\`/\`xnnpack\`; for \`tensorrt\`/\`cuda\` ${tolerance("tensorrt", "fp32")} at fp32 ` +
      `(TensorRT runs fp32 layers in TF32), ${tolerance("tensorrt", "fp16")} at fp16, ${tolerance("tensorrt", "bf16")} at bf16. ` +
      "`none`: report only.",
  },
  {
    name: "runner",
    use: "call",
    kind: "string",
    description:
      "A runner binary that runs the `.pte` before it is published, for `tensorrt`/`cuda`: an ExecuTorch `executor_runner` " +
      "built with the CUDA and TensorRT backends (it takes `--model_path`, `--data_path`, `--inputs`, `--output_file`). " +
      "Empty: the `torch-tensorrt-executorch-runtime` wheel when installed, else torch_tensorrt's `example_executorch_runner` " +
      "(no `.ptd`, float32 inputs only), else the compiled module is checked and the report says the `.pte` itself did " +
      "not run and why.",
  },
  {
    name: "benchmark-seconds",
    use: "build",
    kind: "integer",
    default: "10",
    range: [0, 3600],
    description:
      "Time budget of the latency benchmark against eager PyTorch, in paired rounds (at `opt`, or at `min`/`opt`/`max` " +
      "for dynamic inputs; the base branch's `.pte` too when it can be had). " +
      "`0` turns timing off.",
  },
  {
    name: "fail-on-nondeterminism",
    use: "build",
    kind: "boolean",
    default: "false",
    description:
      "Fail the run when the `.pte` gives different outputs for the same input across runs; otherwise that is a warning.",
  },
  {
    name: "retention-days",
    use: "publish",
    kind: "integer",
    range: [1, 90],
    description: "Days GitHub keeps the artifact (1-90). Empty uses the repository's setting.",
    actionOnly: "GitHub keeps an artifact that long; the CLI copies it into --artifact-dir, where it stays",
  },
  {
    name: "cache",
    use: "build",
    kind: "boolean",
    default: "true",
    description:
      "Reuse earlier work: skip the export when a `.pte` was already built from the same files, settings and versions, " +
      "and keep TensorRT's timing cache (and the engine cache when `engine-cache` is on). `false` turns every layer off.",
  },
  {
    name: "cache-dir",
    use: "call",
    kind: "string",
    description:
      "A persistent folder on a self-hosted runner to keep the caches in, instead of GitHub's cache service: no upload " +
      "or download, so GB-size engines restore at disk speed. Entries are scoped like GitHub's cache (repository and ref; " +
      "a job reads its own, its base branch's and the default branch's), checked by sha256, written atomically and " +
      "evicted least recently used.",
  },
  {
    name: "cache-dir-max-size",
    use: "call",
    kind: "string",
    default: "20GiB",
    description:
      "Size bound of `cache-dir` (e.g. `500MiB`, `20GiB`); the least recently used entries are evicted beyond it.",
  },
  {
    name: "hash-files",
    use: "build",
    kind: "multiline",
    default: DEFAULT_HASH_FILES.join("\n"),
    description:
      "Globs (relative to the workspace, one per line, `!` to exclude) of the files whose content determines the model. " +
      "Default: Python sources and common weight files; `.git`, `node_modules` and virtual environments are skipped.",
  },
  {
    name: "engine-cache",
    use: "build",
    kind: "boolean",
    default: "false",
    description:
      "Persist Torch-TensorRT's engine cache between runs (target `tensorrt`). Engines are then built refittable " +
      "(`immutable_weights=False`), which the engine cache requires.",
  },
  {
    name: "engine-cache-max-size",
    use: "build",
    kind: "string",
    default: "5GiB",
    description: "Size bound of the engine cache, passed to Torch-TensorRT and checked before saving it.",
  },
  {
    name: "env-passthrough",
    use: "build",
    kind: "multiline",
    description:
      "More environment variables for the model's process, by name or `*` glob (commas or lines), e.g. `WANDB_*`. " +
      "The driver gets only an allowlist (PATH, HOME, locale, proxies, CUDA/NVIDIA, LD_LIBRARY_PATH, PYTHON*, TORCH*, " +
      "TensorRT, HF_*, ...); a credential-shaped name (`*_TOKEN`, `*_KEY`, `*_SECRET`, `*_PASSWORD`, `*_CREDENTIALS`) " +
      "or a proxy URL with a password only when named here exactly (e.g. `HF_TOKEN`); never the inputs, the token, " +
      "`ACTIONS_*` or the runner's command files (docs/security.md).",
  },
  {
    name: "compare",
    use: "build",
    kind: "boolean",
    default: "true",
    description:
      "Compare the build with its base branch's newest build (a pull request) or its branch's previous one (a push), in the " +
      "summary and comment, and record a push build's report as its branch's baseline. Independent of `cache`; `false` turns it off.",
  },
  {
    name: "max-size-increase",
    use: "build",
    kind: "string",
    description:
      "Fail when the `.pte` and its `.ptd` files together grew by more than this against the baseline: `10%` or `5MiB`. " +
      "Empty: no gate. Checked on cache hits too, after the files are published.",
  },
  {
    name: "max-latency-increase",
    use: "build",
    kind: "string",
    description:
      "Fail when the built program's median latency at any benchmarked shape grew by more than this with 95% confidence " +
      "(the change's interval is above it): `15%` or `2ms`; an interval that straddles it is a warning, never a pass. " +
      "Empty: no gate. See docs/comparing.md.",
  },
  {
    name: "max-tensorrt-nodes-lost",
    use: "build",
    kind: "string",
    description:
      "Fail when more graph nodes than this left TensorRT (target `tensorrt`): a count like `0` or `3`, or `10%`. Empty: no gate.",
  },
  {
    name: "max-error-increase",
    use: "build",
    kind: "string",
    description:
      "Fail when the accuracy check's max relative error grew by more than this: `50%`, or an absolute amount like `1e-4`. " +
      "Empty: no gate.",
  },
  {
    name: "upload",
    use: "publish",
    kind: "boolean",
    default: "true",
    description:
      "Upload the `.pte`, each `.ptd` it needs and `report.json` as artifacts of one file each, unzipped: " +
      "`<artifact-name>.pte`, `<artifact-name>--<data file>.ptd`, `<artifact-name>.report.json`.",
  },
  {
    name: "comment",
    use: "publish",
    kind: "boolean",
    default: "false",
    description:
      "On a pull request, keep one comment per model and target (with `config`, one for the call) with the download link, updated in place on each push " +
      "(needs `pull-requests: write`). On a fork's pull request the token is read-only: the summary says so instead; " +
      "see docs/action.md “Comments on fork pull requests”.",
    actionOnly: "the CLI has no pull request to comment on; it prints the summary and writes summary.md",
  },
  {
    name: "github-token",
    use: "publish",
    kind: "string",
    default: "${{ github.token }}",
    description: "Token for the pull-request comment. Never printed.",
    actionOnly: "it is the token of the pull-request comment, which only the action writes",
  },
];

export interface OutputDefinition {
  readonly name: string;
  readonly description: string;
}

export const OUTPUTS: readonly OutputDefinition[] = [
  { name: "pte", description: "Absolute path of the written `.pte`." },
  {
    name: "ptd",
    description: "Absolute paths of the `.ptd` files the `.pte` needs, one per line (empty when none).",
  },
  { name: "report", description: "Absolute path of `report.json`." },
  { name: "artifact-id", description: "ID of the `.pte`'s artifact (empty when `upload` is false)." },
  {
    name: "artifact-url",
    description: "Link that downloads the `.pte` itself, for signed-in users (empty when `upload` is false).",
  },
  {
    name: "artifact-files",
    description:
      'Every artifact this build uploaded, as JSON: `[{"name","file","id","url","digest"}]`, the `.pte` last; `name` is ' +
      "the file's name once downloaded, `file` its name in the output folder (`[]` when `upload` is false).",
  },
  { name: "digest", description: "sha256 of the `.pte`, as `sha256:<hex>`." },
  {
    name: "cache-hit",
    description: "`true` when the `.pte` came from the cache and no export ran, else `false`.",
  },
  {
    name: "pte-ran",
    description:
      "`true` when the `.pte` itself ran (with its `.ptd` files) before it was published; `false` when only the compiled " +
      "module could be checked. On a cache hit: what the run that built it measured.",
  },
  {
    name: "speedup",
    description:
      "Eager / built latency at `opt` over paired rounds (e.g. `4.6`; report.json has its 95% interval); empty when " +
      "timing was off or nothing in process ran it.",
  },
  {
    name: "gates",
    description:
      'The regression gates\' verdicts as JSON: `[{"gate","input","limit","state":"pass|fail|skipped","detail"}]` ' +
      "(`[]` when no gate is set).",
  },
  {
    name: "artifact-digest",
    description:
      "sha256 of the `.pte`'s artifact as the artifact service recorded it: the `.pte`'s own sha256, as it is uploaded " +
      "unzipped (empty when not uploaded).",
  },
  {
    name: "builds",
    description:
      'One entry per model, as JSON: `[{"name","target","outcome":"success|failure","artifact-name","artifact-id",' +
      '"artifact-url","digest","speedup","cache-hit"}]` (the artifact id and url are the `.pte`\'s). With `config` every ' +
      "model of the call; with `model` the one. " +
      "With `config`, the other outputs are set only when the call builds exactly one model.",
  },
];

/** The inputs a `trt-pte.yml` may set (its `defaults:` and each model's entry). */
export const BUILD_INPUTS: readonly InputDefinition[] = INPUTS.filter((i) => i.use === "build");

export function inputDefinition(name: string): InputDefinition {
  const found = INPUTS.find((i) => i.name === name);
  if (found === undefined) throw new Error(`no input named '${name}'`);
  return found;
}
