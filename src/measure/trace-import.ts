// One traced import (trace_import.py): untimed, in a fresh interpreter like a
// sample, reporting on fd 3 the modules it loaded with their files, the lines
// it ran in the files that differ between the sides, and the paths its code
// opened, listed or looked up. The proof (analysis/verdict/proof.ts) reads it.
import { writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { runMeasured } from '../process/command.js'
import { probePath } from './interpreter.js'

export interface TraceReport {
  ok: boolean
  error: string | null
  /** How lines were traced: sys.monitoring (3.12+) or sys.settrace. */
  how: string
  /** Every module in sys.modules after the import, with its file (null: built in, frozen, namespace). */
  modules: Record<string, string | null>
  /** The lines run in each watched file. */
  lines: Record<string, number[]>
  /** [event, absolute path]: open, os.listdir, os.scandir, glob, stat; load: opened by the import system. */
  touched: [string, string][]
  overflow: boolean
  /** Threads still running when the import returned. */
  threads: number
  /** The files of the modules loaded before the import (start-up: site, .pth files, sitecustomize). */
  startupFiles: string[]
  /** The modules the import added to sys.modules, sorted, and len(sys.modules) after it. */
  added: string[]
  modulesAfter: number
  /** stderr: the import's -X importtime lines between the probe's markers. */
  stderr: string
}

export interface TraceRequest {
  python: string
  env: Record<string, string>
  cwd: string
  target: string
  /** The files whose lines to trace. */
  watched: readonly string[]
  /** A file this run may write the watch list to. */
  listFile: string
  timeoutMs: number
}

const isStringMap = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v)

/** The report, or why there is none. Shape-checked: the measured code shares the process. */
export function readTraceReport(text: string): TraceReport | string {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return 'the traced import wrote no report'
  }
  if (!isStringMap(parsed) || parsed.mode !== 'trace') return 'the traced import wrote no report'
  const { modules, lines, touched } = parsed
  if (!isStringMap(modules) || !isStringMap(lines) || !Array.isArray(touched))
    return 'the traced import wrote a malformed report'
  const okModules = Object.values(modules).every((f) => f === null || typeof f === 'string')
  const okLines = Object.values(lines).every(
    (l) => Array.isArray(l) && l.every((n) => Number.isInteger(n)),
  )
  const okTouched = touched.every(
    (t) => Array.isArray(t) && t.length === 2 && t.every((s) => typeof s === 'string'),
  )
  if (!okModules || !okLines || !okTouched) return 'the traced import wrote a malformed report'
  const error = parsed.error as { kind?: unknown; message?: unknown } | null
  return {
    ok: parsed.ok === true,
    error: error ? `${String(error.kind)}: ${String(error.message)}` : null,
    how: typeof parsed.how === 'string' ? parsed.how : 'unknown',
    modules: modules as Record<string, string | null>,
    lines: lines as Record<string, number[]>,
    touched: touched as [string, string][],
    overflow: parsed.touched_overflow === true,
    threads: Number.isInteger(parsed.threads) ? (parsed.threads as number) : 0,
    added: Array.isArray(parsed.added)
      ? parsed.added.filter((m): m is string => typeof m === 'string')
      : [],
    startupFiles: Array.isArray(parsed.startup_files)
      ? parsed.startup_files.filter((f): f is string => typeof f === 'string')
      : [],
    modulesAfter: Number.isInteger(parsed.modules_after) ? (parsed.modules_after as number) : 0,
    stderr: '',
  }
}

export async function traceImport(request: TraceRequest): Promise<TraceReport | string> {
  await writeFile(request.listFile, request.watched.map((p) => `${p}\n`).join(''))
  const outcome = await runMeasured({
    command: request.python,
    args: [
      '-X',
      'importtime',
      join(dirname(probePath()), 'trace_import.py'),
      '3',
      request.target,
      request.listFile,
    ],
    env: request.env,
    cwd: request.cwd,
    timeoutMs: request.timeoutMs,
    stderr: 'full',
  })
  if (outcome.timedOut) return `the traced import ran past ${request.timeoutMs / 1000} s`
  const report = readTraceReport(outcome.report)
  return typeof report === 'string'
    ? report
    : { ...report, stderr: outcome.stderr.toString('utf8') }
}

export interface LinesVerdict {
  path: string
  /** The asked lines that ran at import (proof_lines.py's rules). */
  runs: number[]
  /** The size of the file's code as a .pyc holds it; null when it could not be compiled. */
  codeBytes: number | null
  error: string | null
}

/** Which of each file's changed lines ran at import, judged by proof_lines.py under `python -I -S`. */
export async function judgeLines(
  python: string,
  env: Record<string, string>,
  cwd: string,
  files: { path: string; hits: number[]; asked: number[] }[],
  requestFile: string,
): Promise<Map<string, LinesVerdict>> {
  const out = new Map<string, LinesVerdict>()
  if (!files.length) return out
  await writeFile(requestFile, JSON.stringify({ files }))
  const outcome = await runMeasured({
    command: python,
    args: ['-I', '-S', join(dirname(probePath()), 'proof_lines.py'), '3', requestFile],
    env,
    cwd,
    timeoutMs: 120_000,
    stderr: 'tail',
  })
  let parsed: { files?: unknown } = {}
  try {
    parsed = JSON.parse(outcome.report) as { files?: unknown }
  } catch {
    /* no verdicts: every file is unproved */
  }
  for (const entry of Array.isArray(parsed.files) ? parsed.files : []) {
    const e = entry as Record<string, unknown>
    if (typeof e.path !== 'string' || !Array.isArray(e.runs)) continue
    out.set(e.path, {
      path: e.path,
      runs: e.runs.filter((n): n is number => Number.isInteger(n)),
      codeBytes: Number.isInteger(e.code_bytes) ? (e.code_bytes as number) : null,
      error: typeof e.error === 'string' ? e.error : null,
    })
  }
  return out
}
