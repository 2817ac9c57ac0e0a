// The tools behind the counted metrics: which one this machine has, how a
// probe run is wrapped in it, and how its output becomes a count. Instructions
// come from `perf stat` where the kernel exposes hardware counters (hosted
// runners do not) and from valgrind's cachegrind otherwise (the same count,
// ~50x slower); file-system calls from strace. Runs are made deterministic
// where the tool allows: no address randomisation (setarch -R), one hash seed.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SetupError } from '../model/errors.js'
import type { CountedMetricId } from '../model/metrics.js'
import { outputIfOk } from '../process/command.js'
import { giveToSandbox } from '../process/boundary.js'

export type CounterTool = 'perf' | 'cachegrind' | 'strace'

/** How one counted metric is collected on this machine. */
export interface CounterSpec {
  metric: CountedMetricId
  tool: CounterTool
  /** `setarch <machine> -R`, when it works here; empty otherwise. */
  noAslr: string[]
  /** How much slower than a plain run, for the per-run timeout. */
  slowdown: number
  /** What the report says was used: "valgrind 3.19 (cachegrind), no ASLR". */
  label: string
  /** Whether empty runs (start-up and the probe alone) are taken off each count. */
  subtractEmpty: boolean
}

/** A count read from the tool's output. */
export interface CountReading {
  value: number
  /** fs-calls: calls per system call. */
  byCall?: Record<string, number>
}

// Every call that takes a path, and those that read files and folders by
// descriptor; `?` lets strace skip a name this architecture does not have.
const TRACED = '%file,?fstat,?newfstatat,?statx,?read,?pread64,?readv,?getdents,?getdents64,?close'

export const BEGIN_PATH = '/importgate-probe-marker/begin'
export const END_PATH = '/importgate-probe-marker/end'

/** The argv that runs `python args…` under the tool, writing its count to `outFile`. */
export function wrappedArgv(
  spec: CounterSpec,
  outFile: string,
  python: string,
  args: readonly string[],
): string[] {
  const tool = {
    perf: ['perf', 'stat', '-x,', '-e', 'instructions:u', '-o', outFile, '--'],
    cachegrind: [
      'valgrind',
      '--tool=cachegrind',
      '--cache-sim=no',
      '--cachegrind-out-file=/dev/null',
      `--log-file=${outFile}`,
      '--',
    ],
    strace: ['strace', '-f', '-qq', '-o', outFile, '-e', `trace=${TRACED}`, '--'],
  }[spec.tool]
  return [...spec.noAslr, ...tool, python, ...args]
}

/** perf's CSV line "123456,,instructions:u,…", cachegrind's "I   refs:  1,234", or strace's calls between the probe's markers. */
export function parseCount(tool: CounterTool, text: string): CountReading | null {
  if (tool === 'perf') {
    const line = text.split('\n').find((l) => l.includes('instructions'))
    const value = Number(line?.split(',')[0])
    return line && Number.isFinite(value) && value > 0 ? { value } : null
  }
  if (tool === 'cachegrind') {
    const match = /I\s+refs:\s+([\d,]+)/.exec(text)
    return match ? { value: Number(match[1]!.replaceAll(',', '')) } : null
  }
  return straceCalls(text)
}

