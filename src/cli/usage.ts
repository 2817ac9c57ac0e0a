export const USAGE = `importgate: how long importing your Python package takes, measured properly

Usage:
  importgate compare <base-ref> <head-ref> [options]   is head slower to import than base, and why
  importgate measure [options]                         measure the working tree as it is
  importgate report <results.json> [--markdown FILE] [--html FILE]   show a results file again
  importgate merge <results.json>... [--markdown FILE]   one report for several jobs of one
                                                         comparison (a matrix of Pythons or OSes);
                                                         a folder: every results.json under it
  importgate --help | --version

Common options:
  -t, --target MODULE     module to import; repeatable (default: [tool.importgate] targets
                          in pyproject.toml; for compare, those of base and head together)
  -C, --repo DIR          the git repository (default: the current directory)
      --project-dir DIR   the Python project inside the repository (default: its root)
      --python PATH       interpreter, the same for both sides (default: python3 on PATH)
      --install MODE      auto: a packaged project (or one with uv.lock) with uv when
                                uv is on PATH (uv sync for a lock), else a venv and
                                pip install .; anything else none (compare's default)
                          none: nothing installed; PYTHONPATH is the project's src/ folder,
                                or the project folder (measure's default)
                          pip | uv: a venv per side, the project installed non-editable
                          current: measure only; the interpreter's environment as it is
                          "<command>": your own shell command, run in the checkout with a
                                fresh venv activated (IMPORTGATE_SIDE=base|head is set)
      --min-pairs N       at least N samples (measure) or pairs (compare) per target (20)
      --max-pairs N       at most N (2000); compare: each target stops once decided
      --max-time SECONDS  time budget for warm-ups, profiles and samples; installs are
                          not counted (120)
      --overtime SECONDS  compare: time a run may take past --max-time, only for the
                          targets still undecided; 0 for none (2 x max-time).
                          With --max-time, also the budget of counted metrics' runs
      --sample-timeout SECONDS
                          one import taking longer is killed and reported (60)
      --warmup N          discarded rounds before sampling (3)
      --profile-runs N    untimed -X importtime runs per target and side (5)
      --seed N            seed for the run order, to reproduce a run
      --max-modules N     budget on modules loaded by importing any target
      --forbid MODULE     must not be imported by any target; repeatable
      --enforce-lazy      fail the check when the import loads a module the project
                          declares lazy (Python 3.15+, PEP 810); else a warning
      --watch MODULE      report whether each target loads this module on each side,
                          with the chain that loads it; repeatable
      --budget TARGET=DURATION
                          budget on a target's median import time; repeatable
      --metric NAME       measure this metric too, its own row: cpu_ms, memory,
                          instructions (fails the check on a change past
                          --instructions-threshold), fs_calls; repeatable
                          (default: import_ms alone)
      --cache STATE       measure in this cache state too, its own row: warm,
                          no-pyc, cold; repeatable (default: warm)
      --json FILE         write the results document (schema 1) to FILE
      --markdown FILE     write the markdown report (the pull-request comment) to FILE
      --html FILE         write the HTML report to FILE: each target's -X importtime tree,
                          base and head as one icicle coloured by change (self-contained)
  -q, --quiet             no progress lines on stderr

Settings not given as flags come from [tool.importgate] in pyproject.toml (for compare,
from the base commit's), then the defaults shown.

Options for compare:
      --threshold PCT     relative change below which nothing fails (3%)
      --min-delta MS      absolute change below which nothing fails (0.5ms)
      --instructions-threshold PCT
                          with --metric instructions: relative change of the counts
                          below which nothing fails (1%)
      --alpha P           one-sided significance level (0.01)
      --label TEXT        names this job in a merged report (default: its Python and OS)
      --affects GLOB      a changed file that can affect importing; repeatable. When the
                          commits differ in none, nothing is measured: a pass that says
                          why ('*.py' matches in any folder; '*' measures every change)

Exit status: 0 pass or improvement; 1 regression, budget breach, forbidden import, or
             inconclusive (not enough evidence for a verdict);
             2 usage or setup error, or a target that could not be imported;
             130 and 143 interrupted (SIGINT, SIGTERM), everything cleaned up.
Colour: on when stdout is a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 on.`
