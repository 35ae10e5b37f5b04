// What real machines print, for the GPU detection tests: nvidia-smi's answers and the Jetson files,
// each with the public page it was copied from. Where a capture lacks a field our query asks for,
// the stand-in says so (`notCaptured`) and the fake nvidia-smi answers `[N/A]` for it, as nvidia-smi
// does for a field it cannot read.

import fs from "node:fs";
import path from "node:path";

/** One GPU as nvidia-smi reports it: query field → value, as printed. */
export type SmiRecord = Record<string, string>;

export interface SmiCapture {
  source: string;
  records: SmiRecord[];
  /** Fields of our query the capture does not show. */
  notCaptured: string[];
}

export interface BoardCapture {
  source: string;
  /** NUL-separated, as the kernel exposes it. */
  compatible: string;
  model: string;
  nvTegraRelease: string;
}

/**
 * Jetson AGX Orin, JetPack 6 (nvidia-smi 540.4.0): its table shows the name and the driver and
 * `N/A` for every other field; `nvidia-smi -L` lists `GPU 0: Orin (nvgpu)`.
 */
export const ORIN_JP6_SMI: SmiCapture = {
  source:
    "https://github.com/anduril/jetpack-nixos/pull/371 (nvidia-smi and nvidia-smi -L on an orin-agx-devkit, JetPack 6)",
  records: [
    { index: "0", name: "Orin (nvgpu)", driver_version: "540.4.0", compute_cap: "[N/A]", uuid: "[N/A]" },
  ],
  notCaptured: ["compute_cap", "uuid"],
};

/** Jetson AGX Thor devkit, JetPack 7.0: `nvidia-smi --query-gpu=name,compute_cap,driver_version,...`. */
export const THOR_SMI: SmiCapture = {
  source:
    "https://github.com/wzqvip/jetson-pytorch-builder (README, Thor-specific sanity checks: `NVIDIA Thor, 11.0, 580.00, 13.0`)",
  records: [{ index: "0", name: "NVIDIA Thor", compute_cap: "11.0", driver_version: "580.00" }],
  notCaptured: ["uuid"],
};

/** Two different GPUs in one server: `--query-gpu=compute_cap,compute_mode,driver_version,name,index` and `-L`. */
export const TITAN_V_AND_RTX_5880: SmiCapture = {
  source:
    "https://github.com/triton-inference-server/server/pull/8070 (nvidia-smi -L and --query-gpu before/after)",
  records: [
    {
      index: "0",
      uuid: "GPU-b5169cef-2205-c30e-f2b3-220cfa14bafd",
      name: "NVIDIA TITAN V",
      compute_cap: "7.0",
      driver_version: "570.86.15",
    },
    {
      index: "1",
      uuid: "GPU-7518f6b0-991f-ce2b-3d37-c779130d3137",
      name: "NVIDIA RTX 5880 Ada Generation",
      compute_cap: "8.9",
      driver_version: "570.86.15",
    },
  ],
  notCaptured: [],
};

/** Jetson AGX Thor devkit, L4T R38.2.0 (jtop's raw dump of the files). */
export const THOR_BOARD: BoardCapture = {
  source: "https://github.com/rbonghi/jetson_stats/issues/711 (JETSON RAW OUTPUT)",
  compatible: "nvidia,p4071-0000+p3834-0008\0nvidia,p3834-0008\0nvidia,tegra264\0",
  model: "NVIDIA Jetson AGX Thor Developer Kit\0",
  nvTegraRelease:
    "# R38 (release), REVISION: 2.0, GCID: 41844464, BOARD: generic, EABI: aarch64, DATE: Fri Aug 22 00:55:42 UTC 2025\n",
};

/**
 * Jetson AGX Orin devkit on JetPack 7.2, L4T R39.2.0 (jtop's raw dump; its `compatible` line is cut
 * after the first entry there, so the full list is the AGX Orin's from NVIDIA/jetson-gpio#125).
 */
export const ORIN_BOARD: BoardCapture = {
  source:
    "https://github.com/rbonghi/jetson_stats/issues/864 (release file, model); https://github.com/NVIDIA/jetson-gpio/issues/125 (compatible)",
  compatible: "nvidia,p3737-0000+p3701-0005\0nvidia,p3701-0005\0nvidia,tegra234\0nvidia,tegra23x\0",
  model: "NVIDIA Jetson AGX Orin Developer Kit\0",
  nvTegraRelease:
    "# R39 (release), REVISION: 2.0, GCID: 45755727, BOARD: generic, EABI: aarch64, DATE: Mon Jun  1 09:28:48 PM UTC 2026\n",
};

/** Lays out a board's files under `root` as a Jetson has them (`/proc/device-tree`, `/etc`). */
export function writeBoard(root: string, board: BoardCapture): void {
  const dt = path.join(root, "proc", "device-tree");
  fs.mkdirSync(dt, { recursive: true });
  fs.mkdirSync(path.join(root, "etc"), { recursive: true });
  fs.writeFileSync(path.join(dt, "compatible"), board.compatible);
  fs.writeFileSync(path.join(dt, "model"), board.model);
  fs.writeFileSync(path.join(root, "etc", "nv_tegra_release"), board.nvTegraRelease);
}

/**
 * A stand-in nvidia-smi speaking the real command line: `--query-gpu=<fields> --format=csv,noheader`
 * prints one line per GPU with the fields in the order asked, `, `-separated, `[N/A]` for a field
 * the capture lacks; `fail` makes it exit as nvidia-smi does without a loaded driver.
 */
export function writeFakeNvidiaSmi(dir: string, capture: SmiCapture | { fail: string }): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "nvidia-smi");
  const script = `#!/usr/bin/env node
const answer = ${JSON.stringify(capture)};
if (answer.fail !== undefined) { process.stdout.write(answer.fail + "\\n"); process.exit(9); }
const query = process.argv.find((a) => a.startsWith("--query-gpu="));
if (query === undefined || !process.argv.includes("--format=csv,noheader")) { process.stderr.write("unsupported call\\n"); process.exit(2); }
const fields = query.slice("--query-gpu=".length).split(",");
for (const r of answer.records) process.stdout.write(fields.map((f) => r[f] ?? "[N/A]").join(", ") + "\\n");
`;
  fs.writeFileSync(file, script, { mode: 0o755 });
  return file;
}
