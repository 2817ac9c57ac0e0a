// The one-line answer: the most serious finding, in parts that each report
// lays out its own way (code spans in markdown, plain text in a terminal).
import { mostSerious } from '../../model/verdict.js'
import type { TargetResult } from '../../results/schema.js'
import { METRICS, PRIMARY_METRIC, type MetricUnit } from '../../model/metrics.js'
import { traitsOf } from '../../model/target.js'
import { formatMs, howMuch, howMuchWithin, signedMs, signedPct, signedValue } from './format.js'
import { decidingInterval } from './view-rows.js'

/** Text with the parts that name code (modules) marked, for each report to format. */
export type Rich = (string | { code: string })[]

/** Targets with the most serious verdict: the largest change first for regressions and improvements, else in config order. */
export function worst(targets: TargetResult[]): TargetResult[] {
  const verdict = mostSerious(targets.map((t) => t.verdict))
  const found = targets.filter((t) => t.verdict === verdict)
  if (verdict !== 'regression' && verdict !== 'improvement') return found
  const size = (t: TargetResult) => Math.abs(t.delta?.pct ?? 0)
  return found.sort((a, b) => size(b) - size(a))
}

/** Where a cache state other than warm is the one that changed: said after the change. */
export const STATE_WORDS = {
  'no-pyc': ' without .pyc files',
  cold: ' from a cold page cache',
} as const

/**
 * A regression or improvement that a counted metric found and import time did
 * not: the headline says what was counted ("2.0% more instructions"), not a
 * time change that is within the noise.
 */
function countedChange(t: TargetResult): Rich | null {
  if (t.verdict !== 'regression' && t.verdict !== 'improvement') return null
  const primary = t.metrics?.find((m) => m.metric === PRIMARY_METRIC)
  if (primary?.outcome === t.verdict) return null
  const m = t.metrics?.find((x) => x.gating && x.counted && x.outcome === t.verdict)
  if (!m?.counted) return null
  return [
    t.verdict === 'regression' ? '❌ ' : '🚀 ',
    { code: t.name },
    countedWords(METRICS[m.metric].label, m.unit, m.counted),
  ]
}

/** What a count found, after the target's name: " runs 1.0% more instructions at import (+363.7 k)". */
export function countedWords(
  label: string,
  unit: MetricUnit,
  counted: { pct: number | null; delta: number | null },
): string {
  // Only a count both sides have is decided; a side without counts has no change to state.
  if (counted.pct === null || counted.delta === null)
    return ` has ${label} counted on one side only`
  const more = counted.pct > 0 ? 'more' : 'fewer'
  return ` runs ${Math.abs(counted.pct).toFixed(1)}% ${more} ${label} at import (${signedValue(unit, counted.delta)})`
}

function headlineFor(t: TargetResult, count: number, command: 'measure' | 'compare'): Rich {
  const counted = countedChange(t)
  if (counted) return counted
  const line = timeHeadline(t, count, command)
  return t.variant && t.verdict !== 'pass' ? [...line, STATE_WORDS[t.variant]] : line
}

