// The real-package A/A bench (issue 28): a small project whose import pulls in
// a package from PyPI with a few hundred modules, base and head two commits
// that differ in a comment, each side installed into its own environment with
// pip, compared at default settings. Every verdict but a pass (or an
// inconclusive) is a false alarm; two installs of the same code must not read
// as a change. Resumable: each compare is appended to a checkpoint, and a rerun
// with the same arguments goes on from there.
//
//   npx tsx bench/real-aa.ts --python python3.13 --package sympy==1.13.3 --import sympy --runs 30
//   (--out bench/REAL.md; the raw pairs go to bench/REAL.json for bench/replay.ts)
import { execFileSync } from 'node:child_process'
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { median } from '../src/analysis/stats/summary.js'
import { compare } from '../src/commands/compare.js'
import { cliName } from '../src/config/requests.js'
import { rateInterval } from './stats.js'
import { measuringCode } from './measuring-code.js'
import { pairCosts, sideBySideLine } from './outcome.js'

const { values } = parseArgs({
  options: {
    python: { type: 'string', default: 'python3' },
    package: { type: 'string', default: 'sympy==1.13.3' },
    import: { type: 'string', default: 'sympy' },
    runs: { type: 'string', default: '30' },
    out: { type: 'string', default: 'bench/REAL.md' },
  },
})
const runs = Number(values.runs)
const checkpoint = values.out!.replace(/\.md$/, '.partial.jsonl')
const settings = JSON.stringify({
  python: values.python,
  package: values.package,
  import: values.import,
  code: measuringCode(),
})

interface RealOutcome {
  run: number
  verdict: string
  pct: number | null
  pairs: number
  samplingS: number
  installS: number | null
  durationS: number
  baseMedianMs: number | null
  /** Rounds that ran side by side (two at once, each on its own core); absent in older runs. */
  sideBySide?: number
  pairs_ms: { base: number[]; head: number[]; pairMs: number[] }
}

const saved = existsSync(checkpoint) ? readFileSync(checkpoint, 'utf8').trim().split('\n') : []
const resumed = saved[0] === settings
const outcomes: RealOutcome[] = resumed
  ? saved.slice(1).map((l) => JSON.parse(l) as RealOutcome)
  : []
if (saved[0] && !resumed)
  console.error(
    `${checkpoint} began with other settings or measuring code (${saved[0]}); starting afresh`,
  )
if (!resumed) writeFileSync(checkpoint, `${settings}\n`)
else console.error(`resuming from ${checkpoint}: ${outcomes.length} compares done`)

const git = (dir: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=bench', '-c', 'user.email=bench@importgate.invalid', ...args],
    {
      cwd: dir,
      stdio: 'pipe',
    },
  )
    .toString()
    .trim()

// The project: its own package imports the PyPI package at import, as an app does.
const repo = mkdtempSync(join(tmpdir(), 'importgate-real-aa-'))
const write = (path: string, text: string) => writeFileSync(join(repo, path), text)
execFileSync('mkdir', ['-p', join(repo, 'src', 'realapp')])
write(
  'pyproject.toml',
  `[project]\nname = "realapp"\nversion = "0"\ndependencies = [${JSON.stringify(values.package)}]\n\n[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n`,
)
write('src/realapp/__init__.py', `import ${values.import}\n`)
git(repo, 'init', '-q', '-b', 'main')
git(repo, 'add', '-A')
git(repo, 'commit', '-q', '-m', 'base')
const base = git(repo, 'rev-parse', 'HEAD')
write(
  'src/realapp/__init__.py',
  `# The same code; only this comment differs.\nimport ${values.import}\n`,
)
git(repo, 'commit', '-q', '-am', 'head: a comment')
const head = git(repo, 'rev-parse', 'HEAD')

const stop = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    console.error(`${signal}: stopping after cleaning up; rerun to resume`)
    stop.abort()
  })

