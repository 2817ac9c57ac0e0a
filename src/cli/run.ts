// The CLI as a function: arguments and streams in, exit status out.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { measure } from '../commands/measure.js'
import { SetupError, UsageError } from '../config/errors.js'
import { measureConfig, type MeasureFlags } from '../config/measure-config.js'
import type { ResultsDocument } from '../report/results.js'
import { COLOR, PLAIN, useColor } from '../report/style.js'
import { measureReport } from '../report/terminal-measure.js'
import { VERSION } from '../version.js'
import { USAGE } from './usage.js'

export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean }
  stderr: { write(text: string): unknown }
  env: NodeJS.ProcessEnv
  cwd: string
  signal?: AbortSignal
}

const MEASURE_OPTIONS = {
  target: { type: 'string', short: 't', multiple: true },
  repo: { type: 'string', short: 'C' },
  'project-dir': { type: 'string' },
  python: { type: 'string' },
  install: { type: 'string' },
  'min-pairs': { type: 'string' },
  'max-pairs': { type: 'string' },
  'max-time': { type: 'string' },
  'sample-timeout': { type: 'string' },
  warmup: { type: 'string' },
  'profile-runs': { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} satisfies ParseArgsConfig['options']

/** 0 pass or improvement; 1 a failing verdict; 2 an error. */
export function exitStatus(doc: ResultsDocument): number {
  if (doc.verdict === 'error') return 2
  return doc.verdict === 'pass' || doc.verdict === 'improvement' ? 0 : 1
}

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: MEASURE_OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nRun importgate --help for the options.`)
  }
}

async function runMeasure(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args)
  if (positionals.length > 0) {
    throw new UsageError(
      `measure takes no positional arguments, got ${JSON.stringify(positionals)}; give targets with -t MODULE`,
    )
  }
  const config = measureConfig(values as MeasureFlags, io.cwd)
  const log = config.quiet ? () => {} : (line: string) => io.stderr.write(`importgate: ${line}\n`)
  const doc = await measure(config, { env: io.env, cwd: io.cwd, log, signal: io.signal })
  const style = useColor(io.stdout.isTTY, io.env) ? COLOR : PLAIN
  io.stdout.write(`${measureReport(doc, style)}\n`)
  if (config.jsonPath) {
    await mkdir(dirname(config.jsonPath), { recursive: true })
    await writeFile(config.jsonPath, `${JSON.stringify(doc, null, 2)}\n`)
    log(`results written to ${config.jsonPath}`)
  }
  return exitStatus(doc)
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(`${USAGE}\n`)
      return command === undefined ? 2 : 0
    }
    if (command === '--version' || command === '-V') {
      io.stdout.write(`importgate ${VERSION}\n`)
      return 0
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`${USAGE}\n`)
      return 0
    }
    if (command === 'measure') return await runMeasure(rest, io)
    if (command === 'compare') {
      throw new UsageError('compare is not available in this version yet; use measure')
    }
    throw new UsageError(`unknown command "${command}"; use measure or compare (importgate --help)`)
  } catch (error) {
    if (error instanceof UsageError || error instanceof SetupError) {
      io.stderr.write(`importgate: ${error.message}\n`)
      return 2
    }
    throw error
  }
}
