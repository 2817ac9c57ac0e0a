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
  return amount * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000)
}

/** A whole number ≥ min. */
export function parseCount(input: string, value: string, min: number): number {
  const text = value.trim()
  if (!/^\d+$/.test(text) || Number(text) < min) {
    throw new UsageError(`${input}: "${value}" is not a whole number of at least ${min}`)
  }
  return Number(text)
}

/** A percentage: "5%" or "5" both mean 5. */
export function parsePercent(input: string, value: string): number {
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*%?$/.exec(value.trim())
  if (!match)
    throw new UsageError(`${input}: "${value}" is not a percentage; use a number such as 5 or 5%`)
  return Number(match[1])
}
