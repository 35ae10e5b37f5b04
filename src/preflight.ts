// Stage 1: is this machine able to build the requested target? Python and its packages (read with
// importlib.metadata, no torch import), and the GPU (nvidia-smi). A target that cannot run here
// fails now, naming everything that is missing; it never falls back to another target.

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Settings } from "./settings/settings.js";
import { targetSpec, type Target } from "./settings/targets.js";
import type { Log } from "./platform/platform.js";
import type { EditableInstall, VersionsReport } from "./protocol.js";
import { PROTOCOL_VERSION } from "./protocol.js";
import { TrtPteError } from "./errors.js";
import { runDriver } from "./python-driver.js";

const execFileAsync = promisify(execFile);

export interface Gpu {
  name: string;
  computeCapability: string;
  driverVersion: string;
}

export interface Preflight {
  python: { executable: string; version: string };
  packages: Record<string, string | null>;
  /** Every distribution installed in the interpreter's environment (normalised name → version). */
  distributions: Record<string, string>;
  /** Editable installs, whose sources the cache key hashes (their versions do not move). */
  editable: EditableInstall[];
  /** Every GPU nvidia-smi lists; empty when there is none or no driver. */
  gpus: Gpu[];
}

/** Parses `nvidia-smi --query-gpu=name,compute_cap,driver_version --format=csv,noheader`. */
export function parseNvidiaSmi(stdout: string): Gpu[] {
  return stdout
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .map((line) => {
      const [name = "", computeCapability = "", driverVersion = ""] = line.split(",").map((p) => p.trim());
      return { name, computeCapability, driverVersion };
    });
}

export async function detectGpus(nvidiaSmi = "nvidia-smi"): Promise<Gpu[]> {
  try {
    const { stdout } = await execFileAsync(
      nvidiaSmi,
      ["--query-gpu=name,compute_cap,driver_version", "--format=csv,noheader"],
      {
        timeout: 20_000,
      },
    );
    return parseNvidiaSmi(stdout);
  } catch {
    return []; // no nvidia-smi, or no driver loaded: no usable GPU either way
  }
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
      "set `python` to a Python 3.10+ interpreter",
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

/** What the target lacks on this machine (its row in the target table), in words; empty when it can run. */
export function missingFor(target: Target, pre: Preflight): string[] {
  const { gpu, packages } = targetSpec(target);
  const missing: string[] = [];
  if (gpu && pre.gpus.length === 0) missing.push("an NVIDIA GPU (nvidia-smi found none)");
  for (const pkg of Object.keys(packages)) {
    if (!pre.packages[pkg]) missing.push(`${pkg} (not installed in ${pre.python.executable})`);
  }
  return missing;
}

export function checkTarget(target: Target, pre: Preflight): void {
  const missing = missingFor(target, pre);
  if (missing.length === 0) return;
  const onlyGpu = missing.length === 1 && missing[0]?.startsWith("an NVIDIA GPU") === true;
  throw new TrtPteError(
    onlyGpu ? "gpu_missing" : "missing_dependency",
    `target '${target}' cannot run here: it needs ${missing.join(", ")}`,
    targetSpec(target).gpu
      ? "run it on a self-hosted GPU runner with those packages (docs/runners.md), or choose target xnnpack/portable"
      : "install the pinned stack: pip install -r requirements.txt",
  );
}

export async function preflight(settings: Settings, log: Log): Promise<Preflight> {
  const [report, gpus] = await Promise.all([
    readVersions(settings.python, settings.workspace, settings.envPassthrough),
    detectGpus(),
  ]);
  const { python: pythonVersion, ...packages } = report.versions;
  const result: Preflight = {
    python: { executable: report.executable, version: pythonVersion ?? "unknown" },
    packages,
    distributions: report.distributions,
    editable: report.editable,
    gpus,
  };
  log.info(`python ${result.python.version} (${result.python.executable})`);
  log.info(
    Object.entries(packages)
      .map(([k, v]) => `${k} ${v ?? "-"}`)
      .join(", "),
  );
  log.info(
    gpus.length === 0
      ? "GPU: none"
      : gpus.map((g) => `GPU: ${g.name} (sm ${g.computeCapability}, driver ${g.driverVersion})`).join("\n"),
  );
  checkTarget(settings.target, result);
  return result;
}
