// One lever of issue 46, measured: would CPU time decide slow imports sooner
// than wall time? The same A/A compares (a fixed number of pairs, the proof
// off) quiet and under bursty load, and the robust spread of each pair's
// ln(head/base) for wall time and for the child's CPU time. Not a test.
//
//   npx tsx bench/cpu-spread.ts [--python PATH] [--sizes 1000,2000] [--pairs 40]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { compare } from '../src/commands/compare.js'
import { cliName } from '../src/config/requests.js'
import { childEnv } from '../src/process/child-env.js'
import { describeInterpreter, findExecutable } from '../src/measure/interpreter.js'
import { calibrate, fixture } from './fixtures.js'
import { startLoad } from './load.js'
import { median } from './stats.js'

const { values } = parseArgs({
  options: {
    python: { type: 'string', default: 'python3' },
    sizes: { type: 'string', default: '1000,2000' },
    pairs: { type: 'string', default: '40' },
  },
})
const found = findExecutable(values.python!, process.env.PATH ?? '', process.cwd())
if (!found) throw new Error(`--python: ${values.python} not found`)
const scratch = mkdtempSync(join(tmpdir(), 'importgate-bench-'))
const python = (await describeInterpreter(found, childEnv(process.env), scratch)).executable
const rate = calibrate(python)
/** 1.4826 × the median absolute deviation, in percent of a ratio. */
const spread = (logs: number[]) => {
  const m = median(logs)
  return 100 * 1.4826 * median(logs.map((x) => Math.abs(x - m)))
}
for (const load of ['quiet', 'loaded'] as const)
  for (const size of values.sizes!.split(',').map(Number)) {
    const running = load === 'loaded' ? startLoad(46) : null
    const f = fixture(rate, size, 0)
    try {
      const pairs = Number(values.pairs)
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
            seed: 46,
          },
          name: cliName,
        },
        { env: process.env, cwd: f.repo, log: () => {} },
      )
      const t = doc.targets[0]!
      const ratio = (b: number[], h: number[]) => b.map((x, i) => Math.log(h[i]! / x))
      const wall = spread(ratio(t.base!.samples_ms, t.head!.samples_ms))
      const cpu = spread(ratio(t.base!.cpu_samples_ms ?? [], t.head!.cpu_samples_ms ?? []))
      const share = median(t.head!.cpu_samples_ms ?? []) / t.head!.median_ms
      console.log(
        `${load} ~${size} ms: ${t.base!.samples_ms.length} pairs; spread wall ${wall.toFixed(1)}%, CPU ${cpu.toFixed(1)}%; CPU/wall ${share.toFixed(2)}`,
      )
    } finally {
      running?.stop()
      rmSync(f.repo, { recursive: true, force: true })
    }
  }
rmSync(scratch, { recursive: true, force: true })
