// How much one `trt-pte fetch` writes at most: every download and everything unzipped from one count
// against it, so an artifact (or a zip that declares or inflates to more than it holds) cannot fill
// the disk. Far above any real build: a large TensorRT .pte with its .ptd files is a few GiB.

import { TrtPteError } from "../errors.js";
import { formatBytes } from "../util/format.js";

export const MAX_FETCH_BYTES = 64 * 1024 ** 3;

/** The error for `what`, which would take the fetch past `limit` bytes written. */
export function tooLarge(what: string, limit: number, detail: string): TrtPteError {
  return new TrtPteError(
    "verification",
    `${what}: ${detail}, past the ${formatBytes(limit)} one trt-pte fetch writes at most`,
    "nothing was written; fetch fewer builds at once (--model, --gpu), or check the run: no trt-pte build is that large",
  );
}

/** What one fetch has left to write. */
export class ByteBudget {
  private used = 0;

  constructor(readonly limit: number = MAX_FETCH_BYTES) {}

  get left(): number {
    return this.limit - this.used;
  }

  spend(bytes: number): void {
    this.used += bytes;
  }
}
