// Records raw paired samples for the replay bench (bench/replay.ts): fixture
// imports of a calibrated size, base and head, a fixed number of pairs, with
// no decision made, one line per (scenario, repetition) in a JSONL file.
// Pairs are taken in one of two ways:
//   sequential: base and head one after the other, in a shuffled order (what the engine does);
//   duet: base and head at the same time, each pinned to its own core, the cores
//         swapped every pair (Bulej et al., "Duet Benchmarking", 2020).
// --load bursts runs bench/load.ts's bursty background work during the recording.
//
//   npx tsx bench/record.ts --sizes 20,150 --effects 0,5 --pairs 300 --reps 3
//                           --modes sequential,duet --load none|bursts --out bench/replay/x.jsonl
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { seededRandom, shuffled } from '../src/analysis/stats/random.js'
import { childEnv } from '../src/env/child-env.js'
import { describeInterpreter, findExecutable } from '../src/env/interpreter.js'
import { compiledProbe } from '../src/measure/probe-path.js'
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

/** An interpreter pinned to one core, through taskset (outside the timed import). */
function pinned(cpu: number): string {
  const path = join(scratch, `python-cpu${cpu}`)
  writeFileSync(path, `#!/bin/sh\nexec taskset -c ${cpu} ${JSON.stringify(python)} "$@"\n`)
  chmodSync(path, 0o755)
  return path
}

async function time(executable: string, dir: string): Promise<number> {
  const run = await runProbe({
    python: executable,
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
const jobs = shuffled(
  numbers(values.sizes!).flatMap((size) =>
    numbers(values.effects!).flatMap((effect) =>
      values
        .modes!.split(',')
        .flatMap((mode) =>
          Array.from({ length: Number(values.reps) }, (_, rep) => ({ size, effect, mode, rep })),
        ),
    ),
  ),
  random,
)
mkdirSync(join(values.out!, '..'), { recursive: true })
const load = values.load === 'bursts' ? startLoad(Number(values.seed)) : null
const cpus = [pinned(0), pinned(1)]
try {
  for (const [n, job] of jobs.entries()) {
    const baseDir = side(`base-${n}`, job.size, 'base')
    const headDir = side(`head-${n}`, job.size * (1 + job.effect / 100), `head +${job.effect}%`)
    for (let i = 0; i < 3; i++) for (const dir of [baseDir, headDir]) await time(python, dir)
    const base: number[] = []
    const head: number[] = []
    const pairMs: number[] = []
    /** Which side ran first in each pair (sequential mode): its order effect can be measured. */
    const first: ('base' | 'head')[] = []
    for (let i = 0; i < Number(values.pairs); i++) {
      const started = performance.now()
      if (job.mode === 'duet') {
        // Swapped every pair, so that neither side keeps the faster core.
        const [b, h] = await Promise.all([
          time(cpus[i % 2]!, baseDir),
          time(cpus[(i + 1) % 2]!, headDir),
        ])
        base.push(b)
        head.push(h)
      } else if (random() < 0.5) {
        first.push('base')
        base.push(await time(python, baseDir))
        head.push(await time(python, headDir))
      } else {
        first.push('head')
        head.push(await time(python, headDir))
        base.push(await time(python, baseDir))
      }
      pairMs.push(performance.now() - started)
    }
    appendFileSync(
      values.out!,
      `${JSON.stringify({ ...job, load: values.load, python: info.version.split(' ')[0], base, head, pairMs, ...(first.length ? { first } : {}) })}\n`,
    )
    const logs = base.map((b, i) => Math.log(head[i]! / b)).sort((a, b) => a - b)
    const iqr = logs[Math.floor(logs.length * 0.75)]! - logs[Math.floor(logs.length * 0.25)]!
    const seconds = pairMs.reduce((a, b) => a + b, 0) / 1000
    console.error(
      `${n + 1}/${jobs.length} ${job.size} ms +${job.effect}% ${job.mode}: robust SD ${((iqr / 1.349) * 100).toFixed(1)}%, median ${(logs[logs.length >> 1]! * 100).toFixed(2)}%, ${(base.length / seconds).toFixed(1)} pairs/s`,
    )
    rmSync(baseDir, { recursive: true })
    rmSync(headDir, { recursive: true })
  }
} finally {
  load?.stop()
  rmSync(scratch, { recursive: true, force: true })
}
