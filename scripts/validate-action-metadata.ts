// Validates action metadata files (action.yml, gather/action.yml) against schemas/github-action.schema.json,
// our JSON schema of GitHub's documented metadata syntax. `npx tsx scripts/validate-action-metadata.ts FILE...`
// prints each problem as `file: /json/pointer message` and exits 1 when there is any.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Ajv } from "ajv";
import { parse } from "yaml";

const SCHEMA = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../schemas/github-action.schema.json",
);

const ajv = new Ajv({ allErrors: true, strictTypes: true, allowUnionTypes: true });
const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, "utf8")) as object);

/** The schema violations of one parsed metadata document; empty when it is valid. */
export function actionMetadataProblems(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => {
    const extra = e.keyword === "additionalProperties" ? ` '${String(e.params.additionalProperty)}'` : "";
    return `${e.instancePath || "/"} ${e.message ?? e.keyword}${extra}`;
  });
}

function main(files: string[]): number {
  let failed = 0;
  for (const file of files) {
    const problems = actionMetadataProblems(parse(fs.readFileSync(file, "utf8")));
    for (const problem of problems) console.error(`${file}: ${problem}`);
    if (problems.length > 0) failed++;
  }
  if (failed === 0)
    console.log(`${files.length} action metadata file(s) match ${path.relative(process.cwd(), SCHEMA)}`);
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
