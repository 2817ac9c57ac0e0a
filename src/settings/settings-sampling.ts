// The settings of what is measured and how long: targets, install, pairs, time.
// One entry per setting (setting-spec.ts says what an entry holds); registry.ts
// puts the tables together.
import { INSTALL_MODES } from '../model/settings.js'
import { parseInstall } from './install-mode.js'
import { validateTargets } from './targets.js'
import { modules, text } from './toml-values.js'
import { COUNT_LIMITS } from './units.js'
import { counted, duration, switched } from './value-kinds.js'
import { BOTH, COMPARE, many, one, type SettingSpec } from './setting-spec.js'

export const SAMPLING_SETTINGS = [
  {
    name: 'target',
    action:
      "Modules to import, separated by commas or new lines. Default: `targets` under [tool.importgate] in pyproject.toml (base's and head's together).",
    field: 'targets',
    group: 'run',
    commands: BOTH,
    flag: { type: 'string', multiple: true, short: 't' },
    input: 'targets',
    key: 'targets',
    fromText: (v, w) => validateTargets(many(v), w, { commands: true }),
    fromToml: (v, w) => modules(v, w, { commands: true }),
    help: [
      '  -t, --target MODULE     module to import; repeatable (default: [tool.importgate] targets',
      '                          in pyproject.toml; for compare, those of base and head together)',
    ],
  },
  {
    name: 'install',
    action:
      "auto (a packaged project, or one with uv.lock, installed with uv: the one on PATH, else a pinned uv fetched once from PyPI and kept in the runner's tool cache; uv sync for a lock, else uv venv + uv pip install; pip when uv cannot be had or cannot install the project; anything else none), none, pip, uv, or your own shell command. Default: [tool.importgate] install, else auto.",
    field: 'install',
    group: 'run',
    commands: BOTH,
    flag: { type: 'string' },
    fromText: (v, w, rules) => parseInstall(w, one(v), rules.installModes),
    fromToml: (v, w) =>
      parseInstall(w, text(v, w, 'an install mode or a command'), INSTALL_MODES.compare),
    help: [
      '      --install MODE      auto: a packaged project (or one with uv.lock) with uv: on',
      '                                PATH, else a pinned uv fetched once from PyPI (uv sync',
      '                                for a lock); pip when uv cannot be had or cannot',
      "                                install it; anything else none (compare's default)",
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
    action: 'At least this many interleaved pairs per target. Default 20.',
    field: 'minPairs',
    group: 'sampling',
    default: 20,
    json: { key: 'min_pairs' },
    commands: BOTH,
    flag: { type: 'string' },
    ...counted(1, COUNT_LIMITS.pairs),
    help: [
      '      --min-pairs N       at least N samples (measure) or pairs (compare) per target (20)',
    ],
  },
  {
    name: 'max-pairs',
    action:
      'At most this many interleaved pairs per target; sampling stops earlier once a target is decided. Default 2000 (time, not pairs, is what limits a run).',
    field: 'maxPairs',
    group: 'sampling',
    json: { key: 'max_pairs' },
    commands: BOTH,
    flag: { type: 'string' },
    ...counted(1, COUNT_LIMITS.pairs),
    help: ['      --max-pairs N       at most N (2000); compare: each target stops once decided'],
  },
  {
    name: 'max-time',
    action:
      'Time budget for warm-ups, profile runs and sampling, e.g. 120s (installs not counted). Default 120s.',
    field: 'maxTimeMs',
    group: 'sampling',
    default: 120_000,
    json: { key: 'max_time_s', per: 1000 },
    commands: BOTH,
    flag: { type: 'string' },
    ...duration('s', 'a duration such as "120s"', { positive: true }),
    help: [
      '      --max-time SECONDS  time budget for warm-ups, profiles and samples; installs are',
      '                          not counted (120)',
    ],
  },
  {
    name: 'overtime',
    action:
      'Time a run may take past max-time, only for the targets still undecided; 0s for none. Default twice max-time.',
    field: 'overtimeMs',
    group: 'sampling',
    json: { key: 'overtime_s', per: 1000, optional: true },
    commands: BOTH,
    flag: { type: 'string' },
    ...duration('s', 'a duration such as "240s", or "0s" for none'),
    help: [
      '      --overtime SECONDS  compare: time a run may take past --max-time, only for the',
      '                          targets still undecided; 0 for none (2 x max-time).',
      "                          With --max-time, also the budget of counted metrics' runs",
    ],
  },
  {
    name: 'proof',
    action:
      'true: before timing, trace one import a side (twice); when no changed line or file runs at import, the target passes without timing, and the comment says what was checked. false: time every pull request. Default: [tool.importgate] proof, else true.',
    field: 'proof',
    group: 'sampling',
    // On by default: most pull requests change no line an import runs, and
    // a proof decides those in seconds whatever the import's size or the noise.
    default: true,
    json: { key: 'proof', optional: true },
    shown: true,
    commands: COMPARE,
    flag: { type: 'string' },
    ...switched(),
    help: [
      '      --proof BOOL        trace one import a side first; when no changed line or file',
      '                          runs at import, pass without timing (true; false times every',
      '                          pull request)',
    ],
  },
  {
    name: 'sample-timeout',
    field: 'sampleTimeoutMs',
    group: 'sampling',
    default: 60_000,
    json: { key: 'sample_timeout_s', per: 1000 },
    commands: BOTH,
    flag: { type: 'string' },
    input: null,
    ...duration('s', 'a duration such as "60s"', { positive: true }),
    help: [
      '      --sample-timeout SECONDS',
      '                          one import taking longer is killed and reported (60)',
    ],
  },
  {
    name: 'warmup',
    field: 'warmups',
    group: 'sampling',
    default: 3,
    json: { key: 'warmups' },
    commands: BOTH,
    flag: { type: 'string' },
    input: null,
    ...counted(0, COUNT_LIMITS.warmup),
    help: ['      --warmup N          discarded rounds before sampling (3)'],
  },
  {
    name: 'profile-runs',
    field: 'profileRuns',
    group: 'sampling',
    // Five, not three: own-time changes are listed only where they exceed the
    // runs' spread, and three runs give a crude spread. -X importtime itself
    // adds 3-9% to an import (sympy +3%, rich.console +9% here), more with
    // more modules, so the timed samples cannot double as profile runs.
    default: 5,
    json: { key: 'profile_runs' },
    commands: BOTH,
    flag: { type: 'string' },
    input: null,
    // The least depends on the command (compare needs a run a side); pyproject serves both.
    ...counted(0, COUNT_LIMITS.profileRuns),
    fromText: (v, w, rules) =>
      counted(rules.minProfileRuns, COUNT_LIMITS.profileRuns).fromText(v, w),
    fromToml: (v, w) => counted(1, COUNT_LIMITS.profileRuns).fromToml(v, w),
    help: ['      --profile-runs N    untimed -X importtime runs per target and side (5)'],
  },
  {
    name: 'seed',
    field: 'seed',
    group: 'sampling',
    json: { key: 'seed' },
    commands: BOTH,
    flag: { type: 'string' },
    input: null,
    key: null,
    // No pyproject key: a seed written down would make every run the same.
    fromText: counted(0).fromText,
    schema: counted(0).schema,
    help: ['      --seed N            seed for the run order, to reproduce a run'],
  },
] as const satisfies readonly SettingSpec[]
