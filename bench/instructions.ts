// The instructions metric on the quality fixtures: how often it flags a
// +0.5%, +1% and +2% change (the work loop made that much longer) and an A/A
// pair (a comment), and how long its counted runs take. Not a test: run on
// purpose. The counts are deterministic, so this bench does not need an idle
// machine; only its timings do.
//
//   npm run bench:instructions -- [--python PATH] [--aa 10] [--power 5]
//                                 [--effects 0.5,1,2] [--sizes 20,150] [--out bench/RESULTS.md]
//
// Each compare runs with few timed pairs (time is what bench:quality is
// about) and metrics import_ms and instructions; every finished compare is
// appended to a checkpoint beside --out, and a run started again resumes.
// The table goes into --out between its bench:instructions markers.
import { fewestPairs } from '../src/analysis/stats/sequential.js'
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
import { seededRandom, shuffled } from '../src/analysis/stats/random.js'
import { compare } from '../src/commands/compare.js'
import { cliName } from '../src/config/requests.js'
import { childEnv } from '../src/process/child-env.js'
import { describeInterpreter, findExecutable } from '../src/measure/interpreter.js'
import { calibrate, fixture, type Fixture } from './fixtures.js'
import { replaceSection } from './results.js'
import { measuringCode } from './measuring-code.js'
import { median } from './stats.js'

const { values } = parseArgs({
  options: {
    python: { type: 'string', default: 'python3' },
    aa: { type: 'string', default: '10' },
    power: { type: 'string', default: '5' },
    effects: { type: 'string', default: '0.5,1,2' },
    sizes: { type: 'string', default: '20,150' },
    out: { type: 'string', default: 'bench/RESULTS.md' },
  },
})
const numbers = (text: string) => text.split(',').map(Number)
const sizes = numbers(values.sizes!)
const effects = numbers(values.effects!)
const found = findExecutable(values.python!, process.env.PATH ?? '', process.cwd())
if (!found) throw new Error(`--python: ${values.python} not found`)
const scratch = mkdtempSync(join(tmpdir(), 'importgate-bench-'))
const info = await describeInterpreter(found, childEnv(process.env), scratch)
const python = info.executable
/** The timed part: the fewest pairs the procedure decides on; time is bench:quality's subject. */
const TIMED_PAIRS = fewestPairs(0.01)
const checkpoint = values.out!.replace(/\.md$/, '.instructions.partial.jsonl')

interface Outcome {
  size: number
  effect: number
  rep: number
  /** The instructions row's outcome: regression, improvement, pass or inconclusive. */
  outcome: string
  pct: number | null
  spreadPct: number | null
  tool: string
  /** The counted runs, both sides: the time the verdict took beyond the timed part. */
  countingS: number
  durationS: number
}

const header = JSON.stringify({
  python,
  aa: values.aa,
  power: values.power,
  effects,
  sizes,
  code: measuringCode(),
})
const saved = existsSync(checkpoint) ? readFileSync(checkpoint, 'utf8').trim().split('\n') : []
const resumed = saved[0] !== undefined && JSON.stringify(JSON.parse(saved[0]).run) === header
const outcomes: Outcome[] = resumed ? saved.slice(1).map((l) => JSON.parse(l) as Outcome) : []
const rate = resumed ? (JSON.parse(saved[0]!) as { rate: number }).rate : calibrate(python)
if (!resumed) writeFileSync(checkpoint, `${JSON.stringify({ run: JSON.parse(header), rate })}\n`)
const aaRuns = Math.ceil(Number(values.aa) / sizes.length)
const jobs = shuffled(
  sizes.flatMap((size) => [
    ...Array.from({ length: aaRuns }, (_, rep) => ({ size, effect: 0, rep })),
    ...effects.flatMap((effect) =>
      Array.from({ length: Number(values.power) }, (_, rep) => ({ size, effect, rep })),
    ),
  ]),
  seededRandom(2027),
)

const stop = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop.abort())
const fixtures = new Map<string, Fixture>()
const fixtureFor = (size: number, effect: number) => {
  const key = `${size}:${effect}`
  if (!fixtures.has(key)) fixtures.set(key, fixture(rate, size, effect))
  return fixtures.get(key)!
}

