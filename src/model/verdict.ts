// The verdicts a target or a whole run can get, and how several combine.

export type Verdict =
  'pass' | 'improvement' | 'inconclusive' | 'regression' | 'budget' | 'forbidden' | 'error'

/**
 * Most serious first: the documented precedence of verdicts. `inconclusive`
 * (too few samples for the test to find anything) outranks a pass and an
 * improvement: a green check must be earned.
 */
export const PRECEDENCE: readonly Verdict[] = [
  'error',
  'forbidden',
  'budget',
  'regression',
  'inconclusive',
  'improvement',
  'pass',
]

export function mostSerious(verdicts: readonly Verdict[]): Verdict {
  return PRECEDENCE.find((v) => verdicts.includes(v)) ?? 'pass'
}
