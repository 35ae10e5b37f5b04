// A Jetson's GPU from the files every L4T image has: the device tree says which SoC (and so which
// GPU) the board carries, /etc/nv_tegra_release which L4T release (driver, CUDA, TensorRT) it runs.
// nvidia-smi is missing on JetPack 5, answers `N/A` for most fields on Orin with JetPack 6, and
// lacks some on Thor; these files are there on every one of them.

import fs from "node:fs/promises";
import path from "node:path";
import type { Gpu } from "./gpu.js";

/**
 * The integrated GPU of each Tegra SoC by its device-tree `compatible` entry. Thor's compute
 * capability is 11.0 from CUDA 13 on (10.1 before); trt-pte's stacks are CUDA 13.
 */
const SOCS: Record<string, { family: string; computeCapability: string }> = {
  "nvidia,tegra264": { family: "Thor", computeCapability: "11.0" },
  "nvidia,tegra234": { family: "Orin", computeCapability: "8.7" },
  "nvidia,tegra194": { family: "Xavier", computeCapability: "7.2" },
  "nvidia,tegra186": { family: "TX2", computeCapability: "6.2" },
  "nvidia,tegra210": { family: "TX1/Nano", computeCapability: "5.3" },
};

/** The device tree is under /proc (a link to sysfs) on the host and in most containers. */
const DEVICE_TREE_DIRS = ["proc/device-tree", "sys/firmware/devicetree/base"];
const RELEASE_FILE = "etc/nv_tegra_release";

async function readText(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, "utf8");
  } catch {
    return null;
  }
}

/** Device-tree strings are NUL-terminated, and `compatible` is a NUL-separated list. */
export function deviceTreeStrings(raw: string): string[] {
  return raw
    .split("\0")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** `# R36 (release), REVISION: 4.3, GCID: …` → `R36.4.3`; null for anything else. */
export function parseTegraRelease(text: string): string | null {
  const m = /^#\s*R(\d+)\s*\(release\),\s*REVISION:\s*(\d+(?:\.\d+)*)/m.exec(text);
  return m === null ? null : `R${m[1]}.${m[2]}`;
}

export interface JetsonAnswer {
  gpu: Gpu | null;
  /** Why this is not read as a Jetson; null when it is one. */
  problem: string | null;
}

/**
 * The Jetson's GPU, read from the files under `root` (`/` on a real board; a folder laid out like
 * one in tests). A board whose SoC is not in the table above is not taken for a Jetson.
 */
export async function readJetson(root = "/"): Promise<JetsonAnswer> {
  let compatible: string[] = [];
  let model: string | null = null;
  for (const dir of DEVICE_TREE_DIRS) {
    const raw = await readText(path.join(root, dir, "compatible"));
    if (raw === null) continue;
    compatible = deviceTreeStrings(raw);
    const rawModel = await readText(path.join(root, dir, "model"));
    model = rawModel === null ? null : (deviceTreeStrings(rawModel)[0] ?? null);
    break;
  }
  if (compatible.length === 0) return { gpu: null, problem: "no Jetson device tree" };
  const soc = compatible.map((c) => SOCS[c]).find((s) => s !== undefined);
  if (soc === undefined) {
    return { gpu: null, problem: `the device tree names no Tegra SoC with a GPU (${compatible.join(", ")})` };
  }
  const release = await readText(path.join(root, RELEASE_FILE));
  const l4t = release === null ? null : parseTegraRelease(release);
  const gpu: Gpu = {
    name: model ?? `NVIDIA Jetson ${soc.family}`,
    computeCapability: soc.computeCapability,
    driverVersion: "",
    source: "device-tree",
  };
  if (l4t !== null) gpu.l4t = l4t;
  return { gpu, problem: null };
}
