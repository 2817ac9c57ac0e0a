// `importgate compare <base> <head>`: two commits, each in its own worktree and
// environment, measured in interleaved pairs, compared, and explained.
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { forgetScratch } from './scratch-paths.js'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { changedGroups } from '../analysis/verdict/decision.js'
import { diffDistributions } from '../analysis/attribution/deps-diff.js'
import { evaluate } from '../analysis/verdict/evaluate.js'
import { undecided } from '../analysis/verdict/stopping.js'
import { explanationBudgetMs } from '../analysis/stats/budget.js'
import { insideAfterLinks } from '../config/paths-and-targets.js'
import {
  projectName,
  readPyproject,
  requiresPython,
  type PyprojectSettings,
} from '../config/pyproject.js'
import { lazyFormFor } from '../analysis/attribution/lazy.js'
import type { CompareRequest } from '../config/requests.js'
import { prepareEnvironment } from '../env/environment.js'
import { resolveCommit } from '../git/resolve-ref.js'
import { changedFiles, packageFolders } from '../git/changed-files.js'
import { affectingFiles, alwaysAffecting } from '../analysis/verdict/affects.js'
import { withWorktrees } from '../git/worktrees.js'
import type { PlannedArm } from '../measure/plan.js'
import { compiledProbe } from '../measure/probe-path.js'
import { SetupError, UsageError } from '../model/errors.js'
import { DEFAULT_VARIANT, SIDES, type Side } from '../model/target.js'
import type { CompareResults } from '../results/schema.js'
import { installBoth, saveLogs } from './both-sides.js'
import { compareSettings } from './compare-settings.js'
import { locateFunctionSources } from './function-sources.js'
import { explainNoLongerImported } from './import-mechanisms.js'
import { readImportSites } from '../measure/import-sites.js'
import { cacheSetups, plannedArms } from './arms.js'
import * as pipeline from './pipeline.js'
import { notFoundHint, withHints } from '../env/hints.js'
import { settingsJson } from '../config/settings-json.js'
import { resultsDocument } from '../results/document.js'
import type { CommandDeps } from './pipeline.js'
import { hasLazyImports } from '../env/interpreter.js'

/**
 * Both sides' pyproject.toml, named by side and commit in messages. A base
 * whose file does not parse must not block the pull request that fixes it:
 * head's settings are used then, and the log says so. A broken head is the
 * pull request's to fix.
 */
function readBothPyprojects(
  projects: Record<Side, string>,
  subdir: string,
  sha: Record<Side, string>,
  log: (line: string) => void,
): [PyprojectSettings, PyprojectSettings] {
  const shown = (side: Side) =>
    `${subdir ? `${subdir}/` : ''}pyproject.toml at ${side} (${sha[side].slice(0, 10)})`
  const head = readPyproject(projects.head, shown('head'))
  try {
    return [readPyproject(projects.base, shown('base')), head]
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    log(`${error.message}; using head's [tool.importgate] instead, which this pull request fixes`)
    return [head, head]
  }
}

