// Names derived from the model spec: the model's short name, the default artifact name and the
// folder a model's files are written to. One function each so the action, the CLI and the tests
// agree on them (`<model>-<target>[-<gpu name>]`, sanitised; the sticky comment's key is the same string).

import { createHash } from "node:crypto";
import path from "node:path";

/**
 * The model's short name: the file stem (or last module component) and the factory, e.g.
 * `models/detector/model.py:build` → `model-build`. Both parts are kept so two factories of one
 * file never share an artifact or output folder.
 */
export function modelName(spec: string): string {
  const colon = spec.lastIndexOf(":");
  const where = colon > 0 ? spec.slice(0, colon) : spec;
  const factory = colon > 0 ? spec.slice(colon + 1) : "";
  const base =
    where.endsWith(".py") || where.includes("/")
      ? path.basename(where, ".py")
      : (where.split(".").pop() ?? where);
  return sanitizeName(factory === "" ? base : `${base}-${factory}`);
}

// GitHub refuses artifact names with " : < > | * ? \r \n \ /; we keep a stricter set that is also a
// safe folder name and a readable comment key.
const UNSAFE = /[^A-Za-z0-9._-]+/g;
const MAX_NAME = 200;

export function sanitizeName(name: string): string {
  const cleaned = name
    .replace(UNSAFE, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
  return (cleaned === "" ? "model" : cleaned).slice(0, MAX_NAME);
}

/** `<model>-<target>[-<gpu name>]`, sanitised, from the model's short name. */
export function artifactNameFor(name: string, target: string, gpuName?: string): string {
  return sanitizeName([name, target, gpuName].filter((p) => p !== undefined && p !== "").join("-"));
}

/** `<model>-<target>[-<gpu name>]`, sanitised, from the model spec. */
export function defaultArtifactName(spec: string, target: string, gpuName?: string): string {
  return artifactNameFor(modelName(spec), target, gpuName);
}

/**
 * A `name` a trt-pte.yml gives a model: it becomes part of artifact names, folders, comment keys and
 * job names as written, so it must already be safe (the same rule as the reusable workflow's GPU names).
 */
export const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * The sticky comment's key of a call that builds a trt-pte.yml: the file, the `only` list and the
 * GPU, so two calls of one job (another file, another subset, another GPU) keep comments of their own.
 */
export function configCommentKey(configPath: string, only: readonly string[], gpuName: string): string {
  const subset =
    only.length === 0
      ? ""
      : `-only-${createHash("sha256")
          .update([...only].sort().join("\n"))
          .digest("hex")
          .slice(0, 12)}`;
  return sanitizeName(["config", configPath, gpuName].filter((p) => p !== "").join("-") + subset);
}

// One build's artifacts, one file each, uploaded as they are (no zip): GitHub names such an
// artifact by its file, so the names are the files' names once downloaded. Artifact names never
// hold `--` (sanitizeName collapses it), so `<artifact>--` starts only this build's .ptd files and
// names of two builds never meet; the .ptd's own name (ExecuTorch's, e.g. `aoti_cuda_blob`, the
// same for every CUDA build) follows it.

/** `<artifact>.pte`: the program. */
export function pteArtifactName(artifact: string): string {
  return `${artifact}.pte`;
}

/** `<artifact>--<data file>.ptd`: a .ptd the program loads, named after the build it belongs to. */
export function ptdArtifactName(artifact: string, ptdFile: string): string {
  return `${ptdArtifactPrefix(artifact)}${sanitizeName(path.basename(ptdFile).replace(/\.ptd$/i, ""))}.ptd`;
}

/** What every .ptd artifact of the build `artifact` starts with, and no other file. */
export function ptdArtifactPrefix(artifact: string): string {
  return `${artifact}--`;
}

const REPORT_SUFFIX = ".report.json";

/** `<artifact>.report.json`: the build's report.json. */
export function reportArtifactName(artifact: string): string {
  return `${artifact}${REPORT_SUFFIX}`;
}

/** The build (artifact name) whose report an artifact is, or null for any other artifact. */
export function buildOfReportArtifact(name: string): string | null {
  if (!name.endsWith(REPORT_SUFFIX)) return null;
  const build = name.slice(0, -REPORT_SUFFIX.length);
  return build !== "" && sanitizeName(build) === build ? build : null;
}