/** Calls per system call between the probe's begin and end markers, all processes included. */
export function straceCalls(text: string): CountReading | null {
  const lines = text.split('\n')
  const begin = lines.findIndex((l) => l.includes(BEGIN_PATH))
  const end = lines.findLastIndex((l) => l.includes(END_PATH))
  if (begin < 0 || end <= begin) return null
  const byCall: Record<string, number> = {}
  let value = 0
  for (const line of lines.slice(begin + 1, end)) {
    // "1234  openat(AT_FDCWD, …) = 3", or its first half "… <unfinished ...>";
    // the "<... openat resumed>" half is the same call, counted once.
    const name = /^(?:\d+\s+)?([a-z_][a-z0-9_]*)\(/.exec(line)?.[1]
    if (!name) continue
    byCall[name] = (byCall[name] ?? 0) + 1
    value++
  }
  return { value, byCall }
}

/** Runs `argv` under the tool and reads its count; the temporary folder goes whatever happens. */
export async function withCountFile<T>(
  run: (outFile: string) => Promise<T>,
): Promise<{ result: T; text: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'importgate-count-'))
  try {
    await giveToSandbox(folder)
    const outFile = join(folder, 'count.txt')
    const result = await run(outFile)
    const text = await readFile(outFile, 'utf8').catch(() => '')
    return { result, text }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

interface Probing {
  python: string
  cwd: string
  env: Record<string, string>
  signal?: AbortSignal
  /** Names the setting in errors: `--metric`, `input "metrics"`, `metrics in pyproject.toml`. */
  input: string
}

const works = (command: string, args: string[], p: Probing): Promise<string | null> =>
  outputIfOk({
    command,
    args,
    env: p.env,
    cwd: p.cwd,
    timeoutMs: 60_000,
    signal: p.signal,
    // Tried as the counted runs will run: perf may count for root and not for another user.
    sandboxed: true,
  })

/** The tool's count of `python -c pass`, or null when it cannot count here. */
async function trial(spec: CounterSpec, p: Probing): Promise<CountReading | null> {
  const { result, text } = await withCountFile(async (outFile) => {
    const argv = wrappedArgv(spec, outFile, p.python, ['-c', 'pass'])
    return works(argv[0]!, argv.slice(1), p)
  })
  if (result === null) return null
  return spec.tool === 'strace' ? (text.trim() ? { value: 0 } : null) : parseCount(spec.tool, text)
}

/**
 * The counter for each counted metric asked for, tried once on `python -c
 * pass`; a SetupError naming the setting when the machine has none.
 */
export async function detectCounters(
  metrics: readonly CountedMetricId[],
  p: Probing,
): Promise<CounterSpec[]> {
  if (!metrics.length) return []
  const machine = (await works('uname', ['-m'], p))?.trim()
  const noAslr =
    machine && (await works('setarch', [machine, '-R', 'true'], p)) !== null
      ? ['setarch', machine, '-R']
      : []
  const aslr = noAslr.length ? 'no ASLR' : 'ASLR on (setarch -R is not available)'
  const specs: CounterSpec[] = []
  for (const metric of metrics) {
    if (metric === 'fs_calls') {
      const spec: CounterSpec = {
        metric,
        tool: 'strace',
        noAslr: [],
        slowdown: 20,
        label: 'strace',
        subtractEmpty: false,
      }
      if (!(await trial(spec, p)))
        throw new SetupError(
          `${p.input}: fs_calls needs strace, which does not run here (install it: apt-get install strace; in a container, ptrace must be allowed)`,
        )
      specs.push(spec)
      continue
    }
    if (metric !== 'instructions') {
      // A new counted metric must say here how it is counted.
      const unknown: never = metric
      throw new Error(`no counter for ${String(unknown)}`)
    }
    const perf: CounterSpec = {
      metric,
      tool: 'perf',
      noAslr,
      slowdown: 1.5,
      label: `perf stat (instructions:u), ${aslr}`,
      subtractEmpty: true,
    }
    if (await trial(perf, p)) {
      specs.push(perf)
      continue
    }
    const version = (await works('valgrind', ['--version'], p))?.trim()
    const cachegrind: CounterSpec = {
      metric,
      tool: 'cachegrind',
      noAslr,
      slowdown: 100,
      label: `${version ?? 'valgrind'} (cachegrind, ~50x slower than a plain run), ${aslr}`,
      subtractEmpty: true,
    }
    if (version && (await trial(cachegrind, p))) {
      specs.push(cachegrind)
      continue
    }
    throw new SetupError(
      `${p.input}: instructions needs perf with hardware counters or valgrind, and neither counts here (install valgrind: apt-get install valgrind)`,
    )
  }
  return specs
}
