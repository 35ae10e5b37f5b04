// Stage 1: is this machine able to build the requested target? Python and its packages (read with
// importlib.metadata, no torch import), and the GPU (src/gpu/detect.ts: nvidia-smi, a Jetson's
// device tree, else CUDA itself through torch). A target that cannot run here fails now, naming
// everything that is missing; it never falls back to another target.

import type { Settings } from "./settings/settings.js";
import { targetSpec, type Target } from "./settings/targets.js";
import type { Log } from "./platform/platform.js";
import type { EditableInstall, VersionsReport } from "./protocol.js";
import { PROTOCOL_VERSION } from "./protocol.js";
import { TrtPteError } from "./errors.js";
import { runDriver } from "./python-driver.js";
import { detectGpus, type TorchAnswer } from "./gpu/detect.js";
import type { Gpu } from "./gpu/gpu.js";

export type { Gpu } from "./gpu/gpu.js";

export interface Preflight {
  python: { executable: string; version: string };
  packages: Record<string, string | null>;
  /** Every distribution installed in the interpreter's environment (normalised name → version). */
  distributions: Record<string, string>;
  /** Editable installs, whose sources the cache key hashes (their versions do not move). */
  editable: EditableInstall[];
  /**
   * The GPUs the export process sees, in CUDA's order (CUDA_VISIBLE_DEVICES applied): `gpus[0]` is
   * `cuda:0`, where the engines are built. Empty when there is none.
   */
  gpus: Gpu[];
  /** Why each GPU source found nothing (nvidia-smi missing, not a Jetson, a CPU build of torch...). */
  gpuNotes?: string[];
}

export async function readVersions(
  python: string,
  cwd: string,
  passthrough: readonly string[] = [],
): Promise<VersionsReport> {
  const lines: string[] = [];
  const run = await runDriver(python, ["versions"], { cwd, onLine: (l) => lines.push(l), passthrough });
  const json = lines.find((l) => l.startsWith("{"));
  if (run.exitCode !== 0 || json === undefined) {
    throw new TrtPteError(
      "missing_dependency",
      `'${python}' could not run the trt-pte driver: ${run.tail.slice(-5).join(" | ") || `exit code ${run.exitCode}`}`,
      "set `python` (the CLI's `--python`) to a Python 3.10+ interpreter",
    );
  }
  const report = JSON.parse(json) as VersionsReport;
  if (report.protocol !== PROTOCOL_VERSION) {
    throw new TrtPteError(
      "internal",
      `driver protocol ${report.protocol} is not ${PROTOCOL_VERSION}`,
      "reinstall trt-pte",
    );
  }
  return report;
}

/**
 * The GPU stack to install, named in hints: the newest of trt-pte's requirements/ files
 * (test/python/test_gpu_requirements.py checks it is there and the newest).
 */
export const GPU_REQUIREMENTS = "requirements/torch-tensorrt-2.14-cu130.txt";

/** How to point trt-pte at another interpreter, in the action and in the CLI. */
const PYTHON_HINT =
  "or point trt-pte at a Python that has them (the action's `python` input, the CLI's `--python`)";

/** What the target lacks on this machine (its row in the target table), in words; empty when it can run. */
export function missingFor(target: Target, pre: Preflight): string[] {
  const { gpu, packages } = targetSpec(target);
  const missing: string[] = [];
  if (gpu && pre.gpus.length === 0) {
    const why =
      pre.gpuNotes !== undefined && pre.gpuNotes.length > 0 ? pre.gpuNotes.join("; ") : "none found";
    missing.push(`an NVIDIA GPU (${why})`);
  }
  for (const pkg of Object.keys(packages)) {
    if (!pre.packages[pkg]) missing.push(`${pkg} (not installed in ${pre.python.executable})`);
  }
  return missing;
}

