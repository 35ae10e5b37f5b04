// The export process's result file as untrusted input (src/result-file.ts): checked against its
// shapes before anything reads it, refused naming the field (never showing the value), and whatever
// fits rendered inert. The property test generates results whose every free string is hostile
// (links, images, HTML, mentions, backticks, pipes, line breaks: test/support/hostile.ts) and reads
// the action's summary and comment and the report step's comment with a real markdown parser.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { RESULT_SHAPE, parseResult, readResultFile } from "../src/result-file.js";
import { TrtPteError } from "../src/errors.js";
import type { ExportResult } from "../src/protocol.js";
import { readSettings, type Settings } from "../src/settings/settings.js";
import type { Preflight } from "../src/preflight.js";
import { REPORT_SCHEMA, buildReport, type Report } from "../src/report/report.js";
import type { VerifiedFiles } from "../src/verify.js";
import { renderSummary } from "../src/publish/summary.js";
import { renderComment } from "../src/publish/comment-body.js";
import type { Downloads } from "../src/publish/render.js";
import { renderUseIt, useItOf, type FetchSource } from "../src/publish/use-it.js";
import { renderCallComment, renderCallSummary, type ModelView } from "../src/publish/call-report.js";
import { exportWarnings } from "../src/publish/warnings.js";
import { reportFacts } from "../src/compare/facts.js";
import { diffFacts } from "../src/compare/diff.js";
import { judgeGates } from "../src/compare/gates.js";
import { renderComparison } from "../src/compare/render.js";
import { readResults } from "../src/gather/results.js";
import { renderCall } from "../src/gather/render.js";
import { runLinks } from "../src/github/run-links.js";
import { REPO } from "./support/action-run.js";
import { liveMarkdown } from "./support/markdown.js";
import { valueOf } from "./support/hostile.js";

const fixture = (): Report =>
  JSON.parse(
    fs.readFileSync(path.join(REPO, "test/fixtures/reports/xnnpack-dynamic.json"), "utf8"),
  ) as Report;

/** A result as the driver writes it for the fixture's export. */
function realResult(): Record<string, unknown> {
  const r = fixture();
  return {
    protocol: 1,
    status: "ok",
    driver_version: "0.1.0",
    target: "xnnpack",
    versions: r.versions,
    files: [r.pte, ...r.ptd],
    partition: r.partition,
    accuracy: r.accuracy,
    execution: r.execution,
    determinism: r.determinism,
    benchmark: r.benchmark,
    memory: r.memory,
    timings: { load_model: 0.001, export: 1.366 },
    details: r.details,
    inputs: r.inputs,
    sources: ["/ws/models/net.py"],
    seconds: 13.2,
  };
}

function refusal(content: string): TrtPteError {
  try {
    parseResult(content);
  } catch (e) {
    if (e instanceof TrtPteError) return e;
    throw e;
  }
  throw new Error("expected the result to be refused");
}

