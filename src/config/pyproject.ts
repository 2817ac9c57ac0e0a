// [tool.importgate] in a project's pyproject.toml → PartialSettings. Every key is
// checked; an error names the file, the key, the value and what is accepted.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, TomlError } from 'smol-toml'
import { UsageError } from '../model/errors.js'
import { nearest } from './nearest.js'
import { keyOf, SETTINGS } from '../settings/registry.js'
import { show } from '../settings/toml-values.js'
import type { PartialSettings } from '../settings/settings.js'

export interface PyprojectSettings {
  /** The file read, or null when the project has none. */
  file: string | null
  settings: PartialSettings
  /** The [tool.importgate] table as written, to show what a pull request changed. */
  raw: Record<string, unknown>
}

type Reader = (value: unknown, where: string) => Partial<PartialSettings>

/** Each [tool.importgate] key's reader, from the settings registry. */
const READERS: Record<string, Reader> = Object.fromEntries(
  SETTINGS.flatMap((spec) => {
    const key = keyOf(spec)
    const read = spec.fromToml
    return key && read ? [[key, (v: unknown, w: string) => ({ [spec.field]: read(v, w) })]] : []
  }),
)

export const PYPROJECT_KEYS = Object.keys(READERS)

function table(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

/** A string of the [project] table, or null (no pyproject.toml, no such key, or TOML that readPyproject will report). */
function projectString(projectDir: string, key: string): string | null {
  const file = join(projectDir, 'pyproject.toml')
  if (!existsSync(file)) return null
  try {
    const value = table(table(parse(readFileSync(file, 'utf8')))?.project)?.[key]
    return typeof value === 'string' ? value : null
  } catch {
    return null
  }
}

/** The distribution name in [project] name, or null. */
export const projectName = (projectDir: string) => projectString(projectDir, 'name')

/** [project] requires-python as written, or null. */
export const requiresPython = (projectDir: string) => projectString(projectDir, 'requires-python')

/**
 * `shownAs` names the file in messages where its path means nothing to the
 * reader (a worktree in a temp folder that is gone by the time they read it).
 */
export function readPyproject(projectDir: string, shownAs?: string): PyprojectSettings {
  const path = join(projectDir, 'pyproject.toml')
  if (!existsSync(path)) return { file: null, settings: {}, raw: {} }
  const file = shownAs ?? path
  let document: Record<string, unknown>
  try {
    document = parse(readFileSync(path, 'utf8'))
  } catch (error) {
    const where = error instanceof TomlError ? ` (line ${error.line}, column ${error.column})` : ''
    const first = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new UsageError(`${file}: not valid TOML${where}: ${first}`)
  }
  const tool = table(document.tool)?.importgate
  if (tool === undefined) return { file, settings: {}, raw: {} }
  const raw = table(tool)
  if (!raw)
    throw new UsageError(
      `${file}: tool.importgate = ${show(tool)}: expected a table, [tool.importgate]`,
    )
  const settings: PartialSettings = {}
  for (const [key, value] of Object.entries(raw)) {
    // An own key only: `__proto__` or `toString` must be unknown keys, not Object's members.
    const reader = Object.hasOwn(READERS, key) ? READERS[key] : undefined
    if (!reader) {
      const guess = nearest(key, PYPROJECT_KEYS)
      throw new UsageError(
        `${file}: [tool.importgate] has an unknown key "${key}"${guess ? `; did you mean "${guess}"?` : ''} Known keys: ${PYPROJECT_KEYS.join(', ')}`,
      )
    }
    Object.assign(settings, reader(value, `${file}: [tool.importgate] ${key}`))
  }
  return { file, settings, raw }
}
