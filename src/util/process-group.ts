// The driver runs model code, which may start processes of its own (a data loader, a compile worker,
// or something that means harm) and leave them behind. A runner lives for months: a process left
// running from one job could write into a later job's output, and one that keeps the driver's
// stdout open would keep the action waiting for output that never ends. So the driver runs as the
// leader of a process group of its own, and the group goes when the driver does.

import type { ChildProcess } from "node:child_process";

/** How long what the driver left behind gets after SIGTERM before SIGKILL. */
export const GRACE_MS = 3000;

/** Whether children get a process group of their own here (POSIX only; Windows has no groups). */
export const OWN_GROUP = process.platform !== "win32";

const FORWARDED: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/** Sends `signal` to every process in `pid`'s group; false when the group is already empty. */
function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: nothing left in the group
  }
}

/**
 * Ties a child started with `detached: OWN_GROUP` to this process:
 * - when the child exits, whatever is left in its group gets SIGTERM, then SIGKILL after GRACE_MS;
 * - when this process is told to stop (Ctrl-C in a terminal, the runner cancelling the job), the
 *   group is stopped first, since a separate group no longer gets the terminal's signals;
 * - `settled` resolves once the child's output has ended, or GRACE_MS after the group was killed
 *   when a process that left the group (setsid) still holds it open.
 */
export function tieGroupToChild(child: ChildProcess): { settled: Promise<void> } {
  const pid = child.pid;
  if (!OWN_GROUP || pid === undefined) {
    return { settled: new Promise((resolve) => child.once("close", () => resolve())) };
  }
  const onSignal = (signal: NodeJS.Signals): void => {
    signalGroup(pid, "SIGTERM");
    release();
    // Go on stopping the way this process would have without the handler.
    process.kill(process.pid, signal);
  };
  const release = (): void => {
    for (const signal of FORWARDED) process.removeListener(signal, onSignal);
  };
  for (const signal of FORWARDED) process.once(signal, onSignal);

  const settled = new Promise<void>((resolve) => {
    let closed = false;
    child.once("close", () => {
      closed = true;
      resolve();
    });
    child.once("exit", () => {
      release();
      if (!signalGroup(pid, "SIGTERM")) return;
      const kill = setTimeout(() => {
        signalGroup(pid, "SIGKILL");
        // A process outside the group may still hold the pipes: stop reading them.
        const giveUp = setTimeout(() => {
          if (closed) return;
          child.stdout?.destroy();
          child.stderr?.destroy();
          resolve();
        }, GRACE_MS);
        giveUp.unref();
      }, GRACE_MS);
      kill.unref();
      child.once("close", () => clearTimeout(kill));
    });
  });
  return { settled };
}
