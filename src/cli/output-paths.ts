// --json, --markdown and --html, checked before anything is installed or measured (a
// typo found after a two-minute run loses the run), and written at the end
// with an error that names the flag when the disk says no.
import { constants, accessSync, statSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { UsageError } from '../model/errors.js'

export interface OutputPaths {
  jsonPath: string | null
  markdownPath: string | null
  htmlPath: string | null
}

/** Where --json, --markdown and --html go (resolved against cwd); each checked to be writable. */
export function outputPaths(
  values: { json?: string; markdown?: string; html?: string },
  cwd: string,
): OutputPaths {
  const check = (flag: string, given: string | undefined) => {
    if (given === undefined) return null
    if (given === '') throw new UsageError(`${flag}: give a file path`)
    const path = resolve(cwd, given)
    writable(flag, given, path)
    return path
  }
  return {
    jsonPath: check('--json', values.json),
    markdownPath: check('--markdown', values.markdown),
    htmlPath: check('--html', values.html),
  }
}

/** What is at `path`, or null when nothing is (ENOENT, or ENOTDIR: a file where a folder would be). */
function statOrNull(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null
  } catch {
    return null
  }
}

function writable(flag: string, given: string, path: string): void {
  const stat = statOrNull(path)
  if (stat?.isDirectory())
    throw new UsageError(`${flag} ${given}: is a directory; give a file path`)
  if (stat) return access(flag, given, path)
  // A file to be created: its nearest existing folder must take it (the rest is made).
  let folder = dirname(path)
  for (;;) {
    const s = statOrNull(folder)
    if (s) {
      if (!s.isDirectory())
        throw new UsageError(`${flag} ${given}: ${folder} is a file, not a folder`)
      return access(flag, given, folder)
    }
    const parent = dirname(folder)
    if (parent === folder) return
    folder = parent
  }
}

function access(flag: string, given: string, path: string): void {
  try {
    accessSync(path, constants.W_OK)
  } catch {
    throw new UsageError(`${flag} ${given}: ${path} is not writable`)
  }
}

/** Writes one output file; a failure names the flag and keeps the run's exit status meaningful. */
export async function writeOutput(flag: string, path: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, text)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(
      `${flag}: could not write ${path} (${code ?? (error as Error).message}); the report above is complete`,
    )
  }
}
