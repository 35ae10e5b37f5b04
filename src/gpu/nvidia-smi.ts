// The GPUs as nvidia-smi lists them, in its order (PCI bus order, which is its `index`).

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { known, type Gpu } from "./gpu.js";

const execFileAsync = promisify(execFile);

export const QUERY = ["index", "uuid", "name", "compute_cap", "driver_version"] as const;

/** What one nvidia-smi call gave: the GPUs, or why there are none. */
export interface NvidiaSmiAnswer {
  gpus: Gpu[];
  /** Why nvidia-smi gave nothing (not installed, no driver, ...); null when it answered. */
  problem: string | null;
}

/**
 * Parses `nvidia-smi --query-gpu=index,uuid,name,compute_cap,driver_version --format=csv,noheader`.
 * The name is read as everything between the UUID and the last two fields, so a name with a comma
 * still parses; `N/A`-style placeholders read as unknown (empty).
 */
export function parseNvidiaSmi(stdout: string): Gpu[] {
  const gpus: Gpu[] = [];
  for (const line of stdout.split("\n")) {
    const fields = line.split(",").map((f) => f.trim());
    if (fields.length < QUERY.length) continue;
    const [index = "", uuid = ""] = fields;
    const driverVersion = fields[fields.length - 1];
    const computeCapability = fields[fields.length - 2];
    const name = fields.slice(2, -2).join(", ");
    const gpu: Gpu = {
      name: known(name),
      computeCapability: known(computeCapability),
      driverVersion: known(driverVersion),
      source: "nvidia-smi",
    };
    if (/^\d+$/.test(index)) gpu.index = Number(index);
    if (known(uuid) !== "") gpu.uuid = known(uuid);
    gpus.push(gpu);
  }
  return gpus;
}

/** Runs nvidia-smi (a path or a name on PATH); never throws: a missing one is an answer too. */
export async function queryNvidiaSmi(nvidiaSmi = "nvidia-smi"): Promise<NvidiaSmiAnswer> {
  try {
    const { stdout } = await execFileAsync(
      nvidiaSmi,
      [`--query-gpu=${QUERY.join(",")}`, "--format=csv,noheader"],
      {
        timeout: 20_000,
      },
    );
    const gpus = parseNvidiaSmi(stdout);
    return { gpus, problem: gpus.length === 0 ? "nvidia-smi listed no GPU" : null };
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stdout?: string; stderr?: string; killed?: boolean };
    if (e.code === "ENOENT") return { gpus: [], problem: "nvidia-smi is not on PATH" };
    if (e.killed === true) return { gpus: [], problem: "nvidia-smi did not answer within 20 s" };
    // "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver", an unknown
    // field on an old driver, ...: its own first line says which.
    const said = `${e.stdout ?? ""}\n${e.stderr ?? ""}`
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l !== "");
    return { gpus: [], problem: `nvidia-smi failed${said === undefined ? "" : `: ${said.slice(0, 200)}`}` };
  }
}
