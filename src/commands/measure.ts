// `importgate measure`: the working tree as it is, one side, no comparison.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seededRandom } from '../analysis/random.js'
import { medianInterval, median } from '../analysis/summary.js'
import { mostSerious } from '../analysis/gate.js'
import { SetupError, UsageError } from '../config/errors.js'
import { readPyproject } from '../config/pyproject.js'
import { checkBudgets, resolve } from '../config/settings.js'
import { applyGate } from '../report/gate-result.js'
import type { MeasureConfig } from '../config/measure-config.js'
import { childEnv } from '../env/child-env.js'
import { prepareEnvironment } from '../env/environment.js'
import { importRoot } from '../env/import-root.js'
import { describeInterpreter, findExecutable } from '../env/interpreter.js'
import { describeWorkingTree } from '../git/describe.js'
import { compiledProbe } from '../measure/probe-path.js'
import { profileArms } from '../measure/profile.js'
import type { ImportFailure } from '../measure/probe-protocol.js'
import {
  emptyResults,
  sample,
  warmUp,
  type Arm,
  type ArmResult,
  type SamplerEvent,
} from '../measure/sampler.js'
import type { ResultsDocument, TargetError, TargetResult } from '../report/results.js'
import { ms, sideResult } from '../report/side-result.js'
import { VERSION } from '../version.js'
import { gateSettings, samplingSettings } from '../report/settings.js'

export interface MeasureDeps {
  /** The parent's environment: only its allowed part reaches the measured code. */
  env: NodeJS.ProcessEnv
  cwd: string
  /** Progress lines (stderr in the CLI). */
  log: (line: string) => void
  signal?: AbortSignal
  /** When set, raw -X importtime and install logs are saved here (the action uploads them). */
  logDir?: string
}

/** Sampling stops early once every target's median is known to within this fraction. */
const SETTLED_HALF_WIDTH = 0.01

/** Installs of large projects take minutes; this only stops a hung one. */
export const INSTALL_TIMEOUT_MS = 20 * 60_000

export function medianSettled(results: ArmResult[]): boolean {
  return results.every((result) => {
    if (result.failure) return true
    const times = result.samples.map((s) => s.importMs)
    const interval = medianInterval(times)
    return (
      interval !== null && (interval[1] - interval[0]) / 2 <= SETTLED_HALF_WIDTH * median(times)
    )
  })
}

/** A hint for the commonest setup mistake: the target is not importable the way it was set up. */
export function notFoundHint(strategy: string, projectDir: string): string {
  if (strategy === 'none') {
    return ` (with --install none, PYTHONPATH is ${importRoot(projectDir)}; check the target's spelling and --project-dir, or install the project with --install auto)`
  }
  if (strategy === 'current')
    return " (with --install current the target must be installed in the interpreter's environment)"
  return ` (the project was installed with ${strategy}; does it package this module?)`
}

function targetError(failure: ImportFailure, strategy: string, projectDir: string): TargetError {
  const hint = failure.kind === 'ModuleNotFoundError' ? notFoundHint(strategy, projectDir) : ''
  return { side: 'head', ...failure, message: failure.message + hint }
}

function describeEvent(event: SamplerEvent): string | null {
  if (event.phase === 'warmup') return `warming up (${event.round}/${event.of})`
  if (event.phase === 'failed')
    return `${event.arm.target}: ${event.failure.kind}: ${event.failure.message}`
  return null
}

