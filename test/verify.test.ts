// The verify stage on files the real executorch package wrote: what passes, and for each rule a
// file that breaks it, failing with "expected ..., found ...".

import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TrtPteError } from "../src/errors.js";
import type { ExecutionResult, ExportResult, ResultFile } from "../src/protocol.js";
import type { Target } from "../src/settings/targets.js";
import { executionProblem, verifyOutput, type RuntimeEnvironment } from "../src/verify.js";
import { copyFixture } from "./support/pte-fixtures.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function describeFile(dir: string, name: string): ResultFile {
  const bytes = fs.readFileSync(path.join(dir, name));
  return {
    name,
    kind: name.endsWith(".pte") ? "pte" : "ptd",
    bytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

/** A staging folder holding a fixture, and the result the driver would have written for it. */
function exported(
  fixture: string,
  target: Target,
  partition: Record<string, number>,
  change: (dir: string) => void = () => {},
): { dir: string; result: ExportResult } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-verify-"));
  dirs.push(dir);
  copyFixture(fixture, dir);
  change(dir);
  const files = fs
    .readdirSync(dir)
    .sort()
    .map((f) => describeFile(dir, f));
  return {
    dir,
    result: { protocol: 1, status: "ok", driver_version: "test", target, versions: {}, files, partition },
  };
}

async function failure(run: Promise<unknown>): Promise<TrtPteError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TrtPteError)) throw new Error(`expected a TrtPteError, got ${String(error)}`);
  expect(error.kind).toBe("verification");
  return error;
}

