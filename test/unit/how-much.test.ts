// The headline's size of a decided change: one figure, or the range its
// interval allows when one figure would claim more precision than it has.
import { describe, expect, it } from 'vitest'
import { howMuchWithin } from '../../src/report/view/format.js'

describe('howMuchWithin (issue 48: 10)', () => {
  it('gives the range when the interval is wider than ±5 points', () => {
    // Decided at ~20 pairs: "60% faster" rested on −77% … −40%.
    expect(howMuchWithin(-60, [-77, -40])).toBe('40–77% faster')
    expect(howMuchWithin(12, [5.9, 18.6])).toBe('5.9–19% slower')
    // In multiples, when the top is more than 10% above the bottom.
    expect(howMuchWithin(8524, [7473, 9232])).toBe('76–93× slower')
  })

  it('gives one figure when the interval is narrow, or missing', () => {
    expect(howMuchWithin(-13.5, [-13.9, -12.7])).toBe('14% faster')
    expect(howMuchWithin(-97.1, [-97.2, -96.5])).toBe('97% faster')
    expect(howMuchWithin(1000, [990, 1050])).toBe('11× slower')
    expect(howMuchWithin(4, null)).toBe('4.0% slower')
  })
})
