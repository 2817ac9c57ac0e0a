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
    field: 'undecided',
    group: 'gate',
    // bench/SLOW.md: an unchanged ~2 s import ended undecided in half its
    // compares, and a user saw a failed check; "warn" passes those whose
    // interval rules out twice the band (docs/statistics.md).
    default: 'warn',
    json: { key: 'undecided', optional: true },
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
