// The one error the .pte/.ptd reader throws for a file that is not what it claims to be: truncated,
// corrupted, or not ExecuTorch at all. It names the file, the byte offset and the structure being
// read, so a person can open a hex dump at the right place.

import { TrtPteError } from "../errors.js";

export class PteFormatError extends TrtPteError {
  constructor(
    /** The file being read (as given to the reader). */
    readonly file: string,
    /** Absolute byte offset in the file where the bad structure is (or begins). */
    readonly offset: number,
    /** What was being read, e.g. `execution_plan[0].operators[3].name`. */
    readonly structure: string,
    /** What is wrong there. */
    readonly problem: string,
  ) {
    super(
      "verification",
      `${file}: at byte ${offset} (${structure}): ${problem}`,
      "the file is truncated, corrupted, or not an ExecuTorch .pte/.ptd; re-export it, and check that it was copied whole",
    );
    this.name = "PteFormatError";
  }
}
