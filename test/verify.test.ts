// The verify stage on files the real executorch package wrote: what passes, and for each rule a
// file that breaks it, failing with "expected ..., found ...".

import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TrtPteError } from "../src/errors.js";
import type { ExportResult, ResultFile } from "../src/protocol.js";
import type { Target } from "../src/settings/targets.js";
import { verifyOutput } from "../src/verify.js";
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
    expect(error.message).toMatch(/expected model\.pte to be \d+ bytes, found \d+/);
  });
});
