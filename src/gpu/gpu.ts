// What trt-pte knows about a GPU, whichever source told it (nvidia-smi, the Jetson device tree, torch).

/** Where a GPU's facts came from, first source first: what answered decides what is shown. */
export type GpuSource = "nvidia-smi" | "device-tree" | "torch";

export interface Gpu {
  name: string;
  /** `major.minor`, e.g. `8.7`; empty when no source could tell. */
  computeCapability: string;
  /** The NVIDIA driver release, e.g. `580.95.05`; empty when no source could tell. */
  driverVersion: string;
  /** On Jetson: the L4T release (`R36.4.3`), which fixes the driver, CUDA and TensorRT of the board. */
  l4t?: string;
  /** nvidia-smi's `GPU-…` UUID, which `CUDA_VISIBLE_DEVICES` may name instead of an index. */
  uuid?: string;
  /** nvidia-smi's index (PCI bus order), which `CUDA_VISIBLE_DEVICES` may name. */
  index?: number;
  source?: GpuSource;
}

/**
 * What nvidia-smi and NVML print for a field they cannot read: `N/A` in the table, `[N/A]` in CSV,
 * `[Not Supported]` on some boards (Jetson Orin on JetPack 6 answers most fields so). Read as unknown.
 */
const MISSING = /^\[?(?:N\/A|Not Supported|Not Available|Unknown Error|Insufficient Permissions)\]?$/i;

/** The value, or "" when it is one of the placeholders above. */
export function known(value: string | undefined): string {
  const v = (value ?? "").trim();
  return MISSING.test(v) ? "" : v;
}

/** "580.95.05" → "580"; "" stays "". */
export function driverMajor(version: string): string {
  return version.split(".")[0] ?? "";
}
