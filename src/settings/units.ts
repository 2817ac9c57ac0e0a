// Numbers given as text: counts, durations, percentages. Each parser names the
// input and the value in its error, and says what would be accepted.
import { UsageError } from '../model/errors.js'

const DURATION = /^(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m)?$/

/** A duration in milliseconds; a bare number is in `bareUnit`. */
export function parseDuration(input: string, value: string, bareUnit: 'ms' | 's'): number {
  const match = DURATION.exec(value.trim())
  if (!match) {
    throw new UsageError(
      `${input}: "${value}" is not a duration; use a number of ${bareUnit === 's' ? 'seconds' : 'milliseconds'} or one with a unit, such as 300ms, 0.3s or 2m`,
    )
  }
  const amount = Number(match[1])
  const unit = match[2] ?? bareUnit
  const ms = amount * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000)
  // Past a day it is a typo, not a setting: `--sample-timeout 3000000` (s)
  // overflowed Node's timers and killed every sample; `--max-time 1e20` was shown rounded.
  if (ms > MAX_DURATION_MS)
    throw new UsageError(
      `${input}: "${value}" is longer than a day; budgets and timeouts are at most ${MAX_DURATION_MS / 1000} s (1440m)`,
    )
  return ms
}

/** A duration of more than zero (a timeout of 0 would kill every run at once). */
export function positiveDuration(input: string, value: string, bareUnit: 'ms' | 's' = 's'): number {
  const ms = parseDuration(input, value, bareUnit)
  if (ms <= 0) throw new UsageError(`${input}: "${value}" must be more than zero`)
  return ms
}

/** The longest duration any setting takes: a day. */
export const MAX_DURATION_MS = 86_400_000

/** A whole number ≥ min. */
/**
 * Upper bounds of counts that each cost a run of the import: beyond them a
 * value is a typo (`--warmup 1000000000` would write progress lines for hours
 * and never sample), not a setting.
 */
export const COUNT_LIMITS = { warmup: 100, profileRuns: 100, pairs: 100_000 } as const

export function parseCount(
  input: string,
  value: string,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
): number {
  const text = value.trim()
  const number = Number(text)
  if (!/^\d+$/.test(text) || number < min || number > max) {
    // A number past 2^53 would be rounded silently: it is out of range too.
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`
    throw new UsageError(`${input}: "${value}" is not a whole number ${range}`)
  }
  return number
}

/** A percentage: "5%" or "5" both mean 5. */
export function parsePercent(input: string, value: string): number {
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*%?$/.exec(value.trim())
  if (!match)
    throw new UsageError(`${input}: "${value}" is not a percentage; use a number such as 5 or 5%`)
  return Number(match[1])
}

/** A percentage above zero: a 0% threshold would call any count that moved a change. */
export function positivePercent(input: string, value: string): number {
  const pct = parsePercent(input, value)
  if (pct <= 0) throw new UsageError(`${input}: "${value}" must be more than 0%, such as 1%`)
  return pct
}