try {
  for (const [n, job] of jobs.entries()) {
    if (n < outcomes.length) continue
    if (stop.signal.aborted) break
    const f = fixtureFor(job.size, job.effect)
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
            seed: 2000 + n,
            metrics: ['import_ms', 'instructions'],
            minPairs: TIMED_PAIRS,
            maxPairs: TIMED_PAIRS,
            warmups: 1,
            profileRuns: 1,
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
    const m = t.metrics?.find((x) => x.metric === 'instructions')
    const outcome: Outcome = {
      ...job,
      outcome: m?.outcome ?? 'missing',
      pct: m?.counted?.pct ?? null,
      spreadPct: m?.counted?.spread_pct ?? null,
      tool: t.head?.counting?.instructions?.tool ?? '',
      countingS: doc.phases_s?.counting ?? 0,
      durationS: doc.duration_s,
    }
    outcomes.push(outcome)
    appendFileSync(checkpoint, `${JSON.stringify(outcome)}\n`)
    console.error(
      `${n + 1}/${jobs.length} ${job.size} ms +${job.effect}%: instructions ${outcome.outcome} ${outcome.pct?.toFixed(3)}% (runs within ${outcome.spreadPct}%) counted in ${outcome.countingS.toFixed(0)} s`,
    )
  }
  writeSection(outcomes, outcomes.length < jobs.length)
  if (outcomes.length < jobs.length) process.exitCode = 130
} finally {
  for (const f of fixtures.values()) rmSync(f.repo, { recursive: true, force: true })
  rmSync(scratch, { recursive: true, force: true })
}

function writeSection(all: Outcome[], interim: boolean) {
  const rows = sizes.flatMap((size) =>
    [0, ...effects].map((effect) => {
      const os = all.filter((o) => o.size === size && o.effect === effect)
      const flagged = os.filter((o) => o.outcome === 'regression' || o.outcome === 'improvement')
      const inconclusive = os.filter((o) => o.outcome === 'inconclusive').length
      const pcts = os.flatMap((o) => (o.pct === null ? [] : [o.pct]))
      const spreads = os.flatMap((o) => (o.spreadPct === null ? [] : [o.spreadPct]))
      return `| ${size} ms | ${effect === 0 ? 'A/A' : `+${effect}%`} | ${os.length} | ${flagged.length} of ${os.length} | ${inconclusive} | ${pcts.length ? `${median(pcts).toFixed(3)}%` : '–'} | ${spreads.length ? `${Math.max(...spreads).toFixed(5)}%` : '–'} | ${os.length ? `${median(os.map((o) => o.countingS)).toFixed(0)} s` : '–'} |`
    }),
  )
  const tool = all.find((o) => o.tool)?.tool ?? 'not yet known'
  const section = [
    `Instructions (\`--metric instructions\`, its 1% threshold), on the quality fixtures with Python ${info.version.split(' ')[0]}, counted by ${tool}${interim ? `; **interim: ${all.length} of ${jobs.length} compares**` : ''}. "Flagged" is a regression (or, for A/A, either direction); the change is the median counted change, the spread the largest disagreement of one side's 3 runs; the time is the counted runs of both sides (the timed part is kept to ${TIMED_PAIRS} pairs here, the fewest the timed verdict can rest on). A change under the threshold (+0.5%) is meant to pass: the count sees it exactly, and the row says so. Reproduce: \`npm run bench:instructions -- --python ${values.python}\`.`,
    '',
    '| Import | Change | Compares | Flagged | Inconclusive | Counted change (median) | Spread (max) | Time to count (median) |',
    '| -----: | -----: | -------: | ------: | -----------: | ----------------------: | -----------: | ---------------------: |',
    ...rows,
  ].join('\n')
  const start = '<!-- bench:instructions:start: written by npm run bench:instructions -->'
  const end = '<!-- bench:instructions:end -->'
  let text = readFileSync(values.out!, 'utf8')
  if (!text.includes(start)) text = `${text.trimEnd()}\n\n## Instructions\n\n${start}\n${end}\n`
  writeFileSync(values.out!, replaceSection(text, section, 'instructions'))
}
