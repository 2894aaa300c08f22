/**
 * Whether process `pid` exists (one of another user counts: it cannot be signalled, but exists).
 * What a killed prequal left (a temporary file, a staged folder, a store copy) carries its pid in
 * its name, and is tidied only once that process is gone. A pid the system has since given to
 * another process keeps it a little longer, never the reverse.
 */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
