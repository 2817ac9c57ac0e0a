// Runs import_sites.py: each given module's import statements, read with the
// measured interpreter's own ast (so `lazy import` parses where the language
// has it). `-I -S`: no site-packages, so no `.pth` file of the measured code
// runs; the files are parsed, never imported. Untimed.
import { join, dirname } from 'node:path'
import type {
  FileImports,
  ImportScope,
  ImportSite,
} from '../analysis/attribution/import-mechanism.js'
import { runMeasured } from '../process/command.js'
import { probePath } from './interpreter.js'

export interface SitesRequest {
  python: string
  env: Record<string, string>
  cwd: string
  /** Each module and the file the interpreter ran for it. */
  files: { module: string; file: string }[]
}

const SCOPES: readonly ImportScope[] = [
  'module',
  'function',
  'getattr',
  'type-checking',
  'conditional',
]

const strings = (value: unknown): string[] | null =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null

function siteOf(value: unknown): ImportSite | null {
  const v = value as Record<string, unknown>
  const modules = strings(v?.modules)
  const names = strings(v?.names)
  if (
    !modules ||
    !names ||
    !Number.isInteger(v.line) ||
    (v.kind !== 'import' && v.kind !== 'from') ||
    !SCOPES.includes(v.scope as ImportScope)
  )
    return null
  return {
    line: v.line as number,
    kind: v.kind,
    modules,
    names,
    lazy: v.lazy === true,
    scope: v.scope as ImportScope,
    function: typeof v.function === 'string' ? v.function : null,
  }
}

/** The report, file by file; a file that did not parse (or a report that is not one) is left out. */
export function parseSites(report: string): Map<string, FileImports> {
  const out = new Map<string, FileImports>()
  let parsed: unknown
  try {
    parsed = JSON.parse(report)
  } catch {
    return out
  }
  if (!parsed || typeof parsed !== 'object') return out
  for (const [file, entry] of Object.entries(parsed as Record<string, unknown>)) {
    const e = entry as Record<string, unknown>
    if (!Array.isArray(e?.sites)) continue
    const sites = e.sites.map(siteOf)
    if (sites.some((s) => !s)) continue
    const listed = e.lazy_modules as { line?: unknown; names?: unknown } | null
    const names = strings(listed?.names)
    out.set(file, {
      sites: sites as ImportSite[],
      lazyModules:
        listed && names && Number.isInteger(listed.line)
          ? { line: listed.line as number, names }
          : null,
    })
  }
  return out
}

/** The import statements of each file; empty when the interpreter could not run the reader. */
export async function readImportSites(request: SitesRequest): Promise<Map<string, FileImports>> {
  if (!request.files.length) return new Map()
  const outcome = await runMeasured({
    command: request.python,
    args: [
      '-I',
      '-S',
      join(dirname(probePath()), 'import_sites.py'),
      ...request.files.flatMap((f) => [f.module, f.file]),
    ],
    env: request.env,
    cwd: request.cwd,
    timeoutMs: 60_000,
    stderr: 'tail',
  })
  return outcome.code === 0 ? parseSites(outcome.report) : new Map()
}
