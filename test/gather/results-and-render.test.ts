// The report step's reading of build results (which may come from a fork's run, so forged files are
// part of the test) and the comment it renders from them.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readResults } from "../../src/gather/results.js";
import { artifactEntries, groupCalls } from "../../src/gather/calls.js";
import { commentMarker, renderCall } from "../../src/gather/render.js";
import type { RunLinks } from "../../src/github/run-links.js";
import { KEY, resultsDir, sampleReport, singleFiles, writeResult } from "../support/build-results.js";
import { liveMarkdown } from "../support/markdown.js";
import { parseMermaid } from "../support/mermaid-parse.js";
import { runMarker } from "../../src/github/sticky-comment.js";

const links: RunLinks = { server: "https://github.com", repository: "octo/models", runId: "4242" };

describe("reading build results", () => {
  it("reads one folder per downloaded artifact, and a lone artifact downloaded flat", () => {
    const dir = resultsDir();
    writeResult(dir, { gpu: "a100" });
    writeResult(dir, { gpu: "l4", outcome: "failure", artifactId: "", report: null });
    const { results, unreadable } = readResults(dir);
    expect(unreadable).toEqual([]);
    expect(results.map((r) => [r.gpu, r.outcome, r.artifactId, r.report?.artifactName ?? null])).toEqual([
      ["a100", "success", 1234, "cos_block-build-tensorrt-a100"],
      ["l4", "failure", null, null],
    ]);
    const flat = resultsDir();
    writeResult(flat, { gpu: "" }, "flat");
    expect(readResults(flat).results).toEqual([expect.objectContaining({ gpu: "", outcome: "success" })]);
  });

  it("finds nothing in a folder that does not exist (no build uploaded a result)", () => {
    expect(readResults(path.join(resultsDir(), "none"))).toEqual({ results: [], unreadable: [] });
  });

  it.each([
    [
      "a wrong schema",
      (r: Record<string, unknown>) => (r.schema = "other@1"),
      "schema is not trt-pte/result@1",
    ],
    ["a key that is not hex", (r: Record<string, unknown>) => (r.key = "../../x"), "key is not a hex string"],
    ["an unknown outcome", (r: Record<string, unknown>) => (r.outcome = "pwned"), "unknown outcome 'pwned'"],
    [
      "an artifact id that is not a number",
      (r: Record<string, unknown>) => (r.artifact_id = "1/../../evil"),
      "artifact_id",
    ],
    [
      "an overlong model",
      (r: Record<string, unknown>) => (r.model = "m".repeat(5000)),
      "model is longer than 200",
    ],
    ["a non-string field", (r: Record<string, unknown>) => (r.gpu = { a: 1 }), "gpu is not a string"],
  ])("sets aside a result.json with %s, naming why", (_what, forge, reason) => {
    const dir = resultsDir();
    const folder = writeResult(dir);
    const file = path.join(folder, "result.json");
    const result = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
    forge(result);
    fs.writeFileSync(file, JSON.stringify(result));
    const { results, unreadable } = readResults(dir);
    expect(results).toEqual([]);
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]!.reason).toContain(reason);
  });

  it("keeps the outcome when only report.json is bad, and says what was wrong with it", () => {
    const dir = resultsDir();
    writeResult(dir, {
      report: sampleReport("a100", { pte: { name: "x.pte", bytes: -1, sha256: "c".repeat(64) } }),
    });
    const { results, unreadable } = readResults(dir);
    expect(results).toEqual([expect.objectContaining({ outcome: "success", report: null })]);
    expect(unreadable[0]!.file).toMatch(/report\.json$/);
    expect(unreadable[0]!.reason).toContain("pte.bytes");
  });

  it("refuses files that are not JSON or absurdly large", () => {
    const dir = resultsDir();
    const folder = writeResult(dir);
    fs.writeFileSync(path.join(folder, "result.json"), "{not json");
    const big = writeResult(dir, { gpu: "l4" });
    fs.writeFileSync(path.join(big, "report.json"), " ".repeat(2 << 20));
    const { unreadable } = readResults(dir);
    expect(unreadable.map((u) => u.reason)).toEqual([
      expect.stringContaining("is not JSON"),
      "is larger than 1 MiB",
    ]);
  });
});

