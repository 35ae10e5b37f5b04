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
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: nothing left in the group
  }
}

/** How often a stopping group is looked at: short next to GRACE_MS, cheap (one kill(2) each). */
const POLL_MS = 50;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** False after `ms`, on a timer that does not keep this process alive by itself. */
const giveUpAfter = (ms: number) =>
  new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref());

/**
 * Stops what is left in `pid`'s group: SIGTERM, then SIGKILL for whatever is still there after
 * GRACE_MS. Resolves at once when the group is empty, as it is after most runs, and otherwise once
 * the group is gone or has been sent SIGKILL, so a process that ignores SIGTERM never outlives the
 * run, whether or not it holds the driver's output open.
 */
async function stopGroup(pid: number): Promise<void> {
  if (!signalGroup(pid, "SIGTERM")) return;
  for (let waited = 0; waited < GRACE_MS; waited += POLL_MS) {
    await pause(POLL_MS);
    if (!signalGroup(pid, 0)) return;
  }
  signalGroup(pid, "SIGKILL");
}

/**
 * Ties a child started with `detached: OWN_GROUP` to this process:
 * - when the child exits, whatever is left in its group gets SIGTERM, then SIGKILL after GRACE_MS;
 * - when this process is told to stop (Ctrl-C in a terminal, the runner cancelling the job), the
 *   group is stopped first, since a separate group no longer gets the terminal's signals;
 * - `settled` resolves once the group is gone (or was sent SIGKILL) and the child's output has
 *   ended, or GRACE_MS later when a process that left the group (setsid) still holds it open.
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

  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const settled = exited.then(async () => {
    release();
    await stopGroup(pid);
    // A process that left the group (setsid) may still hold the pipes: stop reading them.
    const ended = await Promise.race([closed.then(() => true), giveUpAfter(GRACE_MS)]);
    if (!ended) {
      child.stdout?.destroy();
      child.stderr?.destroy();
    }
  });
  return { settled };
}
