// Finding the interpreter and asking it what it is.
import { SetupError } from '../model/errors.js'
import { probePath } from './probe-path.js'
import { parseInterpreterInfo, type InterpreterInfo } from './probe-protocol.js'
import { REPORT_FD, runMeasured } from '../process/measured.js'
export { findExecutable } from '../process/executables.js'

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
