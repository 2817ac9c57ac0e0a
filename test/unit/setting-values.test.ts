// The settings' types are derived from the registry's entries: checked here by
// the compiler (npm run typecheck), so that a parser that returns the wrong
// type, or an entry in the wrong group, changes what the layers above see.
import { describe, expectTypeOf, it } from 'vitest'
import type { MetricId } from '../../src/model/metrics.js'
import type { InstallSpec } from '../../src/model/settings.js'
import type { Variant } from '../../src/model/target.js'
import { resolveSettings } from '../../src/settings/settings.js'
import type { Gate, Sampling, Settings } from '../../src/settings/setting-values.js'

describe("the settings' types, from their entries", () => {
  it('give the gate its fields, each typed by its parser', () => {
    // In its group only: a gate setting is not a sampling one, nor the run's.
    expectTypeOf<Gate>().toHaveProperty('thresholdPct')
    expectTypeOf<Gate>().not.toHaveProperty('minPairs')
    expectTypeOf<Gate>().not.toHaveProperty('targets')
    expectTypeOf<Gate['maxModules']>().toEqualTypeOf<number | null>()
    expectTypeOf<Gate['forbid']>().toEqualTypeOf<string[]>()
    expectTypeOf<Gate['budgetsMs']>().toEqualTypeOf<Record<string, number>>()
    expectTypeOf<Gate['enforceLazy']>().toEqualTypeOf<boolean>()
  })

  it('give the sampling and the run their fields', () => {
    expectTypeOf<Sampling['minPairs']>().toEqualTypeOf<number>()
    expectTypeOf<Sampling>().not.toHaveProperty('forbid')
    expectTypeOf<Settings>().not.toHaveProperty('targets')
    expectTypeOf<Settings['install']>().toEqualTypeOf<InstallSpec | undefined>()
    expectTypeOf<Settings['metrics']>().toEqualTypeOf<MetricId[]>()
    expectTypeOf<Settings['cache']>().toEqualTypeOf<Variant[]>()
    expectTypeOf<Settings['watch']>().toEqualTypeOf<string[]>()
    expectTypeOf(resolveSettings([], 0)).toEqualTypeOf<Settings>()
  })
})
