// Cache keys. The output key hashes everything that determines the .pte and nothing else
// (publishing settings stay out), so a hit is always safe and a changed model always rebuilds.
// test/cache-key.test.ts changes each action input in turn and checks the key moves iff it should.

import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { ExportRequest } from "../protocol.js";
import type { Gpu } from "../preflight.js";
import { sanitizeName } from "../settings/names.js";
import { targetSpec, type Target } from "../settings/targets.js";
import { manifestDigest, sha256File } from "../util/hash.js";
import { BOOTSTRAP } from "../python-driver.js";
import { driverMajor } from "../gpu/gpu.js";

// 2: the entry lies at one staging path whatever output-dir is (layers.ts OUTPUT_STAGE_DIR), and the
// material covers the model file, every distribution and editable installs' sources.
export const KEY_SCHEMA = 2;
const PREFIX = "trt-pte";

export interface KeyMaterial {
  schema: typeof KEY_SCHEMA;
  /** sha256 of the Python driver's own sources: a changed driver may write a different .pte. */
  driver: string;
  /**
   * The export request without where it writes, what it tolerates (re-checked on a hit) and the
   * base build it times beside (a measurement, not part of what is built).
   */
  request: Omit<ExportRequest, "output_dir" | "workspace" | "tolerance" | "caches" | "base_build">;
  versions: Record<string, string | null>;
  /** Every distribution in the interpreter's environment but the installers (key-inputs.ts). */
  distributions: Record<string, string>;
  /** sha256 of each editable install's Python sources: their versions do not move with their code. */
  editable: Record<string, string | null>;
  /** sha256 of the model file itself, wherever it is (the CLI takes one outside the workspace). */
  model_file: string | null;
  /**
   * Only for GPU targets: an engine is specific to the GPU and driver it was built on; on a Jetson
   * the L4T release fixes driver, CUDA and TensorRT together (and nvidia-smi may not say the driver).
   */
  gpu: { name: string; compute_capability: string; driver_major: string; l4t?: string } | null;
  files: string;
  /** The engine cache changes how engines are built (refittable weights), hence the output. */
  engine_cache: boolean;
}

/** JSON with object keys sorted at every level, so equal material always hashes equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/** The GPU the engines are built on (`gpus[0]`: CUDA's first, preflight.ts) as the key sees it. */
export function gpuForKey(target: Target, gpus: readonly Gpu[]): KeyMaterial["gpu"] {
  if (!targetSpec(target).gpu) return null;
  const gpu = gpus[0];
  if (gpu === undefined) return null;
  const material: NonNullable<KeyMaterial["gpu"]> = {
    name: gpu.name,
    compute_capability: gpu.computeCapability,
    driver_major: driverMajor(gpu.driverVersion),
  };
  if (gpu.l4t !== undefined) material.l4t = gpu.l4t;
  return material;
}

export function outputKey(material: KeyMaterial): string {
  const name = sanitizeName(material.request.output_name).slice(0, 80);
  return `${PREFIX}-out-v${KEY_SCHEMA}-${material.request.target}-${name}-${sha256(canonicalJson(material)).slice(0, 40)}`;
}

function gpuLabel(gpu: Gpu | undefined): string {
  return gpu === undefined ? "nogpu" : sanitizeName(`${gpu.name}-sm${gpu.computeCapability}`);
}

/**
 * TensorRT's timing cache is specific to the GPU and the TensorRT version. The key ends in the
 * content hash so a changed cache saves under a new key, and the prefix restores the newest.
 */
export function timingCachePrefix(gpu: Gpu | undefined, tensorrt: string | null): string {
  return `${PREFIX}-timing-v${KEY_SCHEMA}-${gpuLabel(gpu)}-trt${tensorrt ?? "none"}-`;
}

/** Engines also depend on torch_tensorrt's version (its converters write them). */
export function engineCachePrefix(
  gpu: Gpu | undefined,
  tensorrt: string | null,
  torchTensorrt: string | null,
): string {
  return `${PREFIX}-engine-v${KEY_SCHEMA}-${gpuLabel(gpu)}-trt${tensorrt ?? "none"}-tt${torchTensorrt ?? "none"}-`;
}

/**
 * sha256 over a folder's files (relative path + content), for "did this cache change?" and for the
 * driver's own code; `include` picks files by name. Null when the folder is missing or holds none.
 */
export async function folderDigest(
  dir: string,
  include: (name: string) => boolean = () => true,
): Promise<string | null> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return null;
  }
  const files = entries
    .filter((e) => e.isFile() && include(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  if (files.length === 0) return null;
  const hashed: [string, string][] = [];
  for (const file of files) hashed.push([path.relative(dir, file), await sha256File(file)]);
  return manifestDigest(hashed);
}

/**
 * sha256 of everything of the driver that runs: the trt_pte package's .py files and its data (the
 * target table, targets/table.json), and the start script beside it that puts the package first on
 * sys.path (src/python-driver.ts BOOTSTRAP).
 */
export async function driverDigest(driverRoot: string): Promise<string> {
  const pkg = path.join(driverRoot, "trt_pte");
  const digest = await folderDigest(pkg, (name) => name.endsWith(".py") || name.endsWith(".json"));
  if (digest === null) throw new Error(`no Python files in ${pkg}: the action's checkout is incomplete`);
  const bootstrap = path.join(driverRoot, BOOTSTRAP);
  let bootstrapDigest: string;
  try {
    bootstrapDigest = await sha256File(bootstrap);
  } catch {
    throw new Error(`${bootstrap} is missing: the action's checkout is incomplete`);
  }
  return manifestDigest([
    ["trt_pte", digest],
    [BOOTSTRAP, bootstrapDigest],
  ]);
}
