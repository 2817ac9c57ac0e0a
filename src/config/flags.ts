// Command-line flags (as node:util parseArgs returns them), or the action's
// inputs mapped onto the same names, → SettingsInput.
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

/** How an input is named in messages: "--threshold" for the CLI, "input threshold" for the action. */
export type Namer = (flag: string) => string
export const cliName: Namer = (flag) => (flag === 'target' ? '-t/--target' : `--${flag}`)

function positive(input: string, value: string): number {
  const ms = parseDuration(input, value, 's')
  if (ms <= 0) throw new UsageError(`${input}: "${value}" must be more than zero`)
  return ms
}

/** "mypkg=300ms" → ["mypkg", 300]. */
function budget(value: string, input: string): [string, number] {
  const at = value.indexOf('=')
  if (at < 1)
    throw new UsageError(`${input}: "${value}" should be TARGET=DURATION, such as mypkg=300ms`)
  const [target] = validateTargets([value.slice(0, at).trim()], input)
  return [target!, parseDuration(input, value.slice(at + 1), 'ms')]
}

export function flagSettings(
  f: Flags,
  installModes: readonly InstallName[],
  minProfileRuns = 0,
  name: Namer = cliName,
): SettingsInput {
  const when = <T>(value: string | undefined, parse: (v: string) => T): T | undefined =>
    value === undefined ? undefined : parse(value)
  const input: SettingsInput = {
    targets: f.target?.length ? validateTargets(f.target, name('target')) : undefined,
    install: when(f.install, (v) => parseInstall(name('install'), v, installModes)),
    thresholdPct: when(f.threshold, (v) => parsePercent(name('threshold'), v)),
    minDeltaMs: when(f['min-delta'], (v) => parseDuration(name('min-delta'), v, 'ms')),
    maxModules: when(f['max-modules'], (v) => parseCount(name('max-modules'), v, 1)),
    forbid: f.forbid?.length ? validateTargets(f.forbid, name('forbid')) : undefined,
    budgetsMs: f.budget?.length
      ? Object.fromEntries(f.budget.map((b) => budget(b, name('budget'))))
      : undefined,
    minPairs: when(f['min-pairs'], (v) => parseCount(name('min-pairs'), v, 1)),
    maxPairs: when(f['max-pairs'], (v) => parseCount(name('max-pairs'), v, 1)),
    maxTimeMs: when(f['max-time'], (v) => positive(name('max-time'), v)),
    sampleTimeoutMs: when(f['sample-timeout'], (v) => positive(name('sample-timeout'), v)),
    warmups: when(f.warmup, (v) => parseCount(name('warmup'), v, 0)),
    profileRuns: when(f['profile-runs'], (v) =>
      parseCount(name('profile-runs'), v, minProfileRuns),
    ),
    seed: when(f.seed, (v) => parseCount(name('seed'), v, 0)),
  }
  if (f.alpha !== undefined) {
    const a = Number(f.alpha)
    if (!(a > 0 && a < 0.5)) {
      throw new UsageError(
        `${name('alpha')}: "${f.alpha}" must be a number between 0 and 0.5, such as 0.01`,
      )
    }
    input.alpha = a
  }
  return input
}
