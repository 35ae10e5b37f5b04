// The collapsed "Use it" section of the summary and the comments: the exact commands for one build,
// `trt-pte fetch` to download it with every digest checked, and loading its .pte with its .ptd files
// in the runtime its target runs on (docs/downloads.md says why each looks the way it does). Every
// name goes through the format helpers: a shell word, a string literal, inside a fenced block.

import type { InputSpec } from "../settings/input-spec.js";
import type { Report } from "../report/report.js";
import { isTarget, targetSpec } from "../settings/targets.js";
import { codeBlock, shellWord, stringLiteral } from "../util/format.js";
import type { Downloads } from "./render.js";

/** How `trt-pte fetch` finds this build: its pull request (the newest build) or its run. */
export type FetchSource = { pr: number } | { run: string };

export interface UseIt {
  /** `owner/name` and how to find the build; null when it was not uploaded to GitHub. */
  fetch: { repository: string; by: FetchSource; build: string } | null;
  target: string;
  /** The files' names where the user will have them (the artifact names once downloaded). */
  pte: string;
  ptd: readonly string[];
  /** ExecuTorch's version the build was made with, e.g. `1.4.1`. */
  executorch: string | null;
  inputs: readonly InputSpec[];
}

const TORCH_DTYPES: Record<string, string> = {
  float32: "torch.float32",
  float16: "torch.float16",
  bfloat16: "torch.bfloat16",
  float64: "torch.float64",
  int64: "torch.int64",
  int32: "torch.int32",
  int16: "torch.int16",
  int8: "torch.int8",
  uint8: "torch.uint8",
  bool: "torch.bool",
};

const SCALAR_TYPES: Record<string, string> = {
  float32: "Float",
  float16: "Half",
  bfloat16: "BFloat16",
  float64: "Double",
  int64: "Long",
  int32: "Int",
  int16: "Short",
  int8: "Char",
  uint8: "Byte",
  bool: "Bool",
};

/** What the C++ program is built against, per target. */
const LINK: Record<string, string> = {
  tensorrt:
    "// ExecuTorch built with its CUDA backend, linked with Torch-TensorRT's delegate (libexecutorch_trt_backend).",
  cuda: "// ExecuTorch built with its CUDA backend (EXECUTORCH_BUILD_CUDA).",
  xnnpack: "// ExecuTorch built with its XNNPACK backend (EXECUTORCH_BUILD_XNNPACK).",
  portable: "// ExecuTorch with its portable kernels.",
};

/** The shape the build was exported for (each dimension's opt), as numbers. */
function shape(spec: InputSpec): number[] {
  return spec.dims.map((d) => d.opt);
}

