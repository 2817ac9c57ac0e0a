// What the harness adds to each sample: a full probe sample of an empty module
// against a bare `python -c pass`, spawned the same way, in interleaved rounds
// (order shuffled each round). Not a test: run on purpose, on a quiet machine.
//
//   npm run bench:overhead -- [--python PATH] [--rounds N]
import { writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { seededRandom, shuffled } from '../src/analysis/stats/random.js'
import { median, quantile } from '../src/analysis/stats/summary.js'
import { childEnv } from '../src/process/child-env.js'
import { describeInterpreter, findExecutable } from '../src/measure/interpreter.js'
import { compiledProbe } from '../src/measure/interpreter.js'
import { runProbe } from '../src/measure/run-probe.js'
import { REPORT_FD, runMeasured } from '../src/process/command.js'

const { values } = parseArgs({
  options: {
    python: { type: 'string', default: 'python3' },
    rounds: { type: 'string', default: '200' },
  },
})
const rounds = Number(values.rounds)
const found = findExecutable(values.python!, process.env.PATH ?? '', process.cwd())
if (!found) throw new Error(`--python: ${values.python} not found`)

const root = await mkdtemp(join(tmpdir(), 'importgate-bench-'))
try {
  writeFileSync(join(root, 'igbench_empty.py'), '')
  const env = childEnv(process.env, { PYTHONPATH: root })
  const info = await describeInterpreter(found, env, root)
  const python = info.executable
  const probe = await compiledProbe(python, env, root)

  const wallOf = async (args: string[]) => {
    const outcome = await runMeasured({
      command: python,
      args,
      env,
      cwd: root,
      timeoutMs: 30_000,
      stderr: 'tail',
    })
    if (outcome.code !== 0)
      throw new Error(`${args.join(' ')} exited ${outcome.code}: ${outcome.stderr}`)
    return Number(outcome.exitNs - outcome.spawnNs) / 1e6
  }
  const arms = {
    bare: () => wallOf(['-c', 'pass']),
    bareImport: () => wallOf(['-c', 'import igbench_empty']),
    // The probe ends with os._exit (no interpreter teardown); so does this one,
    // which makes it the like-for-like baseline for the probe's own cost.
    bareImportExit: () => wallOf(['-c', 'import igbench_empty, os; os._exit(0)']),
    harness: async () => {
      const run = await runProbe({
        python,
        probe,
        target: 'igbench_empty',
        mode: 'time',
        env,
        cwd: root,
        timeoutMs: 30_000,
      })
      if (run.failure) throw new Error(run.failure.message)
      return run.wallMs
    },
  }
  type ArmName = keyof typeof arms
  const names = Object.keys(arms) as ArmName[]
  const walls: Record<ArmName, number[]> = {
    bare: [],
    bareImport: [],
    bareImportExit: [],
    harness: [],
  }
  const random = seededRandom(1)
  // Warm-up: page cache, .pyc of the empty module and of the stdlib.
  for (let i = 0; i < 5; i++) for (const name of names) await arms[name]()
  for (let round = 0; round < rounds; round++) {
    for (const name of shuffled(names, random)) walls[name].push(await arms[name]())
  }
  const diff = (a: ArmName, b: ArmName) => walls[a].map((x, i) => x - walls[b][i]!)
  const ratio = (a: ArmName, b: ArmName) => walls[a].map((x, i) => x / walls[b][i]!)
  const fmt = (x: number) => x.toFixed(2).padStart(7)
  const row = (label: string, xs: number[]) =>
    `${label.padEnd(44)}${fmt(median(xs))} ms   (p10 ${fmt(quantile(xs, 0.1))}, p90 ${fmt(quantile(xs, 0.9))})`

  console.log(`importgate harness overhead · Python ${info.version_info.join('.')} (${python})`)
  console.log(
    `${rounds} interleaved rounds, spawn to exit as the sampler sees it, fd ${REPORT_FD} report channel\n`,
  )
  console.log(row('python -c pass', walls.bare))
  console.log(row('python -c "import igbench_empty"', walls.bareImport))
  console.log(row('python -c "import igbench_empty; os._exit(0)"', walls.bareImportExit))
  console.log(row('importgate sample of igbench_empty', walls.harness))
  console.log('')
  console.log(row('added per sample vs python -c pass', diff('harness', 'bare')))
  console.log(row('added per sample vs the bare import', diff('harness', 'bareImport')))
  console.log(row('added vs the bare import with os._exit', diff('harness', 'bareImportExit')))
  const r = median(ratio('harness', 'bare'))
  console.log(`${'median ratio sample / python -c pass'.padEnd(44)}${r.toFixed(3).padStart(7)}`)
  // Judge by the larger of the two: against python -c pass (the yardstick)
  // and against the like-for-like baseline that also skips teardown.
  const added = Math.max(median(diff('harness', 'bare')), median(diff('harness', 'bareImportExit')))
  console.log(
    `\ntarget: under 3 ms added per sample → ${added < 3 ? 'met' : 'NOT met'} (worst of the two: ${added.toFixed(2)} ms)`,
  )
} finally {
  await rm(root, { recursive: true, force: true })
}
