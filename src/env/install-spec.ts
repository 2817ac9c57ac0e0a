// The --install input: a strategy name, or the user's own shell command.
import { UsageError } from '../config/errors.js'

export type InstallSpec =
  | { kind: 'auto' }
  | { kind: 'none' }
  /** measure only: the interpreter's environment as it is. */
  | { kind: 'current' }
  | { kind: 'pip' }
  | { kind: 'uv' }
  /** The user's own workflow text, run by /bin/sh in the worktree with the venv activated. */
  | { kind: 'command'; command: string }

export const INSTALL_NAMES = ['auto', 'none', 'current', 'pip', 'uv'] as const
export type InstallName = (typeof INSTALL_NAMES)[number]

/**
 * Known names are strategies. Anything with a space, a slash or shell syntax is
 * a command; a lone unknown word is refused (a typo of "pip" should not be run
 * as a program). A one-word command can be written as "./install.sh" or
 * "sh -c make".
 */
export function parseInstall(
  input: string,
  value: string,
  allowed: readonly InstallName[],
): InstallSpec {
  const text = value.trim()
  if ((allowed as readonly string[]).includes(text))
    return { kind: text as InstallName } as InstallSpec
  if (/[\s/;&|$`<>()]/.test(text)) return { kind: 'command', command: text }
  const why = (INSTALL_NAMES as readonly string[]).includes(text) ? ' here' : ''
  throw new UsageError(
    `${input}: "${value}" is not an install mode${why}; use ${allowed.join(', ')}, or a shell command such as "pip install .[fast]"`,
  )
}
