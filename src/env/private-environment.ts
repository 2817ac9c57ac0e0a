// importgate's environment holds the token and the runner's secrets, and any
// process of the same user can read it in /proc/<pid>/environ: the kernel shows
// the environment a process was started with, whatever process.env says later.
// The measured code runs as that user and can walk up to its ancestors. So at
// start importgate runs itself again in place (execve: the same process, the
// same pid for the runner to wait on) with only the names the measured code may
// see anyway in its environment; the rest is handed over in a file that the new
// image reads and deletes before anything else runs, and lives on in memory
// only (Yama, on by default on Ubuntu runners, keeps a descendant from reading
// an ancestor's memory). On the way, where it can, it puts a subreaper above
// itself (subreaper.py), so that no daemon of the measured code outlives being
// orphaned, whatever it does to its environment, session or pid.
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findExecutable } from '../process/executables.js'
import { SUBREAPER_PID } from '../process/parent-watch.js'
import { isAllowedName } from '../process/child-env.js'

/** Set in the second image: where the first one left the full environment. */
export const HANDOVER = 'IMPORTGATE_ENV_HANDOVER'

/** Set (to anything) to start without the subreaper. */
const NO_SUBREAPER = 'IMPORTGATE_NO_SUBREAPER'

/** Read by Node itself at start, so the second image needs them in its real environment. */
const NODE_STARTUP_NAMES: readonly string[] = [
  'NODE_OPTIONS',
  'NODE_EXTRA_CA_CERTS',
  'NODE_USE_ENV_PROXY',
  'NODE_USE_SYSTEM_CA',
  'NODE_ICU_DATA',
]

/** What stays visible in /proc/<pid>/environ: no more than a measured interpreter is given. */
export function visibleEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const visible: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && (isAllowedName(name) || NODE_STARTUP_NAMES.includes(name)))
      visible[name] = value
  }
  return visible
}

/**
 * First image: start again with only the visible names, unless there is
 * nothing to hide or this Node cannot (then it carries on as it is). Second
 * image: take the full environment back into process.env and delete the file.
 */
export function keepEnvironmentPrivate(): void {
  const handover = process.env[HANDOVER]
  if (handover !== undefined) {
    restore(handover)
    return
  }
  if (typeof process.execve !== 'function') return
  const visible = visibleEnvironment(process.env)
  const hidden = Object.keys(process.env).some((name) => !(name in visible))
  const reaper = subreaper(visible.PATH ?? '')
  if (!hidden && !reaper) return
  const file = writeHandover(JSON.stringify(process.env))
  const node = [process.execPath, ...process.execArgv, ...process.argv.slice(1)]
  try {
    if (reaper)
      process.execve(reaper[0]!, [...reaper, ...node], {
        ...visible,
        [HANDOVER]: file,
        // execve keeps our pid: the subreaper will be the second image's parent, to watch.
        [SUBREAPER_PID]: String(process.pid),
      })
    else process.execve(node[0]!, node, { ...visible, [HANDOVER]: file })
  } catch {
    // execve refused (a seccomp policy, say): carry on unchanged, as before this guard existed.
    removeHandover(file)
  }
}

/** The handover could not be written: said without a word of what it holds. */
export class HandoverError extends Error {
  override name = 'HandoverError'
}

/**
 * Writes the environment to a file of its own in a folder of its own: both
 * made by us alone (mode 700 and 600, `wx`), the folder's name unguessable,
 * every byte checked written. Another user cannot open it; the file lives
 * only until the second image has read it.
 */
export function writeHandover(text: string, dir = tmpdir()): string {
  let folder: string
  try {
    folder = mkdtempSync(join(dir, `importgate-env-${randomBytes(16).toString('hex')}-`))
  } catch (error) {
    throw handoverError(dir, error)
  }
  const file = join(folder, 'env.json')
  try {
    const bytes = Buffer.from(text, 'utf8')
    const fd = openSync(file, 'wx', 0o600)
    try {
      for (let at = 0; at < bytes.length;) {
        const wrote = writeSync(fd, bytes, at, bytes.length - at)
        if (wrote <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' })
        at += wrote
      }
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    removeHandover(file)
    throw handoverError(dir, error)
  }
  return file
}

function handoverError(dir: string, error: unknown): HandoverError {
  const code = (error as NodeJS.ErrnoException).code
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'it is full'
      : code === 'ENOENT'
        ? 'it does not exist'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'it is not writable'
          : `${code ?? 'an error'}`
  return new HandoverError(
    `importgate cannot start: it keeps its environment in a private file in TMPDIR (${dir}), and ${why}; free some space there or set TMPDIR to a writable folder`,
  )
}

/** Removes the handover file and its folder, whatever is left of them. */
function removeHandover(file: string): void {
  rmSync(dirname(file), { recursive: true, force: true })
}

/**
 * The command that starts subreaper.py (it then starts us as its child), or
 * null where there is none: not Linux, or no python3 (the bundle's copy sits
 * beside dist/cli.js). Without it, orphans that shed their tag can outlive a
 * run; with it, they die as soon as they are orphaned.
 */
function subreaper(pathVar: string): string[] | null {
  if (process.platform !== 'linux' || process.env[NO_SUBREAPER]) return null
  const script = fileURLToPath(new URL('./subreaper.py', import.meta.url))
  if (!existsSync(script)) return null
  const python = existsSync('/usr/bin/python3')
    ? '/usr/bin/python3'
    : findExecutable('python3', pathVar, '/')
  return python ? [python, '-I', '-S', script] : null
}

function restore(file: string): void {
  delete process.env[HANDOVER]
  let saved: Record<string, string>
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>
  } catch {
    // Never the text itself: it holds the secrets.
    throw new HandoverError(
      `importgate cannot start: the private copy of its environment in TMPDIR could not be read back whole; check that TMPDIR (${dirname(file)}) has space`,
    )
  } finally {
    removeHandover(file)
  }
  for (const [name, value] of Object.entries(saved)) process.env[name] = value
}