function pythonTensor(spec: InputSpec): string {
  const dims = shape(spec);
  const tuple = dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(", ")})`;
  const dtype = TORCH_DTYPES[spec.dtype] ?? "torch.float32";
  return spec.dtype.startsWith("float") || spec.dtype === "bfloat16"
    ? `torch.rand(${tuple}${dtype === "torch.float32" ? "" : `, dtype=${dtype}`})`
    : `torch.zeros(${tuple}, dtype=${dtype})`;
}

/** Positional inputs in order, then keyword ones: ExecuTorch takes one flat list in forward()'s order. */
function ordered(inputs: readonly InputSpec[]): InputSpec[] {
  return [...inputs.filter((i) => i.name === null), ...inputs.filter((i) => i.name !== null)];
}

function pythonInputs(inputs: readonly InputSpec[]): string {
  if (inputs.length === 0) return "inputs = []  # the model's inputs, in forward()'s order";
  const keyword = inputs.some((i) => i.name !== null) ? "  # keyword inputs last, in forward()'s order" : "";
  return `inputs = [${ordered(inputs).map(pythonTensor).join(", ")}]${keyword}`;
}

function atLeast(version: string | null, major: number, minor: number): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version ?? "");
  return m !== null && (Number(m[1]) > major || (Number(m[1]) === major && Number(m[2]) >= minor));
}

/** ExecuTorch's own Python runtime (CPU targets): one .ptd at most, through the API its release has. */
function executorchPython(use: UseIt): string | null {
  if (use.ptd.length > 1) return null;
  const [ptd] = use.ptd;
  const lines = ["import torch"];
  if (ptd === undefined || atLeast(use.executorch, 1, 5)) {
    // Runtime.load_program takes `data_path` from ExecuTorch 1.5 on.
    const data = ptd === undefined ? "" : `, data_path=${stringLiteral(ptd)}`;
    lines.push(
      "from executorch.runtime import Runtime",
      "",
      pythonInputs(use.inputs),
      `program = Runtime.get().load_program(${stringLiteral(use.pte)}${data})`,
      'outputs = program.load_method("forward").execute(inputs)',
    );
  } else {
    lines.push(
      "from executorch.extension.pybindings.portable_lib import _load_for_executorch",
      "",
      pythonInputs(use.inputs),
      `module = _load_for_executorch(${stringLiteral(use.pte)}, data_path=${stringLiteral(ptd)})`,
      'outputs = module.run_method("forward", tuple(inputs))',
    );
  }
  return lines.join("\n");
}

/**
 * torch-tensorrt-executorch-runtime (target tensorrt): `load()` runs a .pte without data files; with
 * one, the native module activate() returns loads it beside the program (load() would ignore it).
 */
function tensorrtPython(use: UseIt): string | null {
  if (use.ptd.length > 1) return null;
  const [ptd] = use.ptd;
  if (ptd === undefined) {
    return [
      "import torch",
      "from torch_tensorrt_executorch_runtime.runtime import load",
      "",
      pythonInputs(use.inputs),
      `outputs = load(${stringLiteral(use.pte)}).run(inputs)`,
    ].join("\n");
  }
  return [
    "import torch",
    "import torch_tensorrt_executorch_runtime",
    "",
    "# Before anything imports executorch.runtime: it installs the runtime that has TensorRTBackend.",
    "native = torch_tensorrt_executorch_runtime.activate()",
    `program = open(${stringLiteral(use.pte)}, "rb").read()`,
    `data = open(${stringLiteral(ptd)}, "rb").read()`,
    "module = native._load_for_executorch_from_buffer(program, data_map_buffer=data)",
    pythonInputs(use.inputs),
    'outputs = module.run_method("forward", tuple(inputs))',
  ].join("\n");
}

function cppModule(use: UseIt): string {
  const files =
    use.ptd.length === 0
      ? stringLiteral(use.pte)
      : `${stringLiteral(use.pte)}, std::vector<std::string>{${use.ptd.map(stringLiteral).join(", ")}}`;
  const tensors = ordered(use.inputs).map(
    (spec) => `ones({${shape(spec).join(", ")}}, ScalarType::${SCALAR_TYPES[spec.dtype] ?? "Float"})`,
  );
  const link = LINK[use.target] ?? "// ExecuTorch with the backends the .pte names.";
  return [
    link,
    "#include <executorch/extension/module/module.h>",
    "#include <executorch/extension/tensor/tensor.h>",
    "",
    "using namespace executorch::extension;",
    "using executorch::aten::ScalarType;",
    "",
    "int main() {",
    `  Module module(${files});`,
    `  std::vector<executorch::runtime::EValue> inputs = {${tensors.join(", ")}};`,
    "  auto outputs = module.forward(inputs);",
    "  return outputs.ok() ? 0 : 1;",
    "}",
  ].join("\n");
}

function fetchCommand(use: UseIt): string | null {
  if (use.fetch === null) return null;
  const { repository, by, build } = use.fetch;
  const source = "pr" in by ? `--pr ${by.pr}` : `--run ${shellWord(by.run)}`;
  return `trt-pte fetch --repo ${shellWord(repository)} ${source} --model ${shellWord(build)}`;
}

/** The section's markdown: collapsed, so a comment stays short. */
export function renderUseIt(use: UseIt): string {
  const parts: string[] = [];
  const fetch = fetchCommand(use);
  if (fetch !== null) {
    parts.push(
      "Download it into this folder, every file checked against GitHub's digests and the build's report:",
      codeBlock(fetch, "sh"),
    );
  }
  const keep =
    use.ptd.length === 0 ? "" : ` with ${use.ptd.length === 1 ? "its data file" : "its data files"}`;
  if (isTarget(use.target) && targetSpec(use.target).gpu) {
    const python = use.target === "tensorrt" ? tensorrtPython(use) : null;
    if (python !== null) {
      parts.push(
        `Run the \`.pte\`${keep} in the Torch-TensorRT ExecuTorch runtime (Python):`,
        codeBlock(python, "python"),
      );
    }
    parts.push(
      `${python === null ? "Run" : "Or"} the \`.pte\`${keep} from C++ with ExecuTorch's \`Module\`:`,
      codeBlock(cppModule(use), "cpp"),
    );
  } else {
    const python = executorchPython(use);
    parts.push(
      ...(python === null
        ? [`Run the \`.pte\`${keep} from C++ with ExecuTorch's \`Module\`:`, codeBlock(cppModule(use), "cpp")]
        : [`Run the \`.pte\`${keep} in ExecuTorch's Python runtime:`, codeBlock(python, "python")]),
    );
  }
  return `<details><summary>Use it</summary>\n\n${parts.join("\n\n")}\n\n</details>\n`;
}

/** The section's facts for a report: the names the user will have, and how fetch finds the build. */
export function useItOf(
  report: Report,
  downloads: Downloads | null,
  repository: string,
  by: FetchSource | null,
): UseIt {
  return {
    fetch:
      downloads !== null && repository !== "" && by !== null
        ? { repository, by, build: report.artifact_name }
        : null,
    target: report.target,
    pte: downloads?.pte.name ?? report.pte.name,
    ptd: downloads?.ptd.map((p) => p.name) ?? report.ptd.map((p) => p.name),
    executorch: report.versions.executorch ?? null,
    inputs: report.inputs,
  };
}
