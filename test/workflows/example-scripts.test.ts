// The scripts of the example workflows, run here exactly as written in the YAML. The release example's
// attach step uploads the downloaded files under their own names (one artifact per file): a name that
// is not plain, or a file trt-pte does not upload, must stop it before anything is uploaded.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readWorkflow, stepNamed } from "../support/workflows.js";
import { runScript } from "../support/reusable-call.js";

const attach = stepNamed(readWorkflow("workflows/release.yml").jobs.attach!, "Attach them to the release");

/**
 * A job folder with pte/ as actions/download-artifact leaves single-file artifacts with
 * `merge-multiple` (each file under its artifact's name), and a `gh` that records its call.
 */
function jobFolder(files: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-release-"));
  const pte = path.join(root, "ws", "pte");
  fs.mkdirSync(pte, { recursive: true });
  for (const f of files) fs.writeFileSync(path.join(pte, f), `bytes of ${f}`);
  const bin = path.join(root, "bin");
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, "gh"), `#!/bin/sh\nprintf '%s\\n' "$@" > "${root}/gh-args"\n`, {
    mode: 0o755,
  });
  return root;
}

async function runAttach(root: string) {
  const run = await runScript(
    "bash",
    attach.run!,
    {
      PATH: `${path.join(root, "bin")}:${process.env.PATH ?? ""}`,
      TAG: "v1.0.0",
      GH_TOKEN: "t",
      GH_REPO: "o/r",
    },
    path.join(root, "ws"),
  );
  const argsFile = path.join(root, "gh-args");
  const uploaded = fs.existsSync(argsFile) ? fs.readFileSync(argsFile, "utf8").trim().split("\n") : null;
  return { ...run, uploaded };
}

describe("the release example's attach step", () => {
  it("uploads every build's .pte, .ptd files and report under their artifacts' names", async () => {
    const files = [
      "detector-build-tensorrt-a100--aoti_cuda_blob.ptd",
      "detector-build-tensorrt-a100.pte",
      "detector-build-tensorrt-a100.report.json",
      "detector-build-tensorrt-l4.pte",
      "detector-build-tensorrt-l4.report.json",
    ];
    const run = await runAttach(jobFolder(files));
    expect(run.code, run.log).toBe(0);
    expect(run.uploaded).toEqual([
      "release",
      "upload",
      "v1.0.0",
      ...files.map((f) => `pte/${f}`),
      "--clobber",
    ]);
  });

  it.each([
    ["a hidden name", ".bashrc"],
    ["a name with a newline", "a.pte\n::add-mask::x"],
    ["an option-like name", "-rf.pte"],
    ["a name with a space", "a b.pte"],
  ])("refuses %s before uploading anything", async (_what, name) => {
    const run = await runAttach(jobFolder(["detector-build-tensorrt-a100.pte", name]));
    expect(run.code).toBe(1);
    expect(run.uploaded).toBeNull();
    const commands = run.log.split("\n").filter((l) => l.startsWith("::"));
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(
      /^::error title=trt-pte release::.*is not a plain file name; nothing was attached$/,
    );
  });

  it("refuses a file trt-pte does not upload, and an empty download", async () => {
    const other = await runAttach(jobFolder(["detector.pte", "install.sh"]));
    expect(other.code).toBe(1);
    expect(other.uploaded).toBeNull();
    expect(other.log).toContain("'install.sh' is not a file trt-pte uploads; nothing was attached");
    const none = await runAttach(jobFolder([]));
    expect(none.code).toBe(1);
    expect(none.log).toContain("no build was downloaded; nothing was attached");
  });
});
