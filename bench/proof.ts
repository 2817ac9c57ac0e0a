// The proof's bench: heads that change nothing the import runs (a comment, a
// function body the import never calls) at every size, quiet and under bursty
// load, compared at default settings. Each must pass, decided by the proof,
// and the time to that verdict is what a user waits (install none: the
// fixtures need none). Not a test: run on purpose.
//
//   npx tsx bench/proof.ts [--python PATH] [--sizes 20,150,1000,2000] [--reps 5]
//                          [--out bench/PROOF.md]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { compare } from '../src/commands/compare.js'
import { cliName } from '../src/config/requests.js'
import { childEnv } from '../src/process/child-env.js'
import { describeInterpreter, findExecutable } from '../src/measure/interpreter.js'
import { calibrate, untouchedFixture, type UntouchedChange } from './fixtures.js'
import { startLoad } from './load.js'

const { values } = parseArgs({
  options: {
    python: { type: 'string', default: 'python3' },
    sizes: { type: 'string', default: '20,150,1000,2000' },
    reps: { type: 'string', default: '5' },
    out: { type: 'string', default: 'bench/PROOF.md' },
  },
})
const found = findExecutable(values.python!, process.env.PATH ?? '', process.cwd())
if (!found) throw new Error(`--python: ${values.python} not found`)
const scratch = mkdtempSync(join(tmpdir(), 'importgate-bench-'))
const info = await describeInterpreter(found, childEnv(process.env), scratch)
const python = info.executable
const rate = calibrate(python)
const sizes = values.sizes!.split(',').map(Number)
const reps = Number(values.reps)
const changes: UntouchedChange[] = ['comment', 'function-body']

interface Row {
  load: 'quiet' | 'loaded'
  size: number
  change: UntouchedChange
  verdict: string
  decided: boolean
  reason: string | null
  /** Seconds from the start of the compare to its verdict (no install: the fixtures need none). */
  totalS: number
  proofS: number
  /** Timed pairs: 0 when the proof decided. */
  rounds: number
  importMs: number | null
}

const rows: Row[] = []
for (const loadKind of ['quiet', 'loaded'] as const) {
  const load = loadKind === 'loaded' ? startLoad(2046) : null
  try {
    for (const size of sizes)
      for (const change of changes) {
        const f = untouchedFixture(rate, size, change)
        try {
          for (let rep = 0; rep < reps; rep++) {
            const doc = await compare(
              {
                repoDir: f.repo,
                projectSubdir: '',
                baseRef: f.base,
                headRef: f.head,
                python,
                given: { targets: ['benchpkg'], install: { kind: 'none' }, seed: 4600 + rep },
                name: cliName,
              },
              { env: process.env, cwd: f.repo, log: () => {} },
            )
            const t = doc.targets[0]!
            const row: Row = {
              load: loadKind,
              size,
              change,
              verdict: t.verdict,
              decided: t.proof?.decided === true,
              reason: t.proof?.reason ?? null,
              totalS: doc.duration_s,
              proofS: doc.phases_s?.proof ?? 0,
              rounds: doc.rounds,
              importMs: t.head?.median_ms ?? t.base?.median_ms ?? null,
            }
            rows.push(row)
            console.error(
              `${loadKind} ~${size} ms ${change}: ${row.verdict}${row.decided ? ' by proof' : ` timed (${row.reason})`} in ${row.totalS.toFixed(1)} s (proof ${row.proofS.toFixed(1)} s)`,
            )
          }
        } finally {
          rmSync(f.repo, { recursive: true, force: true })
        }
      }
  } finally {
    load?.stop()
  }
}
rmSync(scratch, { recursive: true, force: true })

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN
}
const lines = [
  '# Proof bench: heads that change nothing the import runs',
  '',
  `\`npx tsx bench/proof.ts ${process.argv.slice(2).join(' ')}\`, ${new Date().toISOString().slice(0, 16)} UTC, Python ${info.version.split(' ')[0]}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), default settings, install none.`,
  'Each head changes a comment, or the body of a function the import defines and never calls; the',
  'import does `~size` ms of module-level work on both sides. "Loaded" runs bursty work on every core',
  '(bench/load.ts) for the whole row. Time is the compare from start to verdict (there is no install).',
  '',
  '| load | size | head changes | runs | passed | by proof | time to verdict, median (slowest) | tracing, median |',
  '| --- | --: | --- | --: | --: | --: | --: | --: |',
]
for (const load of ['quiet', 'loaded'] as const)
  for (const size of sizes)
    for (const change of changes) {
      const group = rows.filter((r) => r.load === load && r.size === size && r.change === change)
      const times = group.map((r) => r.totalS)
      lines.push(
        `| ${load} | ~${size} ms | ${change} | ${group.length} | ${group.filter((r) => r.verdict === 'pass').length} | ${group.filter((r) => r.decided).length} | ${median(times).toFixed(1)} s (${Math.max(...times).toFixed(1)} s) | ${median(group.map((r) => r.proofS)).toFixed(2)} s |`,
      )
    }
const refused = rows.filter((r) => !r.decided)
lines.push(
  '',
  refused.length
    ? `Timed instead of proved: ${refused.map((r) => `${r.load} ~${r.size} ms ${r.change}: ${r.reason}`).join('; ')}.`
    : 'Every run passed by proof, with no timed pair.',
  '',
)
writeFileSync(values.out!, lines.join('\n'))
writeFileSync(values.out!.replace(/\.md$/, '.json'), `${JSON.stringify({ rate, rows }, null, 1)}\n`)
console.error(`written: ${values.out}`)
