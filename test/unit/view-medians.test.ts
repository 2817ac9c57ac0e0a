import { describe, expect, it } from 'vitest'
import { twoGroups } from '../../src/report/view/view-medians.js'

describe('twoGroups', () => {
  const spread = (from: number, step: number, n: number) =>
    Array.from({ length: n }, (_, i) => from + i * step)

  it('finds two groups of times with a gap of 10% or more between them', () => {
    expect(twoGroups([...spread(12, 0.5, 9), ...spread(20, 2, 9)])).toEqual([
      [12, 16],
      [20, 36],
    ])
  })

  it('makes no group of a few stragglers, nor of one spread with no gap', () => {
    // 2 slow runs in 20: 10%, under the 15% a group needs.
    expect(twoGroups([...spread(12, 0.1, 18), 30, 31])).toBeNull()
    expect(twoGroups(spread(12, 0.3, 30))).toBeNull()
    expect(twoGroups([12, 20, 13])).toBeNull()
  })
})