function timeHeadline(t: TargetResult, count: number, command: 'measure' | 'compare'): Rich {
  const name = { code: t.name }
  // A command target is a whole process: it runs, where a module imports.
  const imports = traitsOf(t.name).verb
  switch (t.verdict) {
    case 'error':
      return ['⚠️ importgate could not measure ', name, ` (${t.error!.side}): ${t.error!.kind}`]
    case 'forbidden': {
      const [hit] = t.forbidden
      if (hit)
        return [
          '⛔ ',
          name,
          ' imports forbidden module ',
          { code: hit.name },
          ...(hit.base_count === undefined
            ? []
            : [hit.base_count > 0 ? ' (base does too)' : ' (new in this change)']),
          ...decidedChange(t, imports),
        ]
      // enforce-lazy: a declared-lazy module the import loaded anyway.
      const l = t.lazy!.loaded_anyway[0]!
      return [
        '⛔ ',
        name,
        ' loads ',
        { code: l.module },
        ', declared lazy at ',
        { code: `${l.file}:${l.line}` },
        ...decidedChange(t, imports),
      ]
    }
    case 'budget': {
      const b = t.budget!
      if (b.time && !b.time.ok)
        return [
          '💸 ',
          name,
          ` takes ${formatMs(b.time.median_ms)} to import, over its ${formatMs(b.time.limit_ms)} budget`,
        ]
      return [
        '💸 ',
        name,
        ` loads ${b.modules!.count} modules, over the budget of ${b.modules!.limit}`,
      ]
    }
    case 'inconclusive': {
      const s = t.inconclusive
      const what = command === 'measure' ? 'how long it takes to import' : 'whether it got slower'
      // Batches that disagreed with budget to spare: the estimate's sign is no lead.
      if (s?.budget_left_s !== undefined)
        return [
          '❔ importgate cannot tell ',
          what,
          ' for ',
          name,
          ': its batches of pairs disagree',
        ]
      if (s?.reason === 'unsettled' && t.delta)
        return [
          '❔ ',
          name,
          ` may ${imports === 'runs' ? 'run' : 'import'} ${howMuch(t.delta.pct)} (${signedMs(t.delta.ms)}), but ${s.pairs} pairs cannot tell that from noise`,
        ]
      const counted = s
        ? `: ${s.pairs} of the ${s.needed_pairs} ${command === 'measure' ? 'samples' : 'pairs'} a verdict needs`
        : ''
      return ['❔ importgate cannot tell ', what, ' for ', name, counted]
    }
    case 'regression':
      return ['❌ ', name, ` ${imports} ${decidedHowMuch(t.delta!)} (${signedMs(t.delta!.ms)})`]
    case 'improvement':
      return ['🚀 ', name, ` ${imports} ${decidedHowMuch(t.delta!)} (${signedMs(t.delta!.ms)})`]
    default:
      if (command === 'measure')
        return ['📏 ', name, ` ${imports} in ${formatMs(t.head?.median_ms ?? NaN)}`]
      return count > 1
        ? [`✅ No import-time regressions in ${count} targets`]
        : [
            '✅ No import-time regression: ',
            name,
            ` ${t.delta ? signedPct(t.delta.pct) : 'measured'}`,
          ]
  }
}

/** A decided change's size, as a range when its interval is too wide for one figure. */
const decidedHowMuch = (d: NonNullable<TargetResult['delta']>) =>
  howMuchWithin(d.pct, decidingInterval(d)?.ci ?? null)

/**
 * A regression or improvement the timed samples decided, under a verdict that
 * outranks it (a forbidden import): the reader still learns of it, in words.
 */
function decidedChange(t: TargetResult, imports: string): string[] {
  const d = t.delta
  if (!d || (d.decision !== 'regression' && d.decision !== 'improvement')) return []
  return [`, and ${imports} ${decidedHowMuch(d)} (${signedMs(d.ms)})`]
}

/**
 * Whether a target's headline names what changed its import time: a regression,
 * an improvement, or a budget breach because it got slower.
 */
export function namesCause(t: TargetResult): boolean {
  return (
    t.verdict === 'regression' ||
    (t.verdict === 'forbidden' && decidedChange(t, 'imports').length > 0) ||
    t.verdict === 'improvement' ||
    (t.verdict === 'budget' && (t.delta?.ms ?? 0) > 0)
  )
}

/**
 * The most serious finding in one line; for a regression or an improvement,
 * followed by `cause` (what explains it in that target), when given.
 */
export function headlineOf(
  targets: TargetResult[],
  command: 'measure' | 'compare',
  cause: (target: TargetResult) => Rich | null = () => null,
): Rich {
  const [first, ...others] = worst(targets)
  if (!first) return ['✅ No targets measured']
  const more = first.verdict !== 'pass' && others.length ? ` (and ${others.length} more)` : ''
  const why = namesCause(first) ? cause(first) : null
  return [
    ...headlineFor(first, targets.length, command),
    ...(more ? [more] : []),
    ...(why ? [': ', ...why] : []),
  ]
}

/** The headline as plain text: terminals, check-run titles, annotations. */
export function plainText(rich: Rich): string {
  return rich.map((part) => (typeof part === 'string' ? part : part.code)).join('')
}
