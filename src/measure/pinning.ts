// Pinning both timed runs of a pair to one core, the core moving on with each
// round. On a shared machine the cores are not alike (on this project's 2-core
// one a pair split across them reads +1.3-1.5%), and a run left to the
// scheduler may start on one and be moved to the other; a pair on one core is
// closer, so the procedure decides on fewer pairs (docs/statistics.md).
// Pinned from exec on, through util-linux's taskset: the interpreter's start-up
// runs on the core the import will (pinning from inside the probe, after
// start-up, was measured too and helped less). Linux only; tried once per run.
// With two cores, two rounds may run side by side, each on its own core, while
// nothing else uses the CPUs (measure/rounds.ts): a pair's runs still share
// one, and the pairs come nearly twice as fast (duet benchmarking, base and
// head at once on different cores, was measured and is not used).
import { readFile } from 'node:fs/promises'
import { outputIfOk } from '../process/command.js'

/** Where timed rounds run; absent when runs are not pinned. */
export interface Pinning {
  /** The cores the rounds take turns on. */
  cores: number[]
  /**
   * Rounds that may run side by side, each on its own core, while nothing else
   * uses the CPUs; 1: one at a time. A pair's two runs still share a core, so
   * the machine's noise lands on both (docs/statistics.md).
   */
  lanes: number
}

/**
 * Lanes at most: measured on this project's 2-core machine only. More runs at
 * once share more of the memory bus and last-level cache, which nobody has
 * measured here, so a bigger runner still runs two.
 */
export const MAX_LANES = 2

/** The argument list of a run on `core` (none: the interpreter's own). */
export function pinnedArgv(core: number | undefined, python: string, args: readonly string[]) {
  return core === undefined
    ? [python, ...args]
    : ['taskset', '--cpu-list', String(core), python, ...args]
}

/** The core of a round: rounds take turns on the cores, so neither side keeps the faster one. */
export const coreOfRound = (pinning: Pinning, round: number): number =>
  pinning.cores[round % pinning.cores.length]!

/** A kernel CPU list ("0-3,8,10-11") as the cores it names; null when it is not one. */
export function parseCpuList(text: string): number[] | null {
  const cores: number[] = []
  for (const part of text.trim().split(',')) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part)
    if (!range) return null
    const first = Number(range[1])
    const last = Number(range[2] ?? range[1])
    if (last < first) return null
    for (let core = first; core <= last; core++) cores.push(core)
  }
  return cores
}

/** The cores this process may run on, from /proc/self/status; null where there is no such file. */
async function allowedCores(): Promise<number[] | null> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => null)
  const line = status?.split('\n').find((l) => l.startsWith('Cpus_allowed_list:'))
  return line ? parseCpuList(line.slice(line.indexOf(':') + 1)) : null
}

/** Whether and where timed rounds are pinned here, or why they are not. */
export async function detectPinning(p: {
  python: string
  cwd: string
  env: Record<string, string>
  signal?: AbortSignal
}): Promise<{ cores: number[] } | { unpinned: string }> {
  if (process.platform !== 'linux') return { unpinned: `${process.platform} has no core affinity` }
  const cores = await allowedCores()
  if (!cores?.length) return { unpinned: 'the cores allowed are not readable' }
  if (cores.length < 2) return { unpinned: `one core (${cores[0]}) is all there is` }
  const [command, ...args] = pinnedArgv(cores[0], p.python, ['-c', 'pass'])
  const ran = await outputIfOk({
    command: command!,
    args,
    env: p.env,
    cwd: p.cwd,
    timeoutMs: 60_000,
    signal: p.signal,
  })
  return ran === null ? { unpinned: 'taskset (util-linux) does not run here' } : { cores }
}
