// Uploading one export as one artifact: the .pte, every .ptd it needs, and report.json.

import path from "node:path";
import type { Settings } from "../settings/settings.js";
import type { ArtifactStore, UploadedArtifact } from "../platform/platform.js";
import type { VerifiedFiles } from "../verify.js";
import { REPORT_FILE } from "./constants.js";

export function artifactFiles(dir: string, files: VerifiedFiles): string[] {
  return [files.pte, ...files.ptd].map((f) => path.join(dir, f.name)).concat(path.join(dir, REPORT_FILE));
}

export async function uploadExport(
  settings: Settings,
  store: ArtifactStore,
  files: VerifiedFiles,
): Promise<UploadedArtifact> {
  return store.upload(settings.artifactName, artifactFiles(settings.outputDir, files), settings.outputDir, {
    retentionDays: settings.retentionDays,
  });
}
