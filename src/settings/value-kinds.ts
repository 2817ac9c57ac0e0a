// The kinds of value a setting takes, each stated once: how a flag's or an
// input's text gives it, how TOML gives it, and how the results document's
// JSON Schema describes it. A registry entry spreads its kind (`...counted(1,
// 100)`), so a numeric setting's bounds are written in one place, and the
// parsers and the schema cannot disagree on them.
import { UsageError } from '../model/errors.js'
import { one, type Given, type JsonSchema } from './setting-spec.js'
import { switchValue } from './text-values.js'
import { count, show, text } from './toml-values.js'
import {
  MAX_DURATION_MS,
  parseCount,
  parseDuration,
  parsePercent,
  positiveDuration,
  positivePercent,
} from './units.js'

/** A whole number from `min` to `max` (no upper bound: a safe integer). */
export function counted(min: number, max?: number) {
  return {
    fromText: (v: Given, w: string): number => parseCount(w, one(v), min, max),
    fromToml: (v: unknown, w: string): number => count(min, max)(v, w),
    schema: {
      type: 'integer',
      minimum: min,
      ...(max === undefined ? {} : { maximum: max }),
    } satisfies JsonSchema,
  }
}

/** true or false: a flag given, an input's "true"/"false", a TOML boolean. */
export function switched() {
  return {
    fromText: (v: Given, w: string): boolean => switchValue(Array.isArray(v) ? v[0]! : v, w),
    fromToml: (v: unknown, w: string): boolean => {
      if (typeof v !== 'boolean') throw new UsageError(`${w} = ${show(v)}: expected true or false`)
      return v
    },
    schema: { type: 'boolean' } satisfies JsonSchema,
  }
}

/**
 * A duration in milliseconds, a bare number in `bareUnit`; `positive` refuses
 * zero (a timeout of 0 would kill every run at once). `example` is what TOML's
 * error offers. The schema is in the results' unit, seconds.
 */
export function duration(
  bareUnit: 'ms' | 's',
  example: string,
  { positive = false }: { positive?: boolean } = {},
) {
  const parse = (w: string, value: string) =>
    positive ? positiveDuration(w, value, bareUnit) : parseDuration(w, value, bareUnit)
  return {
    fromText: (v: Given, w: string): number => parse(w, one(v)),
    fromToml: (v: unknown, w: string): number =>
      parse(w, text(v, w, `a duration such as "${example}"`)),
    schema: {
      type: 'number',
      ...(positive ? { exclusiveMinimum: 0 } : { minimum: 0 }),
      maximum: MAX_DURATION_MS / (bareUnit === 's' ? 1000 : 1),
    } satisfies JsonSchema,
  }
}

/** A percentage ("5%" or "5"); `positive` refuses 0%. */
export function percent(example: string, { positive = false }: { positive?: boolean } = {}) {
  const parse = positive ? positivePercent : parsePercent
  return {
    fromText: (v: Given, w: string): number => parse(w, one(v)),
    fromToml: (v: unknown, w: string): number =>
      parse(w, text(v, w, `a percentage such as "${example}"`)),
    schema: {
      type: 'number',
      ...(positive ? { exclusiveMinimum: 0 } : { minimum: 0 }),
    } satisfies JsonSchema,
  }
}

/** A number strictly between `low` and `high`, such as `example`. */
export function between(low: number, high: number, example: number) {
  const accepted = `a number between ${low} and ${high}, such as ${example}`
  const inside = (a: number) => a > low && a < high
  return {
    fromText: (v: Given, w: string): number => {
      const a = Number(one(v))
      if (!inside(a)) throw new UsageError(`${w}: "${one(v)}" must be ${accepted}`)
      return a
    },
    fromToml: (v: unknown, w: string): number => {
      if (typeof v !== 'number' || !inside(v))
        throw new UsageError(`${w} = ${show(v)}: expected ${accepted}`)
      return v
    },
    schema: { type: 'number', exclusiveMinimum: low, exclusiveMaximum: high } satisfies JsonSchema,
  }
}

/** One of a few words, as written. */
export function oneOf<const W extends string>(words: readonly W[]) {
  const accepted = words.join(' or ')
  const parse = (value: string, w: string): W => {
    const word = words.find((x) => x === value.trim())
    if (word === undefined) throw new UsageError(`${w}: "${value}" is not ${accepted}`)
    return word
  }
  return {
    fromText: (v: Given, w: string): W => parse(one(v), w),
    fromToml: (v: unknown, w: string): W =>
      parse(text(v, w, words.map((x) => `"${x}"`).join(' or ')), w),
    schema: { enum: [...words] } satisfies JsonSchema,
  }
}

/** A kind whose value may also be null (unset: no such budget). */
export function orNone<T>(kind: {
  fromText: (v: Given, w: string) => T
  fromToml: (v: unknown, w: string) => T
  schema: { type: string }
}) {
  return {
    fromText: (v: Given, w: string): T | null => kind.fromText(v, w),
    fromToml: (v: unknown, w: string): T | null => kind.fromToml(v, w),
    schema: { ...kind.schema, type: [kind.schema.type, 'null'] } satisfies JsonSchema,
  }
}
