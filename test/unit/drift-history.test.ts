// The drift check's durations (git/history.ts): "90 days" and the like, and
// nothing else read as one (a ref such as "v2" must stay a ref).
import { expect, it } from 'vitest'
import { durationDays } from '../../src/git/history.js'

it('reads a duration in days, weeks, months or years, and leaves anything else a ref', () => {
  expect(durationDays('90 days')).toBe(90)
  expect(durationDays('1 day')).toBe(1)
  expect(durationDays('2 weeks')).toBe(14)
  expect(durationDays('6 months')).toBe(180)
  expect(durationDays('1year')).toBe(365)
  for (const ref of ['v2.3.0', 'main', '90', 'days', '3 fortnights', 'HEAD~90'])
    expect(durationDays(ref)).toBeNull()
})
