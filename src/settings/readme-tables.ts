// The input and output tables of docs/action.md (and which inputs docs/config.md's file takes),
// rendered from action.yml's own source so they cannot drift.

import { INPUTS, OUTPUTS, type InputDefinition, type InputUse } from "./inputs.js";
import { cell } from "../util/format.js";

/** A default as code; one code span per line, so a multi-line default stays inside its cell. */
function formatDefault(value: string | undefined): string {
  if (value === undefined || value === "") return "";
  return value
    .split("\n")
    .map((line) => `\`${cell(line)}\``)
    .join("<br>");
}

/** The description, and for an action-only input why the CLI has no such flag. */
function describe(input: InputDefinition): string {
  return input.actionOnly === undefined
    ? input.description
    : `${input.description} Action only (no CLI flag): ${input.actionOnly}.`;
}

export function renderInputsTable(): string {
  const rows = INPUTS.map(
    (i) =>
      `| \`${i.name}\` | ${i.required ? "yes" : "no"} | ${formatDefault(i.default)} | ${cell(describe(i))} |`,
  );
  return ["| Input | Required | Default | Description |", "|---|---|---|---|", ...rows].join("\n");
}

export function renderOutputsTable(): string {
  const rows = OUTPUTS.map((o) => `| \`${o.name}\` | ${cell(o.description)} |`);
  return ["| Output | Description |", "|---|---|", ...rows].join("\n");
}

/** Replaces the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`. */
export function replaceGeneratedSection(doc: string, name: string, body: string): string {
  const start = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`the document has no ${start} ... ${end} section`);
  return `${doc.slice(0, from + start.length)}\n${body}\n${doc.slice(to)}`;
}

const USE_WORDS: Record<InputUse, string> = {
  build: "**In `trt-pte.yml`** (under `defaults:` or in a model's entry; with `config`, only there)",
  call: "**The call's own** (the action's input or the CLI's flag, for every model of the call)",
  publish: "**Publishing, the call's own** (never in the file)",
};

/** Which inputs a trt-pte.yml takes and which stay with the call, for docs/config.md. */
export function renderInputUses(): string {
  return (Object.keys(USE_WORDS) as InputUse[])
    .map((use) => {
      const names = INPUTS.filter((i) => i.use === use).map((i) => `\`${i.name}\``);
      return `- ${USE_WORDS[use]}: ${names.join(", ")}.`;
    })
    .join("\n");
}
