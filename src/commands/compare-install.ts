// Both sides installed at once, each into its own environment, the probe
// compiled once, and what the installs differ in besides the project.
import { join } from 'node:path'
import { diffDistributions } from '../analysis/attribution/deps-diff.js'
import { projectName } from '../config/pyproject.js'
import type { Namer } from '../config/names.js'
import { prepareEnvironment, type SideEnvironment } from '../env/environment.js'
import { compiledProbe } from '../measure/probe-path.js'
import type { InstallSpec } from '../model/settings.js'
import { SIDES, type Side } from '../model/target.js'
import { installBoth } from './both-sides.js'
import type { Commits } from './compare-checkout.js'
import { INSTALL_TIMEOUT_MS, type CommandDeps } from './pipeline.js'

export interface InstalledSides {
  envs: Record<Side, SideEnvironment>
  /** How long installing took; null when nothing was installed. */
  installMs: number | null
  /** The probe, compiled once for both sides. */
  probe: string
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
  const envs = await installBoth(
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
      }),
    deps.signal,
  )
  const installMs = install.kind === 'none' ? null : performance.now() - started
  const probe = await compiledProbe(envs.base.python, envs.base.env, where.run)
  return { envs, installMs, probe }
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
