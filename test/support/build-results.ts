// Build results as the reusable workflow's build jobs upload them (result.json + report.json per
// GPU), written into a folder laid out the way actions/download-artifact leaves it.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const KEY = "0123456789ab";

export interface ResultOptions {
  gpu?: string;
  outcome?: string;
  artifactId?: string;
  key?: string;
  model?: string;
  /** The model's name in a `config` call's trt-pte.yml (absent for a call with `model`). */
  name?: string;
  report?: Record<string, unknown> | null;
  /** The action's `artifact-files` output as the build job records it (a JSON text); absent: none. */
  files?: { name: string; id: number }[] | string;
}

/** The artifact-files of a single-file upload of `artifact` (src/publish/upload.ts), IDs from `first`. */
export function singleFiles(
  artifact: string,
  ptd: string[] = ["aoti_cuda_blob"],
  first = 2000,
): { name: string; id: number }[] {
  const names = [...ptd.map((p) => `${artifact}--${p}.ptd`), `${artifact}.report.json`, `${artifact}.pte`];
  return names.map((name, i) => ({ name, id: first + i }));
}

export function sampleReport(gpu: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: "trt-pte/report@2",
    model: "examples/cos_block.py:build",
    model_name: "cos_block-build",
    target: "tensorrt",
    artifact_name: `cos_block-build-tensorrt${gpu === "" ? "" : `-${gpu}`}`,
    pte: { name: "cos_block-build.pte", kind: "pte", bytes: 3 * 1024 * 1024, sha256: "c".repeat(64) },
    ptd: [{ name: "aoti_cuda_blob.ptd", kind: "ptd", bytes: 1024, sha256: "d".repeat(64) }],
    inputs: [],
    partition: { TensorRTBackend: 3, CudaBackend: 1, undelegated: 0 },
    accuracy: {
      status: "checked",
      against: "eager",
      reason: null,
      tolerance: 0.001,
      points: [],
      max_abs: 2.5e-5,
      max_rel: 1e-4,
      passed: true,
    },
    versions: { python: "3.12.3", torch: "2.13.0", torch_tensorrt: "2.13.0", tensorrt: "10.14.1" },
    gpu: { name: "NVIDIA A100-SXM4-80GB", compute_capability: "8.0", driver_version: "580.65" },
    timings: {},
    details: {},
    run: null,
    ...overrides,
  };
}

/** Writes one build's result folder; `layout: "flat"` is how a lone artifact downloads (no subfolder). */
export function writeResult(
  root: string,
  options: ResultOptions = {},
  layout: "folder" | "flat" = "folder",
): string {
  const gpu = options.gpu ?? "a100";
  const key = options.key ?? KEY;
  const named = options.name === undefined ? "" : `${options.name}-`;
  const dir = layout === "flat" ? root : path.join(root, `trt-pte-result-${key}-${named}${gpu || "default"}`);
  fs.mkdirSync(dir, { recursive: true });
  const result = {
    schema: "trt-pte/result@1",
    key,
    gpu,
    ...(options.name === undefined ? {} : { name: options.name }),
    model: options.model ?? "examples/cos_block.py:build",
    target: "",
    outcome: options.outcome ?? "success",
    artifact_id: options.artifactId ?? "1234",
    artifact_digest: "",
    digest: `sha256:${"c".repeat(64)}`,
    check_run_id: "777",
    ...(options.files === undefined
      ? {}
      : {
          artifact_files: typeof options.files === "string" ? options.files : JSON.stringify(options.files),
        }),
  };
  fs.writeFileSync(path.join(dir, "result.json"), JSON.stringify(result));
  const report = options.report === undefined ? sampleReport(gpu) : options.report;
  if (report !== null) fs.writeFileSync(path.join(dir, "report.json"), JSON.stringify(report));
  return dir;
}

export function resultsDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-results-"));
}
