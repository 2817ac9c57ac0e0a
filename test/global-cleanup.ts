// After the whole suite: nothing the tests started may be left behind. No
// process carrying the suite's tag (every importgate run the tests start
// extends it, and every child of every run carries it, daemons included), and
// no importgate temp folder that was not there before. Another importgate on
// the machine (a bench, another checkout's tests) carries other tags and is
// not counted. A leftover fails the run, naming what was left.
import { readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { randomBytes } from 'node:crypto'
import { processesCarrying, TAG_VARIABLE } from '../src/process/escapees.js'

/** The suite's tag, set before any worker starts: every run inside extends it. */
const SUITE = `suite-${randomBytes(8).toString('hex')}`

let before = new Set<string>()
/** Seconds since boot when the suite started: processes older than that are not ours. */
let startedAt = 0

const uptime = () => Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0])
/** A process's start, in seconds since boot (field 22 of /proc/PID/stat, in clock ticks of 1/100 s). */
function startOf(pid: string): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]) / 100
}

const ours = () => readdirSync(tmpdir()).filter((name) => name.startsWith('importgate-'))

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
  before = new Set(ours())
  if (process.platform === 'linux') startedAt = uptime()
}

export function teardown(): void {
  const folders = ours().filter((name) => !before.has(name))
  const processes = taggedProcesses().map((pid) => {
    try {
      return `${pid} (${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim()})`
    } catch {
      return pid
    }
  })
  const problems = [
    ...folders.map((name) => `temp folder left behind: ${tmpdir()}/${name}`),
    ...processes.map((p) => `process left running: ${p}`),
  ]
  if (!problems.length) return
  // Vitest reports an error thrown here but keeps its exit status: set it too.
  process.exitCode = 1
  throw new Error(`the test suite left things behind:\n${problems.join('\n')}`)
}
