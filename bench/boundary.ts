// Issue 47: does the boundary cost timing? The same A/A compares (a fixed
// number of pairs, the proof off), with the measured code run as the sandbox
// user and as importgate's own (IMPORTGATE_NO_SANDBOX), alternating, quiet
// and under bursty load: each compare's pair spread (1.4826 MAD of
// ln(head/base)) and its sampling time per pair. Needs root and an interpreter
// the sandbox user can start (the system's /usr/bin/python3). Not a test.
//
//   npx tsx bench/boundary.ts [--python /usr/bin/python3] [--sizes 20,150] [--runs 5] [--pairs 40] [--out bench/BOUNDARY.md]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { NO_SANDBOX } from '../src/commands/boundary-setup.js'
import { compare } from '../src/commands/compare.js'
import { cliName } from '../src/config/requests.js'
import { describeInterpreter, findExecutable } from '../src/measure/interpreter.js'
import { childEnv } from '../src/process/child-env.js'
import { calibrate, fixture } from './fixtures.js'
import { startLoad } from './load.js'
import { median, pairSpread } from './stats.js'

const { values } = parseArgs({
  options: {
    python: { type: 'string', default: '/usr/bin/python3' },
    sizes: { type: 'string', default: '20,150' },
    runs: { type: 'string', default: '5' },
    pairs: { type: 'string', default: '40' },
    out: { type: 'string', default: 'bench/BOUNDARY.md' },
  },
})
const found = findExecutable(values.python!, process.env.PATH ?? '', process.cwd())
if (!found) throw new Error(`--python: ${values.python} not found`)
const scratch = mkdtempSync(join(tmpdir(), 'importgate-bench-'))
const python = (await describeInterpreter(found, childEnv(process.env), scratch)).executable
rmSync(scratch, { recursive: true, force: true })
const rate = calibrate(python)
const pairs = Number(values.pairs)
const started = Date.now()

interface Row {
  load: 'quiet' | 'loaded'
  size: number
  mode: 'boundary' | 'none'
  spreads: number[]
  perPairMs: number[]
  users: Set<string>
}
const rows: Row[] = []
for (const load of ['quiet', 'loaded'] as const)
  for (const size of values.sizes!.split(',').map(Number)) {
    const f = fixture(rate, size, 0)
    const running = load === 'loaded' ? startLoad(47) : null
    const modes = (['boundary', 'none'] as const).map((mode) => {
      const row: Row = { load, size, mode, spreads: [], perPairMs: [], users: new Set() }
      rows.push(row)
      return row
    })
    try {
      for (let run = 0; run < Number(values.runs); run++)
        for (const row of run % 2 ? [...modes].reverse() : modes) {
          const env: NodeJS.ProcessEnv = { ...process.env }
          if (row.mode === 'none') env[NO_SANDBOX] = '1'
          else delete env[NO_SANDBOX]
          const doc = await compare(
            {
              repoDir: f.repo,
              projectSubdir: '',
              baseRef: f.base,
              headRef: f.head,
              python,
              given: {
                targets: ['benchpkg'],
                install: { kind: 'none' },
                proof: false,
                minPairs: pairs,
                maxPairs: pairs,
                seed: 47 + run,
              },
              name: cliName,
            },
            { env, cwd: f.repo, log: () => {} },
          )
          const t = doc.targets[0]!
          const spread = pairSpread({ base: t.base!.samples_ms, head: t.head!.samples_ms })
          if (spread !== null) row.spreads.push(100 * spread)
          if (doc.phases_s?.sampling)
            row.perPairMs.push((1000 * doc.phases_s.sampling) / doc.rounds)
          row.users.add(doc.boundary?.user ? `the user ${doc.boundary.user}` : "importgate's own")
        }
    } finally {
      running?.stop()
      rmSync(f.repo, { recursive: true, force: true })
    }
  }

const fmt = (xs: number[], digits: number) =>
  xs.length
    ? `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`
    : '–'
const lines = [
  '# importgate: the boundary and timing',
  '',
  `Written by \`npx tsx bench/boundary.ts --python ${values.python} --sizes ${values.sizes} --runs ${values.runs} --pairs ${values.pairs}\` (${Math.round((Date.now() - started) / 60000)} min). Python ${python}.`,
  `Each row: ${values.runs} A/A compares of ${pairs} pairs each (the proof off, \`--install none\`), with the measured code run as the sandbox user (\`boundary\`) and as importgate's own user (\`none\`: \`${NO_SANDBOX}=1\`), alternating run by run on one fixture; "loaded" runs bursty load beside them (bench/load.ts). The spread is 1.4826 MAD of each compare's ln(head/base), in percent: what sets how many pairs a verdict needs. Time per pair is the sampling phase over the rounds.`,
  '',
  "| load | import | measured code ran as | pairs' spread, median (range) | sampling per pair, ms, median (range) |",
  '| --- | ---: | --- | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.load} | ~${r.size} ms | ${[...r.users].join(', ')} | ${fmt(r.spreads, 2)}% | ${fmt(r.perPairMs, 1)} |`,
  ),
  '',
]
writeFileSync(values.out!, lines.join('\n'))
console.log(lines.join('\n'))
