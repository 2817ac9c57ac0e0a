// `importgate compare <base-ref> <head-ref>` flags → one typed CompareConfig.
import { resolve } from 'node:path'
import type { GateSettings } from '../analysis/paired-compare.js'
import { parseInstall, type InstallSpec } from '../env/install-spec.js'
import { UsageError } from './errors.js'
import type { MeasureFlags } from './measure-config.js'
import { directory, projectSubdir, validateTargets } from './paths-and-targets.js'
import { samplingConfig, type SamplingConfig } from './sampling.js'
import { parseDuration, parsePercent } from './units.js'

export interface CompareFlags extends MeasureFlags {
  threshold?: string
  'min-delta'?: string
  alpha?: string
}

export interface CompareConfig {
  repoDir: string
  /** The project's folder relative to the repository root ('' for the root). */
  projectSubdir: string
  baseRef: string
  headRef: string
  python: string
  install: InstallSpec
  /** From -t; null means: the union of [tool.importgate] targets in base and head. */
  targets: string[] | null
  sampling: SamplingConfig
  gate: GateSettings
  jsonPath: string | null
  quiet: boolean
}

export const GATE_DEFAULTS: GateSettings = { thresholdPct: 5, minDeltaMs: 1, alpha: 0.01 }

function alpha(value: string | undefined): number {
  if (value === undefined) return GATE_DEFAULTS.alpha
  const a = Number(value)
  if (!(a > 0 && a < 0.5))
    throw new UsageError(`--alpha: "${value}" must be a number between 0 and 0.5, such as 0.01`)
  return a
}

export function compareConfig(
  flags: CompareFlags,
  positionals: string[],
  cwd: string,
): CompareConfig {
  if (positionals.length !== 2) {
    throw new UsageError(
      `compare needs two revisions, base then head (e.g. importgate compare main HEAD); got ${positionals.length}: ${JSON.stringify(positionals)}`,
    )
  }
  const [baseRef, headRef] = positionals as [string, string]
  const repoDir = directory('-C/--repo', resolve(cwd, flags.repo ?? '.'))
  const targets = flags.target?.length ? validateTargets(flags.target, '-t/--target') : null
  return {
    repoDir,
    projectSubdir: projectSubdir(repoDir, flags['project-dir']),
    baseRef,
    headRef,
    python: flags.python ?? 'python3',
    install: parseInstall('--install', flags.install ?? 'auto', ['auto', 'none', 'pip', 'uv']),
    targets,
    // At least one profile run per side: the module diff needs them.
    sampling: samplingConfig(flags, 1),
    gate: {
      thresholdPct:
        flags.threshold === undefined
          ? GATE_DEFAULTS.thresholdPct
          : parsePercent('--threshold', flags.threshold),
      minDeltaMs:
        flags['min-delta'] === undefined
          ? GATE_DEFAULTS.minDeltaMs
          : parseDuration('--min-delta', flags['min-delta'], 'ms'),
      alpha: alpha(flags.alpha),
    },
    jsonPath: flags.json ? resolve(cwd, flags.json) : null,
    quiet: flags.quiet ?? false,
  }
}
