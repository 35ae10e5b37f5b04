// The summary and the one comment of a call that built several models (a trt-pte.yml): the rollup
// first, then a section per model. In the comment each section keeps a line with its download and
// puts the rest in collapsed details, so a page of models stays short; src/util/fit-markdown.ts fits
// it under GitHub's size limit, dropping details before sections and never the rollup.

import type { Report } from "../report/report.js";
import { TrtPteError, errorMessage } from "../errors.js";
import { code, formatBytes } from "../util/format.js";
import { COMMENT_MAX_CHARS, fitSections } from "../util/fit-markdown.js";
import { changeSummary } from "../compare/render.js";
import { latencyBrief } from "./render-run.js";
import { cell } from "../util/format.js";
import { type CommentOutcome, type Downloads } from "./render.js";
import { renderComment } from "./comment-body.js";
import { renderSummary, type ExtraSections } from "./summary.js";
import {
  COMMENT_ROLLUP_CHARS,
  rollupHeadline,
  rollupTable,
  type RollupRow,
  type RowState,
} from "./rollup.js";

/** One model of the call as the renderers need it. */
export interface ModelView {
  name: string;
  target: string;
  /** The published build's report; null when it failed before one existed. */
  report: Report | null;
  /** Where each of its files downloads from; null when nothing was uploaded. */
  downloads: Downloads | null;
  extras: ExtraSections;
  /** Why the model failed (its error, or its tripped gate); null when it did not. */
  error: unknown;
}

/** GitHub refuses a job summary over 1 MiB; characters are counted, so leave room for multi-byte ones. */
export const SUMMARY_MAX_CHARS = 400_000;

// Where the marker line goes (src/github/sticky-comment.ts) and the footer.
const COMMENT_ROOM = 512;

function state(view: ModelView): RowState {
  if (view.error === null) return "built";
  return view.report !== null ? "regressed" : "failed";
}

function failure(error: unknown): string {
  const message = errorMessage(error);
  return error instanceof TrtPteError ? `${error.kind}: ${message}` : message;
}

export function rollupRow(view: ModelView): RollupRow {
  const report = view.report;
  const bytes = report === null ? null : report.pte.bytes + report.ptd.reduce((sum, f) => sum + f.bytes, 0);
  const cache = report === null ? "" : report.cache.hit ? "hit" : report.cache.enabled ? "miss" : "off";
  return {
    name: view.name,
    gpu: "",
    target: view.target,
    state: state(view),
    detail: view.error === null ? "" : failure(view.error),
    download: view.downloads === null ? null : { url: view.downloads.pte.url },
    bytes,
    latency: report === null ? "" : latencyBrief(report),
    cache,
    changes: report === null ? "" : changeSummary(report.comparison.state, report.diff, report.gates),
  };
}

function heading(view: ModelView, level: string): string {
  const icon = view.error === null ? "✅" : "❌";
  return `${level} ${icon} ${code(view.name)} · ${code(view.target)}`;
}

function failedLine(view: ModelView): string {
  const what = view.report === null ? "Failed" : "Published, then failed its gate";
  return `${what}: ${code(failure(view.error), 400)}`;
}

/** A model's section of the comment: its heading, its download line, and the rest collapsed. */
export function commentSection(view: ModelView): string {
  const lines = [heading(view, "####"), ""];
  if (view.error !== null) lines.push(failedLine(view), "");
  const report = view.report;
  if (report === null) return lines.join("\n");
  // The .pte's link in view; every file's is in the details.
  const pte = view.downloads?.pte;
  const facts = [
    pte === undefined ? "not uploaded (`upload: false`)" : `[⬇ ${cell(pte.name)}](${pte.url})`,
    `${formatBytes(report.pte.bytes)}${report.ptd.length > 0 ? ` + ${report.ptd.length} .ptd` : ""}`,
  ];
  const latency = latencyBrief(report);
  if (latency !== "") facts.push(latency);
  lines.push(facts.join(" · "), "");
  lines.push("<details><summary>Details</summary>", "", renderComment(report, view.downloads, view.extras));
  lines.push("</details>");
  return lines.join("\n");
}

function commentLine(outcome: CommentOutcome): string {
  if (outcome.state === "created" || outcome.state === "updated")
    return `PR comment: [${outcome.state === "created" ? "posted" : "updated"}](${outcome.url ?? ""})`;
  if (outcome.state === "off") return "";
  return `PR comment not posted: ${outcome.reason ?? ""}`;
}

/** The one comment of the call. */
export function renderCallComment(
  views: readonly ModelView[],
  source: string,
  footer: string,
  maxChars: number = COMMENT_MAX_CHARS,
): string {
  const rows = views.map(rollupRow);
  const head = [
    `### trt-pte: ${rollupHeadline(rows)} · ${code(source)}`,
    "",
    rollupTable(rows, COMMENT_ROLLUP_CHARS),
  ].join("\n");
  const body = fitSections(head, views.map(commentSection), {
    maxChars: maxChars - COMMENT_ROOM,
    omittedLine: (n) =>
      `…and ${n} more model${n === 1 ? "" : "s"} that did not fit in one comment: see the job summary.`,
  });
  return footer === "" ? body : `${body}\n${footer}\n`;
}

/** The job summary of the call: the rollup, where the comment went, then each model's full summary. */
export function renderCallSummary(
  views: readonly ModelView[],
  source: string,
  comment: CommentOutcome,
  maxChars: number = SUMMARY_MAX_CHARS,
): string {
  const rows = views.map(rollupRow);
  const commented = commentLine(comment);
  const head = [
    `### trt-pte: ${rollupHeadline(rows)} · ${code(source)}`,
    "",
    rollupTable(rows),
    ...(commented === "" ? [] : ["", commented]),
  ].join("\n");
  const sections = views.map((view) => {
    const failed = view.error === null ? "" : `\n\n${failedLine(view)}`;
    if (view.report === null) return `${heading(view, "###")}${failed}`;
    return `${renderSummary(view.report, view.downloads, { state: "off" }, view.extras)}${failed}`;
  });
  return fitSections(head, sections, {
    maxChars,
    omittedLine: (n) =>
      `…and ${n} more model${n === 1 ? "" : "s"} that did not fit in the summary: each one's report.json is in its artifact.`,
  });
}
