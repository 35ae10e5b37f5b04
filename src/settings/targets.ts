// One row per target: what it needs to run and what its .pte must hold. The rows live in
// src/python/trt_pte/targets/table.json, which the driver reads too (trt_pte/target_table.py) and the
// cache key hashes with the driver's sources (src/cache/key.ts driverDigest); ncc bundles it here.

import table from "../python/trt_pte/targets/table.json" with { type: "json" };

export type Target = keyof typeof table;

export interface TargetSpec {
  /** Needs an NVIDIA GPU (and a CUDA build of torch); its builds are specific to the GPU. */
  readonly gpu: boolean;
  /**
   * Packages the target needs (by the driver's names for them, trt_pte/deps.py DISTRIBUTIONS), each
   * with the oldest release trt-pte is written against, which the driver enforces; null where any
   * release will do (tensorrt: the torch_tensorrt release pins its own).
   */
  readonly packages: Readonly<Record<string, string | null>>;
  /** Backend ids of which the .pte must hold at least one delegate. */
  readonly delegates: readonly string[];
  /** The backend that must take the nodes the target's own delegates leave, if any. */
  readonly fallback_delegate: string | null;
  /** The default tolerance per precision; its keys are the precisions the target builds. */
  readonly tolerance: Readonly<Record<string, number>>;
  /** Inputs only this target reads: set for another target, they are refused (not ignored). */
  readonly settings: readonly string[];
  /** TensorRT's timing and engine caches wrap the export (the cache layers beside the output). */
  readonly build_caches: boolean;
}

const SPECS: Readonly<Record<Target, TargetSpec>> = table;

/** Every target, in the table's order (action.yml's choices follow it). */
export const TARGETS = Object.keys(SPECS) as readonly Target[];

/** Every package some target needs, in the table's order (the summary's Versions row shows them
 * so): the stack whose versions the cache key records, whichever target runs. */
export const STACK_PACKAGES: readonly string[] = [
  ...new Set(TARGETS.flatMap((target) => Object.keys(SPECS[target].packages))),
];

export function targetSpec(target: Target): TargetSpec {
  return SPECS[target];
}

export function isTarget(name: string): name is Target {
  return Object.hasOwn(SPECS, name);
}
