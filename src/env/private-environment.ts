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
import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findExecutable } from '../process/executables.js'
import { isAllowedName } from './child-env.js'

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
  const file = join(tmpdir(), `importgate-env-${randomBytes(16).toString('hex')}.json`)
  const fd = openSync(file, 'wx', 0o600)
  try {
    writeSync(fd, JSON.stringify(process.env))
  } finally {
    closeSync(fd)
  }
  const node = [process.execPath, ...process.execArgv, ...process.argv.slice(1)]
  try {
    if (reaper) process.execve(reaper[0]!, [...reaper, ...node], { ...visible, [HANDOVER]: file })
    else process.execve(node[0]!, node, { ...visible, [HANDOVER]: file })
  } catch {
    // execve refused (a seccomp policy, say): carry on unchanged, as before this guard existed.
    unlinkSync(file)
  }
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
  } finally {
    unlinkSync(file)
  }
  for (const [name, value] of Object.entries(saved)) process.env[name] = value
}
