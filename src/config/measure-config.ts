// `importgate measure` flags → one typed, validated MeasureConfig.
import { resolve } from 'node:path'
import { parseInstall, type InstallSpec } from '../env/install-spec.js'
import { UsageError } from './errors.js'
import { directory, validateTargets } from './paths-and-targets.js'
import { readPyproject } from './pyproject.js'
import { samplingConfig, type SamplingConfig, type SamplingFlags } from './sampling.js'

/** The flags as node:util parseArgs returns them. */
export interface MeasureFlags extends SamplingFlags {
  target?: string[]
  repo?: string
  'project-dir'?: string
  python?: string
  install?: string
  json?: string
  quiet?: boolean
}

export interface MeasureConfig {
  repoDir: string
  projectDir: string
  python: string
  install: InstallSpec
  targets: string[]
  sampling: SamplingConfig
  jsonPath: string | null
  quiet: boolean
}

export function measureConfig(flags: MeasureFlags, cwd: string): MeasureConfig {
  const repoDir = directory('-C/--repo', resolve(cwd, flags.repo ?? '.'))
  const projectDir = directory('--project-dir', resolve(repoDir, flags['project-dir'] ?? '.'))
  const install = parseInstall('--install', flags.install ?? 'none', [
    'none',
    'current',
    'auto',
    'pip',
    'uv',
  ])
  let targets = flags.target ?? []
  let source = '-t/--target'
  if (targets.length === 0) {
    const pyproject = readPyproject(projectDir)
    targets = pyproject.targets ?? []
    source = `${pyproject.file} [tool.importgate] targets`
    if (targets.length === 0) {
      throw new UsageError(
        `no targets: pass -t MODULE (repeatable), or set targets = ["mypkg"] under [tool.importgate] in ${projectDir}/pyproject.toml`,
      )
    }
  }
  return {
    repoDir,
    projectDir,
    python: flags.python ?? 'python3',
    install,
    targets: validateTargets(targets, source),
    sampling: samplingConfig(flags),
    jsonPath: flags.json ? resolve(cwd, flags.json) : null,
    quiet: flags.quiet ?? false,
  }
}
