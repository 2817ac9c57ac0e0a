// The install input: a strategy name, or the user's own shell command.
import { UsageError } from '../model/errors.js'
import { ALL_INSTALL_MODES, type InstallMode, type InstallSpec } from '../model/settings.js'

/**
 * Known names are strategies. Anything with a space, a slash or shell syntax is
 * a command; a lone unknown word is refused (a typo of "pip" should not be run
 * as a program). A one-word command can be written as "./install.sh" or
 * "sh -c make".
 */
export function parseInstall(
  input: string,
  value: string,
  allowed: readonly InstallMode[],
): InstallSpec {
  const text = value.trim()
  if ((allowed as readonly string[]).includes(text))
    return { kind: text as InstallMode } as InstallSpec
  if (/[\s/;&|$`<>()]/.test(text)) return { kind: 'command', command: text }
  const why = (ALL_INSTALL_MODES as readonly string[]).includes(text) ? ' here' : ''
  throw new UsageError(
    `${input}: "${value}" is not an install mode${why}; use ${allowed.join(', ')}, or a shell command such as "pip install .[fast]"`,
  )
}
