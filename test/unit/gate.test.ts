import { describe, expect, it } from 'vitest'
import { budgetStatus, forbiddenImports, isBreached } from '../../src/analysis/verdict/gate.js'
import { mostSerious, PRECEDENCE } from '../../src/model/verdict.js'
import type { ModuleCost } from '../../src/analysis/attribution/module-costs.js'

describe('forbiddenImports', () => {
  const costs = new Map<string, ModuleCost>([
    [
      'paramiko',
      { name: 'paramiko', chain: ['shop', 'shop.ssh', 'paramiko'], selfMs: 1, cumulativeMs: 38 },
    ],
    [
      'paramiko.client',
      {
        name: 'paramiko.client',
        chain: ['shop', 'shop.ssh', 'paramiko', 'paramiko.client'],
        selfMs: 2,
        cumulativeMs: 2,
      },
    ],
  ])

  it('matches a forbidden name and everything under it, once per rule, with the chain', () => {
    const hits = forbiddenImports(
      ['shop', 'shop.ssh', 'paramiko', 'paramiko.client', 'paramikox'],
      costs,
      ['paramiko'],
    )
    expect(hits).toEqual([
      {
        name: 'paramiko',
        chain: ['shop', 'shop.ssh', 'paramiko'],
        rule: 'paramiko',
        count: 2,
        baseCount: null,
      },
    ])
  })

  it("counts what base's import loaded under the rule, so a reader knows who brought it (issue 48: 9)", () => {
    const head = ['shop', 'shop.ssh', 'paramiko', 'paramiko.client']
    const [both] = forbiddenImports(
      head,
      costs,
      ['paramiko'],
      ['shop', 'paramiko', 'paramiko.client'],
    )
    expect(both).toMatchObject({ count: 2, baseCount: 2 })
    const [brought] = forbiddenImports(head, costs, ['paramiko'], ['shop', 'paramikox'])
    expect(brought).toMatchObject({ count: 2, baseCount: 0 })
  })

  it('reports a submodule when only it is forbidden or imported', () => {
    expect(
      forbiddenImports(['paramiko', 'paramiko.client'], costs, ['paramiko.client'])[0],
    ).toMatchObject({
      name: 'paramiko.client',
      count: 1,
    })
  })

  it('finds nothing when nothing matches (prefixes need a dot)', () => {
    expect(forbiddenImports(['paramikox', 'shop'], costs, ['paramiko', 'asyncio'])).toEqual([])
  })
})

describe('budgets', () => {
  it('checks time and module budgets when set', () => {
    const s = budgetStatus(320, 610, 300, 600)
    expect(s).toEqual({
      time: { limit: 300, actual: 320, ok: false },
      modules: { limit: 600, actual: 610, ok: false },
    })
    expect(isBreached(s)).toBe(true)
    expect(isBreached(budgetStatus(250, 100, 300, 600))).toBe(false)
    expect(budgetStatus(250, 100, undefined, null)).toEqual({ time: null, modules: null })
  })
})

describe('verdict precedence', () => {
  it('is error > forbidden > budget > regression > improvement > pass', () => {
    expect(PRECEDENCE).toEqual([
      'error',
      'forbidden',
      'budget',
      'regression',
      'inconclusive',
      'improvement',
      'pass',
    ])
    expect(mostSerious(['pass', 'inconclusive', 'improvement'])).toBe('inconclusive')
    expect(mostSerious(['inconclusive', 'regression'])).toBe('regression')
    expect(mostSerious(['pass', 'regression', 'budget'])).toBe('budget')
    expect(mostSerious(['improvement', 'forbidden', 'error'])).toBe('error')
    expect(mostSerious([])).toBe('pass')
  })
})
