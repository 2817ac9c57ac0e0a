// Records raw paired samples for the replay bench (bench/replay.ts): fixture
// imports of a calibrated size, base and head, a fixed number of pairs, with
// no decision made, one line per (scenario, repetition) in a JSONL file.
// Pairs are taken in one of these ways:
//   sequential: base and head one after the other, in a shuffled order (what the engine does);
//   duet: base and head at the same time, each pinned to its own core, the cores
//         swapped every pair (Bulej et al., "Duet Benchmarking", 2020);
//   pinned: as sequential, both runs of a pair on one core, the core changing every pair
//           (taskset, as the engine's timed rounds do: measure/pinning.ts);
//   parallel: two pinned pairs at once, one on each core, each pair's two runs one after
//             the other in a shuffled order (so a pair's runs still share their core);
//   lockstep: as parallel, but the two pairs take the same order and run each side at the
//             same time, so each run has the same side's run beside it on the other core.
// The modes asked for are interleaved pair by pair, so they see the same machine.
// --load bursts runs bench/load.ts's bursty background work during the recording.
//
//   npx tsx bench/record.ts --sizes 20,150 --effects 0,5 --pairs 300 --reps 3
//                           --modes sequential,duet --load none|bursts --out bench/replay/x.jsonl
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { seededRandom, shuffled } from '../src/analysis/stats/random.js'
import { childEnv } from '../src/process/child-env.js'
import { describeInterpreter, findExecutable } from '../src/measure/interpreter.js'
import { compiledProbe } from '../src/measure/interpreter.js'
import { runProbe } from '../src/measure/run-probe.js'
import { calibrate } from './fixtures.js'
import { startLoad } from './load.js'

const { values } = parseArgs({
  options: {
    python: { type: 'string', default: 'python3' },
    sizes: { type: 'string', default: '20,150' },
    effects: { type: 'string', default: '0,5' },
    pairs: { type: 'string', default: '300' },
    reps: { type: 'string', default: '3' },
    modes: { type: 'string', default: 'sequential,duet' },
    load: { type: 'string', default: 'none' },
    out: { type: 'string', default: 'bench/replay/recorded.jsonl' },
    seed: { type: 'string', default: '1' },
  },
})
const numbers = (text: string) => text.split(',').map(Number)
const found = findExecutable(values.python!, process.env.PATH ?? '', process.cwd())
if (!found) throw new Error(`--python: ${values.python} not found`)
const scratch = mkdtempSync(join(tmpdir(), 'importgate-record-'))
const info = await describeInterpreter(found, childEnv(process.env), scratch)
const python = info.executable
const probe = await compiledProbe(python, childEnv(process.env), scratch)
const rate = calibrate(python)

/** A package doing `ms` of module-level work, in its own folder. */
function side(name: string, ms: number, tag: string): string {
  const dir = join(scratch, name)
  mkdirSync(join(dir, 'benchpkg'), { recursive: true })
  const body = [
    `"""Benchmark fixture (${tag})."""`,
    'def _work(n):',
    '    t = 0',
    '    for i in range(n):',
    '        t += i * i',
    '    return t',
    `TOTAL = _work(${Math.round(rate * ms)})`,
    '',
  ].join('\n')
  writeFileSync(join(dir, 'benchpkg', '__init__.py'), body)
  return dir
}

async function time(dir: string, core?: number): Promise<number> {
  const run = await runProbe({
    ...(core === undefined ? {} : { core }),
    python,
    probe,
    target: 'benchpkg',
    mode: 'time',
    env: childEnv(process.env, { PYTHONPATH: dir }),
    cwd: scratch,
    timeoutMs: 60_000,
  })
  if (run.failure || !run.report) throw new Error(run.failure?.message ?? 'no report')
  return run.report.import_ns / 1e6
}

const random = seededRandom(Number(values.seed))
/** The cores pinned runs take turns on: the first two. */
const cores = [0, 1]
const modes = values.modes!.split(',')
// Modes are interleaved pair by pair (each round takes one pair in every mode, in a
// shuffled order), so that the machine's drift lands on every mode alike.
const jobs = shuffled(
  numbers(values.sizes!).flatMap((size) =>
    numbers(values.effects!).flatMap((effect) =>
      Array.from({ length: Number(values.reps) }, (_, rep) => ({ size, effect, rep })),
    ),
  ),
  random,
)
mkdirSync(join(values.out!, '..'), { recursive: true })
const load = values.load === 'bursts' ? startLoad(Number(values.seed)) : null

