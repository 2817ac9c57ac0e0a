// Finding the interpreter, asking it what it is, and compiling the probe for it.
import { SetupError } from '../model/errors.js'
import { parseInterpreterInfo, type InterpreterInfo } from './probe-protocol.js'
import { REPORT_FD, runMeasured } from '../process/command.js'
export { findExecutable } from '../process/executables.js'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const MIN_PYTHON: readonly [number, number] = [3, 8]

/**
 * Runs the probe's info mode. The interpreter it reports as sys.executable is
 * the one to sample: a launcher in front of it (a pyenv shim is a shell script)
 * would add its own start-up to every sample.
 */
export async function describeInterpreter(
  python: string,
  env: Record<string, string>,
  cwd: string,
  /** The input that named the interpreter, as its user wrote it: --python, input "python". */
  input = '--python',
): Promise<InterpreterInfo> {
  const outcome = await runMeasured({
    command: python,
    args: [probePath(), 'info', String(REPORT_FD)],
    env,
    cwd,
    timeoutMs: 60_000,
    stderr: 'tail',
  })
  if (!outcome.report) {
    const tail = outcome.stderr.toString('utf8').trim().split('\n').slice(-10).join('\n')
    throw new SetupError(
      `${input}: ${python} did not start as a Python interpreter (exit status ${outcome.code}${outcome.signal ? `, ${outcome.signal}` : ''})${tail ? `:\n${tail}` : ''}`,
    )
  }
  let info: InterpreterInfo
  try {
    info = parseInterpreterInfo(outcome.report)
  } catch (error) {
    throw new SetupError(
      `${input}: ${python} did not describe itself as a Python interpreter would: ${(error as Error).message}`,
    )
  }
  const [major, minor] = info.version_info
  if (info.implementation !== 'cpython') {
    // -X importtime and the start-up behaviour we rely on are CPython's.
    throw new SetupError(
      `${input}: ${python} is ${info.implementation}; importgate measures CPython 3.8 or newer`,
    )
  }
  if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) {
    throw new SetupError(
      `${input}: ${python} is Python ${info.version_info.join('.')}; importgate needs 3.8 or newer`,
    )
  }
  return info
}

/** Lazy imports (PEP 810) came with Python 3.15. */
export function hasLazyImports(info: Pick<InterpreterInfo, 'version_info'>): boolean {
  const [major, minor] = info.version_info
  return major > 3 || (major === 3 && minor >= 15)
}

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
