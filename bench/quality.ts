// Measurement quality: false alarms (A/A), detection power, time to verdict
// and overhead of `importgate compare` with default settings, beside two naive
// baselines on the same machine in the same run. Not a test: run on purpose.
//
//   npm run bench:quality -- [--python PATH] [--aa 50] [--power 20]
//                            [--effects 2,5,10,20] [--sizes 20,150] [--out bench/RESULTS.md]
//                            [--readme README.md] [--fresh] [--render]
//                            [--name quality] [--baselines yes|no] [--load none|bursts]
//
// It writes RESULTS.md, RESULTS.json, <name>.svg beside --out, and the
// README's summary between its bench:<name> markers. --render writes them
// again from RESULTS.json, running nothing. `npm run bench:slow` is this on
// imports of ~1 s and ~2 s, without the naive baselines (at 2 s an import,
// their 60 runs per compare would double the run for figures already known).
//
// A run takes hours, so every finished compare is appended to a checkpoint
// beside --out; a run started again with the same arguments on the same src/
// (measuring-code.ts) resumes from it (with the same calibration, so the
// fixtures are the same) unless --fresh.
import { execFileSync } from 'node:child_process'
import { measuringCode } from './measuring-code.js'
import { cpus } from 'node:os'
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { fewestPairs, PASS_BETA } from '../src/analysis/stats/sequential.js'
import { seededRandom, shuffled } from '../src/analysis/stats/random.js'
import { compare } from '../src/commands/compare.js'
import { cliName } from '../src/config/requests.js'
import { DEFAULTS } from '../src/settings/settings.js'
import { childEnv } from '../src/process/child-env.js'
import { describeInterpreter, findExecutable } from '../src/measure/interpreter.js'
import { compiledProbe } from '../src/measure/interpreter.js'
import { calibrate, fixture, type Fixture } from './fixtures.js'
import { meanOfTen, sequentialBlocks } from './naive.js'
import { pairCosts, type Outcome, type ResultsFile, type RunInfo } from './outcome.js'
import { writeResults } from './results.js'
import { startLoad } from './load.js'

const { values } = parseArgs({
  options: {
    python: { type: 'string', default: 'python3' },
    aa: { type: 'string', default: '50' },
    power: { type: 'string', default: '20' },
    effects: { type: 'string', default: '2,5,10,20' },
    sizes: { type: 'string', default: '20,150' },
    out: { type: 'string', default: 'bench/RESULTS.md' },
    threshold: { type: 'string' },
    'min-delta': { type: 'string' },
    readme: { type: 'string', default: 'README.md' },
    fresh: { type: 'boolean', default: false },
    render: { type: 'boolean', default: false },
    name: { type: 'string', default: 'quality' },
    baselines: { type: 'string', default: 'yes' },
    load: { type: 'string', default: 'none' },
  },
})
if (!['none', 'bursts'].includes(values.load!))
  throw new Error(`--load: ${values.load} is not one of none, bursts`)
if (!['yes', 'no'].includes(values.baselines!))
  throw new Error(`--baselines: ${values.baselines} is not one of yes, no`)
const withBaselines = values.baselines === 'yes'
const numbers = (text: string) => text.split(',').map(Number)
// The gate's two thresholds, when given: passed to every compare and reported.
const gate = {
  ...(values.threshold ? { thresholdPct: Number(values.threshold) } : {}),
  ...(values['min-delta'] ? { minDeltaMs: Number(values['min-delta']) } : {}),
}
const sizes = numbers(values.sizes!)
const effects = numbers(values.effects!)
const found = findExecutable(values.python!, process.env.PATH ?? '', process.cwd())
if (!found) throw new Error(`--python: ${values.python} not found`)
const scratch = mkdtempSync(join(tmpdir(), 'importgate-bench-'))
const info = await describeInterpreter(found, childEnv(process.env), scratch)
const python = info.executable
const checkpoint = values.out!.replace(/\.md$/, '.partial.jsonl')
// What a resumed run must share with the first: what it measures, not how it reports.
const settings = {
  python: values.python,
  aa: values.aa,
  power: values.power,
  effects: values.effects,
  sizes: values.sizes,
  out: values.out,
  threshold: values.threshold,
  'min-delta': values['min-delta'],
  baselines: values.baselines,
  load: values.load,
}
const header = JSON.stringify({ settings, python, code: measuringCode() })
const saved =
  !values.fresh && existsSync(checkpoint) ? readFileSync(checkpoint, 'utf8').trim().split('\n') : []
