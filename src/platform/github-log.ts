// The job log on GitHub: annotations for warnings and errors, groups, and the pause of workflow
// commands while another program's output streams. Apart from the rest of the adapter so a small
// entry point (the reusable workflow's plan step) logs the same way without bundling the clients.

import { randomBytes } from "node:crypto";
import path from "node:path";
import * as core from "@actions/core";
import type { SourceLocation } from "../errors.js";
import type { Log } from "./platform.js";
import { formatDuration } from "../util/time.js";
import { inert } from "../util/log-text.js";

// GitHub shows at most 10 error and 10 warning annotations per step; past that we keep logging the
// message plainly so nothing is lost but the annotation list stays readable.
const ANNOTATIONS_PER_KIND = 10;

function annotationProperties(
  where: SourceLocation | undefined,
  workspace: string,
): core.AnnotationProperties {
  if (where === undefined) return {};
  const file = path.isAbsolute(where.file) ? path.relative(workspace, where.file) : where.file;
  return { file, startLine: where.line, startColumn: where.column };
}

/**
 * Turns the runner's workflow commands off until the returned function is called. The runner ignores
 * every command until it reads `::<token>::`; the token is new for each call and 192 random bits, so
 * the output in between cannot end the pause (and each line is inert too).
 */
function stopCommands(): () => void {
  const token = `trt-pte-${randomBytes(24).toString("hex")}`;
  core.info(`::stop-commands::${token}`);
  return () => core.info(`::${token}::`);
}

export function githubLog(workspace: string): Log {
  let errors = 0;
  let warnings = 0;
  return {
    // core.info prints as is, so a line of it could be a command; core.warning and core.error put the
    // message after their own `::warning::`, escaped, where it is data.
    info: (message) => core.info(inert(message)),
    warning(message, where) {
      if (++warnings <= ANNOTATIONS_PER_KIND) core.warning(message, annotationProperties(where, workspace));
      else core.info(inert(`warning: ${message}`));
    },
    error(message, where) {
      if (++errors <= ANNOTATIONS_PER_KIND) core.error(message, annotationProperties(where, workspace));
      else core.info(inert(`error: ${message}`));
    },
    async verbatim(fn) {
      const resume = stopCommands();
      try {
        return await fn();
      } finally {
        resume();
      }
    },
    aside(summary, lines) {
      // The group's own commands first; the lines, another program's, with commands off inside it.
      core.startGroup(inert(summary));
      const resume = stopCommands();
      for (const line of lines) core.info(inert(line));
      resume();
      core.endGroup();
    },
    async group(title, fn) {
      const started = performance.now();
      core.startGroup(inert(title));
      try {
        return await fn();
      } finally {
        core.info(inert(`${title}: ${formatDuration(performance.now() - started)}`));
        core.endGroup();
      }
    },
  };
}
