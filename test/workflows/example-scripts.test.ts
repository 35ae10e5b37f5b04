// The scripts of the example workflows, run here exactly as written in the YAML. The release example's
// attach step builds asset paths from names inside the downloaded files: a hostile report.json or
// .ptd name must stop it before anything is written outside assets/ or uploaded.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readWorkflow, stepNamed } from "../support/workflows.js";
import { runScript } from "../support/reusable-call.js";

const attach = stepNamed(readWorkflow("workflows/release.yml").jobs.attach!, "Attach them to the release");

/** A job folder with pte/ laid out as actions/download-artifact leaves it, and a `gh` that records its call. */
function jobFolder(artifacts: Record<string, { artifactName: unknown; files: string[] }>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-release-"));
  const ws = path.join(root, "ws");
  for (const [dir, { artifactName, files }] of Object.entries(artifacts)) {
    const folder = path.join(ws, "pte", dir);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, "report.json"), JSON.stringify({ artifact_name: artifactName }));
    for (const f of files) fs.writeFileSync(path.join(folder, f), `bytes of ${f}`);
  }
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

/** Every file under root, relative to it. */
function tree(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(root, f)).isFile())
    .sort();
}

describe("the release example's attach step", () => {
  it("uploads each build as <artifact name>.pte, its .ptd files and its report", async () => {
    const root = jobFolder({
      "detector-build-tensorrt-a100": {
        artifactName: "detector-build-tensorrt-a100",
        files: ["detector-build.pte", "_engine_0.ptd"],
      },
      "detector-build-tensorrt-l4": {
        artifactName: "detector-build-tensorrt-l4",
        files: ["detector-build.pte"],
      },
    });
    const run = await runAttach(root);
    expect(run.code, run.log).toBe(0);
    expect(tree(path.join(root, "ws", "assets"))).toEqual([
      "detector-build-tensorrt-a100-_engine_0.ptd",
      "detector-build-tensorrt-a100.pte",
      "detector-build-tensorrt-a100.report.json",
      "detector-build-tensorrt-l4.pte",
      "detector-build-tensorrt-l4.report.json",
    ]);
    expect(run.uploaded!.slice(0, 3)).toEqual(["release", "upload", "v1.0.0"]);
    expect(run.uploaded).toContain("--clobber");
  });

  it.each([
    ["a parent-folder name", "../../escaped"],
    ["an absolute path", "/tmp/escaped"],
    ["a hidden name", ".bashrc"],
    ["a name with a slash", "a/b"],
    ["a name with a newline", "a\n::add-mask::x"],
    ["an option-like name", "-rf"],
    ["no name", null],
    ["a number", 7],
  ])("refuses %s in report.json before writing or uploading anything", async (_what, artifactName) => {
    const root = jobFolder({
      good: { artifactName: "detector-build-tensorrt-a100", files: ["m.pte"] },
      zbad: { artifactName, files: ["m.pte", "w.ptd"] },
    });
    const run = await runAttach(root);
    expect(run.code).toBe(1);
    expect(run.uploaded).toBeNull();
    const commands = run.log.split("\n").filter((l) => l.startsWith("::"));
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(
      /^::error title=trt-pte release::.*is not a plain file name; nothing was attached$/,
    );
    // Nothing landed beside the job folder.
    expect(tree(root).filter((f) => !f.startsWith("ws/") && f !== "bin/gh")).toEqual([]);
    expect(tree(path.join(root, "ws")).every((f) => f.startsWith("pte/") || f.startsWith("assets/"))).toBe(
      true,
    );
  });

  it("refuses a .ptd whose file name is not plain", async () => {
    const root = jobFolder({ a: { artifactName: "detector", files: ["m.pte", "-x.ptd"] } });
    const run = await runAttach(root);
    expect(run.code).toBe(1);
    expect(run.uploaded).toBeNull();
    expect(run.log).toContain("'-x.ptd' is not a plain file name");
  });
});