describe("the result file's shape", () => {
  it("takes what the driver writes, and drops keys it does not name", () => {
    const raw = { ...realResult(), injected: "[x](https://evil.example)" };
    const result = parseResult(JSON.stringify(raw));
    expect(result).not.toHaveProperty("injected");
    expect(result.partition).toEqual({ XnnpackBackend: 5, undelegated: 0 });
    expect(result.files?.[0]?.name).toBe("cos_block-build.pte");
  });

  it.each<[string, (r: Record<string, unknown>) => void, string]>([
    [
      "a runtime trt-pte does not know",
      (r) => ((r.execution as Record<string, unknown>).runtime = "[48× faster](https://evil.example)"),
      "execution.runtime: is not of the form",
    ],
    [
      "a benchmark shape that is not a shape point",
      (r) => ((r.benchmark as { points: Record<string, unknown>[] }).points[0]!.shape = "opt](x)"),
      "benchmark.points[0].shape: expected one of min, opt, max",
    ],
    [
      "a partition count that is text",
      (r) => ((r.partition as Record<string, unknown>).XnnpackBackend = "5 ![i](https://evil.example/i.png)"),
      "partition.XnnpackBackend: expected a finite number, found a string",
    ],
    [
      "a partition key that is not a backend id",
      (r) => ((r.partition as Record<string, unknown>)["<img src=x>"] = 1),
      "partition (key 3): is not of the form",
    ],
    [
      "a version that is not a version",
      (r) => ((r.versions as Record<string, unknown>).tensorrt = "10.13 [Approved](https://evil.example)"),
      "versions.tensorrt: is not of the form",
    ],
    [
      "a file name that leaves the output folder",
      (r) => ((r.files as Record<string, unknown>[])[0]!.name = "../../released.pte"),
      "files[0].name: is not of the form",
    ],
    [
      "a digest that is not sha256 hex",
      (r) => ((r.files as Record<string, unknown>[])[0]!.sha256 = "sha256:x"),
      "files[0].sha256: is not of the form",
    ],
    [
      "a negative size",
      (r) => ((r.files as Record<string, unknown>[])[0]!.bytes = -1),
      "files[0].bytes: expected a number from 0 to",
    ],
    ["an unknown target", (r) => (r.target = "tensorrt-but-faster"), "target: expected one of tensorrt"],
    [
      "too many notes",
      (r) => ((r.execution as Record<string, unknown>).notes = Array.from({ length: 17 }, () => "n")),
      "execution.notes: has 17 items, more than 16",
    ],
    [
      "an accuracy reason longer than its bound",
      (r) => ((r.accuracy as Record<string, unknown>).reason = "x".repeat(2001)),
      "accuracy.reason: is 2001 characters long, more than 2000",
    ],
    [
      "infinite latency",
      (r) =>
        ((r.benchmark as { points: { built: Record<string, unknown> }[] }).points[0]!.built.median_ms = 1e10),
      "benchmark.points[0].built.median_ms: expected a number from 0 to 1000000000",
    ],
  ])("refuses %s, naming the field and not the value", (_what, change, field) => {
    const raw = realResult();
    change(raw);
    const error = refusal(JSON.stringify(raw));
    expect(error.kind).toBe("verification");
    expect(error.message).toContain(`result.json: ${field}`);
    expect(error.message).not.toMatch(/evil|img|\.\.\/|Approved|xxxx/);
    expect(error.hint).toMatch(/model code runs in that process/);
  });

  it("refuses a file that is not JSON, not an object, or of another protocol", () => {
    expect(refusal("{").message).toBe("result.json: is not JSON");
    expect(refusal("[]").message).toBe("result.json: expected an object, found a list");
    const other = refusal(JSON.stringify({ ...realResult(), protocol: 2 }));
    expect(other.kind).toBe("internal");
    expect(other.message).toBe("result.json: protocol 2 is not 1");
  });

  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it("reads no file larger than a result can be, and none that is a link", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-result-"));
    dirs.push(dir);
    const file = path.join(dir, "result.json");
    expect(await readResultFile(file)).toBeNull();
    fs.writeFileSync(file, JSON.stringify(realResult()));
    expect((await readResultFile(file))?.status).toBe("ok");
    fs.truncateSync(file, 17 * 1024 * 1024);
    await expect(readResultFile(file)).rejects.toThrow(/is 17825792 bytes, more than 16777216/);
    fs.rmSync(file);
    fs.symlinkSync("/etc/hostname", file);
    await expect(readResultFile(file)).rejects.toThrow("result.json: is not a regular file");
  });
});