export async function measure(config: MeasureConfig, deps: MeasureDeps): Promise<ResultsDocument> {
  const started = new Date()
  const clockStart = performance.now()
  const python = findExecutable(config.python, deps.env.PATH ?? '', deps.cwd)
  if (!python) {
    throw new SetupError(
      `--python: "${config.python}" was not found (give a path, or a name on PATH)`,
    )
  }
  const pyproject = readPyproject(config.projectDir)
  const targets = config.flags.targets ?? pyproject.settings.targets
  if (!targets?.length) {
    throw new UsageError(
      `no targets: pass -t MODULE (repeatable), or set targets = ["mypkg"] under [tool.importgate] in ${config.projectDir}/pyproject.toml`,
    )
  }
  const settings = resolve(config.flags, pyproject.settings)
  checkBudgets(
    settings.gate,
    targets,
    pyproject.file ? `${pyproject.file} [tool.importgate]` : '--budget',
  )
  const install = settings.install ?? { kind: 'none' }
  // A neutral, empty cwd: nothing in it can shadow a module or add to the search.
  const scratch = await mkdtemp(join(deps.env.TMPDIR || tmpdir(), 'importgate-'))
  try {
    const info = await describeInterpreter(python, childEnv(deps.env), scratch)
    const interpreter = info.executable || python
    if (install.kind !== 'none' && install.kind !== 'current') {
      deps.log(`installing the working tree (${install.kind})`)
    }
    const environment = await prepareEnvironment({
      label: 'the working tree',
      spec: install,
      projectDir: config.projectDir,
      envDir: join(scratch, 'venv'),
      tmpDir: join(scratch, 'tmp'),
      python: interpreter,
      parentEnv: deps.env,
      timeoutMs: INSTALL_TIMEOUT_MS,
      signal: deps.signal,
    })
    const env = environment.env
    const probe = await compiledProbe(environment.python, env, scratch)
    const arms: Arm[] = targets.map((target) => ({
      key: `head:${target}`,
      target,
      python: environment.python,
      probe,
      env,
    }))
    const sampling = settings.sampling
    const random = seededRandom(sampling.seed)
    const options = {
      arms,
      cwd: scratch,
      warmups: sampling.warmups,
      minRounds: sampling.minPairs,
      maxRounds: sampling.maxPairs,
      deadline: performance.now() + sampling.maxTimeMs,
      sampleTimeoutMs: sampling.sampleTimeoutMs,
      random,
      settled: medianSettled,
      signal: deps.signal,
      onEvent: (event: SamplerEvent) => {
        const line = describeEvent(event)
        if (line) deps.log(line)
      },
    }
    deps.log(`Python ${info.version_info.join('.')} (${interpreter}), ${targets.length} target(s)`)
    const results = emptyResults(arms)
    await warmUp(options, results)
    const live = arms.filter((arm) => !results.get(arm.key)!.failure)
    deps.log(`profiling with -X importtime (${sampling.profileRuns} run(s) per target)`)
    const profiles = await profileArms({
      arms: live,
      runs: sampling.profileRuns,
      cwd: scratch,
      timeoutMs: sampling.sampleTimeoutMs,
      random,
      signal: deps.signal,
    })
    deps.log(
      `sampling (${sampling.minPairs} to ${sampling.maxPairs} rounds, at most ${sampling.maxTimeMs / 1000} s in all)`,
    )
    const outcome = await sample(options, results)
    if (deps.signal?.aborted) throw new SetupError('cancelled')
    const targetResults: TargetResult[] = arms.map((arm) => {
      const armResult = results.get(arm.key)!
      const profile = profiles.get(arm.key)
      const failure = armResult.failure ?? profile?.failure ?? null
      const measured = armResult.samples.length > 0 && !failure
      const result: TargetResult = {
        name: arm.target,
        verdict: failure ? 'error' : 'pass',
        base: null,
        head: measured ? sideResult(arm.target, armResult.samples, profile) : null,
        delta: null,
        modules: null,
        forbidden: [],
        budget: null,
        error: failure ? targetError(failure, environment.strategy, config.projectDir) : null,
      }
      const loaded = profile?.runs ? profile.added : null
      return applyGate(result, loaded, profile?.costs ?? new Map(), settings.gate)
    })
    const tree = await describeWorkingTree(config.repoDir)
    return {
      schema: 1,
      tool: { name: 'importgate', version: VERSION },
      command: 'measure',
      verdict: mostSerious(targetResults.map((t) => t.verdict)),
      python: info.version,
      platform: `${info.platform} ${info.machine}`.trim(),
      base: null,
      head: { ref: 'WORKTREE', sha: tree.sha, dirty: tree.dirty },
      settings: {
        install: environment.strategy,
        python: environment.python,
        project_dir: config.projectDir,
        ...gateSettings(settings.gate),
        ...samplingSettings(sampling),
      },
      rounds: outcome.rounds,
      truncated: outcome.truncated,
      started_at: started.toISOString(),
      duration_s: ms((performance.now() - clockStart) / 1000),
      targets: targetResults,
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}