// Every (scenario, repetition) in one shuffled order, so slow drift of the
// machine over the run cannot favour one effect size.
const aaRuns = Math.ceil(Number(values.aa) / sizes.length)
const jobs = shuffled(
  sizes.flatMap((size) => [
    ...Array.from({ length: aaRuns }, (_, i) => ({ size, effect: 0, rep: i })),
    ...effects.flatMap((effect) =>
      Array.from({ length: Number(values.power) }, (_, i) => ({ size, effect, rep: i })),
    ),
  ]),
  seededRandom(2026),
)
const savedHeader = saved[0] ? (JSON.parse(saved[0]) as { run: unknown; rate: number }) : null
const resumed = savedHeader !== null && JSON.stringify(savedHeader.run) === header
const outcomes: Outcome[] = resumed ? saved.slice(1).map((line) => JSON.parse(line) as Outcome) : []
const runInfo = (outcomes: Outcome[], rate: number): RunInfo => ({
  // bench:slow passes its presets as arguments: the full command reproduces it.
  command: (values.name === 'quality'
    ? `npm run bench:quality -- ${process.argv.slice(2).join(' ')}`
    : `npx tsx bench/quality.ts ${process.argv.slice(2).join(' ')}`
  )
    .replace(' --render', '')
    .trim(),
  thresholdPct: gate.thresholdPct ?? DEFAULTS.thresholdPct,
  minDeltaMs: gate.minDeltaMs ?? DEFAULTS.minDeltaMs,
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  python: info.version.split(' ')[0]!,
  rate,
  totalMin: outcomes.reduce((sum, o) => sum + o.jobS, 0) / 60,
  planned: jobs.length,
})
if (values.render) {
  // From the checkpoint of a run in progress (marked interim), else from RESULTS.json.
  const json = values.out!.replace(/\.md$/, '.json')
  rmSync(scratch, { recursive: true, force: true })
  const file: ResultsFile = resumed
    ? { run: runInfo(outcomes, savedHeader!.rate), outcomes }
    : (JSON.parse(readFileSync(json, 'utf8')) as ResultsFile)
  await writeResults(values.out!, file, values.readme!, values.name!)
  console.error(`written from ${resumed ? checkpoint : json}: ${values.out}, ${values.readme}`)
  process.exit(0)
}
const measuredRate = calibrate(python)
const rate = resumed ? savedHeader!.rate : measuredRate
if (savedHeader && !resumed)
  console.error(
    `${checkpoint} began with other settings or measuring code (${JSON.stringify(savedHeader.run)}); starting afresh`,
  )
if (!resumed) writeFileSync(checkpoint, `${JSON.stringify({ run: JSON.parse(header), rate })}\n`)
else console.error(`resuming from ${checkpoint}: ${outcomes.length} compares done`)
const probe = await compiledProbe(python, childEnv(process.env), scratch)
console.error(
  `calibrated: ${Math.round(measuredRate)} iterations per ms on Python ${info.version_info.join('.')}` +
    (resumed ? ` (the fixtures keep the first run's ${Math.round(rate)})` : ''),
)

// Ctrl-C ends the compare under way cleanly (its worktrees and processes),
// then the fixtures below; the checkpoint keeps what was finished.
const stop = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    console.error(`${signal}: stopping after cleaning up; rerun to resume`)
    stop.abort()
  })

// One fixture per (size, effect); an A/A pair is effect 0.
const fixtures = new Map<string, Fixture>()
const key = (size: number, effect: number) => `${size}:${effect}`
for (const size of sizes)
  for (const effect of [0, ...effects]) fixtures.set(key(size, effect), fixture(rate, size, effect))