describe("verifyOutput", () => {
  it("passes a TensorRT + CUDA program with its .ptd, and returns the inspection with relative paths", async () => {
    const { dir, result } = exported("tensorrt_cuda", "tensorrt", {
      TensorRTBackend: 6,
      CudaBackend: 1,
      undelegated: 0,
    });
    const verified = await verifyOutput(dir, result, "tensorrt");
    expect(verified.pte.name).toBe("model.pte");
    expect(verified.ptd.map((f) => f.name)).toEqual(["aoti_cuda_blob.ptd"]);
    expect(verified.inspection.file.path).toBe("model.pte");
    expect(verified.inspection.external_data.map((f) => f.path)).toEqual(["aoti_cuda_blob.ptd"]);
    expect(verified.inspection.delegates.map((d) => d.id)).toEqual(["TensorRTBackend", "CudaBackend"]);
  });

  it("passes TensorRT alone when every compute node went to TensorRT", async () => {
    const { dir, result } = exported("tensorrt_tr01", "tensorrt", { TensorRTBackend: 6, undelegated: 0 });
    await expect(verifyOutput(dir, result, "tensorrt")).resolves.toMatchObject({
      pte: { name: "model.pte" },
    });
  });

  it("wants a CudaBackend delegate when nodes stayed outside TensorRT", async () => {
    const { dir, result } = exported("tensorrt_tr01", "tensorrt", { TensorRTBackend: 6, undelegated: 1 });
    const error = await failure(verifyOutput(dir, result, "tensorrt"));
    expect(error.message).toContain(
      "expected a CudaBackend delegate for the nodes that stayed outside TensorRT (the export reports undelegated 1), found only TensorRTBackend ×1",
    );
  });

  it("wants a TensorRTBackend delegate for target tensorrt", async () => {
    const { dir, result } = exported("xnnpack", "tensorrt", { XnnpackBackend: 5, undelegated: 0 });
    const error = await failure(verifyOutput(dir, result, "tensorrt"));
    expect(error.message).toContain(
      "expected at least one TensorRTBackend delegate for target tensorrt, found only XnnpackBackend ×1",
    );
  });

  it("wants a CudaBackend delegate for target cuda", async () => {
    const { dir, result } = exported("portable", "cuda", { undelegated: 6 });
    const error = await failure(verifyOutput(dir, result, "cuda"));
    expect(error.message).toContain(
      "expected at least one CudaBackend delegate for target cuda, found no delegates at all",
    );
  });

  it("wants a delegate for every backend the partition report names", async () => {
    const { dir, result } = exported("portable", "xnnpack", { XnnpackBackend: 5, undelegated: 1 });
    const error = await failure(verifyOutput(dir, result, "xnnpack"));
    expect(error.message).toContain(
      "expected a XnnpackBackend delegate (the export reports 5 nodes delegated to it), found no delegates at all",
    );
  });

  it("wants every .ptd the program reads from", async () => {
    const { dir, result } = exported(
      "tensorrt_cuda",
      "tensorrt",
      { TensorRTBackend: 6, CudaBackend: 1 },
      (d) => fs.rmSync(path.join(d, "aoti_cuda_blob.ptd")),
    );
    const error = await failure(verifyOutput(dir, result, "tensorrt"));
    expect(error.message).toMatch(
      /expected named data '[0-9a-f]{64}_weights_blob' \(needed by CudaBackend delegate forward\/1\) in a \.ptd beside the \.pte, found no \.ptd files/,
    );
  });

  it("wants external constants in the .ptd that holds them", async () => {
    const { dir, result } = exported("external_constants", "portable", { undelegated: 6 }, (d) => {
      fs.renameSync(path.join(d, "_default_external_constant.ptd"), path.join(d, "other.ptd"));
      fs.copyFileSync(path.join(d, "other.ptd"), path.join(d, "unrelated.ptd"));
    });
    await expect(verifyOutput(dir, result, "portable")).resolves.toBeDefined(); // keys are found by content
    const bare = exported("external_constants", "portable", { undelegated: 6 }, (d) =>
      fs.rmSync(path.join(d, "_default_external_constant.ptd")),
    );
    const error = await failure(verifyOutput(bare.dir, bare.result, "portable"));
    expect(error.message).toContain(
      "expected named data 'fc1.weight' (needed by tensor fc1.weight in forward)",
    );
  });

  it("refuses a truncated .pte, naming the byte and the structure", async () => {
    const { dir, result } = exported(
      "tensorrt_cuda",
      "tensorrt",
      { TensorRTBackend: 6, CudaBackend: 1 },
      (d) => {
        const file = path.join(d, "model.pte");
        fs.truncateSync(file, fs.statSync(file).size - 100);
      },
    );
    const error = await failure(verifyOutput(dir, result, "tensorrt"));
    expect(error.message).toMatch(
      /^expected model\.pte to be a well-formed ExecuTorch file, found at byte 32 \(extended header segment_data_size\): .* the file is truncated/,
    );
  });

  it("refuses a file that is not ExecuTorch at all", async () => {
    const { dir, result } = exported("portable", "portable", {}, (d) =>
      fs.writeFileSync(path.join(d, "model.pte"), "#!/bin/sh\necho this is not a program\n"),
    );
    const error = await failure(verifyOutput(dir, result, "portable"));
    expect(error.message).toContain(
      "found at byte 4 (file identifier): expected the ExecuTorch identifier 'ET12'",
    );
  });

  it("refuses a file whose size differs from what the driver reported", async () => {
    const { dir, result } = exported("portable", "portable", {});
    fs.appendFileSync(path.join(dir, "model.pte"), "x");
    const error = await failure(verifyOutput(dir, result, "portable"));
    expect(error.message).toMatch(
      /the export process reported model\.pte as \d+ bytes, the file is \d+ bytes/,
    );
  });

  it("measures each file's sha256 itself, and refuses a result that names another", async () => {
    const { dir, result } = exported("portable", "portable", {});
    const real = describeFile(dir, "model.pte").sha256;
    const verified = await verifyOutput(dir, result, "portable");
    expect(verified.pte.sha256).toBe(real);

    // What an exit hook in the model's code can write: the digest of some other (released) file.
    const released = "ab".repeat(32);
    const forged = { ...result, files: [{ ...result.files![0]!, sha256: released }] };
    const error = await failure(verifyOutput(dir, forged, "portable"));
    expect(error.message).toBe(
      `the export process reported model.pte with sha256 ${released}, the file is sha256 ${real}`,
    );
  });

  it("refuses a file that is a link, or a name that is a path", async () => {
    const { dir, result } = exported("portable", "portable", {});
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-outside-"));
    dirs.push(outside);
    fs.renameSync(path.join(dir, "model.pte"), path.join(outside, "model.pte"));
    fs.symlinkSync(path.join(outside, "model.pte"), path.join(dir, "model.pte"));
    expect((await failure(verifyOutput(dir, result, "portable"))).message).toBe(
      "expected model.pte to be a regular file, found a link or a folder",
    );

    const escaping = { ...result, files: [{ ...result.files![0]!, name: "../model.pte" }] };
    expect((await failure(verifyOutput(dir, escaping, "portable"))).message).toBe(
      "expected a plain file name in the export result, found a path",
    );
  });
});

