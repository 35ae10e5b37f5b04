// The "Use it" section: for each target, the runtime and API its files load with (read from each
// runtime's source: ExecuTorch's Module and Python runtime per release, torch-tensorrt-executorch-
// runtime 0.1.0), with the build's real file names; and the names a build's single-file artifacts
// get (src/settings/names.ts), which the section, the upload and `trt-pte fetch` share.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderUseIt, type UseIt } from "../src/publish/use-it.js";
import {
  buildOfReportArtifact,
  ptdArtifactName,
  pteArtifactName,
  reportArtifactName,
} from "../src/settings/names.js";
import { ptdFilesBeside } from "../src/pte/inspect.js";
import { uploadExport } from "../src/publish/upload.js";
import type { ArtifactStore } from "../src/platform/platform.js";
import type { Settings } from "../src/settings/settings.js";
import type { VerifiedFiles } from "../src/verify.js";
import { liveMarkdown } from "./support/markdown.js";

const spec = (dtype: string, dims: number[], name: string | null = null) => ({
  name,
  dtype,
  dims: dims.map((n) => ({ symbol: null, min: n, opt: n, max: n })),
});

const base: UseIt = {
  fetch: { repository: "octo/models", by: { pr: 7 }, build: "det-build-tensorrt-a100" },
  target: "tensorrt",
  pte: "det-build-tensorrt-a100.pte",
  ptd: ["det-build-tensorrt-a100--aoti_cuda_blob.ptd"],
  executorch: "1.4.1",
  inputs: [spec("float32", [1, 3, 224, 224]), spec("bool", [1, 128], "mask")] as UseIt["inputs"],
};

/** The fenced blocks of the section, by language, as GitHub renders them. */
function blocks(markdown: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of markdown.matchAll(/^(`{3,})(\w+)\n([\s\S]*?)\n\1$/gm)) out[m[2]!] = m[3]!;
  return out;
}

describe("the Use it section", () => {
  it("tensorrt: fetch by pull request, the runtime wheel with its data file, and a C++ Module", () => {
    const section = renderUseIt(base);
    expect(section).toMatch(/^<details><summary>Use it<\/summary>\n[\s\S]*<\/details>\n$/);
    const { sh, python, cpp } = blocks(section);
    expect(sh).toBe("trt-pte fetch --repo octo/models --pr 7 --model det-build-tensorrt-a100");
    // load() ignores .ptd files: the activated native module loads the program with its data.
    expect(python).toContain("native = torch_tensorrt_executorch_runtime.activate()");
    expect(python).toContain('data = open("det-build-tensorrt-a100--aoti_cuda_blob.ptd", "rb").read()');
    expect(python).toContain("native._load_for_executorch_from_buffer(program, data_map_buffer=data)");
    expect(python).toContain(
      "inputs = [torch.rand((1, 3, 224, 224)), torch.zeros((1, 128), dtype=torch.bool)]  # keyword inputs last",
    );
    expect(cpp).toContain(
      'Module module("det-build-tensorrt-a100.pte", std::vector<std::string>{"det-build-tensorrt-a100--aoti_cuda_blob.ptd"});',
    );
    expect(cpp).toContain("{ones({1, 3, 224, 224}, ScalarType::Float), ones({1, 128}, ScalarType::Bool)}");
    expect(cpp).toContain("libexecutorch_trt_backend");
  });

  it("tensorrt without a data file: the wheel's load()", () => {
    const { python, cpp } = blocks(renderUseIt({ ...base, ptd: [] }));
    expect(python).toContain('outputs = load("det-build-tensorrt-a100.pte").run(inputs)');
    expect(cpp).toContain('Module module("det-build-tensorrt-a100.pte");');
  });

  it("cuda: a C++ Module only, with every data file", () => {
    const { python, cpp } = blocks(renderUseIt({ ...base, target: "cuda", ptd: ["a--x.ptd", "a--y.ptd"] }));
    expect(python).toBeUndefined();
    expect(cpp).toContain('std::vector<std::string>{"a--x.ptd", "a--y.ptd"}');
    expect(cpp).toContain("EXECUTORCH_BUILD_CUDA");
  });

  it("CPU targets: ExecuTorch's Python runtime, through the API each release has for a data file", () => {
    const cpu: UseIt = { ...base, target: "xnnpack", fetch: { ...base.fetch!, by: { run: "4242" } } };
    expect(blocks(renderUseIt({ ...cpu, ptd: [] })).python).toContain(
      'program = Runtime.get().load_program("det-build-tensorrt-a100.pte")',
    );
    // ExecuTorch 1.5 took `data_path` into Runtime.load_program; 1.4 has it on _load_for_executorch only.
    expect(blocks(renderUseIt({ ...cpu, executorch: "1.5.1" })).python).toContain(
      'load_program("det-build-tensorrt-a100.pte", data_path="det-build-tensorrt-a100--aoti_cuda_blob.ptd")',
    );
    expect(blocks(renderUseIt(cpu)).python).toContain(
      'module = _load_for_executorch("det-build-tensorrt-a100.pte", data_path="det-build-tensorrt-a100--aoti_cuda_blob.ptd")',
    );
    expect(blocks(renderUseIt(cpu)).sh).toBe(
      "trt-pte fetch --repo octo/models --run 4242 --model det-build-tensorrt-a100",
    );
    // Without GitHub (the CLI) there is nothing to fetch.
    expect(blocks(renderUseIt({ ...cpu, fetch: null })).sh).toBeUndefined();
  });

  it("keeps odd names inside their literals and the fences closed", () => {
    const odd = 'x"; import os #\n```\n@octocat `y`.ptd';
    const section = renderUseIt({
      ...base,
      ptd: [odd],
      fetch: { repository: "octo/models", by: { pr: 7 }, build: "it's" },
    });
    const live = liveMarkdown(section);
    expect(live.prose).not.toContain("@octocat");
    expect(live.html).toEqual(["<details><summary>Use it</summary>\n", "</details>\n"]);
    expect(section).toContain("--model 'it'\\''s'");
    expect(section).toContain('data = open("x\\"; import os #?```?@octocat `y`.ptd", "rb").read()');
  });
});

