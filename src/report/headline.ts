// The one-line answer: the most serious finding, in parts that each report
// lays out its own way (code spans in markdown, plain text in a terminal).
import { mostSerious } from '../model/verdict.js'
import type { TargetResult } from '../results/schema.js'
import { formatMs, howMuch, signedMs, signedPct } from './format.js'

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

function headlineFor(t: TargetResult, count: number, command: 'measure' | 'compare'): Rich {
  const name = { code: t.name }
  switch (t.verdict) {
    case 'error':
      return ['⚠️ importgate could not measure ', name, ` (${t.error!.side}): ${t.error!.kind}`]
    case 'forbidden':
      return ['⛔ ', name, ' imports forbidden module ', { code: t.forbidden[0]!.name }]
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
      if (s?.reason === 'unsettled' && t.delta)
        return [
          '❔ ',
          name,
          ` may import ${howMuch(t.delta.pct)} (${signedMs(t.delta.ms)}), but ${s.pairs} pairs cannot tell that from noise`,
        ]
      const counted = s
        ? `: ${s.pairs} of the ${s.needed_pairs} ${command === 'measure' ? 'samples' : 'pairs'} a verdict needs`
        : ''
      return ['❔ importgate cannot tell ', what, ' for ', name, counted]
    }
    case 'regression':
      return ['❌ ', name, ` imports ${howMuch(t.delta!.pct)} (${signedMs(t.delta!.ms)})`]
    case 'improvement':
      return ['🚀 ', name, ` imports ${howMuch(t.delta!.pct)} (${signedMs(t.delta!.ms)})`]
    default:
      if (command === 'measure')
        return ['📏 ', name, ` imports in ${formatMs(t.head?.median_ms ?? NaN)}`]
      return count > 1
        ? [`✅ No import-time regressions in ${count} targets`]
        : [
            '✅ No import-time regression: ',
            name,
            ` ${t.delta ? signedPct(t.delta.pct) : 'measured'}`,
          ]
  }
}

/**
 * Whether a target's headline names what changed its import time: a regression,
 * an improvement, or a budget breach because it got slower.
 */
export function namesCause(t: TargetResult): boolean {
  return (
    t.verdict === 'regression' ||
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
