// Lines the driver's libraries print that a user cannot act on: they are folded out of the job log
// and the terminal (one collapsed group, one counted line) and kept whole in the run's log file. The
// list is narrow on purpose: each entry is a message seen on the supported stack, named by where it
// comes from; anything else, the model's own prints and every error included, is shown.

interface NoiseSource {
  /** How the counted line names it. */
  label: string;
  matches(line: string, workspace: string): boolean;
}

// Python's warnings module prints `file.py:LINE: SomeWarning: text`, then the source line indented.
const PYTHON_WARNING = /^(\/\S+\.py):\d+: [A-Z]\w*Warning: /;

const SOURCES: readonly NoiseSource[] = [
  {
    // torchao (pulled in by executorch) tries its optional CUDA kernels on import and says so per file:
    // `Failed to load …/torchao/_C_mxfp8.cpython-310-x86_64-linux-gnu.so: Could not load this library`.
    label: "torchao",
    matches: (line) => /^Failed to load \S*\/torchao\/\S+\.so\b/.test(line),
  },
  {
    // A warning raised in a library or the standard library (`copyreg.py: FutureWarning:
    // isinstance(treespec, LeafSpec) is deprecated`, nine times per export); one in the user's own
    // files is theirs to act on and stays.
    label: "Python warnings from libraries",
    matches: (line, workspace) => {
      const file = PYTHON_WARNING.exec(line)?.[1];
      return file !== undefined && !file.startsWith(`${workspace.replace(/\/+$/, "")}/`);
    },
  },
  {
    // torch's own logging (torch._logging, glog style): `W1204 16:04:22.602000 12706 torch/utils/_pytree.py:630] …`,
    // and fake_tensor's `E…` lines, which repeat an error the driver reports itself.
    label: "torch logging",
    matches: (line) => /^[IWE]\d{4} \d\d:\d\d:\d\d\.\d+ +\d+ \S*torch\/\S+:\d+\] /.test(line),
  },
  {
    // ExecuTorch's CPU runtime probing the machine: `[cpuinfo_utils.cpp:71] Reading file …`,
    // `[threadpool.cpp:66] Resetting threadpool to 2 threads.` (its errors have another form and stay).
    label: "ExecuTorch cpuinfo and threadpool",
    matches: (line) => /^\[(cpuinfo_utils|threadpool)\.cpp:\d+\] /.test(line),
  },
];

/** Sorts the driver's lines into shown and folded, and counts the folded ones by source. */
export class NoiseFilter {
  private readonly counts = new Map<string, number>();
  private readonly folded: string[] = [];
  /** The last line was a folded Python warning: its indented source line follows. */
  private inWarning = false;

  constructor(private readonly workspace: string) {}

  /** True when `line` is noise (it is then kept here, not shown). */
  fold(line: string): boolean {
    if (this.inWarning && line.startsWith("  ")) {
      this.inWarning = false;
      this.folded.push(line);
      return true;
    }
    this.inWarning = false;
    const source = SOURCES.find((s) => s.matches(line, this.workspace));
    if (source === undefined) return false;
    this.inWarning = PYTHON_WARNING.test(line);
    this.counts.set(source.label, (this.counts.get(source.label) ?? 0) + 1);
    this.folded.push(line);
    return true;
  }

  get lines(): readonly string[] {
    return this.folded;
  }

  /** `27 lines of third-party messages (torchao ×2, Python warnings from libraries ×9, …)`, or null. */
  summary(): string | null {
    if (this.folded.length === 0) return null;
    const by = [...this.counts].map(([label, n]) => `${label} ×${n}`).join(", ");
    return `${this.folded.length} line${this.folded.length === 1 ? "" : "s"} of third-party messages (${by})`;
  }
}
