import { readFileSync } from 'node:fs';

const POLL_MS = 1000;

/** The live parent pid from /proc (Node's `process.ppid` is read once, at start-up). */
function currentParentPid(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name, which is in parentheses and may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return null;
  }
}

function parentAlive(parentPid: number): boolean {
  const now = currentParentPid();
  if (now !== null) return now === parentPid;
  try {
    process.kill(parentPid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Calls `onGone` once when the process that forked this one is gone: its IPC channel closes
 * (also after a kill -9, when the kernel closes the socket), or, should the channel be
 * missing, this process has been re-parented. Neither watch keeps the process alive.
 */
export function watchParent(onGone: () => void): void {
  const parentPid = process.ppid;
  let done = false;
  const gone = () => {
    if (done) return;
    done = true;
    clearInterval(timer);
    onGone();
  };
  process.on('disconnect', gone);
  const timer = setInterval(() => {
    if (!parentAlive(parentPid)) gone();
  }, POLL_MS);
  timer.unref();
}
