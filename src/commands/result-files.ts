// Where results files are: each entry a file as given, or a folder (a
// downloaded artifact of several jobs) with every results.json under it, in
// name order. Shared by the action's publish mode and `importgate merge`.
import { existsSync, statSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { UsageError } from '../model/errors.js'

/** The files, absolute; `given` names the input as the user wrote it (`input "results"`, `merge`). */
export async function resultFiles(
  entries: readonly string[],
  base: string,
  given: string,
): Promise<string[]> {
  const files: string[] = []
  for (const entry of entries) {
    const path = resolve(base, entry)
    if (!existsSync(path)) throw new UsageError(`${given}: ${entry} does not exist (in ${base})`)
    if (statSync(path).isDirectory()) {
      const found = (await readdir(path, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && e.name === 'results.json')
        .map((e) => join(e.parentPath, e.name))
        .sort()
      if (!found.length) throw new UsageError(`${given}: no results.json under ${entry}`)
      files.push(...found)
    } else files.push(path)
  }
  return files
}