describe("the comment", () => {
  function render(write: (dir: string) => void, expected: string[] = []) {
    const dir = resultsDir();
    write(dir);
    const { results, unreadable } = readResults(dir);
    const [call] = groupCalls(results, unreadable, KEY, { models: [], gpus: expected });
    return renderCall(call!, links, "1111111111111111111111111111111111111111");
  }

  it("has a section per GPU with the download link, files, delegates, accuracy and versions", () => {
    const body = render((dir) => {
      writeResult(dir, { gpu: "l4", artifactId: "99" });
      writeResult(dir, { gpu: "a100" });
    });
    expect(body).toMatch(
      /^### trt-pte: 2 of 2 builds succeeded\n\n\[Run 4242\]\(https:\/\/github.com\/octo\/models\/actions\/runs\/4242\) · commit 1111111/,
    );
    const sections = body.split("\n#### ").slice(1);
    expect(sections.map((s) => s.split("\n")[0])).toEqual([
      "✅ `cos_block-build` · `tensorrt` · `a100`",
      "✅ `cos_block-build` · `tensorrt` · `l4`",
    ]);
    expect(sections[0]).toContain(
      "**Download:** [`cos_block-build-tensorrt-a100`](https://github.com/octo/models/actions/runs/4242/artifacts/1234)",
    );
    expect(sections[1]).toContain("/actions/runs/4242/artifacts/99)");
    expect(sections[0]).toContain("`cos_block-build.pte` 3.00 MiB");
    expect(sections[0]).toContain("`aoti_cuda_blob.ptd` 1.00 KiB");
    expect(sections[0]).toContain("  - Delegated: `TensorRTBackend` ×3, `CudaBackend` ×1");
    expect(sections[0]).toContain("  - Accuracy: max abs error 2.5e-5 (tolerance 1.0e-3) ✅");
    expect(sections[0]).toContain("- Built on `NVIDIA A100-SXM4-80GB` (compute capability `8.0`)");
    expect(sections[0]).toContain("`torch_tensorrt` `2.13.0`");
  });

  it("links a failed build to its job log, and reports GPUs that sent nothing", () => {
    const body = render(
      (dir) => writeResult(dir, { gpu: "a100", outcome: "failure", artifactId: "", report: null }),
      ["a100", "h100"],
    );
    expect(body).toContain("### trt-pte: 0 of 2 builds succeeded");
    expect(body).toContain("#### ❌ `examples/cos_block.py:build` · `tensorrt` · `a100`");
    expect(body).toContain(
      "The build failed: see [the job log](https://github.com/octo/models/actions/runs/4242/job/777).",
    );
    expect(body).toContain("#### ⚠️ `h100`\n\nNo result: the job did not run or stopped before reporting");
  });

  it("shows forged text as inline code and takes no link from the files", () => {
    const evil = "x` [click](https://evil.example) <img src=x onerror=alert(1)> @octocat\n# heading";
    const body = render((dir) =>
      writeResult(dir, {
        model: evil,
        report: sampleReport("a100", { model_name: evil, artifact_name: "a](https://evil.example)" }),
      }),
    );
    // Code spans win over links, HTML and mentions in GitHub's markdown: outside them nothing is left.
    const live = liveMarkdown(body);
    const outsideCode = [live.prose, ...live.links, ...live.images, ...live.html].join("\n");
    expect(outsideCode).not.toContain("evil.example");
    expect(outsideCode).not.toContain("<img");
    expect(outsideCode).not.toContain("@octocat");
    expect(body).not.toContain("\n# heading");
    expect(live.images).toEqual([]);
    // The only HTML is trt-pte's own hidden run line, of digits.
    expect(live.html).toEqual([`${runMarker("4242")}\n`]);
    const links = live.links;
    expect(links.length).toBeGreaterThan(1);
    for (const link of links)
      expect(link).toMatch(/^https:\/\/github\.com\/octo\/models\/actions\/runs\/4242(\/artifacts\/\d+)?$/);
  });

  it("links each file of a single-file upload, the .pte first, with a Use it section for the build", () => {
    const files = singleFiles("cos_block-build-tensorrt-a100");
    const write = (dir: string) => writeResult(dir, { gpu: "a100", files });
    const summary = render(write);
    expect(summary).toContain(
      "**Download:** [`cos_block-build-tensorrt-a100.pte`](https://github.com/octo/models/actions/runs/4242/artifacts/2002)" +
        " · [`cos_block-build-tensorrt-a100--aoti_cuda_blob.ptd`](https://github.com/octo/models/actions/runs/4242/artifacts/2000)" +
        " · [`cos_block-build-tensorrt-a100.report.json`](https://github.com/octo/models/actions/runs/4242/artifacts/2001)",
    );
    // The summary belongs to the run; the comment shows the pull request's newest build.
    expect(summary).toContain(
      "trt-pte fetch --repo octo/models --run 4242 --model cos_block-build-tensorrt-a100\n",
    );
    const dir = resultsDir();
    write(dir);
    const { results, unreadable } = readResults(dir);
    const [call] = groupCalls(results, unreadable, KEY, { models: [], gpus: [] });
    const comment = renderCall(call!, links, "abc1234", undefined, null, { pr: 7 });
    expect(comment).toContain(
      "trt-pte fetch --repo octo/models --pr 7 --model cos_block-build-tensorrt-a100\n",
    );
    expect(comment).toContain(
      'data = open("cos_block-build-tensorrt-a100--aoti_cuda_blob.ptd", "rb").read()',
    );
    expect(comment).toContain(
      'Module module("cos_block-build-tensorrt-a100.pte", std::vector<std::string>{"cos_block-build-tensorrt-a100--aoti_cuda_blob.ptd"});',
    );
    // HTML only of trt-pte's own: the hidden run line and the collapsed section.
    expect(liveMarkdown(comment).html).toEqual([
      `${runMarker("4242")}\n`,
      "<details><summary>Use it</summary>\n",
      "</details>\n",
    ]);
  });

  it("names the build in Use it by its checked artifact names, never by the report's text", () => {
    const evil = "x'\n```\n[click](https://evil.example) $(rm -rf ~)";
    const body = render((dir) =>
      writeResult(dir, {
        gpu: "a100",
        files: singleFiles("cos_block-build-tensorrt-a100"),
        report: sampleReport("a100", { artifact_name: evil }),
      }),
    );
    expect(body).not.toContain("evil.example");
    expect(body).toContain("--run 4242 --model cos_block-build-tensorrt-a100\n");
  });

  it.each([
    ["a name with a path", [{ name: "../x.pte", id: 1 }], "artifact_files[0].name is not a plain file name"],
    ["an ID that is not a number", [{ name: "a.pte", id: "1/../2" }], "artifact_files[0].id is not an ID"],
    ["text that is not JSON", "[{", "artifact_files is not JSON"],
  ])("sets aside a result.json whose artifact_files holds %s", (_what, files, reason) => {
    const dir = resultsDir();
    writeResult(dir, { files: files as never });
    const { results, unreadable } = readResults(dir);
    expect(results).toEqual([]);
    expect(unreadable[0]!.reason).toContain(reason);
  });

  it("shows each build's latency with its interval and the branch's history collapsed, dropping forged entries", async () => {
    const point = {
      shape: "opt",
      eager: { median_ms: 2, p10_ms: 1.9, p90_ms: 2.1, runs: 300, median_ci: [1.98, 2.02] },
      built: { median_ms: 0.5, p10_ms: 0.48, p90_ms: 0.52, runs: 300, median_ci: [0.49, 0.51] },
      speedup: 4,
      speedup_ci: [3.9, 4.1],
      rounds: 300,
      noisy: false,
    };
    const entry = (n: number) => ({
      run_id: String(100 + n),
      sha: String(n).repeat(40),
      date: "2026-12-01T10:00:00.000Z",
      pte_bytes: 3 * 1024 * 1024,
      ptd_bytes: 1024,
      points: [{ shape: "opt", built_ms: 0.5, built_ci: [0.49, 0.51], speedup: 4 }],
    });
    const forged = { ...entry(3), sha: '"]\n  line [999]', run_id: "<img src=x>" };
    const body = render((dir) =>
      writeResult(dir, {
        gpu: "a100",
        report: sampleReport("a100", {
          date: "2026-12-02T10:00:00.000Z",
          run: { run_id: "4242", sha: "e".repeat(40) },
          benchmark: { points: [point, { ...point, shape: "max", speedup: "9000" }] },
          history: [entry(1), forged, entry(2)],
        }),
      }),
    );
    expect(body).toContain(
      "- Latency at opt: 0.500 ms vs eager 2.00 ms: 4.0× (95% CI 3.9–4.1), 300 paired runs each",
    );
    expect(body).toContain("<details><summary>Latency history</summary>");
    const chart = body.split("```mermaid\n")[1]!.split("```")[0]!;
    expect(await parseMermaid(chart)).toBe("xychart");
    expect(chart).toContain('x-axis ["1111111", "2222222", "this build"]');
    expect(body).not.toContain("999");
    expect(body).not.toContain("<img");
  });

  it("keys the hidden marker by call", () => {
    expect(commentMarker(KEY)).toBe("<!-- trt-pte:call:0123456789ab -->");
  });
});

