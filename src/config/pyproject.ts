// The [tool.importgate] table of the project's pyproject.toml.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, TomlError } from 'smol-toml'
import { UsageError } from './errors.js'

export interface PyprojectSettings {
  /** The file read, or null when the project has none. */
  file: string | null
  targets: string[] | null
}

function table(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

export function readPyproject(projectDir: string): PyprojectSettings {
  const file = join(projectDir, 'pyproject.toml')
  if (!existsSync(file)) return { file: null, targets: null }
  let document: Record<string, unknown>
  try {
    document = parse(readFileSync(file, 'utf8'))
  } catch (error) {
    const where = error instanceof TomlError ? ` (line ${error.line}, column ${error.column})` : ''
    const first = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new UsageError(`${file}: not valid TOML${where}: ${first}`)
  }
  const settings = table(table(document.tool)?.importgate)
  if (!settings || settings.targets === undefined) return { file, targets: null }
  const targets = settings.targets
  if (!Array.isArray(targets) || !targets.every((t) => typeof t === 'string')) {
    throw new UsageError(
      `${file}: [tool.importgate] targets = ${JSON.stringify(targets)} must be a list of module names, such as ["mypkg", "mypkg.cli"]`,
    )
  }
  return { file, targets }
}
