// What an environment holds, file by file, for the proof: every file's hash
// (relative to the environment), and the installed distribution each belongs
// to. Two sides' snapshots compared give the files that differ, and whether
// each is the project's own (the code under review) or a dependency's.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { dirname, join, normalize, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface Distribution {
  name: string
  version: string
  /** Installed from the side's own checkout (its direct_url.json names a folder in it). */
  project: boolean
}

export interface EnvironmentFiles {
  /** Path relative to the environment → sha256 of its contents. */
  hashes: Map<string, string>
  /** Path relative to the environment → the distribution whose RECORD lists it. */
  owners: Map<string, Distribution>
  /** By distribution name. */
  distributions: Map<string, Distribution>
}

/**
 * Files that differ between two installs of the same code for reasons of
 * their own: the console scripts (their first line names the environment's
 * interpreter), the environment's own configuration, the bytecode caches
 * (compared as code by the proof, not as bytes), and the records of an install (hashes,
 * the folder it came from, the installer).
 */
function skipped(path: string): boolean {
  const parts = path.split(sep)
  const name = parts[parts.length - 1]!
  if (parts[0] === 'bin' || parts[0] === 'Scripts') return true
  if (parts.length === 1 && (name === 'pyvenv.cfg' || name.startsWith('importgate-'))) return true
  // Bytecode caches, compared as code by the proof; a .pyc outside one is a module of its own.
  if (parts.includes('__pycache__')) return true
  const inDistInfo = parts.length > 1 && parts[parts.length - 2]!.endsWith('.dist-info')
  return inDistInfo && ['RECORD', 'direct_url.json', 'INSTALLER', 'REQUESTED'].includes(name)
}

/** The first field of a RECORD line: a path, quoted when it holds a comma. */
function recordPath(line: string): string {
  if (!line.startsWith('"')) return line.split(',')[0]!
  const end = line.indexOf('",')
  return (end < 0 ? line.slice(1) : line.slice(1, end)).replace(/""/g, '"')
}

async function distributionAt(
  envDir: string,
  distInfo: string,
  checkout: string,
): Promise<Distribution> {
  const folder = distInfo
    .split(sep)
    .pop()!
    .replace(/\.dist-info$/, '')
  const dash = folder.indexOf('-')
  let project = false
  try {
    const url = (
      JSON.parse(await readFile(join(envDir, distInfo, 'direct_url.json'), 'utf8')) as {
        url?: unknown
      }
    ).url
    if (typeof url === 'string' && url.startsWith('file:')) {
      const from = fileURLToPath(url)
      project = from === checkout || from.startsWith(checkout + sep)
    }
  } catch {
    /* no direct_url.json: installed from an index, not from the checkout */
  }
  return {
    name: dash < 0 ? folder : folder.slice(0, dash),
    version: dash < 0 ? '' : folder.slice(dash + 1),
    project,
  }
}

/** Every file of the environment at `envDir`, hashed, with its owner; `checkout` is the side's worktree. */
export async function environmentFiles(
  envDir: string,
  checkout: string,
): Promise<EnvironmentFiles> {
  const hashes = new Map<string, string>()
  const owners = new Map<string, Distribution>()
  const distributions = new Map<string, Distribution>()
  const entries = await readdir(envDir, { recursive: true, withFileTypes: true })
  for (const entry of entries) {
    const path = relative(envDir, join(entry.parentPath, entry.name))
    if (entry.isDirectory() && entry.name.endsWith('.dist-info')) {
      const dist = await distributionAt(envDir, path, checkout)
      distributions.set(dist.name, dist)
      const record = join(envDir, path, 'RECORD')
      if (!existsSync(record)) continue
      for (const line of (await readFile(record, 'utf8')).split('\n')) {
        if (!line.trim()) continue
        const file = normalize(join(dirname(path), recordPath(line)))
        if (!file.startsWith('..')) owners.set(file, dist)
      }
      continue
    }
    if (!entry.isFile() || skipped(path)) continue
    hashes.set(
      path,
      createHash('sha256')
        .update(await readFile(join(envDir, path)))
        .digest('hex'),
    )
  }
  return { hashes, owners, distributions }
}
