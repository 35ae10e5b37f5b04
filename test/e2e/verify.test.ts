// The bundled action when the export does not hold what the driver reported: the verify stage
// reads the .pte, prints what it holds, fails naming what was expected and found, and nothing is
// uploaded or promoted. The driver is the real one; a wrapper around Python alters its result's
// partition report, as a driver bug would.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StandInServer, runtimeToken } from "../support/http.js";
import { BlobStore } from "../support/blob-store.js";
import { ArtifactService } from "../support/artifact-service.js";
import { REPO, TEST_PYTHON, makeWorkspace, runAction } from "../support/action-run.js";

const ACTION = path.join(REPO, "dist", "index.js");
const TOKEN = runtimeToken("run-backend-2", "job-backend-2");

/** A `python` that runs the real one, then claims CudaBackend nodes in the export result. */
function lyingPython(dir: string): string {
  const file = path.join(dir, "python");
  fs.writeFileSync(
    file,
    `#!/usr/bin/env bash
${JSON.stringify(TEST_PYTHON)} "$@"
rc=$?
args=("$@")
for ((i = 0; i < \${#args[@]}; i++)); do
  if [ "\${args[i]}" = "--result" ]; then result="\${args[i + 1]}"; fi
done
if [ -n "\${result:-}" ] && [ -f "$result" ]; then
  ${JSON.stringify(TEST_PYTHON)} -c 'import json, sys; d = json.load(open(sys.argv[1])); d["partition"]["CudaBackend"] = 2; json.dump(d, open(sys.argv[1], "w"))' "$result"
fi
exit $rc
`,
    { mode: 0o755 },
  );
  return file;
}

describe("the bundled action's verify stage", () => {
  const blobs = new BlobStore();
  const artifacts = new ArtifactService(blobs);
  const server = new StandInServer([artifacts, blobs]);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-lying-"));
  let env: Record<string, string>;

  beforeAll(async () => {
    const base = await server.start();
    env = { ACTIONS_RUNTIME_TOKEN: TOKEN, ACTIONS_RESULTS_URL: `${base}/` };
  });
  afterAll(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
    return server.stop();
  });

  it("fails when the .pte lacks a delegate the export reported, and uploads nothing", async () => {
    const ws = makeWorkspace();
    const run = await runAction(
      ACTION,
      { model: "examples/cos_block.py:build", target: "xnnpack", python: lyingPython(scratch) },
      env,
      ws,
    );
    expect(run.code, run.log).toBe(1);
    // What the .pte holds is printed in the Verify group before the verdict.
    expect(run.log).toMatch(/::group::Verify[\s\S]*\[0\] XnnpackBackend {2}forward\/0[\s\S]*::endgroup::/);
    expect(run.log).toContain(
      "expected a CudaBackend delegate (the export reports 2 nodes delegated to it), found only XnnpackBackend ×1",
    );
    expect(run.log).toContain("nothing was uploaded");
    expect(artifacts.artifacts).toHaveLength(0);
    expect(fs.existsSync(path.join(ws, "trt-pte-out", "cos_block-build-xnnpack"))).toBe(false);
  });
});
