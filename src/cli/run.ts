// The CLI as a function: arguments and streams in, exit status out.
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { fenceCommands } from '../action/log-safety.js'
import { relative, resolve } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { compare } from '../commands/compare.js'
import { drift } from '../commands/drift.js'
import { measure } from '../commands/measure.js'
import type { InputValues } from '../config/requests.js'
import { flagOptions } from '../settings/registry.js'
import { compareRequest, measureRequest } from '../config/requests.js'
import { CancelledError, SetupError, UsageError } from '../model/errors.js'
import { htmlOfView } from '../report/html/html.js'
import { buildView, type ReportView } from '../report/view/view.js'
import { markdownOfView } from '../report/markdown/markdown.js'
import { readResults, ResultsFileError } from '../results/read.js'
import { resultFiles } from '../commands/result-files.js'
import { jobsOf, MergeError } from '../results/merge.js'
import { mergedMarkdown, mergedText, mergedView } from '../report/markdown/merged.js'
import type { ResultsDocument } from '../results/schema.js'
import { COLOR, PLAIN, useColor } from '../report/terminal/style.js'
import { compareReportOfView } from '../report/terminal/terminal-compare.js'
import { measureReportOfView } from '../report/terminal/terminal-measure.js'
import { visible } from '../report/view/untrusted.js'
import { VERSION } from '../version.js'
import { outputPaths, writeOutput, type OutputPaths } from './output-paths.js'
import { USAGE } from './usage.js'

export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean }
  stderr: { write(text: string): unknown }
  env: NodeJS.ProcessEnv
  cwd: string
  signal?: AbortSignal
}

const MEASURE_OPTIONS = {
  // The settings' flags come from the registry; these are the CLI's own.
  ...(flagOptions('measure') as ParseArgsConfig['options']),
  repo: { type: 'string', short: 'C' },
  'project-dir': { type: 'string' },
  python: { type: 'string' },
  json: { type: 'string' },
  markdown: { type: 'string' },
  html: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} satisfies ParseArgsConfig['options']

const COMPARE_OPTIONS = {
  ...MEASURE_OPTIONS,
  ...(flagOptions('compare') as ParseArgsConfig['options']),
  label: { type: 'string' },
} satisfies ParseArgsConfig['options']

const DRIFT_OPTIONS = {
  ...COMPARE_OPTIONS,
  since: { type: 'string' },
  bisect: { type: 'boolean' },
  head: { type: 'string' },
} satisfies ParseArgsConfig['options']

/** 0 pass or improvement; 1 a failing verdict; 2 an error. */
export function exitStatus(doc: ResultsDocument): number {
  if (doc.verdict === 'error') return 2
  return doc.verdict === 'pass' || doc.verdict === 'improvement' ? 0 : 1
}

