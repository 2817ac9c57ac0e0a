import { describe, expect, it } from 'vitest'
import { diffDistributions } from '../../src/analysis/attribution/deps-diff.js'
import { parseImportTime } from '../../src/analysis/attribution/importtime.js'
import { moduleCosts, type ModuleCost } from '../../src/analysis/attribution/module-costs.js'
import { diffModules } from '../../src/analysis/attribution/module-diff.js'

const cost = (
  name: string,
  chain: string[],
  selfMs: number,
  cumulativeMs = selfMs,
): ModuleCost => ({
  name,
  chain,
  selfMs,
  cumulativeMs,
})
const costs = (...list: ModuleCost[]) => new Map(list.map((c) => [c.name, c]))

describe('diffModules', () => {
  const base = {
    added: ['shop', 'shop.orders', 'paramiko', 'paramiko.client'],
    costs: costs(
      cost('shop', ['shop'], 0.3, 40),
      cost('shop.orders', ['shop', 'shop.orders'], 0.2, 39),
      cost('paramiko', ['shop', 'shop.orders', 'paramiko'], 5, 38),
      cost('paramiko.client', ['shop', 'shop.orders', 'paramiko', 'paramiko.client'], 12),
    ),
  }
  const head = {
    added: ['shop', 'shop.orders', 'asyncio', 'asyncio.events', 'importlib._bootstrap'],
    costs: costs(
      cost('shop', ['shop'], 0.3, 30),
      cost('shop.orders', ['shop', 'shop.orders'], 9.5, 29),
      cost('asyncio', ['shop', 'shop.orders', 'asyncio'], 1, 19),
      cost('asyncio.events', ['shop', 'shop.orders', 'asyncio', 'asyncio.events'], 3),
    ),
  }
  const diff = diffModules(base, head)

  it('lists modules now eager with the chain from head, costliest first', () => {
    expect(diff.added.map((m) => [m.name, m.chain])).toEqual([
      ['asyncio', ['shop', 'shop.orders', 'asyncio']],
      ['asyncio.events', ['shop', 'shop.orders', 'asyncio', 'asyncio.events']],
      // An alias put in sys.modules without an import: no chain, no cost.
      ['importlib._bootstrap', []],
    ])
  })

  it('lists modules no longer imported with the chain from base, where they were loaded', () => {
    expect(diff.removed.map((m) => [m.name, m.chain, m.cumulativeMs])).toEqual([
      ['paramiko', ['shop', 'shop.orders', 'paramiko'], 38],
      ['paramiko.client', ['shop', 'shop.orders', 'paramiko', 'paramiko.client'], 12],
    ])
  })

  it('ranks own-time changes by size, either way', () => {
    expect(diff.selfTimeChanges.slice(0, 3).map((c) => [c.name, c.deltaMs])).toEqual([
      ['paramiko.client', -12],
      ['shop.orders', 9.3],
      ['paramiko', -5],
    ])
    expect(diff.selfTimeChanges.find((c) => c.name === 'shop')).toBeUndefined()
  })
})

describe('a failed optional import on the way', () => {
  it('leaves it out of the chain, so what it loaded stays with the import that brought it', () => {
    // requests.adapters tries urllib3.contrib.socks (PySocks missing): the
    // package urllib3.contrib stays loaded, the submodule does not.
    const head = {
      added: ['app', 'requests', 'requests.adapters', 'urllib3.contrib'],
      costs: costs(
        cost('requests', ['app', 'requests'], 1, 70),
        cost('requests.adapters', ['app', 'requests', 'requests.adapters'], 1, 20),
        cost(
          'urllib3.contrib.socks',
          ['app', 'requests', 'requests.adapters', 'urllib3.contrib.socks'],
          0.1,
          0.3,
        ),
        cost(
          'urllib3.contrib',
          ['app', 'requests', 'requests.adapters', 'urllib3.contrib.socks', 'urllib3.contrib'],
          0.1,
        ),
      ),
    }
    const diff = diffModules({ added: ['app'], costs: costs() }, head)
    expect(diff.added.find((m) => m.name === 'urllib3.contrib')?.chain).toEqual([
      'app',
      'requests',
      'requests.adapters',
      'urllib3.contrib',
    ])
    expect(diff.added.map((m) => m.name)).not.toContain('urllib3.contrib.socks')
  })
})

describe('diffDistributions', () => {
  it('reports added, removed and changed versions, names compared as PEP 503 says', () => {
    expect(
      diffDistributions(
        { Six: '1.16.0', typing_extensions: '4.0', requests: '2.31' },
        { six: '1.17.0', 'typing-extensions': '4.0', idna: '3.7' },
      ),
    ).toEqual([
      { name: 'idna', base: null, head: '3.7' },
      { name: 'requests', base: '2.31', head: null },
      { name: 'six', base: '1.16.0', head: '1.17.0' },
    ])
  })
})

describe('own-time changes and the noise of the runs', () => {
  const measured = (name: string, selfMs: number, runs: number, spreadMs: number): ModuleCost => ({
    ...cost(name, [name], selfMs),
    runs,
    selfSpreadMs: spreadMs,
  })
  const side = (...list: ModuleCost[]) => ({
    added: list.map((c) => c.name),
    costs: costs(...list),
  })

  it('lists only changes larger than the spread of the runs on both sides', () => {
    const diff = diffModules(
      side(measured('sympy.sets', 8.15, 3, 2.0), measured('mypkg.log', 60, 3, 3)),
      side(measured('sympy.sets', 6.42, 3, 1.5), measured('mypkg.log', 1, 3, 0.2)),
    )
    // −1.73 ms within ±3.5 ms of spread: noise. −59 ms against ±3.2 ms: a change.
    expect(diff.selfTimeChanges).toEqual([
      { name: 'mypkg.log', baseSelfMs: 60, headSelfMs: 1, deltaMs: -59, noiseMs: 3.2 },
    ])
  })

  it('lists no change below the floor, whatever the noise', () => {
    const diff = diffModules(
      side(measured('subprocess', 1.0, 3, 0.01)),
      side(measured('subprocess', 1.23, 3, 0.01)),
      10,
      0.5,
    )
    expect(diff.selfTimeChanges).toEqual([])
  })

  it('lists no change of a module both sides load when a side had one run', () => {
    const diff = diffModules(side(measured('a', 10, 1, 0)), side(measured('a', 30, 3, 1)))
    expect(diff.selfTimeChanges).toEqual([])
  })

  it('keeps the spread of real runs with the cost', () => {
    const run = (us: number) => parseImportTime(`import time: ${us} | ${us} | m\n`)
    expect(moduleCosts([run(1000), run(3000), run(1500)]).get('m')).toMatchObject({
      selfMs: 1.5,
      runs: 3,
      selfSpreadMs: 2,
    })
  })
})
