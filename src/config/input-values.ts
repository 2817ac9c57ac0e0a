// The inputs a run was given, as text, keyed by what they mean: the CLI's flags
// and the action's inputs both map onto these, and partialSettings() turns
// them into typed settings, naming each input the way its user wrote it.
import { UsageError, type Namer } from '../model/errors.js'
import { metricNamed, METRIC_IDS, type MetricId } from '../model/metrics.js'
import { isVariant, VARIANTS, type Variant } from '../model/target.js'
import type { InstallMode } from '../model/settings.js'
import { parseInstall } from './install-mode.js'
import { validateTargets } from './paths-and-targets.js'
import type { PartialSettings } from './settings.js'
import {
  COUNT_LIMITS,
  parseCount,
  parseDuration,
  parsePercent,
  positiveDuration,
  positivePercent,
} from './units.js'

export interface InputValues {
  target?: string[]
  repo?: string
  'project-dir'?: string
  python?: string
  install?: string
  'min-pairs'?: string
  'max-pairs'?: string
  'max-time'?: string
  overtime?: string
  'sample-timeout'?: string
  warmup?: string
  'profile-runs'?: string
  seed?: string
  threshold?: string
  'instructions-threshold'?: string
  'min-delta'?: string
  alpha?: string
  'max-modules'?: string
  forbid?: string[]
  /** A flag (true when given) or an action input's text. */
  'enforce-lazy'?: string | boolean
  budget?: string[]
  metric?: string[]
  watch?: string[]
  cache?: string[]
  affects?: string[]
  label?: string
  json?: string
  markdown?: string
  quiet?: boolean
}

/** What each command accepts beyond the common inputs. */
export interface CommandRules {
  installModes: readonly InstallMode[]
  /** compare needs a profile run per side: the module diff comes from them. */
  minProfileRuns: number
}

const positive = positiveDuration

/** A switch: a flag given (true), or an input's "true" or "false" as GitHub's inputs write them. */
function switchValue(value: string | boolean | undefined, input: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value
  const text = value.trim()
  if (['true', 'True', 'TRUE'].includes(text)) return true
  if (['false', 'False', 'FALSE'].includes(text)) return false
  throw new UsageError(`${input}: "${value}" is not true or false`)
}

/** "mypkg=300ms" → ["mypkg", 300]. */
function budget(value: string, input: string): [string, number] {
  // The last =: a command target may hold one (cmd: mycli --level=3=300ms); a duration never does.
  const at = value.lastIndexOf('=')
  if (at < 1)
    throw new UsageError(`${input}: "${value}" should be TARGET=DURATION, such as mypkg=300ms`)
  const [target] = validateTargets([value.slice(0, at).trim()], input, { commands: true })
  return [target!, parseDuration(input, value.slice(at + 1), 'ms')]
}

export function parseMetrics(values: readonly string[], input: string): MetricId[] {
  return [
    ...new Set(
      values.map((value) => {
        const id = metricNamed(value.trim())
        if (!id)
          throw new UsageError(
            `${input}: "${value}" is not a metric; use ${METRIC_IDS.join(', ')} (fs-calls is fs_calls)`,
          )
        return id
      }),
    ),
  ]
}

export function parseCacheStates(values: readonly string[], input: string): Variant[] {
  return [
    ...new Set(
      values.map((value) => {
        const state = value.trim()
        if (!isVariant(state))
          throw new UsageError(
            `${input}: "${value}" is not a cache state; use ${VARIANTS.join(', ')}`,
          )
        return state
      }),
    ),
  ]
}

export function partialSettings(
  values: InputValues,
  rules: CommandRules,
  name: Namer,
): PartialSettings {
  const when = <T>(value: string | undefined, parse: (v: string) => T): T | undefined =>
    value === undefined ? undefined : parse(value)
  const partial: PartialSettings = {
    targets: values.target?.length
      ? validateTargets(values.target, name('target'), { commands: true })
      : undefined,
    install: when(values.install, (v) => parseInstall(name('install'), v, rules.installModes)),
    thresholdPct: when(values.threshold, (v) => parsePercent(name('threshold'), v)),
    instructionsThresholdPct: when(values['instructions-threshold'], (v) =>
      positivePercent(name('instructions-threshold'), v),
    ),
    minDeltaMs: when(values['min-delta'], (v) => parseDuration(name('min-delta'), v, 'ms')),
    maxModules: when(values['max-modules'], (v) => parseCount(name('max-modules'), v, 1)),
    forbid: values.forbid?.length ? validateTargets(values.forbid, name('forbid')) : undefined,
    enforceLazy: switchValue(values['enforce-lazy'], name('enforce-lazy')),
    budgetsMs: values.budget?.length
      ? Object.fromEntries(values.budget.map((b) => budget(b, name('budget'))))
      : undefined,
    metrics: values.metric?.length ? parseMetrics(values.metric, name('metric')) : undefined,
    watch: values.watch?.length ? validateTargets(values.watch, name('watch')) : undefined,
    cache: values.cache?.length ? parseCacheStates(values.cache, name('cache')) : undefined,
    affects: values.affects?.length
      ? values.affects.map((g) => g.trim()).filter(Boolean)
      : undefined,
    minPairs: when(values['min-pairs'], (v) =>
      parseCount(name('min-pairs'), v, 1, COUNT_LIMITS.pairs),
    ),
    maxPairs: when(values['max-pairs'], (v) =>
      parseCount(name('max-pairs'), v, 1, COUNT_LIMITS.pairs),
    ),
    maxTimeMs: when(values['max-time'], (v) => positive(name('max-time'), v)),
    overtimeMs: when(values.overtime, (v) => parseDuration(name('overtime'), v, 's')),
    sampleTimeoutMs: when(values['sample-timeout'], (v) => positive(name('sample-timeout'), v)),
    warmups: when(values.warmup, (v) => parseCount(name('warmup'), v, 0, COUNT_LIMITS.warmup)),
    profileRuns: when(values['profile-runs'], (v) =>
      parseCount(name('profile-runs'), v, rules.minProfileRuns, COUNT_LIMITS.profileRuns),
    ),
    seed: when(values.seed, (v) => parseCount(name('seed'), v, 0)),
  }
  if (values.alpha !== undefined) {
    const a = Number(values.alpha)
    if (!(a > 0 && a < 0.5)) {
      throw new UsageError(
        `${name('alpha')}: "${values.alpha}" must be a number between 0 and 0.5, such as 0.01`,
      )
    }
    partial.alpha = a
  }
  // Both given here: say so now, not after the worktrees are built.
  if (partial.minPairs !== undefined && partial.maxPairs !== undefined) {
    if (partial.maxPairs < partial.minPairs)
      throw new UsageError(
        `${name('max-pairs')} ${partial.maxPairs} is less than ${name('min-pairs')} ${partial.minPairs}`,
      )
  }
  return partial
}