try {
  for (let run = outcomes.length; run < runs && !stop.signal.aborted; run++) {
    const started = Date.now()
    const doc = await compare(
      {
        repoDir: repo,
        projectSubdir: '',
        baseRef: base,
        headRef: head,
        python: values.python!,
        given: { targets: ['realapp'], install: { kind: 'pip' }, seed: 5000 + run },
        name: cliName,
      },
      { env: process.env, cwd: repo, log: () => {}, signal: stop.signal },
    ).catch((error: unknown) => {
      if (stop.signal.aborted) return null
      throw error
    })
    if (!doc) break
    const t = doc.targets[0]!
    const outcome: RealOutcome = {
      run,
      verdict: t.verdict,
      pct: t.delta?.pct ?? null,
      pairs: t.delta?.pairs ?? 0,
      samplingS: doc.phases_s?.sampling ?? 0,
      installS: doc.phases_s?.install ?? null,
      durationS: doc.duration_s,
      baseMedianMs: t.base?.median_ms ?? null,
      sideBySide: doc.rounds_side_by_side?.rounds ?? 0,
      pairs_ms: {
        base: t.base?.samples_ms ?? [],
        head: t.head?.samples_ms ?? [],
        pairMs: pairCosts(t.base?.wall_samples_ms ?? [], t.head?.wall_samples_ms ?? [], doc),
      },
    }
    outcomes.push(outcome)
    appendFileSync(checkpoint, `${JSON.stringify(outcome)}\n`)
    console.error(
      `${run + 1}/${runs}: ${t.verdict} ${outcome.pct?.toFixed(2)}% after ${outcome.pairs} pairs, ${outcome.samplingS.toFixed(1)} s sampling, ${((Date.now() - started) / 1000).toFixed(0)} s in all`,
    )
  }
} finally {
  rmSync(repo, { recursive: true, force: true })
}

// The report, from every compare so far (interim until all runs are done).
const n = outcomes.length
const count = (v: string) => outcomes.filter((o) => o.verdict === v).length
const alarms = count('regression') + count('improvement')
const [lo, hi] = rateInterval(alarms, n)
const passes = outcomes.filter((o) => o.verdict === 'pass')
const sampling = passes.map((o) => o.samplingS)
const interim = n < runs ? ` (interim: ${n} of ${runs} compares; rerun the command to go on)` : ''
const md = [
  '# importgate: real-package A/A',
  '',
  `Written by \`npx tsx bench/real-aa.ts ${process.argv.slice(2).join(' ')}\`${interim}. Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}).`,
  `A project whose package imports \`${values.import}\` (\`${values.package}\` from PyPI); base and head differ in a comment, and each side is installed into its own venv with pip (\`--install pip\`). importgate at its default settings.`,
  ...sideBySideLine(outcomes),
  '',
  '| compares | false alarms | pass | inconclusive | base import, median | sampling to a pass, median (slowest) | pairs to a pass, median | installs, median |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  `| ${n} | ${alarms} of ${n} (95% CI ${(100 * lo).toFixed(0)}%–${(100 * hi).toFixed(0)}%) | ${passes.length} | ${count('inconclusive')} | ${n ? median(outcomes.flatMap((o) => o.baseMedianMs ?? [])).toFixed(0) : '–'} ms | ${sampling.length ? `${median(sampling).toFixed(1)} s (${Math.max(...sampling).toFixed(0)} s)` : '–'} | ${passes.length ? median(passes.map((o) => o.pairs)) : '–'} | ${n ? `${median(outcomes.flatMap((o) => o.installS ?? [])).toFixed(0)} s` : '–'} |`,
  '',
  'Every compare, in order:',
  '',
  '| # | verdict | Δ % | pairs | sampling |',
  '| ---: | --- | ---: | ---: | ---: |',
  ...outcomes.map(
    (o) =>
      `| ${o.run + 1} | ${o.verdict} | ${o.pct === null ? '–' : `${o.pct >= 0 ? '+' : ''}${o.pct.toFixed(2)}%`} | ${o.pairs} | ${o.samplingS.toFixed(1)} s |`,
  ),
  '',
]
writeFileSync(values.out!, md.join('\n'))
// The raw pairs, as bench/replay.ts reads them (--in bench/REAL.json), as one scenario.
const size = n ? Math.round(median(outcomes.flatMap((o) => o.baseMedianMs ?? []))) : 0
writeFileSync(
  values.out!.replace(/\.md$/, '.json'),
  `${JSON.stringify({ outcomes: outcomes.map((o) => ({ size, effect: 0, load: 'none', pairs_ms: o.pairs_ms })) })}\n`,
)
if (n === runs) rmSync(checkpoint)
console.error(`written: ${values.out}${interim}`)
