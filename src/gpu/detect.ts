// The GPUs the export process will see, from what the machine has: nvidia-smi when it answers; the
// device tree and /etc/nv_tegra_release on a Jetson (for what nvidia-smi left unknown, or all of it
// where there is no nvidia-smi); and last CUDA itself, through torch in the user's Python, when the
// files could not tell (no nvidia-smi in a container, no compute capability, which GPU is cuda:0).
// A machine with a GPU is never told it has none without being told why.

import type { Gpu } from "./gpu.js";
import { queryNvidiaSmi } from "./nvidia-smi.js";
import { readJetson } from "./jetson.js";
import { visibleGpus, type CudaEnvironment } from "./visible.js";

/** `cuda:0` as CUDA itself reports it, or why it could not. */
export interface TorchAnswer {
  gpu: Gpu | null;
  problem: string | null;
}

export interface DetectOptions {
  /** nvidia-smi's path or name on PATH. */
  nvidiaSmi?: string;
  /** Where the Jetson files are looked for: `/` on a real machine, a folder laid out like it in tests. */
  root?: string;
  env?: CudaEnvironment;
  /** Asks CUDA itself (seconds: it imports torch); only called when the files could not tell. */
  probeTorch?: () => Promise<TorchAnswer>;
}

export interface GpuDetection {
  /** The GPUs CUDA will see, in its order: `gpus[0]` is where engines are built. */
  gpus: Gpu[];
  /** What each source said that was not a GPU, for the log and for a "no GPU" error. */
  notes: string[];
}

/** A Jetson has one GPU: nvidia-smi's facts first, the board's files for what it could not read. */
function withJetsonFacts(gpu: Gpu, board: Gpu): Gpu {
  const merged: Gpu = {
    ...gpu,
    name: gpu.name || board.name,
    computeCapability: gpu.computeCapability || board.computeCapability,
  };
  if (board.l4t !== undefined) merged.l4t = board.l4t;
  return merged;
}

/** Fills what the files left unknown of `gpu` from torch's `cuda:0`. */
function withTorchFacts(gpu: Gpu, cuda: Gpu): Gpu {
  return {
    ...gpu,
    name: gpu.name || cuda.name,
    computeCapability: gpu.computeCapability || cuda.computeCapability,
    driverVersion: gpu.driverVersion || cuda.driverVersion,
  };
}

export async function detectGpus(options: DetectOptions = {}): Promise<GpuDetection> {
  const [smi, jetson] = await Promise.all([queryNvidiaSmi(options.nvidiaSmi), readJetson(options.root)]);
  const notes: string[] = [];
  let found = smi.gpus;
  if (smi.problem !== null) notes.push(smi.problem);
  if (jetson.gpu !== null) {
    const board = jetson.gpu;
    found = found.length === 0 ? [board] : found.map((g) => withJetsonFacts(g, board));
  } else if (found.length === 0 && jetson.problem !== null) {
    notes.push(jetson.problem);
  }

  const visible = visibleGpus(found, options.env ?? {});
  if (visible.problem !== null) return { gpus: [], notes: [...notes, visible.problem] };
  let gpus = visible.gpus;
  const first = gpus[0];
  const needsCuda = first === undefined || first.computeCapability === "" || visible.orderUnknown;
  if (!needsCuda || options.probeTorch === undefined) return { gpus, notes };

  const torch = await options.probeTorch();
  if (torch.gpu === null) {
    if (torch.problem !== null) notes.push(torch.problem);
    return { gpus, notes };
  }
  const cuda = torch.gpu;
  if (first === undefined) {
    gpus = [cuda];
  } else if (visible.orderUnknown) {
    // The one nvidia-smi lists that is CUDA's first, moved to the front; torch's own facts if none is.
    const same = gpus.find((g) => g.name === cuda.name && g.computeCapability === cuda.computeCapability);
    gpus = same === undefined ? [cuda, ...gpus] : [same, ...gpus.filter((g) => g !== same)];
  } else {
    gpus = [withTorchFacts(first, cuda), ...gpus.slice(1)];
  }
  return { gpus, notes };
}
