import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SetupError } from '../model/errors.js'
import { runMeasured } from '../process/measured.js'

/**
 * Where probe.py is. In the bundle it sits beside dist/cli.js and dist/index.js;
 * from source (tests, tsx) beside this file. Both resolve from import.meta.url.
 */
export function probePath(): string {
  const path = fileURLToPath(new URL('./probe.py', import.meta.url))
  if (!existsSync(path)) {
    throw new SetupError(
      `importgate is incomplete: the probe is missing at ${path}; rebuild with npm run bundle`,
    )
  }
  return path
}

/** probe_functions.py, beside probe.py: the functions mode loads it by path after the import. */
export function functionsHelperPath(): string {
  return join(dirname(probePath()), 'probe_functions.py')
}

const COMPILE =
  'import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)'

/**
 * The probe compiled by `python` into `dir`, ready to run as a script. A
 * script's source is compiled on every start (about 1.3 ms on 3.8, 1.9 ms on
 * 3.13 for the probe); a .pyc given as the script is not. Falls back to the
 * source when compiling fails: slower, equally correct.
 */
export async function compiledProbe(
  python: string,
  env: Record<string, string>,
  dir: string,
): Promise<string> {
  const source = probePath()
  const target = join(dir, 'importgate_probe.pyc')
  const outcome = await runMeasured({
    command: python,
    args: ['-c', COMPILE, source, target],
    env,
    cwd: dir,
    timeoutMs: 60_000,
    stderr: 'tail',
    // Compiled by importgate's own user into a folder the sandbox cannot write:
    // the measured code cannot change the probe that reports on it.
    trusted: true,
  })
  return outcome.code === 0 && existsSync(target) ? target : source
}
