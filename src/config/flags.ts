// Command-line flags (as node:util parseArgs returns them) → SettingsInput.
import { parseInstall, type InstallName } from '../env/install-spec.js'
import { UsageError } from './errors.js'
import { validateTargets } from './paths-and-targets.js'
import type { SettingsInput } from './settings.js'
import { parseCount, parseDuration, parsePercent } from './units.js'

export interface Flags {
  target?: string[]
  repo?: string
  'project-dir'?: string
  python?: string
  install?: string
  'min-pairs'?: string
  'max-pairs'?: string
  'max-time'?: string
  'sample-timeout'?: string
  warmup?: string
  'profile-runs'?: string
  seed?: string
  threshold?: string
  'min-delta'?: string
  alpha?: string
  'max-modules'?: string
  forbid?: string[]
  budget?: string[]
  json?: string
  markdown?: string
  quiet?: boolean
}

function positive(input: string, value: string): number {
  const ms = parseDuration(input, value, 's')
  if (ms <= 0) throw new UsageError(`${input}: "${value}" must be more than zero`)
  return ms
}

/** "mypkg=300ms" → ["mypkg", 300]. */
function budget(value: string): [string, number] {
  const at = value.indexOf('=')
  if (at < 1)
    throw new UsageError(`--budget: "${value}" should be TARGET=DURATION, such as mypkg=300ms`)
  const [target] = validateTargets([value.slice(0, at).trim()], '--budget')
  return [target!, parseDuration('--budget', value.slice(at + 1), 'ms')]
}

export function flagSettings(
  flags: Flags,
  installModes: readonly InstallName[],
  minProfileRuns = 0,
): SettingsInput {
  const f = flags
  const input: SettingsInput = {
    targets: f.target?.length ? validateTargets(f.target, '-t/--target') : undefined,
    install:
      f.install === undefined ? undefined : parseInstall('--install', f.install, installModes),
    thresholdPct: f.threshold === undefined ? undefined : parsePercent('--threshold', f.threshold),
    minDeltaMs:
      f['min-delta'] === undefined ? undefined : parseDuration('--min-delta', f['min-delta'], 'ms'),
    maxModules:
      f['max-modules'] === undefined ? undefined : parseCount('--max-modules', f['max-modules'], 1),
    forbid: f.forbid?.length ? validateTargets(f.forbid, '--forbid') : undefined,
    budgetsMs: f.budget?.length ? Object.fromEntries(f.budget.map(budget)) : undefined,
    minPairs:
      f['min-pairs'] === undefined ? undefined : parseCount('--min-pairs', f['min-pairs'], 1),
    maxPairs:
      f['max-pairs'] === undefined ? undefined : parseCount('--max-pairs', f['max-pairs'], 1),
    maxTimeMs: f['max-time'] === undefined ? undefined : positive('--max-time', f['max-time']),
    sampleTimeoutMs:
      f['sample-timeout'] === undefined
        ? undefined
        : positive('--sample-timeout', f['sample-timeout']),
    warmups: f.warmup === undefined ? undefined : parseCount('--warmup', f.warmup, 0),
    profileRuns:
      f['profile-runs'] === undefined
        ? undefined
        : parseCount('--profile-runs', f['profile-runs'], minProfileRuns),
    seed: f.seed === undefined ? undefined : parseCount('--seed', f.seed, 0),
  }
  if (f.alpha !== undefined) {
    const a = Number(f.alpha)
    if (!(a > 0 && a < 0.5))
      throw new UsageError(`--alpha: "${f.alpha}" must be a number between 0 and 0.5, such as 0.01`)
    input.alpha = a
  }
  return input
}
