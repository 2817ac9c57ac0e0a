// Cache states, command targets and counted metrics as the config reads them
// and the reports show them. Pure: results documents in, text out.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCacheStates, partialSettings } from '../../src/config/requests.js'
import { validateTargets } from '../../src/settings/targets.js'
import { resolveSettings } from '../../src/settings/settings.js'
import { cliName } from '../../src/config/requests.js'
import { splitWords, targetOf } from '../../src/model/target.js'
import { annotations } from '../../src/action/annotations.js'
import { markdownReport } from '../../src/report/markdown/markdown.js'
import { PLAIN } from '../../src/report/terminal/style.js'
import { compareReport } from '../../src/report/terminal/terminal-compare.js'
import { buildView } from '../../src/report/view/view.js'
import type { CompareResults, TargetResult } from '../../src/results/schema.js'

const fixture = () =>
  JSON.parse(
    readFileSync(new URL('../fixtures/reports/compare.json', import.meta.url), 'utf8'),
  ) as CompareResults

/** The fixture with one target, `shop`, unchanged in time (a pass) and its entry adjusted. */
function passing(change: (t: TargetResult) => void): CompareResults {
  const doc = fixture()
  const shop = doc.targets[0]!
  shop.verdict = 'pass'
  shop.forbidden = []
  shop.modules = { added: [], removed: [], self_time_changes: [] }
  shop.delta = { ...shop.delta!, ms: 0.05, pct: 0.3, ci_pct: [-1, 1.5], p: 0.4 }
  shop.metrics = [
    {
      metric: 'import_ms',
      variant: 'warm',
      unit: 'ms',
      gating: true,
      outcome: 'pass',
      base_median: shop.base!.median_ms,
      head_median: shop.head!.median_ms,
      delta: shop.delta,
    },
  ]
  doc.targets = [shop]
  change(shop)
  doc.verdict = shop.verdict
  return doc
}

describe('command targets in the config', () => {
  it('splits a command as a shell would, and nothing more', () => {
    expect(splitWords(` mycli  --help`)).toEqual(['mycli', '--help'])
    expect(splitWords(`mycli 'a b' "c \\"d\\"" e;f $HOME`)).toEqual([
      'mycli',
      'a b',
      'c "d"',
      'e;f',
      '$HOME',
    ])
    expect(splitWords(`mycli ''`)).toEqual(['mycli', ''])
    expect(splitWords(`mycli 'open`)).toBe("an unclosed '")
    expect(targetOf('cmd: mycli --help')).toEqual({
      kind: 'command',
      name: 'cmd: mycli --help',
      argv: ['mycli', '--help'],
    })
  })

  it('takes cmd: targets where targets are listed, and says what is wrong with a bad one', () => {
    expect(validateTargets(['pkg', 'cmd: mycli --help'], '--target', { commands: true })).toEqual([
      'pkg',
      'cmd: mycli --help',
    ])
    expect(() => validateTargets(['cmd:'], '--target', { commands: true })).toThrow(
      '--target: "cmd:" is not a command: nothing follows cmd:; write it as cmd: mycli --help',
    )
    expect(() => validateTargets(['cmd: x "y'], 'input "targets"', { commands: true })).toThrow(
      /input "targets": "cmd: x "y" is not a command: an unclosed "/,
    )
    // Not where a module name is meant: --watch and --forbid take modules only.
    expect(() => validateTargets(['cmd: mycli'], '--watch')).toThrow(/not a Python module name/)
    const budgets = partialSettings(
      { budget: ['cmd: mycli --level=3=300ms'] },
      { installModes: ['auto'], minProfileRuns: 1 },
      cliName,
    ).budgetsMs
    expect(budgets).toEqual({ 'cmd: mycli --level=3': 300 })
  })
})

describe('cache states in the config', () => {
  it('always measures warm, in a fixed order, and names a wrong state', () => {
    const cache = parseCacheStates(['cold', ' no-pyc', 'cold'], '--cache')
    expect(cache).toEqual(['cold', 'no-pyc'])
    expect(resolveSettings([{ cache }], 1).cache).toEqual(['warm', 'no-pyc', 'cold'])
    expect(resolveSettings([], 1).cache).toEqual(['warm'])
    expect(() => parseCacheStates(['hot'], 'input "cache"')).toThrow(
      'input "cache": "hot" is not a cache state; use warm, no-pyc, cold',
    )
  })
})