export async function compare(request: CompareRequest, deps: CommandDeps): Promise<CompareResults> {
  const clock = pipeline.startClock()
  const { name } = request
  const git = { signal: deps.signal }
  const ref: Record<Side, string> = { base: request.baseRef, head: request.headRef }
  const sha: Record<Side, string> = {
    base: await resolveCommit(request.repoDir, ref.base, name('base-ref'), git),
    head: await resolveCommit(request.repoDir, ref.head, name('head-ref'), git),
  }
  const scratch = await mkdtemp(join(deps.env.TMPDIR || tmpdir(), 'importgate-'))
  try {
    // An empty folder for the children's cwd: nothing in it can shadow a module.
    const run = join(scratch, 'run')
    await mkdir(run)
    const { info, interpreter } = await pipeline.findInterpreter(request.python, deps, run, name)
    const trees = SIDES.map((side) => ({ path: join(scratch, side), sha: sha[side] }))
    return await withWorktrees(
      request.repoDir,
      trees,
      git,
      async () => {
        const projects: Record<Side, string> = {
          base: join(scratch, 'base', request.projectSubdir),
          head: join(scratch, 'head', request.projectSubdir),
        }
        for (const side of SIDES) {
          if (!existsSync(projects[side])) {
            throw new SetupError(
              `${name('project-dir')}: ${request.projectSubdir} does not exist in ${side} (${sha[side].slice(0, 10)})`,
            )
          }
          // A symbolic link committed in the tree must not take the project out of it.
          insideAfterLinks(
            join(scratch, side),
            projects[side],
            `${name('project-dir')} in ${side} (${sha[side].slice(0, 10)})`,
            request.projectSubdir || '.',
          )
        }
        const settings = compareSettings(
          request.given,
          ...readBothPyprojects(projects, request.projectSubdir, sha, deps.log),
          pipeline.randomSeed(),
          name,
        )
        const { targets, gate, sampling } = settings
        const install = settings.install ?? { kind: 'auto' }
        if (settings.changes.length) {
          deps.log(
            `head changes [tool.importgate] (${settings.changes.map((c) => c.key).join(', ')}); the gate uses base's settings`,
          )
        }
        // What every results document of this comparison starts from.
        const where: { install: string; python: string; projectDir: string; coldMethod?: string } =
          {
            install: install.kind === 'command' ? install.command : install.kind,
            python: interpreter,
            projectDir: request.projectSubdir || '.',
          }
        // A function: the cold method joins `where` once the cache states are set up.
        const document = () =>
          [
            {
              command: 'compare' as const,
              ...(request.label ? { label: request.label } : {}),
              base: { ref: ref.base, sha: sha.base },
              head: { ref: ref.head, sha: sha.head },
            },
            info,
            settingsJson(settings, where),
          ] as const
        // Nothing that can change an import changed (docs, CI, images): a pass in
        // seconds, before anything is installed, that says why.
        const changes = await changedFiles(request.repoDir, sha.base, sha.head, git)
        const changed = changes.map((c) => c.path)
        const packages = await packageFolders(request.repoDir, [sha.base, sha.head], git)
        const affecting = [
          ...affectingFiles(changed, settings.affects),
          ...alwaysAffecting(changes, packages),
        ]
        if (!affecting.length) {
          deps.log(
            `none of the ${changed.length} changed file(s) can affect importing (${name('affects')}: ${settings.affects.join(' ')}): nothing to measure`,
          )
          return resultsDocument(
            ...document(),
            {
              config_changes: settings.changes,
              deps: null,
              skipped: {
                reason: 'no-affecting-change' as const,
                changed_count: changed.length,
                changed_files: changed.slice(0, 20),
              },
            },
            {
              observations: { arms: [], rounds: 0, truncated: false },
              evaluation: { targets: [], verdict: 'pass' },
            },
            pipeline.timingOf(clock),
          )
        }
        deps.log(`installing base and head (${install.kind})`)
        const installStarted = performance.now()
        const envs = await installBoth(
          (side, signal) =>
            prepareEnvironment({
              label: `${side} (${ref[side]} at ${sha[side].slice(0, 10)})`,
              spec: install,
              projectDir: projects[side],
              envDir: join(scratch, `${side}-venv`),
              tmpDir: join(scratch, `${side}-tmp`),
              python: interpreter,
              parentEnv: deps.env,
              timeoutMs: pipeline.INSTALL_TIMEOUT_MS,
              signal,
              installInput: name('install'),
              commandEnv: { IMPORTGATE_SIDE: side, IMPORTGATE_SHA: sha[side] },
            }),
          deps.signal,
        )
        const installMs = install.kind === 'none' ? null : performance.now() - installStarted
        const probe = await compiledProbe(envs.base.python, envs.base.env, run)
        const isNew = (target: string) => settings.newTargets.includes(target)
        const setups = await cacheSetups(settings.cache, envs.head, run, deps, name, [
          join(scratch, 'base'),
          join(scratch, 'head'),
          run,
        ])
        if (setups.cold) where.coldMethod = setups.cold.cold.method
        const arms: PlannedArm[] = plannedArms(
          targets,
          (target) => SIDES.filter((side) => side === 'head' || !isNew(target)),
          setups,
          settings.cache,
          (side) => ({ python: envs[side].python, probe, env: envs[side].env }),
        )
        deps.log(
          `measuring ${targets.join(', ')}: ${sampling.minPairs} to ${sampling.maxPairs} interleaved pairs, at most ${sampling.maxTimeMs / 1000} s${sampling.overtimeMs > 0 ? ` (${sampling.overtimeMs / 1000} s more for a target still undecided)` : ''}`,
        )
        const observations = await pipeline.measureArms(
          arms,
          {
            cwd: run,
            sampling,
            stopping: undecided({ gate }),
            changed: changedGroups({ gate }),
            overtimeMs: sampling.overtimeMs,
            explain: { budgetMs: explanationBudgetMs(sampling.maxTimeMs) },
            metrics: settings.metrics,
            lazyImports: hasLazyImports(info),
            enforceLazy: settings.gate.enforceLazy,
          },
          deps,
          name,
        )
        if (deps.logDir) await saveLogs(deps.logDir, observations.arms, envs)
        const evaluation = evaluate(observations, {
          targets: targets.map((target) => ({
            name: target,
            isNew: isNew(target),
            droppedInHead: settings.droppedTargets.includes(target),
          })),
          variant: DEFAULT_VARIANT,
          variants: settings.cache,
          gate,
          metrics: settings.metrics,
          watch: settings.watch,
          sampling,
          lazyImports: hasLazyImports(info),
          lazyForm: lazyFormFor(requiresPython(projects.head)),
        })
        await locateFunctionSources(
          evaluation.targets,
          { base: join(scratch, 'base'), head: join(scratch, 'head') },
          git,
        )
        await explainNoLongerImported(
          evaluation.targets,
          { base: join(scratch, 'base'), head: join(scratch, 'head') },
          git,
          (files) =>
            readImportSites({ python: envs.head.python, env: envs.head.env, cwd: run, files }),
        )
        forgetScratch(evaluation.targets, scratch)
        withHints(evaluation.targets, (side, target, message) =>
          notFoundHint(envs[side].strategy, projects[side], name, target, message),
        )
        const installed = envs.base.distributions && envs.head.distributions
        const drift = installed
          ? {
              base_strategy: envs.base.strategy,
              head_strategy: envs.head.strategy,
              changed: diffDistributions(
                envs.base.distributions!,
                envs.head.distributions!,
                SIDES.flatMap((side) => projectName(projects[side]) ?? []),
              ),
            }
          : null
        return resultsDocument(
          ...document(),
          { config_changes: settings.changes, deps: drift },
          { observations, evaluation, installMs },
          pipeline.timingOf(clock),
        )
      },
      () =>
        (deps.warn ?? deps.log)(
          "the code measured (or installed) changed the repository's .git/config during the run: it was put back as it was",
        ),
      onceEach(deps.warn ?? deps.log),
    )
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

/** `say`, but each message once: both worktrees may lack the same submodule. */
function onceEach(say: (message: string) => void): (message: string) => void {
  const said = new Set<string>()
  return (message) => {
    if (said.has(message)) return
    said.add(message)
    say(message)
  }
}
