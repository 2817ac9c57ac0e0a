// [tool.importgate] in a project's pyproject.toml → PartialSettings. Every key is
// checked; an error names the file, the key, the value and what is accepted.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, TomlError } from 'smol-toml'
import { parseInstall } from './install-mode.js'
import { UsageError } from '../model/errors.js'
import { INSTALL_MODES } from '../model/settings.js'
import { parseCacheStates, parseMetrics } from './input-values.js'
import { moduleNameProblem } from './module-name.js'
import { validateTargets } from './paths-and-targets.js'
import { nearest } from './nearest.js'
import type { PartialSettings } from './settings.js'
import {
  COUNT_LIMITS,
  parseCount,
  parseDuration,
  parsePercent,
  positiveDuration,
  positivePercent,
} from './units.js'

export interface PyprojectSettings {
  /** The file read, or null when the project has none. */
  file: string | null
  settings: PartialSettings
  /** The [tool.importgate] table as written, to show what a pull request changed. */
  raw: Record<string, unknown>
}

type Reader = (value: unknown, where: string) => Partial<PartialSettings>

const show = (value: unknown) => JSON.stringify(value)

function text(value: unknown, where: string, accepted: string): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  throw new UsageError(`${where} = ${show(value)}: expected ${accepted}`)
}

function globs(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim())) {
    throw new UsageError(
      `${where} = ${show(value)}: expected a list of file patterns, such as ["*.py", "pyproject.toml"], or ["*"] to measure every change`,
    )
  }
  if (value.length === 0)
    throw new UsageError(
      `${where} = []: no file could then affect importing, so no pull request would be measured; list patterns, such as ["*.py", "pyproject.toml"], or remove the key for the default`,
    )
  return value as string[]
}

function modules(value: unknown, where: string, { commands = false } = {}): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new UsageError(
      `${where} = ${show(value)}: expected a list of module names, such as ["mypkg", "mypkg.cli"]${commands ? ' or commands, such as "cmd: mycli --help"' : ''}`,
    )
  }
  if (commands) return validateTargets(value as string[], where, { commands })
  for (const name of value as string[]) {
    const problem = moduleNameProblem(name)
    if (problem) throw new UsageError(`${where}: "${name}" is not a Python module name: ${problem}`)
  }
  return value as string[]
}

const count =
  (min: number, max: number = Number.MAX_SAFE_INTEGER) =>
  (value: unknown, where: string) => {
    if (typeof value !== 'number' && typeof value !== 'string') {
      throw new UsageError(`${where} = ${show(value)}: expected a whole number of at least ${min}`)
    }
    return parseCount(where, String(value), min, max)
  }

const READERS: Record<string, Reader> = {
  targets: (v, w) => ({ targets: modules(v, w, { commands: true }) }),
  forbid: (v, w) => ({ forbid: modules(v, w) }),
  'enforce-lazy': (v, w) => {
    if (typeof v !== 'boolean') throw new UsageError(`${w} = ${show(v)}: expected true or false`)
    return { enforceLazy: v }
  },
  watch: (v, w) => ({ watch: modules(v, w) }),
  affects: (v, w) => ({ affects: globs(v, w) }),
  threshold: (v, w) => ({ thresholdPct: parsePercent(w, text(v, w, 'a percentage such as "5%"')) }),
  'instructions-threshold': (v, w) => ({
    instructionsThresholdPct: positivePercent(w, text(v, w, 'a percentage such as "2%"')),
  }),
  'min-delta': (v, w) => ({
    minDeltaMs: parseDuration(w, text(v, w, 'a duration such as "2ms"'), 'ms'),
  }),
  alpha: (v, w) => {
    if (typeof v !== 'number' || !(v > 0 && v < 0.5)) {
      throw new UsageError(`${w} = ${show(v)}: expected a number between 0 and 0.5, such as 0.01`)
    }
    return { alpha: v }
  },
  'max-modules': (v, w) => ({ maxModules: count(1)(v, w) }),
  budgets: (v, w) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      throw new UsageError(
        `${w} = ${show(v)}: expected a table of target = "duration", such as [tool.importgate.budgets] mypkg = "300ms"`,
      )
    }
    const budgetsMs: Record<string, number> = {}
    for (const [target, limit] of Object.entries(v)) {
      const at = `${w}.${target.includes('.') ? `"${target}"` : target}`
      validateTargets([target], at, { commands: true })
      budgetsMs[target] = parseDuration(at, text(limit, at, 'a duration such as "300ms"'), 'ms')
    }
    return { budgetsMs }
  },
  'min-pairs': (v, w) => ({ minPairs: count(1, COUNT_LIMITS.pairs)(v, w) }),
  'max-pairs': (v, w) => ({ maxPairs: count(1, COUNT_LIMITS.pairs)(v, w) }),
  warmup: (v, w) => ({ warmups: count(0, COUNT_LIMITS.warmup)(v, w) }),
  'profile-runs': (v, w) => ({ profileRuns: count(1, COUNT_LIMITS.profileRuns)(v, w) }),
  'max-time': (v, w) => ({
    maxTimeMs: parseDuration(w, text(v, w, 'a duration such as "120s"'), 's'),
  }),
  overtime: (v, w) => ({
    overtimeMs: parseDuration(w, text(v, w, 'a duration such as "240s", or "0s" for none'), 's'),
  }),
  cache: (v, w) => {
    if (!Array.isArray(v) || !v.every((m) => typeof m === 'string')) {
      throw new UsageError(
        `${w} = ${show(v)}: expected a list of cache states, such as ["warm", "no-pyc", "cold"]`,
      )
    }
    return { cache: parseCacheStates(v as string[], w) }
  },
  metrics: (v, w) => {
    if (!Array.isArray(v) || !v.every((m) => typeof m === 'string')) {
      throw new UsageError(
        `${w} = ${show(v)}: expected a list of metrics, such as ["import_ms", "cpu_ms"]`,
      )
    }
    return { metrics: parseMetrics(v as string[], w) }
  },
  'sample-timeout': (v, w) => ({
    sampleTimeoutMs: positiveDuration(w, text(v, w, 'a duration such as "60s"')),
  }),
  install: (v, w) => ({
    install: parseInstall(w, text(v, w, 'an install mode or a command'), INSTALL_MODES.compare),
  }),
}

export const PYPROJECT_KEYS = Object.keys(READERS)

function table(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

/**
 * The distribution name in [project] name, or null (no pyproject.toml, no
 * [project] table, or TOML that readPyproject will report).
 */
export function projectName(projectDir: string): string | null {
  const file = join(projectDir, 'pyproject.toml')
  if (!existsSync(file)) return null
  try {
    const name = table(table(parse(readFileSync(file, 'utf8')))?.project)?.name
    return typeof name === 'string' ? name : null
  } catch {
    return null
  }
}

/** [project] requires-python as written, or null (no file, no key, or not valid TOML). */
export function requiresPython(projectDir: string): string | null {
  const file = join(projectDir, 'pyproject.toml')
  if (!existsSync(file)) return null
  try {
    const spec = table(table(parse(readFileSync(file, 'utf8')))?.project)?.['requires-python']
    return typeof spec === 'string' ? spec : null
  } catch {
    return null
  }
}

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
    const reader = READERS[key]
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