describe('the reports', () => {
  it('headline an instruction regression that import time could not see, with how it was counted', () => {
    const doc = passing((shop) => {
      shop.verdict = 'regression'
      shop.base!.instruction_counts = [35_740_312, 35_740_329, 35_740_346]
      shop.head!.instruction_counts = [36_103_990, 36_104_000, 36_104_021]
      shop.head!.counting = {
        instructions: { tool: 'valgrind-3.19.0 (cachegrind), no ASLR', failure: null, seconds: 14 },
      }
      shop.metrics!.push({
        metric: 'instructions',
        variant: 'warm',
        unit: 'instructions',
        gating: true,
        outcome: 'regression',
        base_median: 35_740_329,
        head_median: 36_104_000,
        delta: null,
        counted: {
          delta: 363_671,
          pct: 1.02,
          spread_pct: 0.0001,
          threshold_pct: 1,
          base_runs: 3,
          head_runs: 3,
          reason: null,
        },
      })
    })
    const md = markdownReport(doc)
    expect(md.split('\n')[0]).toBe('### ❌ `shop` runs 1.0% more instructions at import (+363.7 k)')
    expect(md).toMatch(
      /\| `shop` · instructions +\| +35\.74 M \| +36\.10 M \| +\+363\.7 k \| +\+1\.02% \| +runs within <0\.001% \| ❌ regression +\|/,
    )
    // The time row keeps its own verdict: a pass.
    expect(md).toMatch(/\| `shop` +\|.*\| ✅ pass +\|/)
    expect(md).toContain(
      '<sub>`shop` · instructions: 3 and 3 runs (base, head) under valgrind-3.19.0 (cachegrind), no ASLR, 14 s a side; the runs agree within &lt;0.001%; +1.02% against a 1% threshold</sub>',
    )
    expect(annotations(buildView(doc), '/nowhere', '/nowhere')).toEqual([
      {
        verdict: 'regression',
        message: 'shop runs 1.0% more instructions at import (+363.7 k)',
        where: { title: 'importgate: import-time regression' },
      },
    ])
    expect(compareReport(doc, PLAIN)).toMatch(
      /shop · instructions\s+35\.74 M\s+36\.10 M\s+\+363\.7 k\s+\+1\.02%\s+runs within <0\.001%\s+regression/,
    )
  })

  it('give a cache state its own row, headline and note, and a command target its verb', () => {
    const doc = passing(() => {})
    const cold: TargetResult = JSON.parse(JSON.stringify(doc.targets[0])) as TargetResult
    cold.variant = 'cold'
    cold.verdict = 'regression'
    cold.delta = { ...cold.delta!, ms: 4.46, pct: 12.4, ci_pct: [5.9, 18.6], p: 0.0001 }
    cold.metrics![0]!.delta = cold.delta
    cold.metrics![0]!.outcome = 'regression'
    doc.targets.push(cold)
    doc.verdict = 'regression'
    doc.settings.cache = ['warm', 'cold']
    doc.settings.cold_method = 'fadvise'
    const md = markdownReport(doc)
    expect(md.split('\n')[0]).toBe(
      '### ❌ `shop` imports 5.9–19% slower (+4.46 ms) from a cold page cache',
    )
    expect(md).toMatch(/\| `shop` · cold cache +\|.*\| \+12\.4% \|.*\| ❌ regression +\|/)
    expect(md).toContain('<sub>cold cache: each file under the interpreter')
    // The check run's annotation says what failed it, though the warm row passed.
    expect(annotations(buildView(doc), '/nowhere', '/nowhere').map((a) => a.message)).toEqual([
      'shop imports 5.9–19% slower (+4.46 ms) from a cold page cache',
    ])
    const command = passing((shop) => {
      shop.name = 'cmd: shop --help'
      shop.verdict = 'improvement'
      shop.delta = { ...shop.delta!, ms: -30, pct: -40 }
    })
    expect(markdownReport(command).split('\n')[0]).toBe(
      '### 🚀 `cmd: shop --help` runs 40% faster (−30.0 ms)',
    )
  })
})
