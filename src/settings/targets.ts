// Targets and module names as a setting gives them: each a Python module
// name, or (where commands are allowed) `cmd: ...` with words after it.
import { UsageError } from '../model/errors.js'
import { COMMAND_PREFIX, isCommandTarget, splitWords } from '../model/target.js'
import { moduleNameProblem } from './module-name.js'

export function validateTargets(
  targets: string[],
  source: string,
  { commands = false } = {},
): string[] {
  for (const target of targets) {
    if (commands && isCommandTarget(target)) {
      const argv = splitWords(target.slice(COMMAND_PREFIX.length))
      if (typeof argv === 'string' || !argv.length)
        throw new UsageError(
          `${source}: "${target}" is not a command: ${typeof argv === 'string' ? argv : 'nothing follows cmd:'}; write it as cmd: mycli --help`,
        )
      continue
    }
    const problem = moduleNameProblem(target)
    if (problem)
      throw new UsageError(`${source}: "${target}" is not a Python module name: ${problem}`)
  }
  return [...new Set(targets)]
}
