// Sampling flags shared by measure and compare.
import { randomSeed } from '../analysis/random.js'
import { UsageError } from './errors.js'
import { parseCount, parseDuration } from './units.js'

export interface SamplingFlags {
  'min-pairs'?: string
  'max-pairs'?: string
  'max-time'?: string
  'sample-timeout'?: string
  warmup?: string
  'profile-runs'?: string
  seed?: string
}

export interface SamplingConfig {
  warmups: number
  /** Samples per target (measure) or pairs per target (compare): at least, at most. */
  minPairs: number
  maxPairs: number
  /** Budget for warm-ups, profiles and samples; installs are not counted. */
  maxTimeMs: number
  sampleTimeoutMs: number
  profileRuns: number
  seed: number
}

export const SAMPLING_DEFAULTS = {
  warmups: 3,
  minPairs: 20,
  maxPairs: 200,
  maxTimeS: 120,
  sampleTimeoutS: 60,
  profileRuns: 3,
}

function positiveDuration(input: string, value: string): number {
  const ms = parseDuration(input, value, 's')
  if (ms <= 0) throw new UsageError(`${input}: "${value}" must be more than zero`)
  return ms
}

export function samplingConfig(flags: SamplingFlags, minProfileRuns = 0): SamplingConfig {
  const d = SAMPLING_DEFAULTS
  const minPairs = parseCount('--min-pairs', flags['min-pairs'] ?? String(d.minPairs), 1)
  const maxPairs = parseCount(
    '--max-pairs',
    flags['max-pairs'] ?? String(Math.max(minPairs, d.maxPairs)),
    1,
  )
  if (maxPairs < minPairs)
    throw new UsageError(`--max-pairs: ${maxPairs} is less than --min-pairs ${minPairs}`)
  return {
    warmups: parseCount('--warmup', flags.warmup ?? String(d.warmups), 0),
    minPairs,
    maxPairs,
    maxTimeMs: positiveDuration('--max-time', flags['max-time'] ?? String(d.maxTimeS)),
    sampleTimeoutMs: positiveDuration(
      '--sample-timeout',
      flags['sample-timeout'] ?? String(d.sampleTimeoutS),
    ),
    profileRuns: parseCount(
      '--profile-runs',
      flags['profile-runs'] ?? String(d.profileRuns),
      minProfileRuns,
    ),
    seed: flags.seed === undefined ? randomSeed() : parseCount('--seed', flags.seed, 0),
  }
}