function parse(args: string[], options: ParseArgsConfig['options']) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nRun importgate --help for the options.`)
  }
}

function progress(values: { quiet?: boolean }, io: CliIo): (line: string) => void {
  return values.quiet ? () => {} : (line) => io.stderr.write(`importgate: ${visible(line)}\n`)
}

async function runMeasure(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, MEASURE_OPTIONS)
  if (positionals.length > 0) {
    throw new UsageError(
      `measure takes no positional arguments, got ${JSON.stringify(positionals)}; give targets with -t MODULE`,
    )
  }
  const request = measureRequest(values as InputValues, io.cwd)
  const paths = outputPaths(values, io.cwd)
  const log = progress(values, io)
  const doc = await measure(request, { env: io.env, cwd: io.cwd, log, signal: io.signal })
  return finish(doc, measureReportOfView, paths, io, log)
}

async function runCompare(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, COMPARE_OPTIONS)
  const request = compareRequest(values as InputValues, positionals, io.cwd)
  const paths = outputPaths(values, io.cwd)
  const log = progress(values, io)
  const warn = (line: string) => io.stderr.write(`importgate: warning: ${visible(line)}\n`)
  const doc = await compare(request, { env: io.env, cwd: io.cwd, log, warn, signal: io.signal })
  return finish(doc, compareReportOfView, paths, io, log)
}

/** `importgate drift`: the reference (--since; default the latest release tag) against --head. */
async function runDrift(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, DRIFT_OPTIONS)
  if (positionals.length)
    throw new UsageError(
      `drift takes no revisions (got ${JSON.stringify(positionals)}): it compares --since (default: the latest release tag reachable from --head) with --head (default: HEAD)`,
    )
  const given = values as InputValues & { since?: string; bisect?: boolean; head?: string }
  const head = given.head ?? 'HEAD'
  const request = compareRequest(given, [head, head], io.cwd)
  const paths = outputPaths(values, io.cwd)
  const log = progress(values, io)
  const warn = (line: string) => io.stderr.write(`importgate: warning: ${visible(line)}\n`)
  const doc = await drift(
    { compare: request, since: given.since ?? null, bisect: given.bisect === true },
    { env: io.env, cwd: io.cwd, log, warn, signal: io.signal },
  )
  return finish(doc, compareReportOfView, paths, io, log)
}

const REPORT_OPTIONS = {
  markdown: { type: 'string' },
  html: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} satisfies ParseArgsConfig['options']

/** `importgate report FILE`: a results file (a downloaded artifact, say) shown again. */
async function runReport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, REPORT_OPTIONS)
  if (positionals.length !== 1) {
    throw new UsageError(
      `report needs one results file (written by --json or uploaded by the action); got ${positionals.length}: ${JSON.stringify(positionals)}`,
    )
  }
  const path = resolve(io.cwd, positionals[0]!)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new UsageError(`${positionals[0]}: cannot read it (${(error as Error).message})`)
  }
  let doc: ResultsDocument
  try {
    doc = readResults(text, positionals[0]!)
  } catch (error) {
    if (error instanceof ResultsFileError) throw new UsageError(error.message)
    throw error
  }
  const report = doc.command === 'measure' ? measureReportOfView : compareReportOfView
  const paths = { ...outputPaths(values, io.cwd), jsonPath: null }
  return finish(doc, report, paths, io, progress(values, io))
}

/** `importgate merge FILE...`: the results of several jobs of one comparison as one report. */
async function runMerge(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, REPORT_OPTIONS)
  if (positionals.length === 0)
    throw new UsageError(
      'merge needs one or more results files, or folders holding them (written by --json or uploaded by the action)',
    )
  const markdownPath = outputPaths(values, io.cwd).markdownPath
  const files = []
  // Folders too (a downloaded artifact of several jobs), as the action's publish mode takes them.
  for (const path of await resultFiles(positionals, io.cwd, 'merge')) {
    const given = relative(io.cwd, path) || path
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      throw new UsageError(`${given}: cannot read it (${(error as Error).message})`)
    }
    try {
      files.push({ source: given, doc: readResults(text, given) })
    } catch (error) {
      if (error instanceof ResultsFileError) throw new UsageError(error.message)
      throw error
    }
  }
  let jobs
  try {
    jobs = jobsOf(files)
  } catch (error) {
    if (error instanceof MergeError) throw new UsageError(error.message)
    throw error
  }
  // Interrupted while reading: nothing is written, as a cancelled compare writes nothing.
  if (io.signal?.aborted) throw new CancelledError('merge')
  // One view per job, for the text, the markdown and the verdict alike.
  const merged = mergedView(jobs)
  io.stdout.write(`${visible(mergedText(merged))}\n`)
  if (markdownPath) {
    await writeOutput('--markdown', markdownPath, mergedMarkdown(merged))
    progress(values, io)(`merged markdown report written to ${markdownPath}`)
  }
  const { verdict } = merged
  return verdict === 'error' ? 2 : verdict === 'pass' || verdict === 'improvement' ? 0 : 1
}

async function finish(
  doc: ResultsDocument,
  report: (view: ReportView, style: typeof COLOR) => string,
  paths: OutputPaths,
  io: CliIo,
  log: (line: string) => void,
): Promise<number> {
  const style = useColor(io.stdout.isTTY, io.env) ? COLOR : PLAIN
  // One view for every report this run writes.
  const view = buildView(doc)
  io.stdout.write(`${report(view, style)}\n`)
  if (paths.jsonPath) {
    await writeOutput('--json', paths.jsonPath, `${JSON.stringify(doc, null, 2)}\n`)
    log(`results written to ${paths.jsonPath}`)
  }
  if (paths.markdownPath) {
    await writeOutput('--markdown', paths.markdownPath, markdownOfView(view))
    log(`markdown report written to ${paths.markdownPath}`)
  }
  if (paths.htmlPath) {
    await writeOutput('--html', paths.htmlPath, htmlOfView(view))
    log(`HTML report (diff icicle of the import trees) written to ${paths.htmlPath}`)
  }
  return exitStatus(doc)
}

/**
 * Inside a GitHub Actions job the runner obeys a workflow command (`::error`,
 * `::add-mask::`, `::set-output`) at the start of any line of the log, and the
 * CLI prints the measured code's text (an exception's message, a module name)
 * and results files' text. There each write that could read as one is fenced,
 * as the action fences its own log lines.
 */
function fencedInWorkflow(io: CliIo): CliIo {
  if (io.env.GITHUB_ACTIONS !== 'true') return io
  const token = () => randomBytes(16).toString('hex')
  return {
    ...io,
    stdout: {
      write: (text: string) => io.stdout.write(fenceCommands(text, token)),
      isTTY: io.stdout.isTTY,
    },
    stderr: { write: (text: string) => io.stderr.write(fenceCommands(text, token)) },
  }
}

export async function runCli(argv: string[], given: CliIo): Promise<number> {
  const io = fencedInWorkflow(given)
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
    if (command === 'compare') return await runCompare(rest, io)
    if (command === 'drift') return await runDrift(rest, io)
    if (command === 'report') return await runReport(rest, io)
    if (command === 'merge') return await runMerge(rest, io)
    throw new UsageError(
      `unknown command "${command}"; use measure, compare, drift, report or merge (importgate --help)`,
    )
  } catch (error) {
    if (error instanceof UsageError || error instanceof SetupError) {
      io.stderr.write(`importgate: ${visible(error.message)}\n`)
      return 2
    }
    throw error
  }
}
