// How much of the machine other work is using: the CPUs' busy time
// (/proc/stat) less this process's own and its finished children's
// (/proc/self/stat), over the time since the last reading, in cores. Two timed
// rounds run at once only while this is near zero: on a quiet 2-core machine
// the pairs then come nearly twice as fast with no wider spread, but while
// other jobs' work comes and goes on both cores, two rounds at once spread
// their pairs so much wider that verdicts take longer (docs/statistics.md).
// Linux only; elsewhere (or unreadable) the reading is null and one round runs
// at a time. Read between steps of rounds, when no timed child is running, so
// none of our own work is counted as another's.
import { readFile } from 'node:fs/promises'

/** Clock ticks a second in /proc (USER_HZ): 100 on every Linux architecture Node runs on. */
const TICKS_PER_S = 100

/** A reading of the CPUs' busy time and our own, in ticks, at a moment in ms. */
export interface LoadReading {
  atMs: number
  busy: number
  own: number
}

/** Busy ticks of all CPUs from /proc/stat's first line: user, nice, system, irq, softirq (not idle, iowait or steal). */
export function busyTicks(stat: string): number | null {
  const line = stat.split('\n', 1)[0] ?? ''
  const fields = line.trim().split(/\s+/)
  if (fields[0] !== 'cpu' || fields.length < 8) return null
  const [user, nice, system, , , irq, softirq] = fields.slice(1, 8).map(Number)
  const busy = user! + nice! + system! + irq! + softirq!
  return Number.isFinite(busy) ? busy : null
}

/** This process's and its reaped children's CPU ticks, from /proc/self/stat (utime, stime, cutime, cstime). */
export function ownTicks(stat: string): number | null {
  // The command name may hold spaces and parentheses: the fields start after its last ')'.
  const rest = stat
    .slice(stat.lastIndexOf(')') + 2)
    .trim()
    .split(/\s+/)
  // rest[0] is field 3 (state): utime is field 14.
  const own = [11, 12, 13, 14].map((i) => Number(rest[i]))
  const total = own.reduce((a, b) => a + b, 0)
  return own.length === 4 && Number.isFinite(total) ? total : null
}

/** Readings closer than this tell nothing: a tick is 10 ms. */
const SHORTEST_WINDOW_MS = 200

/** Cores' worth of other work between two readings; null when they are too close to tell. */
export function coresElsewhere(from: LoadReading, to: LoadReading): number | null {
  const ms = to.atMs - from.atMs
  if (ms < SHORTEST_WINDOW_MS) return null
  return Math.max(0, (to.busy - from.busy - (to.own - from.own)) / TICKS_PER_S / (ms / 1000))
}

async function read(nowMs: number): Promise<LoadReading | null> {
  const [stat, self] = await Promise.all([
    readFile('/proc/stat', 'utf8').catch(() => null),
    readFile('/proc/self/stat', 'utf8').catch(() => null),
  ])
  const busy = stat === null ? null : busyTicks(stat)
  const own = self === null ? null : ownTicks(self)
  return busy === null || own === null ? null : { atMs: nowMs, busy, own }
}

/**
 * A meter: each call returns the cores' worth of other work over the window
 * since the last reading at least SHORTEST_WINDOW_MS old (rounds of a fast
 * import are shorter: their steps share the window's answer until the next
 * one is due); null until the first window closes, or where /proc cannot tell.
 */
export function machineLoadMeter(now: () => number): () => Promise<number | null> {
  let from: LoadReading | null = null
  let latest: number | null = null
  return async () => {
    const reading = await read(now())
    if (!reading) return null
    if (!from) {
      from = reading
      return latest
    }
    const cores = coresElsewhere(from, reading)
    if (cores === null) return latest
    from = reading
    return (latest = cores)
  }
}
