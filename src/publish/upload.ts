// Uploading one export: the .pte, every .ptd it needs and report.json, each an artifact of its own,
// unzipped (docs/downloads.md “Single-file artifacts”): a link downloads the file itself, and the digest GitHub
// records for each is that file's sha256. The names are the build's (src/settings/names.ts), so no
// two builds of a run meet. The .pte goes last, so its artifact exists only once everything it needs
// does; a failure removes what this build had uploaded.

import path from "node:path";
import type { Settings } from "../settings/settings.js";
import type { ArtifactStore, UploadedArtifact } from "../platform/platform.js";
import type { VerifiedFiles } from "../verify.js";
import { REPORT_FILE } from "../report/report.js";
import { ptdArtifactName, pteArtifactName, reportArtifactName } from "../settings/names.js";
import { TrtPteError, errorMessage } from "../errors.js";
import type { Downloads } from "./render.js";

/** One uploaded file. */
export interface PublishedFile extends UploadedArtifact {
  /** The artifact's name: the file's name once downloaded. */
  name: string;
  /** The file's name in the output folder and report.json. */
  file: string;
}

/** What one build published, and where each file downloads from. */
export interface PublishedBuild {
  pte: PublishedFile;
  ptd: PublishedFile[];
  report: PublishedFile;
}

interface Planned {
  name: string;
  file: string;
  /** The sha256 verification measured, which the service's digest must repeat. */
  sha256: string | null;
}

function plan(artifact: string, files: VerifiedFiles): Planned[] {
  return [
    ...files.ptd.map((f) => ({ name: ptdArtifactName(artifact, f.name), file: f.name, sha256: f.sha256 })),
    { name: reportArtifactName(artifact), file: REPORT_FILE, sha256: null },
    { name: pteArtifactName(artifact), file: files.pte.name, sha256: files.pte.sha256 },
  ];
}

/** The artifact names one build uploads, in upload order (the .pte last). */
export function artifactNames(artifact: string, files: VerifiedFiles): string[] {
  return plan(artifact, files).map((p) => p.name);
}

export async function uploadExport(
  settings: Settings,
  store: ArtifactStore,
  files: VerifiedFiles,
): Promise<PublishedBuild> {
  const done: PublishedFile[] = [];
  for (const planned of plan(settings.artifactName, files)) {
    try {
      const uploaded = await store.uploadFile(planned.name, path.join(settings.outputDir, planned.file), {
        retentionDays: settings.retentionDays,
      });
      done.push({ ...uploaded, name: planned.name, file: planned.file });
      const expected = planned.sha256 === null ? null : `sha256:${planned.sha256}`;
      if (expected !== null && uploaded.digest !== undefined && uploaded.digest !== expected) {
        throw new TrtPteError(
          "publish",
          `uploading artifact '${planned.name}' failed: GitHub recorded ${uploaded.digest}, but verification measured ${expected}`,
          "the file changed after it was verified (something else writes into the output folder); re-run the job",
        );
      }
    } catch (e) {
      await removeAll(store, done);
      if (e instanceof TrtPteError) throw e;
      const message = errorMessage(e);
      const taken = /already exists|\(409\)/i.test(message);
      throw new TrtPteError(
        "publish",
        `uploading artifact '${planned.name}' failed: ${message}`,
        taken
          ? "artifact names are unique per workflow run: give each call (and each matrix job) its own `artifact-name`"
          : "the .pte is verified and kept in the output folder; re-run the job to upload it",
      );
    }
  }
  // The plan ends with the report and the .pte, and every planned file was uploaded.
  const [report, pte] = done.splice(-2) as [PublishedFile, PublishedFile];
  return { pte, ptd: done, report };
}

/** Best effort: a delete that fails leaves an orphan, which the error already explains. */
async function removeAll(store: ArtifactStore, uploaded: readonly PublishedFile[]): Promise<void> {
  for (const file of uploaded) {
    try {
      await store.remove(file.name);
    } catch {
      // The run fails with the upload's own error either way.
    }
  }
}

/** The links the summary and comment show. */
export function downloadsOf(published: PublishedBuild): Downloads {
  const link = ({ name, url }: PublishedFile) => ({ name, url });
  return { pte: link(published.pte), ptd: published.ptd.map(link), report: link(published.report) };
}