describe("grouping and outputs", () => {
  it("one call per key when no key is given (the fork-PR commenter), only the key's results otherwise", () => {
    const dir = resultsDir();
    writeResult(dir, { gpu: "a100" });
    writeResult(dir, { gpu: "a100", key: "fedcba987654", model: "other.py:build" });
    const { results, unreadable } = readResults(dir);
    expect(
      groupCalls(results, unreadable, "", { models: [], gpus: [] }).map((c) => [c.key, c.results.length]),
    ).toEqual([
      [KEY, 1],
      ["fedcba987654", 1],
    ]);
    expect(groupCalls(results, unreadable, KEY, { models: [], gpus: ["a100", "l4"] })).toEqual([
      expect.objectContaining({
        key: KEY,
        missing: [{ name: "", gpu: "l4" }],
        results: [expect.objectContaining({ key: KEY })],
      }),
    ]);
  });

  it("artifact entries per GPU, `default` for a call without gpus, empty when nothing was uploaded", () => {
    const dir = resultsDir();
    writeResult(dir, { gpu: "" });
    writeResult(dir, {
      gpu: "a100",
      artifactId: "2002",
      files: singleFiles("cos_block-build-tensorrt-a100"),
    });
    writeResult(dir, { gpu: "l4", outcome: "failure", artifactId: "", report: null });
    expect(artifactEntries(readResults(dir).results, links)).toEqual([
      {
        gpu: "a100",
        outcome: "success",
        "artifact-name": "cos_block-build-tensorrt-a100",
        "artifact-id": "2002",
        "artifact-url": "https://github.com/octo/models/actions/runs/4242/artifacts/2002",
        // The .pte's artifact, its .ptd and its report: what the release example downloads.
        "all-artifact-ids": "2000,2001,2002",
        digest: `sha256:${"c".repeat(64)}`,
      },
      {
        gpu: "default",
        outcome: "success",
        "artifact-name": "cos_block-build-tensorrt",
        "artifact-id": "1234",
        "artifact-url": "https://github.com/octo/models/actions/runs/4242/artifacts/1234",
        "all-artifact-ids": "1234",
        digest: `sha256:${"c".repeat(64)}`,
      },
      {
        gpu: "l4",
        outcome: "failure",
        "artifact-name": "",
        "artifact-id": "",
        "artifact-url": "",
        "all-artifact-ids": "",
        digest: `sha256:${"c".repeat(64)}`,
      },
    ]);
  });
});
