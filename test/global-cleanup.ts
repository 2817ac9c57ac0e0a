// After the whole suite: nothing the tests started may be left behind. No
// process carrying the suite's tag (every importgate run the tests start
// extends it, and every child of every run carries it, daemons included), and
// nothing in the suite's own temp folder, which every test and run inside
// uses as TMPDIR. Another importgate on the machine (a bench, another
// checkout's tests) has other tags and folders and is not counted. A leftover
// fails the run, naming what was left.
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { processesCarrying, TAG_VARIABLE } from '../src/process/escapees.js'

/** The suite's tag, set before any worker starts: every run inside extends it. */
const SUITE = `suite-${randomBytes(8).toString('hex')}`

/** The suite's temp folder, the TMPDIR of every worker and of what they start. */
let scratch = ''
/** Seconds since boot when the suite started: processes older than that are not ours. */
let startedAt = 0

const uptime = () => Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0])
/** A process's start, in seconds since boot (field 22 of /proc/PID/stat, in clock ticks of 1/100 s). */
function startOf(pid: string): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]) / 100
}

/** Processes carrying the suite's tag (its workers apart), started since the suite began. */
function taggedProcesses(): string[] {
  return processesCarrying(`${TAG_VARIABLE}=${SUITE}~`)
    .map(String)
    .filter((pid) => {
      try {
        return startOf(pid) >= startedAt
      } catch {
        return false
      }
    })
}

export function setup(): void {
  process.env[TAG_VARIABLE] = SUITE
  scratch = mkdtempSync(join(tmpdir(), 'importgate-suite-'))
  // As TMPDIR is on a runner: another user (the sandbox user the measured code
  // runs as, when the suite runs as root) may pass through, not list it.
  chmodSync(scratch, 0o711)
  process.env.TMPDIR = scratch
  if (process.platform === 'linux') startedAt = uptime()
}

export function teardown(): void {
  const folders = readdirSync(scratch)
  rmSync(scratch, { recursive: true, force: true })
  const processes = taggedProcesses().map((pid) => {
    try {
      return `${pid} (${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim()})`
    } catch {
      return pid
    }
  })
  const problems = [
    ...folders.map((name) => `temp folder left behind: ${name}`),
    ...processes.map((p) => `process left running: ${p}`),
  ]
  if (!problems.length) return
  // Vitest reports an error thrown here but keeps its exit status: set it too.
  process.exitCode = 1
  throw new Error(`the test suite left things behind:\n${problems.join('\n')}`)
}
