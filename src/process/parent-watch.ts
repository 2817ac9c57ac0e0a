// Without a separate user (process/boundary.ts), the measured code can signal
// importgate's subreaper: SIGKILL ends the step at once while importgate goes
// on (reparented, its token in memory), SIGSTOP leaves the step waiting on a
// stopped process that no cancel reaches. importgate watches its subreaper
// and, if it dies or stops, resumes it where it can, and ends the run: the
// caller aborts, cleans up and reports an error.
import { readFileSync } from 'node:fs'

/** Set by the first image for the second: the pid of the subreaper it became (execve keeps the pid). */
export const SUBREAPER_PID = 'IMPORTGATE_SUBREAPER_PID'

/** How often the subreaper is looked at: a lost one is noticed within this. */
const INTERVAL_MS = 100

/** The process's state letter from /proc/<pid>/stat ("S", "R", "T" stopped, "t" traced), or null when gone. */
function stateOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) || null
  } catch {
    return null
  }
}

/**
 * Watches the subreaper `pid` (our parent); calls `onLost` once, with what
 * happened, when it is gone (we were reparented) or stopped. A stopped one is
 * sent SIGCONT, then and every time after (a sample still running may stop it
 * again while the run winds down), and once more as we exit, so that the step
 * can end. Returns the stop function. The timer does not keep Node alive.
 */
export function watchSubreaper(pid: number, onLost: (what: string) => void): () => void {
  let told = false
  const tell = (what: string) => {
    if (told) return
    told = true
    onLost(`importgate's subreaper (pid ${pid}) was ${what}`)
  }
  const resume = () => {
    try {
      process.kill(pid, 'SIGCONT')
    } catch {
      // Gone: the next look says so.
    }
  }
  const timer = setInterval(() => {
    const state = process.ppid === pid ? stateOf(pid) : null
    if (state === null) {
      stop()
      tell(
        'killed, most likely by the measured code: the step has already ended, so the run stops here',
      )
    } else if (state === 'T' || state === 't') {
      resume()
      tell('stopped, most likely by the measured code: it was resumed, and the run stops here')
    }
  }, INTERVAL_MS)
  timer.unref()
  process.on('exit', resume)
  const stop = () => {
    clearInterval(timer)
    process.off('exit', resume)
  }
  return stop
}

/** The subreaper to watch: the pid the first image left, when it is still our parent; else null. */
export function subreaperToWatch(env: NodeJS.ProcessEnv): number | null {
  const given = Number(env[SUBREAPER_PID])
  delete env[SUBREAPER_PID]
  return Number.isInteger(given) && given > 1 && process.ppid === given ? given : null
}
