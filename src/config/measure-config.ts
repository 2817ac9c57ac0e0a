// `importgate measure` flags → one typed, validated MeasureConfig.
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { INSTALL_MODES, type InstallMode } from '../env/install-mode.js'
import { randomSeed } from '../analysis/random.js'
import { UsageError } from './errors.js'
import { moduleNameProblem } from './module-name.js'
import { readPyproject } from './pyproject.js'
import { parseCount, parseDuration } from './units.js'

/** The flags as node:util parseArgs returns them. */
export interface MeasureFlags {
  target?: string[]
  repo?: string
  'project-dir'?: string
  python?: string
  install?: string
  'min-pairs'?: string
  'max-pairs'?: string
  'max-time'?: string
  'sample-timeout'?: string
  warmup?: string
  'profile-runs'?: string
  seed?: string
  json?: string
  quiet?: boolean
}

export interface MeasureConfig {
  repoDir: string
  projectDir: string
  python: string
  install: InstallMode
  targets: string[]
  /** Where the targets came from, for messages. */
  targetsFrom: string
  warmups: number
  minSamples: number
  maxSamples: number
  maxTimeMs: number
  sampleTimeoutMs: number
  profileRuns: number
  seed: number
  jsonPath: string | null
  quiet: boolean
}

export const MEASURE_DEFAULTS = {
  python: 'python3',
  install: 'none' as InstallMode,
  warmups: 3,
  minSamples: 20,
  maxSamples: 200,
  maxTimeMs: 120_000,
  sampleTimeoutMs: 60_000,
  profileRuns: 3,
}

function directory(input: string, path: string): string {
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    throw new UsageError(`${input}: ${path} is not a directory`)
  }
  return path
}

export function validateTargets(targets: string[], source: string): string[] {
  for (const target of targets) {
    const problem = moduleNameProblem(target)
    if (problem)
      throw new UsageError(`${source}: "${target}" is not a Python module name: ${problem}`)
  }
  return [...new Set(targets)]
}

export function measureConfig(flags: MeasureFlags, cwd: string): MeasureConfig {
  const repoDir = directory('-C/--repo', resolve(cwd, flags.repo ?? '.'))
  const projectDir = directory('--project-dir', resolve(repoDir, flags['project-dir'] ?? '.'))
  const install = (flags.install ?? MEASURE_DEFAULTS.install) as InstallMode
  if (!INSTALL_MODES.includes(install)) {
    throw new UsageError(
      `--install: "${flags.install}" is not an install mode measure accepts; use ${INSTALL_MODES.join(' or ')}`,
    )
  }
  let targets = flags.target ?? []
  let targetsFrom = '-t/--target'
  if (targets.length === 0) {
    const pyproject = readPyproject(projectDir)
    targets = pyproject.targets ?? []
    targetsFrom = `${pyproject.file} [tool.importgate] targets`
    if (targets.length === 0) {
      throw new UsageError(
        `no targets: pass -t MODULE (repeatable), or set targets = ["mypkg"] under [tool.importgate] in ${projectDir}/pyproject.toml`,
      )
    }
  }
  const minSamples = parseCount(
    '--min-pairs',
    flags['min-pairs'] ?? String(MEASURE_DEFAULTS.minSamples),
    1,
  )
  const maxSamples = parseCount(
    '--max-pairs',
    flags['max-pairs'] ?? String(Math.max(minSamples, MEASURE_DEFAULTS.maxSamples)),
    1,
  )
  if (maxSamples < minSamples) {
    throw new UsageError(`--max-pairs: ${maxSamples} is less than --min-pairs ${minSamples}`)
  }
  return {
    repoDir,
    projectDir,
    python: flags.python ?? MEASURE_DEFAULTS.python,
    install,
    targets: validateTargets(targets, targetsFrom),
    targetsFrom,
    warmups: parseCount('--warmup', flags.warmup ?? String(MEASURE_DEFAULTS.warmups), 0),
    minSamples,
    maxSamples,
    maxTimeMs: parseDuration('--max-time', flags['max-time'] ?? '120', 's'),
    sampleTimeoutMs: parseDuration('--sample-timeout', flags['sample-timeout'] ?? '60', 's'),
    profileRuns: parseCount(
      '--profile-runs',
      flags['profile-runs'] ?? String(MEASURE_DEFAULTS.profileRuns),
      0,
    ),
    seed: flags.seed === undefined ? randomSeed() : parseCount('--seed', flags.seed, 0),
    jsonPath: flags.json ? resolve(cwd, flags.json) : null,
    quiet: flags.quiet ?? false,
  }
}
