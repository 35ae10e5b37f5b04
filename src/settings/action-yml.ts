// action.yml is generated from the inputs table (`npm run sync`), and test/action-yml.test.ts
// fails when the committed file differs, so the workflow interface and the CLI never drift.

import { INPUTS, OUTPUTS } from "./inputs.js";

const HEADER = `# Generated from src/settings/inputs.ts by \`npm run sync\`; edit that file, not this one.
name: trt-pte
description: >-
  Compile a PyTorch model with Torch-TensorRT into a verified ExecuTorch .pte (TensorRT + CUDA
  delegates) on a GPU runner, and publish it as an artifact people download from their pull request.
author: trt-pte
branding:
  icon: cpu
  color: green
`;

/**
 * A YAML scalar quoted the way prettier (the repository's formatter) quotes it, so the generated
 * file passes `prettier --check` as written: double quotes, unless the text holds more double than
 * single quotes, then single quotes (where only `'` is escaped, as `''`).
 */
function quote(text: string): string {
  const doubles = text.split('"').length - 1;
  const singles = text.split("'").length - 1;
  if (doubles > singles && !/[\n\r\t]/.test(text)) return `'${text.replaceAll("'", "''")}'`;
  return JSON.stringify(text);
}

export function renderActionYml(): string {
  const lines = [HEADER, "inputs:"];
  for (const input of INPUTS) {
    lines.push(`  ${input.name}:`);
    lines.push(`    description: ${quote(input.description)}`);
    lines.push(`    required: ${input.required === true}`);
    if (input.default !== undefined) lines.push(`    default: ${quote(input.default)}`);
  }
  lines.push("outputs:");
  for (const output of OUTPUTS) {
    lines.push(`  ${output.name}:`);
    lines.push(`    description: ${quote(output.description)}`);
  }
  lines.push("runs:", "  using: node24", "  main: dist/index.js", "");
  return lines.join("\n");
}
