// `importgate measure`: the working tree as it is, one side, no comparison.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NO_CONFIRMATION } from '../analysis/confirmation.js'
import { evaluate } from '../analysis/evaluate.js'
import { seededRandom } from '../analysis/random.js'
import { medianSettled } from '../analysis/stopping.js'
import { readPyproject } from '../config/pyproject.js'
import type { MeasureRequest } from '../config/requests.js'
import { checkBudgets, resolveSettings } from '../config/settings.js'
import { prepareEnvironment } from '../env/environment.js'
import { describeWorkingTree } from '../git/describe.js'
import { compiledProbe } from '../measure/probe-path.js'
import { DEFAULT_VARIANT } from '../model/target.js'
import type { MeasureResults } from '../results/schema.js'
import { settingsJson } from '../results/settings-json.js'
import { ms } from '../results/side-result.js'
import { targetResult } from '../results/target-result.js'
import {
  documentHeader,
  findInterpreter,
  INSTALL_TIMEOUT_MS,
  measurePlan,
  notFoundHint,
  randomSeed,
  requireTargets,
  withHints,
  type CommandDeps,
} from './pipeline.js'

export async function measure(request: MeasureRequest, deps: CommandDeps): Promise<MeasureResults> {
  const started = new Date()
  const clockStart = performance.now()
  const { name } = request
  const pyproject = readPyproject(request.projectDir)
  const targets = requireTargets(
    request.given.targets ?? pyproject.settings.targets,
    `${request.projectDir}/pyproject.toml`,
    name,
  )
  const settings = resolveSettings([request.given, pyproject.settings], randomSeed())
  checkBudgets(
    settings.gate.budgetsMs,
    targets,
    pyproject.file ? `${pyproject.file} [tool.importgate]` : name('budget'),
  )
  const install = settings.install ?? { kind: 'none' }
  // Before anything runs: the warm-ups write __pycache__ into the tree.
  const tree = await describeWorkingTree(request.repoDir)
  // A neutral, empty cwd: nothing in it can shadow a module or add to the search.
  const scratch = await mkdtemp(join(deps.env.TMPDIR || tmpdir(), 'importgate-'))
  try {
    const { info, interpreter } = await findInterpreter(request.python, deps, scratch, name)
    if (install.kind !== 'none' && install.kind !== 'current') {
      deps.log(`installing the working tree (${install.kind})`)
    }
    const environment = await prepareEnvironment({
      label: 'the working tree',
      spec: install,
      projectDir: request.projectDir,
      envDir: join(scratch, 'venv'),
      tmpDir: join(scratch, 'tmp'),
      python: interpreter,
      parentEnv: deps.env,
      timeoutMs: INSTALL_TIMEOUT_MS,
      signal: deps.signal,
      installInput: name('install'),
    })
    const probe = await compiledProbe(environment.python, environment.env, scratch)
    const { sampling } = settings
    deps.log(`Python ${info.version_info.join('.')} (${interpreter}), ${targets.length} target(s)`)
    deps.log(
      `measuring ${targets.join(', ')}: ${sampling.minPairs} to ${sampling.maxPairs} rounds, at most ${sampling.maxTimeMs / 1000} s in all`,
    )
    const observations = await measurePlan(
      {
        arms: targets.map((target) => ({
          key: { side: 'head', target, variant: DEFAULT_VARIANT },
          python: environment.python,
          probe,
          env: environment.env,
        })),
        cwd: scratch,
        warmups: sampling.warmups,
        minRounds: sampling.minPairs,
        maxRounds: sampling.maxPairs,
        profileRuns: sampling.profileRuns,
        sampleTimeoutMs: sampling.sampleTimeoutMs,
        deadline: performance.now() + sampling.maxTimeMs,
        random: seededRandom(sampling.seed),
        stopping: medianSettled,
        confirmation: NO_CONFIRMATION,
        signal: deps.signal,
      },
      1,
      deps,
      name,
    )
    const evaluation = evaluate(observations, {
      targets: targets.map((target) => ({ name: target, isNew: false })),
      variant: DEFAULT_VARIANT,
      gate: settings.gate,
      metrics: settings.metrics,
    })
    withHints(evaluation.targets, () =>
      notFoundHint(environment.strategy, request.projectDir, name),
    )
    return {
      ...documentHeader(info),
      command: 'measure',
      verdict: evaluation.verdict,
      base: null,
      head: { ref: 'WORKTREE', sha: tree.sha, dirty: tree.dirty },
      settings: settingsJson(settings, {
        install: environment.strategy,
        python: environment.python,
        projectDir: request.projectDir,
      }),
      rounds: observations.rounds,
      truncated: observations.truncated,
      started_at: started.toISOString(),
      duration_s: ms((performance.now() - clockStart) / 1000),
      targets: evaluation.targets.map(targetResult),
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}
