// `importgate compare <base> <head>`: two commits, each in its own worktree and
// environment, measured in interleaved pairs, compared, and explained.
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { diffDistributions } from '../analysis/deps-diff.js'
import { seededRandom } from '../analysis/random.js'
import type { CompareConfig } from '../config/compare-config.js'
import { SetupError, UsageError } from '../config/errors.js'
import { readPyproject, type PyprojectSettings } from '../config/pyproject.js'
import { checkBudgets, resolve, type Resolved, type SettingsInput } from '../config/settings.js'
import { childEnv } from '../env/child-env.js'
import { prepareEnvironment, type SideEnvironment } from '../env/environment.js'
import { describeInterpreter, findExecutable } from '../env/interpreter.js'
import { resolveCommit } from '../git/resolve-ref.js'
import { withWorktrees } from '../git/worktrees.js'
import {
  sampleComparison,
  type TargetArms,
  type TargetSamples,
} from '../measure/compare-sampling.js'
import { compiledProbe } from '../measure/probe-path.js'
import { overallVerdict, targetResult } from '../report/compare-results.js'
import type { ResultsDocument } from '../report/results.js'
import { gateSettings, samplingSettings } from '../report/settings.js'
import { ms } from '../report/side-result.js'
import { VERSION } from '../version.js'
import { INSTALL_TIMEOUT_MS, type MeasureDeps } from './measure.js'

type Side = 'base' | 'head'

interface CompareSettings extends Resolved {
  targets: string[]
  /** Targets only head's configuration lists: measured on head alone. */
  newTargets: string[]
  /** [tool.importgate] keys whose value head changes. */
  changes: { key: string; base: unknown; head: unknown }[]
}

/**
 * The gate and sampling come from base's [tool.importgate] (flags win), so a
 * pull request cannot loosen its own gate unseen; what head changes there is
 * reported. Targets are -t, else the union of both sides' lists.
 */
export function compareSettings(
  flags: SettingsInput,
  base: PyprojectSettings,
  head: PyprojectSettings,
): CompareSettings {
  const resolved = resolve(flags, base.settings)
  const baseTargets = base.settings.targets ?? []
  const headTargets = head.settings.targets ?? []
  const targets = flags.targets ?? [...new Set([...baseTargets, ...headTargets])]
  if (targets.length === 0) {
    throw new UsageError(
      'no targets: pass -t MODULE (repeatable), or set targets = ["mypkg"] under [tool.importgate] in pyproject.toml',
    )
  }
  checkBudgets(resolved.gate, targets, base.file ? `${base.file} [tool.importgate]` : '--budget')
  const newTargets = flags.targets ? [] : headTargets.filter((t) => !baseTargets.includes(t))
  const keys = [...new Set([...Object.keys(base.raw), ...Object.keys(head.raw)])].sort()
  const changes = keys
    .filter((key) => JSON.stringify(base.raw[key]) !== JSON.stringify(head.raw[key]))
    .map((key) => ({ key, base: base.raw[key] ?? null, head: head.raw[key] ?? null }))
  return { ...resolved, targets, newTargets, changes }
}

/** Installs both sides at once; when one fails the other is stopped, and the first error is thrown. */
async function installBoth(
  install: (side: Side, signal: AbortSignal) => Promise<SideEnvironment>,
  outer?: AbortSignal,
): Promise<Record<Side, SideEnvironment>> {
  const controller = new AbortController()
  const onAbort = () => controller.abort()
  outer?.addEventListener('abort', onAbort, { once: true })
  try {
    const run = (side: Side) =>
      install(side, controller.signal).catch((error: unknown) => {
        controller.abort()
        throw error
      })
    const [base, head] = await Promise.allSettled([run('base'), run('head')])
    // Report the side that failed first on its own, not the one stopped because of it.
    for (const result of [base, head]) {
      if (result.status === 'rejected' && !/ cancelled\./.test(String(result.reason)))
        throw result.reason
    }
    if (base.status === 'rejected') throw base.reason
    if (head.status === 'rejected') throw head.reason
    return { base: base.value, head: head.value }
  } finally {
    outer?.removeEventListener('abort', onAbort)
  }
}

/** Raw -X importtime output of every profile run, and each side's install output. */
async function saveLogs(
  dir: string,
  targets: TargetSamples[],
  envs: Record<Side, SideEnvironment>,
): Promise<void> {
  await mkdir(join(dir, 'importtime'), { recursive: true })
  for (const side of ['base', 'head'] as const) {
    if (envs[side].log) await writeFile(join(dir, `install-${side}.log`), envs[side].log)
    for (const t of targets) {
      const logs = (side === 'base' ? t.baseProfile : t.headProfile)?.logs ?? []
      for (const [i, log] of logs.entries()) {
        await writeFile(join(dir, 'importtime', `${side}-${t.target}-${i + 1}.log`), log)
      }
    }
  }
}