export function checkTarget(target: Target, pre: Preflight): void {
  const missing = missingFor(target, pre);
  if (missing.length === 0) return;
  const onlyGpu = missing.length === 1 && missing[0]?.startsWith("an NVIDIA GPU") === true;
  const gpuTarget = targetSpec(target).gpu;
  throw new TrtPteError(
    onlyGpu ? "gpu_missing" : "missing_dependency",
    `target '${target}' cannot run here: it needs ${missing.join(", ")}`,
    onlyGpu
      ? "run it on a GPU runner (docs/runners.md), or choose target xnnpack/portable"
      : gpuTarget
        ? `install the GPU stack into ${pre.python.executable} (pip install -r ${GPU_REQUIREMENTS}, a file of trt-pte's repository), ${PYTHON_HINT}`
        : `install torch and executorch into ${pre.python.executable} (docs/versions.md has a tested pair), ${PYTHON_HINT}`,
  );
}

/** `cuda:0` as torch sees it, in the user's Python (the driver's `gpu` command): the last resort. */
export async function probeTorchGpu(
  python: string,
  cwd: string,
  passthrough: readonly string[] = [],
): Promise<TorchAnswer> {
  const lines: string[] = [];
  const run = await runDriver(python, ["gpu"], { cwd, onLine: (l) => lines.push(l), passthrough });
  const json = lines.find((l) => l.startsWith("{"));
  if (run.exitCode !== 0 || json === undefined) {
    return {
      gpu: null,
      problem: `torch could not be asked: ${run.tail.slice(-3).join(" | ") || `exit code ${run.exitCode}`}`,
    };
  }
  const answer = JSON.parse(json) as {
    gpu: { name: string; compute_capability: string; driver_version: string } | null;
    problem: string | null;
  };
  if (answer.gpu === null) return { gpu: null, problem: answer.problem ?? "torch sees no GPU" };
  return {
    gpu: {
      name: answer.gpu.name,
      computeCapability: answer.gpu.compute_capability,
      driverVersion: answer.gpu.driver_version,
      source: "torch",
    },
    problem: null,
  };
}

/** One log line per GPU: what it is, where its facts came from, and which one builds. */
export function describeGpus(gpus: readonly Gpu[]): string {
  if (gpus.length === 0) return "GPU: none";
  return gpus
    .map((g, i) => {
      const facts = [`sm ${g.computeCapability || "?"}`];
      if (g.driverVersion !== "") facts.push(`driver ${g.driverVersion}`);
      if (g.l4t !== undefined) facts.push(`L4T ${g.l4t}`);
      const role = gpus.length > 1 ? (i === 0 ? ", builds here (cuda:0)" : `, cuda:${i}`) : "";
      return `GPU: ${g.name} (${facts.join(", ")}; from ${g.source ?? "nvidia-smi"}${role})`;
    })
    .join("\n");
}

export async function preflight(settings: Settings, log: Log): Promise<Preflight> {
  const needsGpu = targetSpec(settings.target).gpu;
  const [report, detection] = await Promise.all([
    readVersions(settings.python, settings.workspace, settings.envPassthrough),
    detectGpus({
      env: process.env,
      // Only a GPU target pays for importing torch, and only when the files could not tell.
      probeTorch: needsGpu
        ? () => probeTorchGpu(settings.python, settings.workspace, settings.envPassthrough)
        : undefined,
    }),
  ]);
  const { python: pythonVersion, ...packages } = report.versions;
  const result: Preflight = {
    python: { executable: report.executable, version: pythonVersion ?? "unknown" },
    packages,
    distributions: report.distributions,
    editable: report.editable,
    gpus: detection.gpus,
    gpuNotes: detection.notes,
  };
  log.info(`python ${result.python.version} (${result.python.executable})`);
  log.info(
    Object.entries(packages)
      .map(([k, v]) => `${k} ${v ?? "-"}`)
      .join(", "),
  );
  log.info(describeGpus(detection.gpus));
  checkTarget(settings.target, result);
  return result;
}
