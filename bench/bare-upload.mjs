// The floor bench/publish.ts measures the action against: the bare @actions/artifact client
// uploading the same files, with the options the action's upload uses (src/platform/github.ts: one
// unzipped artifact per file, skipArchive), in a Node process of its own as the action is. Needs
// ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL.
//
//   node bench/bare-upload.mjs NAME FILE...
//
// Prints one JSON line: {"upload_s": seconds inside uploadArtifact, "id" and "size" of the last file}.

import path from "node:path";
import { performance } from "node:perf_hooks";
import { DefaultArtifactClient } from "@actions/artifact";

const [name, ...files] = process.argv.slice(2);
if (!name || files.length === 0) {
  console.error("usage: node bench/bare-upload.mjs NAME FILE...");
  process.exit(2);
}
const client = new DefaultArtifactClient();
const started = performance.now();
let uploaded;
// A single-file artifact is named by its file, whatever `name` says.
for (const file of files)
  uploaded = await client.uploadArtifact(name, [file], path.dirname(file), { skipArchive: true });
console.log(
  JSON.stringify({ upload_s: (performance.now() - started) / 1000, id: uploaded.id, size: uploaded.size }),
);