export async function compare(config: CompareConfig, deps: MeasureDeps): Promise<ResultsDocument> {
  const started = new Date()
  const clockStart = performance.now()
  const python = findExecutable(config.python, deps.env.PATH ?? '', deps.cwd)
  if (!python)
    throw new SetupError(
      `--python: "${config.python}" was not found (give a path, or a name on PATH)`,
    )
  const sha: Record<Side, string> = {
    base: await resolveCommit(config.repoDir, config.baseRef, 'base ref'),
    head: await resolveCommit(config.repoDir, config.headRef, 'head ref'),
  }
  const scratch = await mkdtemp(join(deps.env.TMPDIR || tmpdir(), 'importgate-'))
  try {
    // An empty folder for the children's cwd: nothing in it can shadow a module.
    const run = join(scratch, 'run')
    await mkdir(run)
    const info = await describeInterpreter(python, childEnv(deps.env), run)
    const interpreter = info.executable || python
    const trees = [
      { path: join(scratch, 'base'), sha: sha.base },
      { path: join(scratch, 'head'), sha: sha.head },
    ]
    return await withWorktrees(config.repoDir, trees, async () => {
      const projects: Record<Side, string> = {
        base: join(scratch, 'base', config.projectSubdir),
        head: join(scratch, 'head', config.projectSubdir),
      }
      for (const side of ['base', 'head'] as const) {
        if (!existsSync(projects[side])) {
          throw new SetupError(
            `--project-dir: ${config.projectSubdir} does not exist in ${side} (${sha[side].slice(0, 10)})`,
          )
        }
      }
      const settings = compareSettings(
        config.flags,
        readPyproject(projects.base),
        readPyproject(projects.head),
      )
      const { targets, gate } = settings
      const install = settings.install ?? { kind: 'auto' }
      if (settings.changes.length) {
        deps.log(
          `head changes [tool.importgate] (${settings.changes.map((c) => c.key).join(', ')}); the gate uses base's settings`,
        )
      }
      const ref = (side: Side) => (side === 'base' ? config.baseRef : config.headRef)
      deps.log(`installing base and head (${install.kind})`)
      const envs = await installBoth(
        (side, signal) =>
          prepareEnvironment({
            label: `${side} (${ref(side)} at ${sha[side].slice(0, 10)})`,
            spec: install,
            projectDir: projects[side],
            envDir: join(scratch, `${side}-venv`),
            tmpDir: join(scratch, `${side}-tmp`),
            python: interpreter,
            parentEnv: deps.env,
            timeoutMs: INSTALL_TIMEOUT_MS,
            signal,
            commandEnv: { IMPORTGATE_SIDE: side, IMPORTGATE_SHA: sha[side] },
          }),
        deps.signal,
      )
      const probe = await compiledProbe(envs.base.python, envs.base.env, run)
      const arms: TargetArms[] = targets.map((target) => {
        const arm = (side: Side) => ({
          key: `${side}:${target}`,
          target,
          python: envs[side].python,
          probe,
          env: envs[side].env,
          group: target,
        })
        return {
          target,
          base: settings.newTargets.includes(target) ? null : arm('base'),
          head: arm('head'),
        }
      })
      const s = settings.sampling
      deps.log(
        `measuring ${targets.join(', ')}: ${s.minPairs} to ${s.maxPairs} interleaved pairs, at most ${s.maxTimeMs / 1000} s`,
      )
      let sampling = false
      const outcome = await sampleComparison({
        targets: arms,
        cwd: run,
        warmups: s.warmups,
        minPairs: s.minPairs,
        maxPairs: s.maxPairs,
        deadline: performance.now() + s.maxTimeMs,
        sampleTimeoutMs: s.sampleTimeoutMs,
        profileRuns: s.profileRuns,
        // Twice the minimum: the fresh batch has a fixed size and no early stop,
        // and at 20 pairs noise on a 2-core runner sank real 10% slowdowns.
        confirmPairs: Math.min(s.maxPairs, 2 * s.minPairs),
        random: seededRandom(s.seed),
        gate,
        signal: deps.signal,
        onEvent: (event) => {
          if (event.phase === 'warmup') deps.log(`warming up (${event.round}/${event.of})`)
          if (event.phase === 'sample' && event.round === 1 && !sampling) {
            sampling = true
            deps.log('sampling interleaved pairs')
          }
          if (event.phase === 'failed')
            deps.log(`${event.arm.key}: ${event.failure.kind}: ${event.failure.message}`)
          if (event.phase === 'confirm')
            deps.log(`confirming a regression of ${event.targets.join(', ')} with a fresh batch`)
        },
      })
      if (deps.signal?.aborted) throw new SetupError('cancelled')
      if (deps.logDir) await saveLogs(deps.logDir, outcome.targets, envs)
      const results = outcome.targets.map((t) => targetResult(t, gate))
      const installed = envs.base.distributions && envs.head.distributions
      return {
        schema: 1,
        tool: { name: 'importgate', version: VERSION },
        command: 'compare',
        verdict: overallVerdict(results.map((t) => t.verdict)),
        python: info.version,
        platform: `${info.platform} ${info.machine}`.trim(),
        base: { ref: config.baseRef, sha: sha.base },
        head: { ref: config.headRef, sha: sha.head },
        settings: {
          install: install.kind === 'command' ? install.command : install.kind,
          python: interpreter,
          project_dir: config.projectSubdir || '.',
          ...gateSettings(gate),
          ...samplingSettings(s),
        },
        config_changes: settings.changes,
        deps: installed
          ? {
              base_strategy: envs.base.strategy,
              head_strategy: envs.head.strategy,
              changed: diffDistributions(envs.base.distributions!, envs.head.distributions!),
            }
          : null,
        rounds: outcome.rounds,
        truncated: outcome.truncated,
        started_at: started.toISOString(),
        duration_s: ms((performance.now() - clockStart) / 1000),
        targets: results,
      }
    })
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}
