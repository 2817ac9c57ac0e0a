// The settings of what is measured and how long: targets, install, pairs, time.
// One entry per setting (setting-spec.ts says what an entry holds); registry.ts
// puts the tables together.
import { INSTALL_MODES } from '../model/settings.js'
import { parseInstall } from './install-mode.js'
import { validateTargets } from './paths-and-targets.js'
import { count, modules, text } from './toml-values.js'
import { COUNT_LIMITS, parseCount, parseDuration, positiveDuration } from './units.js'
import { BOTH, many, one, type SettingSpec } from './setting-spec.js'

export const SAMPLING_SETTINGS = [
  {
    name: 'target',
    commands: BOTH,
    flag: { type: 'string', multiple: true, short: 't' },
    input: 'targets',
    key: 'targets',
    fromText: (v, w) => ({ targets: validateTargets(many(v), w, { commands: true }) }),
    fromToml: (v, w) => ({ targets: modules(v, w, { commands: true }) }),
    help: [
      '  -t, --target MODULE     module to import; repeatable (default: [tool.importgate] targets',
      '                          in pyproject.toml; for compare, those of base and head together)',
    ],
  },
  {
    name: 'install',
    commands: BOTH,
    flag: { type: 'string' },
    fromText: (v, w, rules) => ({ install: parseInstall(w, one(v), rules.installModes) }),
    fromToml: (v, w) => ({
      install: parseInstall(w, text(v, w, 'an install mode or a command'), INSTALL_MODES.compare),
    }),
    help: [
      '      --install MODE      auto: a packaged project (or one with uv.lock) with uv when',
      '                                uv is on PATH (uv sync for a lock), else a venv and',
      "                                pip install .; anything else none (compare's default)",
      "                          none: nothing installed; PYTHONPATH is the project's src/ folder,",
      "                                or the project folder (measure's default)",
      '                          pip | uv: a venv per side, the project installed non-editable',
      "                          current: measure only; the interpreter's environment as it is",
      '                          "<command>": your own shell command, run in the checkout with a',
      '                                fresh venv activated (IMPORTGATE_SIDE=base|head is set)',
    ],
  },
  {
    name: 'min-pairs',
    commands: BOTH,
    flag: { type: 'string' },
    fromText: (v, w) => ({ minPairs: parseCount(w, one(v), 1, COUNT_LIMITS.pairs) }),
    fromToml: (v, w) => ({ minPairs: count(1, COUNT_LIMITS.pairs)(v, w) }),
    help: [
      '      --min-pairs N       at least N samples (measure) or pairs (compare) per target (20)',
    ],
  },
  {
    name: 'max-pairs',
    commands: BOTH,
    flag: { type: 'string' },
    fromText: (v, w) => ({ maxPairs: parseCount(w, one(v), 1, COUNT_LIMITS.pairs) }),
    fromToml: (v, w) => ({ maxPairs: count(1, COUNT_LIMITS.pairs)(v, w) }),
    help: ['      --max-pairs N       at most N (2000); compare: each target stops once decided'],
  },
  {
    name: 'max-time',
    commands: BOTH,
    flag: { type: 'string' },
    fromText: (v, w) => ({ maxTimeMs: positiveDuration(w, one(v)) }),
    fromToml: (v, w) => ({
      maxTimeMs: parseDuration(w, text(v, w, 'a duration such as "120s"'), 's'),
    }),
    help: [
      '      --max-time SECONDS  time budget for warm-ups, profiles and samples; installs are',
      '                          not counted (120)',
    ],
  },
  {
    name: 'overtime',
    commands: BOTH,
    flag: { type: 'string' },
    fromText: (v, w) => ({ overtimeMs: parseDuration(w, one(v), 's') }),
    fromToml: (v, w) => ({
      overtimeMs: parseDuration(w, text(v, w, 'a duration such as "240s", or "0s" for none'), 's'),
    }),
    help: [
      '      --overtime SECONDS  compare: time a run may take past --max-time, only for the',
      '                          targets still undecided; 0 for none (2 x max-time).',
      "                          With --max-time, also the budget of counted metrics' runs",
    ],
  },
  {
    name: 'sample-timeout',
    commands: BOTH,
    flag: { type: 'string' },
    input: null,
    fromText: (v, w) => ({ sampleTimeoutMs: positiveDuration(w, one(v)) }),
    fromToml: (v, w) => ({
      sampleTimeoutMs: positiveDuration(w, text(v, w, 'a duration such as "60s"')),
    }),
    help: [
      '      --sample-timeout SECONDS',
      '                          one import taking longer is killed and reported (60)',
    ],
  },
  {
    name: 'warmup',
    commands: BOTH,
    flag: { type: 'string' },
    input: null,
    fromText: (v, w) => ({ warmups: parseCount(w, one(v), 0, COUNT_LIMITS.warmup) }),
    fromToml: (v, w) => ({ warmups: count(0, COUNT_LIMITS.warmup)(v, w) }),
    help: ['      --warmup N          discarded rounds before sampling (3)'],
  },
  {
    name: 'profile-runs',
    commands: BOTH,
    flag: { type: 'string' },
    input: null,
    fromText: (v, w, rules) => ({
      profileRuns: parseCount(w, one(v), rules.minProfileRuns, COUNT_LIMITS.profileRuns),
    }),
    fromToml: (v, w) => ({ profileRuns: count(1, COUNT_LIMITS.profileRuns)(v, w) }),
    help: ['      --profile-runs N    untimed -X importtime runs per target and side (5)'],
  },
  {
    name: 'seed',
    commands: BOTH,
    flag: { type: 'string' },
    input: null,
    key: null,
    fromText: (v, w) => ({ seed: parseCount(w, one(v), 0) }),
    help: ['      --seed N            seed for the run order, to reproduce a run'],
  },
] as const satisfies readonly SettingSpec[]
