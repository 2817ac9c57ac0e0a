export const USAGE = `importgate: how long importing your Python package takes, measured properly

Usage:
  importgate measure [options]                         measure the working tree as it is
  importgate compare <base-ref> <head-ref> [options]   compare two commits (not yet available)
  importgate --help | --version

Options for measure:
  -t, --target MODULE     module to import; repeatable (default: [tool.importgate] targets
                          in the project's pyproject.toml)
  -C, --repo DIR          the repository (default: the current directory)
      --project-dir DIR   the Python project inside the repository (default: its root)
      --python PATH       interpreter to measure with (default: python3 on PATH)
      --install MODE      none: PYTHONPATH is the project's src/ folder, or the project
                          folder when it has no src/ (default);
                          current: the interpreter's environment as it is
      --min-pairs N       at least N samples per target (default 20)
      --max-pairs N       at most N samples per target (default 200)
      --max-time SECONDS  time budget for the whole run (default 120)
      --sample-timeout SECONDS
                          a single import taking longer is killed and reported (default 60)
      --warmup N          discarded runs per target before sampling (default 3)
      --profile-runs N    untimed -X importtime runs per target (default 3)
      --seed N            seed for the run order, to reproduce a run
      --json FILE         write the results document (schema 1) to FILE
  -q, --quiet             no progress lines on stderr

Exit status: 0 pass; 1 regression, budget breach or forbidden import;
             2 usage or setup error, or a target that could not be imported.
Colour: on when stdout is a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 on.`
