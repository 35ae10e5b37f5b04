// The tables of the reusable workflow's inputs and outputs in docs/reusable-workflow.md, rendered from
// .github/workflows/compile-pte.yml itself (`npm run sync` writes them; test/workflows/readme.test.ts
// fails when they drift).

import { parse } from "yaml";
import { cell } from "../src/util/format.js";

interface WorkflowCall {
  inputs?: Record<string, { description?: string; type?: string; required?: boolean; default?: unknown }>;
  outputs?: Record<string, { description?: string }>;
}

function workflowCall(yamlText: string): WorkflowCall {
  const workflow = parse(yamlText) as { on?: { workflow_call?: WorkflowCall } };
  const call = workflow.on?.workflow_call;
  if (call === undefined) throw new Error("the workflow has no `on: workflow_call`");
  return call;
}

export function renderWorkflowInputsTable(yamlText: string): string {
  const rows = Object.entries(workflowCall(yamlText).inputs ?? {}).map(([name, spec]) => {
    const fallback =
      spec.default === undefined || spec.default === "" ? "" : `\`${cell(String(spec.default))}\``;
    return `| \`${name}\` | ${spec.type ?? "string"} | ${spec.required ? "yes" : "no"} | ${fallback} | ${cell(spec.description ?? "")} |`;
  });
  return ["| Input | Type | Required | Default | Description |", "|---|---|---|---|---|", ...rows].join("\n");
}

export function renderWorkflowOutputsTable(yamlText: string): string {
  const rows = Object.entries(workflowCall(yamlText).outputs ?? {}).map(
    ([name, spec]) => `| \`${name}\` | ${cell(spec.description ?? "")} |`,
  );
  return ["| Output | Description |", "|---|---|", ...rows].join("\n");
}
