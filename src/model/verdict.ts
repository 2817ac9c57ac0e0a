// The verdicts a target or a whole run can get, and how several combine.

export type Verdict = 'pass' | 'improvement' | 'regression' | 'budget' | 'forbidden' | 'error'

/** Most serious first: the documented precedence of verdicts. */
export const PRECEDENCE: readonly Verdict[] = [
  'error',
  'forbidden',
  'budget',
  'regression',
  'improvement',
  'pass',
]

export function mostSerious(verdicts: readonly Verdict[]): Verdict {
  return PRECEDENCE.find((v) => verdicts.includes(v)) ?? 'pass'
}