interface Taken {
  base: number[]
  head: number[]
  pairMs: number[]
  /** Which side ran first in each pair (not duet): its order effect can be measured. */
  first: ('base' | 'head')[]
}

/** Base and head one after the other on `core`, in a shuffled order. */
async function orderedPair(core: number, baseDir: string, headDir: string, into: Taken) {
  const baseFirst = random() < 0.5
  into.first.push(baseFirst ? 'base' : 'head')
  const [b, h] = baseFirst
    ? [await time(baseDir, core), await time(headDir, core)]
    : [await time(headDir, core), await time(baseDir, core)].reverse()
  into.base.push(b!)
  into.head.push(h!)
}

/** One pair in `mode`, the i-th of its run. */
async function pair(mode: string, i: number, baseDir: string, headDir: string, into: Taken) {
  const started = performance.now()
  let b: number
  let h: number
  if (mode === 'parallel') {
    // Two pairs, one a core; each costs half the wall time the two took.
    const sub: Taken[] = cores.map(() => ({ base: [], head: [], pairMs: [], first: [] }))
    await Promise.all(cores.map((core, k) => orderedPair(core, baseDir, headDir, sub[k]!)))
    const ms = (performance.now() - started) / cores.length
    for (const one of sub) {
      into.base.push(one.base[0]!)
      into.head.push(one.head[0]!)
      into.first.push(one.first[0]!)
      into.pairMs.push(ms)
    }
    return
  }
  if (mode === 'lockstep') {
    const baseFirst = random() < 0.5
    const first = baseFirst ? baseDir : headDir
    const second = baseFirst ? headDir : baseDir
    const a = await Promise.all(cores.map((core) => time(first, core)))
    const z = await Promise.all(cores.map((core) => time(second, core)))
    const ms = (performance.now() - started) / cores.length
    for (const k of cores.keys()) {
      into.base.push(baseFirst ? a[k]! : z[k]!)
      into.head.push(baseFirst ? z[k]! : a[k]!)
      into.first.push(baseFirst ? 'base' : 'head')
      into.pairMs.push(ms)
    }
    return
  }
  if (mode === 'duet') {
    // Swapped every pair, so that neither side keeps the faster core.
    ;[b, h] = await Promise.all([time(baseDir, cores[i % 2]), time(headDir, cores[(i + 1) % 2])])
  } else {
    const core = mode === 'pinned' ? cores[i % cores.length] : undefined
    const baseFirst = random() < 0.5
    into.first.push(baseFirst ? 'base' : 'head')
    if (baseFirst) {
      b = await time(baseDir, core)
      h = await time(headDir, core)
    } else {
      h = await time(headDir, core)
      b = await time(baseDir, core)
    }
  }
  into.base.push(b)
  into.head.push(h)
  into.pairMs.push(performance.now() - started)
}

try {
  for (const [n, job] of jobs.entries()) {
    const baseDir = side(`base-${n}`, job.size, 'base')
    const headDir = side(`head-${n}`, job.size * (1 + job.effect / 100), `head +${job.effect}%`)
    for (let i = 0; i < 3; i++) for (const dir of [baseDir, headDir]) await time(dir)
    const taken = new Map<string, Taken>(
      modes.map((mode) => [mode, { base: [], head: [], pairMs: [], first: [] }]),
    )
    for (let i = 0; i < Number(values.pairs); i++)
      for (const mode of shuffled(modes, random))
        await pair(mode, i, baseDir, headDir, taken.get(mode)!)
    for (const [mode, { base, head, pairMs, first }] of taken) {
      appendFileSync(
        values.out!,
        `${JSON.stringify({ ...job, mode, load: values.load, python: info.version.split(' ')[0], base, head, pairMs, ...(first.length ? { first } : {}) })}\n`,
      )
      const logs = base.map((b, i) => Math.log(head[i]! / b)).sort((a, b) => a - b)
      const iqr = logs[Math.floor(logs.length * 0.75)]! - logs[Math.floor(logs.length * 0.25)]!
      const seconds = pairMs.reduce((a, b) => a + b, 0) / 1000
      console.error(
        `${n + 1}/${jobs.length} ${job.size} ms +${job.effect}% ${mode}: robust SD ${((iqr / 1.349) * 100).toFixed(1)}%, median ${(logs[logs.length >> 1]! * 100).toFixed(2)}%, ${(base.length / seconds).toFixed(1)} pairs/s`,
      )
    }
    rmSync(baseDir, { recursive: true })
    rmSync(headDir, { recursive: true })
  }
} finally {
  load?.stop()
  rmSync(scratch, { recursive: true, force: true })
}