describe("the names of a build's artifacts", () => {
  it("are the build's name with the file's kind, and a report artifact names its build", () => {
    expect(pteArtifactName("det-build-cuda-l4")).toBe("det-build-cuda-l4.pte");
    expect(ptdArtifactName("det-build-cuda-l4", "aoti_cuda_blob.ptd")).toBe(
      "det-build-cuda-l4--aoti_cuda_blob.ptd",
    );
    expect(ptdArtifactName("det-build-cuda-l4", "../we ird.ptd")).toBe("det-build-cuda-l4--we-ird.ptd");
    expect(reportArtifactName("det-build-cuda-l4")).toBe("det-build-cuda-l4.report.json");
    expect(buildOfReportArtifact("det-build-cuda-l4.report.json")).toBe("det-build-cuda-l4");
    expect(buildOfReportArtifact("det-build-cuda-l4.pte")).toBeNull();
    expect(buildOfReportArtifact("a b.report.json")).toBeNull();
  });

  it("let `trt-pte inspect` read a downloaded .pte's own .ptd files among other builds'", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-beside-"));
    for (const f of ["a.pte", "a--aoti_cuda_blob.ptd", "b.pte", "b--aoti_cuda_blob.ptd"])
      fs.writeFileSync(path.join(dir, f), "");
    expect(ptdFilesBeside(path.join(dir, "a.pte"))).toEqual([path.join(dir, "a--aoti_cuda_blob.ptd")]);
    // An export's own folder names its .ptd as ExecuTorch wrote it: every one there is the .pte's.
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-beside-"));
    for (const f of ["model.pte", "aoti_cuda_blob.ptd"]) fs.writeFileSync(path.join(out, f), "");
    expect(ptdFilesBeside(path.join(out, "model.pte"))).toEqual([path.join(out, "aoti_cuda_blob.ptd")]);
  });
});

describe("uploading a build", () => {
  const files: VerifiedFiles = {
    pte: { name: "model.pte", kind: "pte", bytes: 3, sha256: "a".repeat(64) },
    ptd: [{ name: "aoti_cuda_blob.ptd", kind: "ptd", bytes: 3, sha256: "b".repeat(64) }],
    inspection: {} as VerifiedFiles["inspection"],
  };
  const settings = {
    artifactName: "m-cuda-l4",
    outputDir: "/out",
    retentionDays: undefined,
  } as unknown as Settings;

  function store(fail: (name: string) => Error | null, digest: (name: string) => string) {
    const calls: string[] = [];
    const api: ArtifactStore = {
      async uploadFile(name) {
        calls.push(`upload ${name}`);
        const error = fail(name);
        if (error) throw error;
        return { id: calls.length, size: 3, digest: digest(name), url: `u/${name}` };
      },
      async remove(name) {
        calls.push(`remove ${name}`);
      },
    };
    return { api, calls };
  }

  it("uploads the .ptd files, the report, then the .pte, and takes them back when the .pte fails", async () => {
    const ok = store(
      () => null,
      (n) => `sha256:${n.endsWith(".ptd") ? "b".repeat(64) : "a".repeat(64)}`,
    );
    const published = await uploadExport(settings, ok.api, files);
    expect(ok.calls).toEqual([
      "upload m-cuda-l4--aoti_cuda_blob.ptd",
      "upload m-cuda-l4.report.json",
      "upload m-cuda-l4.pte",
    ]);
    expect([published.pte.name, published.ptd.map((p) => p.file), published.report.file]).toEqual([
      "m-cuda-l4.pte",
      ["aoti_cuda_blob.ptd"],
      "report.json",
    ]);
    const failing = store(
      (n) =>
        n.endsWith(".pte")
          ? new Error("Failed request: (409) Conflict: an artifact with this name already exists")
          : null,
      () => `sha256:${"b".repeat(64)}`,
    );
    await expect(uploadExport(settings, failing.api, files)).rejects.toThrow(
      "uploading artifact 'm-cuda-l4.pte' failed",
    );
    expect(failing.calls.slice(3)).toEqual([
      "remove m-cuda-l4--aoti_cuda_blob.ptd",
      "remove m-cuda-l4.report.json",
    ]);
  });

  it("refuses a file whose recorded digest is not the sha256 verification measured", async () => {
    const changed = store(
      () => null,
      () => `sha256:${"f".repeat(64)}`,
    );
    await expect(uploadExport(settings, changed.api, files)).rejects.toThrow(
      `uploading artifact 'm-cuda-l4--aoti_cuda_blob.ptd' failed: GitHub recorded sha256:${"f".repeat(64)}, but verification measured sha256:${"b".repeat(64)}`,
    );
    expect(changed.calls).toEqual([
      "upload m-cuda-l4--aoti_cuda_blob.ptd",
      "remove m-cuda-l4--aoti_cuda_blob.ptd",
    ]);
  });
});