/** The two naive scripts on the same fixture, from worktrees of its two commits. */
async function baselines(f: Fixture) {
  const side = (dir: string) => ({
    python,
    probe,
    env: childEnv(process.env, { PYTHONPATH: dir }),
  })
  const baseDir = join(scratch, 'naive-base')
  const headDir = join(scratch, 'naive-head')
  for (const [dir, sha] of [
    [baseDir, f.base],
    [headDir, f.head],
  ] as const) {
    rmSync(dir, { recursive: true, force: true })
    execFileSync('git', ['-C', f.repo, 'worktree', 'add', '--detach', '--quiet', dir, sha])
  }
  const sequential = await sequentialBlocks(side(baseDir), side(headDir), 'benchpkg', scratch)
  const mean10 = await meanOfTen(side(baseDir), side(headDir), 'benchpkg', scratch)
  for (const dir of [baseDir, headDir]) {
    execFileSync('git', ['-C', f.repo, 'worktree', 'remove', '--force', dir])
  }
  return { sequential, mean10 }
}

// A loaded machine: bursty background work on every core for the whole run (bench/load.ts).
const load = values.load === 'bursts' ? startLoad(2026) : null
try {
  const started = Date.now()
  const done = outcomes.length
  for (const [n, job] of jobs.entries()) {
    if (n < done) continue
    if (stop.signal.aborted) break
    const f = fixtures.get(key(job.size, job.effect))!
    const jobStarted = Date.now()
    let doc: Awaited<ReturnType<typeof compare>>
    try {
      doc = await compare(
        {
          repoDir: f.repo,
          projectSubdir: '',
          baseRef: f.base,
          headRef: f.head,
          python,
          given: {
            targets: ['benchpkg'],
            install: { kind: 'none' },
            seed: 1000 + n,
            ...gate,
          },
          name: cliName,
        },
        { env: process.env, cwd: f.repo, log: () => {}, signal: stop.signal },
      )
    } catch (error) {
      if (stop.signal.aborted) break
      throw error
    }
    const t = doc.targets[0]!
    const sampleMs = [
      ...(t.base?.wall_samples_ms ?? []),
      ...(t.head?.wall_samples_ms ?? []),
    ].reduce((a, b) => a + b, 0)
    const naive = withBaselines
      ? await baselines(f)
      : {
          sequential: { flagged: 'skipped', pct: 0 },
          mean10: { flagged: 'skipped', pct: 0 },
        }
    const outcome: Outcome = {
      ...job,
      verdict: t.verdict,
      samplingS: doc.phases_s?.sampling ?? 0,
      // The raw pairs, so that bench/replay.ts can replay the very runs this bench made.
      pairs_ms: {
        base: t.base?.samples_ms ?? [],
        head: t.head?.samples_ms ?? [],
        pairMs: pairCosts(t.base?.wall_samples_ms ?? [], t.head?.wall_samples_ms ?? [], doc),
      },
      sideBySide: doc.rounds_side_by_side?.rounds ?? 0,
      pct: t.delta?.pct ?? null,
      pairs: t.delta?.pairs ?? 0,
      durationS: doc.duration_s,
      sampleS: sampleMs / 1000,
      baseMedianMs: t.base?.median_ms ?? null,
      neededPairs: fewestPairs(PASS_BETA),
      sequential: naive.sequential.flagged,
      sequentialPct: naive.sequential.pct,
      mean10: naive.mean10.flagged,
      mean10Pct: naive.mean10.pct,
      jobS: (Date.now() - jobStarted) / 1000,
    }
    outcomes.push(outcome)
    appendFileSync(checkpoint, `${JSON.stringify(outcome)}\n`)
    const eta = ((Date.now() - started) / (n + 1 - done)) * (jobs.length - n - 1)
    console.error(
      `${n + 1}/${jobs.length} ${job.size} ms +${job.effect}%: importgate ${t.verdict} ${t.delta?.pct.toFixed(1)}% in ${doc.duration_s.toFixed(1)} s (${t.delta?.pairs} pairs); sequential ${naive.sequential.flagged}; mean-of-10 ${naive.mean10.flagged} · ${Math.round(eta / 60000)} min left`,
    )
  }

  if (outcomes.length < jobs.length) {
    process.exitCode = 130
  } else {
    await writeResults(
      values.out!,
      { run: runInfo(outcomes, rate), outcomes },
      values.readme!,
      values.name!,
    )
    rmSync(checkpoint)
    console.error(`written: ${values.out}`)
  }
} finally {
  load?.stop()
  for (const f of fixtures.values()) rmSync(f.repo, { recursive: true, force: true })
  rmSync(scratch, { recursive: true, force: true })
}