describe("a forged result in the summary and the comments", () => {
  const env = {
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_REPOSITORY: "octo/models",
    GITHUB_RUN_ID: "4242",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_SHA: "a".repeat(40),
    GITHUB_REF: "refs/pull/7/merge",
  };
  const ours = "https://github.com/octo/models/";
  const settingsFor = (target: string) =>
    readSettings(
      (n) =>
        ({
          model: "models/net.py:build",
          target,
          "max-size-increase": "1%",
          "max-latency-increase": "1%",
          "max-error-increase": "1%",
          "max-tensorrt-nodes-lost": "0",
        })[n] ?? "",
      { workspace: "/ws", allowedRoots: [] },
    );
  const targets = [settingsFor("xnnpack"), settingsFor("tensorrt")];
  const pre: Preflight = {
    python: { executable: "/usr/bin/python3", version: "3.11.7" },
    packages: { torch: "2.13.0", executorch: "1.4.1", torch_tensorrt: null, tensorrt: null },
    distributions: {},
    editable: [],
    gpus: [],
  };
  const inspection = fixture().inspection;
  const downloads: Downloads = {
    pte: { name: "net-build-xnnpack.pte", url: `${ours}actions/runs/4242/artifacts/1` },
    ptd: [{ name: "net-build-xnnpack--weights.ptd", url: `${ours}actions/runs/4242/artifacts/2` }],
    report: { name: "net-build-xnnpack.report.json", url: `${ours}actions/runs/4242/artifacts/3` },
  };

  function reportOf(result: ExportResult, settings: Settings): Report {
    const [pte = { name: "model.pte", kind: "pte", bytes: 1, sha256: "0".repeat(64) }, ...ptd] =
      result.files ?? [];
    const files: VerifiedFiles = { pte: { ...pte, kind: "pte" }, ptd, inspection };
    return buildReport(settings, pre, { ...result, status: "ok" }, files, env);
  }

  /** The report step's comment for this report, as the reusable workflow's gather job writes it. */
  function gatherComment(report: Report, dir: string): string {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "report.json"), JSON.stringify(report));
    fs.writeFileSync(
      path.join(dir, "result.json"),
      JSON.stringify({
        schema: "trt-pte/result@1",
        key: "abc123",
        gpu: "",
        model: report.model,
        target: "xnnpack",
        outcome: "success",
        artifact_id: "12",
        digest: `sha256:${report.pte.sha256}`,
      }),
    );
    const { results, unreadable } = readResults(dir);
    return renderCall({ key: "abc123", results, missing: [], unreadable }, runLinks(env), env.GITHUB_SHA);
  }

  /** trt-pte's own HTML: collapsed sections, the footer, line breaks, hidden markers (no text from a file). */
  const OWN_HTML = [
    /^<\/?(sub|details)>$/,
    /^<br>$/,
    /^<details><summary>[A-Za-z .]+<\/summary>$/,
    /^<summary>[A-Za-z .]+<\/summary>$/,
    /^<!-- trt-pte:[A-Za-z0-9:._-]+(?: [a-z]+=[0-9]+)? -->$/,
  ];

  /** What test/support/hostile.ts puts in strings, as it would read were it live. */
  const FORGED = /@(octocat|org|entity)|evil\.example|security-team|forged/;

  /** No link, image, HTML or mention that trt-pte did not write, and no table a string started. */
  function expectInert(body: string, tables = 1): void {
    const live = liveMarkdown(body);

    expect(live.images).toEqual([]);
    for (const href of live.links) expect(href.startsWith(ours), href).toBe(true);
    for (const html of live.html) {
      for (const line of html.trim().split("\n"))
        expect(
          OWN_HTML.some((own) => own.test(line.trim())),
          line,
        ).toBe(true);
    }
    // Outside code spans: none of the forged mentions (the entity decodes to one), bare links or text.
    const outside = live.prose.split("\n").filter((l) => FORGED.test(l));
    expect(outside, body).toEqual([]);
    expect(live.tables).toBeLessThanOrEqual(tables);
  }

  it("shows no link, image, HTML or mention from any string the shape lets through", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-forged-"));
    try {
      fc.assert(
        fc.property(
          valueOf(RESULT_SHAPE.spec),
          valueOf(RESULT_SHAPE.spec),
          fc.constantFrom(...targets),
          (raw, rawBaseline, settings) => {
            // Every generated value fits the shape: it is what a forger can get past the check.
            const report = reportOf(parseResult(JSON.stringify(raw)), settings);
            const baseline = reportOf(parseResult(JSON.stringify(rawBaseline)), settings);
            const diff = diffFacts(reportFacts(baseline), reportFacts(report));
            const comparison = renderComparison({
              comparison: { state: "compared", base_ref: "main", note: null, saved: null },
              baseline: {
                ref: "main",
                run: { run_id: "4100", url: `${ours}actions/runs/4100` },
                pte_sha256: baseline.pte.sha256,
                schema: REPORT_SCHEMA,
              },
              diff,
              gates: judgeGates(settings.compare.gates, diff),
            });
            const extras = { comparison, picture: "" };
            const useIt = (by: FetchSource) => renderUseIt(useItOf(report, downloads, "octo/models", by));
            const summary = renderSummary(
              report,
              downloads,
              { state: "created", url: `${ours}pull/7` },
              {
                ...extras,
                useIt: useIt({ run: "4242" }),
              },
            );
            expectInert(summary);
            expectInert(renderComment(report, downloads, { ...extras, useIt: useIt({ pr: 7 }) }));
            expectInert(gatherComment(report, dir));
            // A trt-pte.yml call: the rollup first, then each model's section.
            const view: ModelView = {
              name: report.model_name,
              target: report.target,
              report,
              downloads,
              extras,
              error: null,
            };
            expectInert(renderCallComment([view, { ...view, report: baseline }], "trt-pte.yml", ""), 3);
            expectInert(renderCallSummary([view], "trt-pte.yml", { state: "off" }), 2);
            // The warnings go to the log as annotations, which the log adapters make inert; they must
            // still be plain sentences, whatever the strings.
            for (const w of exportWarnings(report, settings)) expect(typeof w).toBe("string");
          },
        ),
        { numRuns: 150 },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
