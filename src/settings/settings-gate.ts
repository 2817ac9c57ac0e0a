// The settings of what fails the check: budgets, forbidden and watched modules, metrics, thresholds.
// One entry per setting (setting-spec.ts says what an entry holds); registry.ts
// puts the tables together.
import { METRICS } from '../model/metrics.js'
import { validateTargets } from './targets.js'
import { budgetEntry, parseCacheStates, parseMetrics } from './text-values.js'
import { budgetTable, globs, modules, stringList } from './toml-values.js'
import { between, counted, duration, oneOf, orNone, percent, switched } from './value-kinds.js'
import { BOTH, COMPARE, many, type SettingSpec } from './setting-spec.js'

/**
 * What can change what an import loads or how long it takes: Python source
 * and stubs, compiled extensions and their sources, .pth files, the build and
 * dependency metadata, lock files.
 */
export const DEFAULT_AFFECTS = [
  '*.py',
  '*.pyi',
  '*.pyx',
  '*.pxd',
  '*.so',
  '*.pyd',
  '*.pth',
  'pyproject.toml',
  'setup.py',
  'setup.cfg',
  'requirements*',
  '*.lock',
  'Pipfile',
  'constraints*.txt',
] as const

export const GATE_SETTINGS = [
  {
    name: 'max-modules',
    action: 'Budget on the modules importing any target loads. Default none.',
    field: 'maxModules',
    group: 'gate',
    default: null,
    json: { key: 'max_modules' },
    commands: BOTH,
    flag: { type: 'string' },
    ...orNone(counted(1)),
    help: ['      --max-modules N     budget on modules loaded by importing any target'],
  },
  {
    name: 'forbid',
    action:
      'Modules no target may import (commas or new lines); a name forbids its submodules too. Default: [tool.importgate] forbid of the base commit.',
    field: 'forbid',
    group: 'gate',
    default: [],
    json: { key: 'forbid', schema: { type: 'array', items: { type: 'string' } } },
    commands: BOTH,
    flag: { type: 'string', multiple: true },
    fromText: (v, w) => validateTargets(many(v), w),
    fromToml: (v, w) => modules(v, w),
    help: ['      --forbid MODULE     must not be imported by any target; repeatable'],
  },
  {
    name: 'enforce-lazy',
    action:
      'true: a module the project declares lazy (PEP 810, Python 3.15+) that the import loads anyway fails the check (verdict forbidden); false: a warning. Default: [tool.importgate] enforce-lazy, else false.',
    field: 'enforceLazy',
    group: 'gate',
    default: false,
    json: { key: 'enforce_lazy', optional: true },
    commands: BOTH,
    flag: { type: 'boolean' },
    ...switched(),
    help: [
      '      --enforce-lazy      fail the check when the import loads a module the project',
      '                          declares lazy (Python 3.15+, PEP 810); else a warning',
    ],
  },
  {
    name: 'watch',
    action:
      'Modules to track by name (commas or new lines): each gets a row saying whether each target loads it on base and head, and through which chain. Default: [tool.importgate] watch.',
    field: 'watch',
    group: 'run',
    default: [],
    commands: BOTH,
    flag: { type: 'string', multiple: true },
    fromText: (v, w) => validateTargets(many(v), w),
    fromToml: (v, w) => modules(v, w),
    help: [
      '      --watch MODULE      report whether each target loads this module on each side,',
      '                          with the chain that loads it; repeatable',
    ],
  },
  {
    name: 'budget',
    action:
      'Import-time budgets, one TARGET=DURATION per line (e.g. mypkg=300ms). Default: [tool.importgate.budgets] of the base commit.',
    field: 'budgetsMs',
    group: 'gate',
    default: {},
    json: {
      key: 'budgets_ms',
      schema: { type: 'object', additionalProperties: { type: 'number' } },
    },
    commands: BOTH,
    flag: { type: 'string', multiple: true },
    input: 'budgets',
    key: 'budgets',
    fromText: (v, w) => Object.fromEntries(many(v).map((b) => budgetEntry(b, w))),
    fromToml: (v, w) => budgetTable(v, w),
    help: [
      '      --budget TARGET=DURATION',
      "                          budget on a target's median import time; repeatable",
    ],
  },
  {
    name: 'metric',
    action:
      'Metrics to measure beside import time (commas or new lines), each its own row: cpu_ms (CPU time), memory (peak memory growth), instructions (counted by perf or valgrind; fails the check on a change past instructions-threshold, 1%), fs_calls (file-system calls, counted by strace). Only instructions fails the check. Default: [tool.importgate] metrics, else import time alone.',
    field: 'metrics',
    group: 'run',
    json: {
      key: 'metrics',
      optional: true,
      schema: { type: 'array', items: { $ref: '#/definitions/metric' } },
    },
    commands: BOTH,
    flag: { type: 'string', multiple: true },
    input: 'metrics',
    key: 'metrics',
    fromText: (v, w) => parseMetrics(many(v), w),
    fromToml: (v, w) => parseMetrics(stringList(v, w, 'metrics', '["import_ms", "cpu_ms"]'), w),
    help: [
      '      --metric NAME       measure this metric too, its own row: cpu_ms, memory,',
      '                          instructions (fails the check on a change past',
      '                          --instructions-threshold), fs_calls; repeatable',
      '                          (default: import_ms alone)',
    ],
  },
  {
    name: 'cache',
    action:
      'Cache states to measure each target in (commas or new lines), each its own row and verdict: warm (.pyc files present, page cache as it is), no-pyc (every module compiled from source), cold (the page cache emptied before each sample, with sudo on hosted runners). Default: [tool.importgate] cache, else warm.',
    field: 'cache',
    group: 'run',
    json: {
      key: 'cache',
      optional: true,
      schema: { type: 'array', items: { enum: ['warm', 'no-pyc', 'cold'] } },
    },
    commands: BOTH,
    flag: { type: 'string', multiple: true },
    fromText: (v, w) => parseCacheStates(many(v), w),
    fromToml: (v, w) =>
      parseCacheStates(stringList(v, w, 'cache states', '["warm", "no-pyc", "cold"]'), w),
    help: [
      '      --cache STATE       measure in this cache state too, its own row: warm,',
      '                          no-pyc, cold; repeatable (default: warm)',
    ],
  },
  {
    name: 'threshold',
    action: 'Relative change below which nothing fails, e.g. 5%. Default 3%, or [tool.importgate].',
    field: 'thresholdPct',
    group: 'gate',
    // From bench/RESULTS.md: 3% and 0.5 ms catch 5% slowdowns without false
    // alarms in A/A runs on a noisy 2-core machine.
    default: 3,
    json: { key: 'threshold_pct' },
    commands: COMPARE,
    flag: { type: 'string' },
    ...percent('5%'),
    help: ['      --threshold PCT     relative change below which nothing fails (3%)'],
  },
  {
    name: 'min-delta',
    action:
      'Absolute change below which nothing fails, e.g. 1ms. Default 0.5ms, or [tool.importgate].',
    field: 'minDeltaMs',
    group: 'gate',
    default: 0.5,
    json: { key: 'min_delta_ms' },
    commands: COMPARE,
    flag: { type: 'string' },
    ...duration('ms', 'a duration such as "2ms"'),
    help: ['      --min-delta MS      absolute change below which nothing fails (0.5ms)'],
  },
  {
    name: 'undecided',
    action:
      'A target still undecided when max-time and overtime end. warn: it passes, with a warning in the comment, when its interval rules out a regression of twice the band (a change between the band and twice it may slip through); else it is inconclusive. fail: always inconclusive. Default: [tool.importgate] undecided, else warn.',
    field: 'undecided',
    group: 'gate',
    // bench/SLOW.md: an unchanged ~2 s import ended undecided in half its
    // compares, and a user saw a failed check; "warn" passes those whose
    // interval rules out twice the band (docs/statistics.md).
    default: 'warn',
    json: { key: 'undecided', optional: true },
    shown: true,
    commands: COMPARE,
    flag: { type: 'string' },
    ...oneOf(['warn', 'fail']),
    help: [
      '      --undecided WHAT    a target still undecided when the budget ends: warn passes it',
      '                          with a warning when its interval rules out twice the band,',
      '                          else it is inconclusive; fail: always inconclusive (warn)',
    ],
  },
  {
    name: 'instructions-threshold',
    action:
      'With the instructions metric: relative change of the instruction counts below which nothing fails, e.g. 2%. Default 1%, or [tool.importgate] instructions-threshold.',
    field: 'instructionsThresholdPct',
    group: 'gate',
    default: METRICS.instructions.thresholdPct,
    json: { key: 'instructions_threshold_pct', optional: true },
    commands: COMPARE,
    flag: { type: 'string' },
    ...percent('2%', { positive: true }),
    help: [
      '      --instructions-threshold PCT',
      '                          with --metric instructions: relative change of the counts',
      '                          below which nothing fails (1%)',
    ],
  },
  {
    name: 'alpha',
    field: 'alpha',
    group: 'gate',
    default: 0.01,
    json: { key: 'alpha' },
    commands: COMPARE,
    flag: { type: 'string' },
    input: null,
    ...between(0, 0.5, 0.01),
    help: ['      --alpha P           one-sided significance level (0.01)'],
  },
  {
    name: 'affects',
    action:
      'Patterns of the changed files that can affect importing (commas or new lines; a pattern without "/" matches a file name in any folder, "**" crosses folders). When the pull request changes none, nothing is installed or measured: a pass in seconds, with the comment saying why. "*" measures every change. A changed symbolic link, submodule, or file inside a package folder is always measured. Default: *.py, *.pyi, *.pyx, *.pxd, *.so, *.pyd, *.pth, pyproject.toml, setup.py, setup.cfg, requirements*, *.lock, Pipfile, constraints*.txt, or [tool.importgate] affects of the base commit.',
    field: 'affects',
    group: 'run',
    default: [...DEFAULT_AFFECTS],
    json: { key: 'affects', optional: true, schema: { type: 'array', items: { type: 'string' } } },
    commands: COMPARE,
    flag: { type: 'string', multiple: true },
    fromText: (v) =>
      many(v)
        .map((g) => g.trim())
        .filter(Boolean),
    fromToml: (v, w) => globs(v, w),
    help: [
      '      --affects GLOB      a changed file that can affect importing; repeatable. When none',
      '                          matches and the rest is docs, CI, images or tests, nothing is',
      "                          measured: a pass that says why ('*' measures every change)",
    ],
  },
] as const satisfies readonly SettingSpec[]
