// Which of nvidia-smi's GPUs the export process sees, in CUDA's order: its first one is `cuda:0`,
// where Torch-TensorRT builds the engines. CUDA_VISIBLE_DEVICES picks and orders them (by index or
// by UUID, stopping at the first entry CUDA cannot use); an index counts in CUDA_DEVICE_ORDER, which
// is fastest-first unless it is PCI_BUS_ID, nvidia-smi's own order.

import type { Gpu } from "./gpu.js";

export interface CudaEnvironment {
  CUDA_VISIBLE_DEVICES?: string;
  CUDA_DEVICE_ORDER?: string;
}

export interface VisibleGpus {
  /** In CUDA's order: `gpus[0]` is `cuda:0`. */
  gpus: Gpu[];
  /**
   * nvidia-smi cannot tell which GPU is `cuda:0`: GPUs of different kinds numbered fastest-first,
   * or a MIG instance. Only CUDA itself can say (preflight asks torch).
   */
  orderUnknown: boolean;
  /** Why no GPU is visible although nvidia-smi lists some; null otherwise. */
  problem: string | null;
}

const kind = (g: Gpu): string => `${g.name}\0${g.computeCapability}`;

export function visibleGpus(all: readonly Gpu[], env: CudaEnvironment): VisibleGpus {
  const pciOrder = env.CUDA_DEVICE_ORDER === "PCI_BUS_ID";
  const mixed = new Set(all.map(kind)).size > 1;
  const raw = env.CUDA_VISIBLE_DEVICES;
  if (raw === undefined) return { gpus: [...all], orderUnknown: mixed && !pciOrder, problem: null };

  const picked: Gpu[] = [];
  let byIndex = false;
  let mig = false;
  for (const entry of raw.split(",").map((e) => e.trim())) {
    let gpu: Gpu | undefined;
    if (/^\d+$/.test(entry)) {
      byIndex = true;
      gpu = all[Number(entry)];
    } else if (/^GPU-/i.test(entry)) {
      gpu = all.find((g) => g.uuid !== undefined && g.uuid.toLowerCase().startsWith(entry.toLowerCase()));
    } else if (/^MIG-/i.test(entry)) {
      mig = true;
    }
    if (gpu === undefined || picked.includes(gpu)) break; // CUDA ignores everything from here on
    picked.push(gpu);
  }
  if (mig) return { gpus: [...all], orderUnknown: true, problem: null };
  if (picked.length === 0) {
    return {
      gpus: [],
      orderUnknown: false,
      problem: `CUDA_VISIBLE_DEVICES=${JSON.stringify(raw)} leaves CUDA no GPU of the ${all.length} nvidia-smi lists`,
    };
  }
  return { gpus: picked, orderUnknown: byIndex && mixed && !pciOrder, problem: null };
}
