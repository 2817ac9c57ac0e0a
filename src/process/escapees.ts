// Processes that left their process group: a daemon that calls setsid, or
// forks twice with its stdio on /dev/null, is out of reach of a group kill and
// is reparented away from us. Every child we start carries a tag in its
// environment, which its descendants inherit whatever sessions or groups they
// make; on Linux, /proc shows each process's initial environment, so anything
// still carrying the tag when it should be gone is found and killed.
import { readdirSync, readFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'

export const TAG_VARIABLE = 'IMPORTGATE_RUN_TAG'

/**
 * This importgate process's part of every tag. Tags nest: an importgate run
 * under a tag (its test suite, or a tool that runs it) extends that tag, so
 * whoever set it finds everything the run left, and nothing of other runs.
 */
const RUN = [process.env[TAG_VARIABLE], randomBytes(12).toString('hex')]
  .filter((part) => part && /^[\w.~-]{1,200}$/.test(part))
  .join('~')
let started = 0

/**
 * A tag for one child (installs of base and head run at once: each must be
 * cleaned up without touching the other), and its environment with it.
 */
export function newTag(env: Record<string, string>): { tag: string; env: Record<string, string> } {
  const tag = `${RUN}.${++started}`
  return { tag, env: { ...env, [TAG_VARIABLE]: tag } }
}

/**
 * Pids of live processes (other than this one) whose initial environment
 * contains `text`, e.g. `NAME=value`; Linux only, elsewhere none are found.
 */
export function processesCarrying(text: string): number[] {
  if (process.platform !== 'linux') return []
  const wanted = Buffer.from(text)
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return []
  }
  const found: number[] = []
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    try {
      // Only our own user's processes are readable: anything we started.
      if (readFileSync(`/proc/${entry}/environ`).includes(wanted)) found.push(Number(entry))
    } catch {
      // Gone, or not ours.
    }
  }
  return found
}

/** Pids of live processes that carry `tag`, or any tag of this run when null. */
export function taggedProcesses(tag: string | null = null): number[] {
  // NUL ends each variable: an exact tag cannot match a longer one.
  return processesCarrying(tag === null ? `${TAG_VARIABLE}=${RUN}.` : `${TAG_VARIABLE}=${tag}\0`)
}

/** For a synchronous one-millisecond pause between passes. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4))

/**
 * Kills every process that carries `tag` (any of ours when null: on cancel),
 * in a few passes (one may fork while we look). Returns how many were killed.
 */
export function killTagged(tag: string | null = null): number {
  let killed = 0
  let quiet = 0
  // A process killed as it forks may leave a child that appears a moment later:
  // after a kill, done only when two passes a millisecond apart find nothing.
  // A first pass that finds nothing ends it at once (the path of every sample):
  // with no tagged process alive, none can fork.
  for (let pass = 0; pass < 10 && quiet < 2; pass++) {
    const pids = taggedProcesses(tag)
    if (pids.length === 0) {
      if (killed === 0) break
      quiet++
      Atomics.wait(PAUSE, 0, 0, 1)
      continue
    }
    quiet = 0
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL')
        killed++
      } catch {
        // Already gone.
      }
    }
  }
  return killed
}
