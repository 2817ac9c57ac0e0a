// Every child we start runs in a process group of its own, so that a timeout, a
// cancel or the end of a sample can take down everything it started (forks,
// daemons that keep our pipes), not just the process we spawned.

const liveGroups = new Set<number>()

export function trackGroup(pid: number | undefined): void {
  if (pid !== undefined) liveGroups.add(pid)
}

export function untrackGroup(pid: number | undefined): void {
  if (pid !== undefined) liveGroups.delete(pid)
}

export function killGroup(pid: number | undefined): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // ESRCH: the group is already gone, which is what we wanted.
  }
}

/** Kills every process group we started that is still running (on cancel). */
export function killAllChildGroups(): void {
  for (const pid of liveGroups) killGroup(pid)
  liveGroups.clear()
}

/** How many of our process groups are running now (for tests and cleanup checks). */
export function liveProcessGroupCount(): number {
  return liveGroups.size
}
