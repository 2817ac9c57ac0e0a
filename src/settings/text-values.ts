// Settings written as text (a flag, an action input) that are more than a
// number or a duration: switches, budgets, metric and cache-state names.
import { UsageError } from '../model/errors.js'
import { metricNamed, METRIC_IDS, type MetricId } from '../model/metrics.js'
import { isVariant, VARIANTS, type Variant } from '../model/target.js'
import { validateTargets } from './targets.js'
import { parseDuration } from './units.js'

/** A switch: a flag given (true), or an input's "true" or "false" as GitHub's inputs write them. */
export function switchValue(value: string | boolean, input: string): boolean {
  if (typeof value === 'boolean') return value
  const text = value.trim()
  if (['true', 'True', 'TRUE'].includes(text)) return true
  if (['false', 'False', 'FALSE'].includes(text)) return false
  throw new UsageError(`${input}: "${value}" is not true or false`)
}

/** "mypkg=300ms" → ["mypkg", 300]. */
export function budgetEntry(value: string, input: string): [string, number] {
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
