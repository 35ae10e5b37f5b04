// Uploading one export as one artifact: the .pte, every .ptd it needs, and report.json.

import path from "node:path";
import type { Settings } from "../settings/settings.js";
import type { ArtifactStore, UploadedArtifact } from "../platform/platform.js";
import type { VerifiedFiles } from "../verify.js";
import { REPORT_FILE } from "../report/report.js";
import { TrtPteError, errorMessage } from "../errors.js";

export function artifactFiles(dir: string, files: VerifiedFiles): string[] {
  return [files.pte, ...files.ptd].map((f) => path.join(dir, f.name)).concat(path.join(dir, REPORT_FILE));
}

export async function uploadExport(
  settings: Settings,
  store: ArtifactStore,
  files: VerifiedFiles,
): Promise<UploadedArtifact> {
  try {
    return await store.upload(
      settings.artifactName,
      artifactFiles(settings.outputDir, files),
      settings.outputDir,
      {
        retentionDays: settings.retentionDays,
      },
    );
  } catch (e) {
    const message = errorMessage(e);
    const taken = /already exists|\(409\)/i.test(message);
    throw new TrtPteError(
      "publish",
      `uploading artifact '${settings.artifactName}' failed: ${message}`,
      taken
        ? "artifact names are unique per workflow run: give each call (and each matrix job) its own `artifact-name`"
        : "the .pte is verified and kept in the output folder; re-run the job to upload it",
    );
  }
}
