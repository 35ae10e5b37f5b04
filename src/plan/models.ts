// What the plan step decides: the call's inputs as the reusable workflow passes them
// (`toJSON(inputs)`) read through the action's own settings, and the names of the models to build.

import os from "node:os";
import type { RawLookup } from "../settings/settings.js";
import { readCallMode, readModelList } from "../settings/model-list.js";
import { SettingsError } from "../errors.js";

/** Strings as they are, booleans and numbers as their text, anything else (or absent) as "". */
export function workflowLookup(workflowInputs: string): RawLookup {
  let inputs: unknown;
  try {
    inputs = JSON.parse(workflowInputs);
  } catch {
    inputs = null;
  }
  if (typeof inputs !== "object" || inputs === null || Array.isArray(inputs)) {
    throw new Error("workflow-inputs is not a JSON object: pass the call's inputs as ${{ toJSON(inputs) }}");
  }
  const values = inputs as Record<string, unknown>;
  return (name) => {
    const value = values[name];
    return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
      ? String(value)
      : "";
  };
}

/** The trt-pte.yml's models the call builds (all of them, or those `only` names), checked as the action checks them. */
export async function planModelNames(
  get: RawLookup,
  workspace: string,
): Promise<{ file: string; names: string[] }> {
  const mode = readCallMode(get);
  if (mode.kind !== "config") {
    throw new SettingsError("config", "is empty", "the plan step reads a trt-pte.yml: set config");
  }
  const { models } = await readModelList(mode, get, { workspace, allowedRoots: [os.tmpdir()] });
  return { file: mode.file, names: models.map((m) => m.name) };
}
