// `importgate measure`: the working tree as it is, one side, no comparison.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readPyproject } from '../config/pyproject.js'
import type { MeasureRequest } from '../config/requests.js'
import { checkBudgets, resolveSettings } from '../settings/settings.js'
import { isPackaged, prepareEnvironment } from '../env/environment.js'
import { findOrFetchUv, installsJson, withUvOrPip } from '../env/uv-tool.js'
import { describeWorkingTree } from '../git/describe.js'
import { compiledProbe } from '../measure/interpreter.js'
import type { MeasureResults } from '../results/schema.js'
import * as pipeline from './pipeline.js'
import { measureSides } from './run-sequence.js'
import { notFoundHint, withHints } from '../env/hints.js'
import { settingsJson } from '../results/document.js'
import { resultsDocument } from '../results/document.js'
import type { CommandDeps } from './pipeline.js'
import { forgetScratch } from './scratch-paths.js'

export async function measure(request: MeasureRequest, deps: CommandDeps): Promise<MeasureResults> {
  const clock = pipeline.startClock()
  const { name } = request
  const pyproject = readPyproject(request.projectDir)
  const targets = pipeline.requireTargets(
    request.given.targets ?? pyproject.settings.targets,
    `${request.projectDir}/pyproject.toml`,
    name,
    request.given.targets ? name('target') : undefined,
  )
  const settings = resolveSettings([request.given, pyproject.settings], pipeline.randomSeed())
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
    const { info, interpreter } = await pipeline.findInterpreter(
      request.python,
      deps,
      scratch,
      name,
    )
    if (install.kind !== 'none' && install.kind !== 'current') {
      deps.log(`installing the working tree (${install.kind})`)
    }
    const { installed: environment, use: uvUse } = await withUvOrPip(
      install,
      isPackaged(request.projectDir),
      deps.env,
      () => findOrFetchUv(interpreter, deps.env, scratch, deps.signal),
      (uv) =>
        prepareEnvironment({
          label: 'the working tree',
          spec: install,
          projectDir: request.projectDir,
          envDir: join(scratch, 'venv'),
          tmpDir: join(scratch, 'tmp'),
          python: interpreter,
          parentEnv: deps.env,
          timeoutMs: pipeline.INSTALL_TIMEOUT_MS,
          signal: deps.signal,
          installInput: name('install'),
          uv,
        }),
      deps.warn ?? deps.log,
    )
    const installs = installsJson({ head: environment }, uvUse)
    const probe = await compiledProbe(environment.python, environment.env, scratch)
    deps.log(`Python ${info.version_info.join('.')} (${interpreter}), ${targets.length} target(s)`)
    // One side, head: the working tree as it is.
    const { observations, evaluation, coldMethod } = await measureSides(
      {
        command: 'measure',
        sides: { head: environment },
        probe,
        targets: targets.map((target) => ({ name: target, isNew: false })),
        settings,
        interpreter: info,
        cwd: scratch,
        trees: [request.projectDir, scratch],
        projectDir: request.projectDir,
      },
      deps,
      name,
    )
    forgetScratch(evaluation.targets, scratch)
    withHints(evaluation.targets, (_side, target, message) =>
      notFoundHint(environment.strategy, request.projectDir, name, target, message),
    )
    return resultsDocument({
      identity: { command: 'measure' as const, base: null, head: { ref: 'WORKTREE', ...tree } },
      interpreter: info,
      settings: settingsJson(settings, {
        install: environment.strategy,
        python: environment.python,
        projectDir: request.projectDir,
        ...(coldMethod ? { coldMethod } : {}),
      }),
      extras: { ...(installs ? { installs } : {}) },
      found: { observations, evaluation },
      timing: pipeline.timingOf(clock),
    })
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}
