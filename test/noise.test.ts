// A quiet log: the third-party lines an export prints (as the supported stack printed them, copied
// from a CLI run of an xnnpack export) fold into one collapsed group in the action and one counted
// line in the CLI; the model's own prints, its own warnings and every error stay.

import { afterEach, describe, expect, it, vi } from "vitest";
import { NoiseFilter } from "../src/util/noise.js";
import { githubLog } from "../src/platform/github-log.js";
import { localLog } from "../src/platform/local.js";

const SITE = "/work/main/.venv/lib/python3.11/site-packages";
const WARNING =
  "/root/.pyenv/versions/3.11.7/lib/python3.11/copyreg.py:105: FutureWarning: `isinstance(treespec, LeafSpec)` is deprecated, use `isinstance(treespec, TreeSpec) and treespec.is_leaf()` instead.";

const EXPORT_LOG = [
  "torch.export (1 positional, 0 keyword inputs)",
  `Failed to load ${SITE}/torchao/_C_mxfp8.cpython-310-x86_64-linux-gnu.so: Could not load this library: ${SITE}/torchao/_C_mxfp8.cpython-310-x86_64-linux-gnu.so`,
  `Failed to load ${SITE}/torchao/_C_cutlass_90a.abi3.so: Could not load this library: ${SITE}/torchao/_C_cutlass_90a.abi3.so`,
  "W1204 16:04:22.602000 12706 torch/utils/_pytree.py:630] <enum 'KernelPreference'> is an Enum subclass and is now natively supported by torch.compile as an opaque value type.",
  ...Array.from({ length: 9 }, () => [WARNING, "  return cls.__new__(cls, *args)"]).flat(),
  "partition: XnnpackBackend 3, undelegated 1",
  "[cpuinfo_utils.cpp:71] Reading file /sys/devices/soc0/image_version",
  "[cpuinfo_utils.cpp:87] Failed to open midr file /sys/devices/soc0/image_version",
  "[cpuinfo_utils.cpp:125] CPU info and manual query on # of cpus dont match.",
  "the .pte ran: executorch runtime",
  "[threadpool.cpp:66] Resetting threadpool to 2 threads.",
  "E 00:00:00.002310 executorch:tensor_util_portable.cpp:129] Attempted to resize a static tensor. Expected shape (2, 16, 32), but received (1, 16, 32).",
  "/repo/models/net.py:7: UserWarning: the model's own warning",
  '  warnings.warn("the model\'s own warning")',
  "accuracy against eager (executorch runtime): max abs 2.38e-07, max rel 1.48e-07",
];

describe("NoiseFilter", () => {
  it("folds torchao, library warnings with their source lines, torch logging and cpuinfo; keeps the rest", () => {
    const noise = new NoiseFilter("/repo");
    const shown = EXPORT_LOG.filter((line) => !noise.fold(line));
    expect(shown).toEqual([
      "torch.export (1 positional, 0 keyword inputs)",
      "partition: XnnpackBackend 3, undelegated 1",
      "the .pte ran: executorch runtime",
      // ExecuTorch's own errors say why a run failed: never folded.
      EXPORT_LOG.find((l) => l.startsWith("E 00")),
      "/repo/models/net.py:7: UserWarning: the model's own warning",
      '  warnings.warn("the model\'s own warning")',
      "accuracy against eager (executorch runtime): max abs 2.38e-07, max rel 1.48e-07",
    ]);
    expect(noise.lines).toHaveLength(EXPORT_LOG.length - shown.length);
    expect(noise.summary()).toBe(
      "25 lines of third-party messages (torchao ×2, torch logging ×1, Python warnings from libraries ×9, ExecuTorch cpuinfo and threadpool ×4)",
    );
  });

  it("says nothing when nothing was folded", () => {
    const noise = new NoiseFilter("/repo");
    expect(noise.fold("hello")).toBe(false);
    expect(noise.summary()).toBeNull();
  });
});

describe("Log.aside", () => {
  afterEach(() => vi.restoreAllMocks());

  it("is one counted line in the terminal", () => {
    const lines: string[] = [];
    localLog((l) => lines.push(l)).aside("3 lines of third-party messages (torchao ×3)", ["a", "b", "c"]);
    expect(lines).toEqual(["3 lines of third-party messages (torchao ×3)"]);
  });

  it("is one collapsed group in the job log, its lines another program's (commands off)", () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    githubLog("/repo").aside("2 lines of third-party messages (torchao ×2)", ["::error::forged", "b"]);
    const out = written.join("").split("\n").filter(Boolean);
    expect(out[0]).toBe("::group::2 lines of third-party messages (torchao ×2)");
    expect(out[1]).toMatch(/^::stop-commands::trt-pte-[0-9a-f]{48}$/);
    expect(out[2]).toBe("\u200b::error::forged");
    expect(out[3]).toBe("b");
    expect(out[4]).toBe(`::${out[1]!.slice("::stop-commands::".length)}::`);
    expect(out[5]).toBe("::endgroup::");
  });
});
