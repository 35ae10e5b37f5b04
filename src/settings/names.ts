// Names derived from the model spec: the model's short name, the default artifact name and the
// folder a model's files are written to. One function each so the action, the CLI and the tests
// agree on them (`<model>-<target>[-<gpu name>]`, sanitised; the sticky comment's key is the same string).

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

/** `<model>-<target>[-<gpu name>]`, sanitised. */
export function defaultArtifactName(spec: string, target: string, gpuName?: string): string {
  return sanitizeName(
    [modelName(spec), target, gpuName].filter((p) => p !== undefined && p !== "").join("-"),
  );
}
