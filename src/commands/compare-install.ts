// Both sides installed at once, each into its own environment (one failing
// stops the other), the probe compiled once, what the installs differ in
// besides the project, and where each side's logs are saved.
import { join } from 'node:path'
import { diffDistributions } from '../analysis/attribution/deps-diff.js'
import { projectName } from '../config/pyproject.js'
import type { Namer } from '../config/names.js'
import { isPackaged, prepareEnvironment, type SideEnvironment } from '../env/environment.js'
import { findOrFetchUv, runnableBySandbox, withUvOrPip, type UvUse } from '../env/uv-tool.js'
import { compiledProbe } from '../measure/interpreter.js'
import type { InstallSpec } from '../model/settings.js'
import { SIDES, type Side } from '../model/target.js'
import type { Commits } from './compare-checkout.js'
import { INSTALL_TIMEOUT_MS, type CommandDeps } from './pipeline.js'
import { mkdir, writeFile } from 'node:fs/promises'
import type { ArmObservation } from '../analysis/verdict/observations.js'
import { CancelledError } from '../model/errors.js'

export interface InstalledSides {
  envs: Record<Side, SideEnvironment>
  /** How long installing took; null when nothing was installed. */
  installMs: number | null
  /** The probe, compiled once for both sides. */
  probe: string
  /** uv, where it came from, and why pip installed instead where it did. */
  uvUse: UvUse
}

/** Where a side's environment is made, in the run's scratch folder. */
export const envDirOf = (scratch: string, side: Side) => join(scratch, `${side}-venv`)

export async function installSides(
  install: InstallSpec,
  where: { projects: Record<Side, string>; scratch: string; run: string; python: string },
  { ref, sha }: Commits,
  deps: CommandDeps,
  name: Namer,
): Promise<InstalledSides> {
  deps.log(`installing base and head (${install.kind})`)
  const started = performance.now()
  const { installed: envs, use: uvUse } = await withUvOrPip(
    install,
    SIDES.some((side) => isPackaged(where.projects[side])),
    deps.env,
    async () =>
      runnableBySandbox(
        await findOrFetchUv(where.python, deps.env, where.run, deps.signal),
        where.scratch,
      ),
    (uv) =>
      installBoth(
        (side, signal) =>
          prepareEnvironment({
            label: `${side} (${ref[side]} at ${sha[side].slice(0, 10)})`,
            spec: install,
            projectDir: where.projects[side],
            envDir: envDirOf(where.scratch, side),
            tmpDir: join(where.scratch, `${side}-tmp`),
            python: where.python,
            parentEnv: deps.env,
            timeoutMs: INSTALL_TIMEOUT_MS,
            signal,
            installInput: name('install'),
            commandEnv: { IMPORTGATE_SIDE: side, IMPORTGATE_SHA: sha[side] },
            uv,
          }),
        deps.signal,
      ),
    deps.warn ?? deps.log,
  )
  const installMs = install.kind === 'none' ? null : performance.now() - started
  const probe = await compiledProbe(envs.base.python, envs.base.env, where.run)
  return { envs, installMs, probe, uvUse }
}

/** The distributions the two installs differ in, the project's own left out; null when not listed. */
export function dependencyDrift(
  envs: Record<Side, SideEnvironment>,
  projects: Record<Side, string>,
) {
  if (!envs.base.distributions || !envs.head.distributions) return null
  return {
    base_strategy: envs.base.strategy,
    head_strategy: envs.head.strategy,
    changed: diffDistributions(
      envs.base.distributions,
      envs.head.distributions,
      SIDES.flatMap((side) => projectName(projects[side]) ?? []),
    ),
  }
}

// Per-side steps of a comparison: installing both at once, and saving their logs.
/** Installs both sides at once; when one fails the other is stopped, and the first error is thrown. */
export async function installBoth(
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
      if (result.status === 'rejected' && !(result.reason instanceof CancelledError))
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
export async function saveLogs(
  dir: string,
  arms: readonly ArmObservation[],
  envs: Record<Side, SideEnvironment>,
): Promise<void> {
  await mkdir(join(dir, 'importtime'), { recursive: true })
  for (const side of SIDES) {
    if (envs[side].log) await writeFile(join(dir, `install-${side}.log`), envs[side].log)
    for (const arm of arms.filter((a) => a.key.side === side)) {
      for (const [i, log] of (arm.profile?.logs ?? []).entries()) {
        await writeFile(join(dir, 'importtime', `${side}-${arm.key.target}-${i + 1}.log`), log)
      }
    }
  }
}
