// The floor bench/publish.ts measures the action against: the bare @actions/artifact client
// uploading the same file, with the options the action's upload uses (src/platform/github.ts), in a
// Node process of its own as the action is. Needs ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL.
//
//   node bench/bare-upload.mjs NAME FILE...
//
// Prints one JSON line: {"upload_s": seconds inside uploadArtifact, "id", "size"}.

import path from "node:path";
import { performance } from "node:perf_hooks";
import { DefaultArtifactClient } from "@actions/artifact";

const [name, ...files] = process.argv.slice(2);
if (!name || files.length === 0) {
  console.error("usage: node bench/bare-upload.mjs NAME FILE...");
  process.exit(2);
}
const started = performance.now();
const uploaded = await new DefaultArtifactClient().uploadArtifact(name, files, path.dirname(files[0]), {
  compressionLevel: 0,
});
console.log(
  JSON.stringify({ upload_s: (performance.now() - started) / 1000, id: uploaded.id, size: uploaded.size }),
);
