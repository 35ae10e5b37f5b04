// The report.json `trt-pte fetch` downloads with a build, read as data: the files it lists with their
// sha256 (what every download is checked against), and what the .pte needs to run. Each field is
// checked before use; a report that does not read is an error naming what is wrong.

import type { NeedsFacts } from "../publish/render-run.js";
import { inputSpecsFromJson, type InputSpec } from "../settings/input-spec.js";
import { TrtPteError } from "../errors.js";

export interface ListedFile {
  name: string;
  sha256: string;
  bytes: number;
}

export interface BuildReport extends NeedsFacts {
  artifactName: string;
  modelName: string;
  model: string;
  gpuName: string;
  pte: ListedFile;
  ptd: ListedFile[];
  inputs: InputSpec[];
}

type Json = Record<string, unknown>;

function object(value: unknown, where: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw bad(`${where} is not an object`);
  return value as Json;
}

function bad(problem: string): TrtPteError {
  return new TrtPteError("verification", `report.json does not read: ${problem}`);
}

function text(obj: Json, key: string, where: string, required = true): string {
  const value = obj[key];
  if (value === undefined || value === null) {
    if (required) throw bad(`${where}.${key} is missing`);
    return "";
  }
  if (typeof value !== "string" || value.length > 1000) throw bad(`${where}.${key} is not a string`);
  return value;
}

function listed(value: unknown, where: string): ListedFile {
  const f = object(value, where);
  const sha256 = text(f, "sha256", where);
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw bad(`${where}.sha256 is not a sha256`);
  const bytes = f.bytes;
  if (typeof bytes !== "number" || !Number.isSafeInteger(bytes) || bytes < 0)
    throw bad(`${where}.bytes is not a size`);
  return { name: text(f, "name", where), sha256, bytes };
}

function versions(value: unknown): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(object(value ?? {}, "versions"))) {
    if (typeof v === "string" && v.length <= 100) out[k] = v;
  }
  return out;
}

export function parseBuildReport(raw: unknown): BuildReport {
  const report = object(raw, "the report");
  const ptd = report.ptd ?? [];
  if (!Array.isArray(ptd) || ptd.length > 64) throw bad("ptd is not a list of files");
  let gpu: BuildReport["gpu"] = null;
  if (report.gpu !== null && report.gpu !== undefined) {
    const g = object(report.gpu, "gpu");
    gpu = {
      name: text(g, "name", "gpu", false),
      compute_capability: text(g, "compute_capability", "gpu", false),
      driver_version: text(g, "driver_version", "gpu", false),
    };
  }
  const details = object(report.details ?? {}, "details");
  return {
    artifactName: text(report, "artifact_name", "report"),
    modelName: text(report, "model_name", "report", false),
    model: text(report, "model", "report", false),
    target: text(report, "target", "report"),
    gpuName: text(report, "gpu_name", "report", false),
    pte: listed(report.pte, "pte"),
    ptd: ptd.map((f, i) => listed(f, `ptd[${i}]`)),
    versions: versions(report.versions),
    gpu,
    details: { compile_settings: details.compile_settings ?? {} },
    inputs: inputSpecsFromJson(report.inputs),
  };
}