describe("the export's claims the files and the environment can check", () => {
  it("wants at least one reported node per delegate the .pte holds", async () => {
    const { dir, result } = exported("xnnpack", "xnnpack", { XnnpackBackend: 0, undelegated: 9 });
    const error = await failure(verifyOutput(dir, result, "xnnpack"));
    expect(error.message).toContain(
      "expected the export to report at least 1 nodes in XnnpackBackend (the .pte holds 1 XnnpackBackend delegate), found 0",
    );
  });

  const env = (over: Partial<RuntimeEnvironment> = {}): RuntimeEnvironment => ({
    distributions: { executorch: "1.4.1", torch_tensorrt: "2.14.0" },
    runner: null,
    ...over,
  });
  const ran = (runtime: string, pte_ran = true): ExecutionResult => ({
    runtime,
    pte_ran,
    reason: pte_ran ? null : "no runtime",
    checks: null,
    notes: [],
  });

  it.each<[string, ExecutionResult, Target, RuntimeEnvironment, string | null]>([
    ["ExecuTorch's runtime on a CPU target", ran("executorch runtime"), "xnnpack", env(), null],
    [
      "ExecuTorch's runtime on a GPU target",
      ran("executorch runtime"),
      "tensorrt",
      env(),
      "reports ExecuTorch's Python runtime for target tensorrt, which it never runs on",
    ],
    [
      "the runtime wheel where it is not installed",
      ran("torch-tensorrt-executorch-runtime 0.1.0"),
      "tensorrt",
      env(),
      "reports torch-tensorrt-executorch-runtime, which is not installed in the driver's environment",
    ],
    [
      "the runtime wheel at another version",
      ran("torch-tensorrt-executorch-runtime 9.9"),
      "tensorrt",
      env({ distributions: { torch_tensorrt_executorch_runtime: "0.1.0" } }),
      "reports torch-tensorrt-executorch-runtime 9.9, but the driver's environment has 0.1.0",
    ],
    [
      "the runtime wheel as installed",
      ran("torch-tensorrt-executorch-runtime 0.1.0"),
      "tensorrt",
      env({ distributions: { torch_tensorrt_executorch_runtime: "0.1.0" } }),
      null,
    ],
    [
      "a runner the settings do not name",
      ran("executor_runner (/opt/et/executor_runner)"),
      "cuda",
      env(),
      "reports an executor_runner that the `runner` setting does not name",
    ],
    [
      "the runner the settings name",
      ran("executor_runner (/opt/et/executor_runner)"),
      "cuda",
      env({ runner: "/opt/et/executor_runner" }),
      null,
    ],
    [
      "torch_tensorrt's example runner where there is none",
      ran("example_executorch_runner (/site/torch_tensorrt/bin/example_executorch_runner)"),
      "tensorrt",
      env(),
      "reports a runner binary that does not exist",
    ],
    [
      "a .pte that ran in the compiled module",
      ran("compiled module"),
      "tensorrt",
      env(),
      "reports that the .pte ran, in compiled module, which does not run a .pte",
    ],
    ["the compiled module that did not run the .pte", ran("compiled module", false), "tensorrt", env(), null],
  ])("%s", async (_what, execution, target, environment, problem) => {
    expect(await executionProblem(execution, target, environment)).toBe(problem);
  });
});
