// The boundary between importgate and the code it measures. Once a run has
// set up its scratch folder, every process that runs the pull request's code
// (installs, samples, traces, profiles, counted runs) is started as the
// sandbox user: another uid, so the kernel keeps it from reading importgate's
// /proc/<pid>/environ (or git's), from signalling importgate, its subreaper or
// its helpers, and from opening its files. importgate itself stays root: it
// can still kill, read and remove everything the measured code leaves.
//
// One boundary per process, like the run's tag (escapees.ts): the spawning
// layers (command.ts, measured.ts) ask for it, so no caller can forget it.
import { chmod, lchown, lstat, mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'

/** The user the measured code runs as (process/sandbox-user.ts finds or creates it). */
export interface SandboxUser {
  name: string
  uid: number
  gid: number
  home: string
}

export interface BoundaryState {
  /** The user the measured code runs as; null when it runs as importgate's own. */
  user: SandboxUser | null
  /** When there is no separate user: what that leaves out, said once per run. */
  missing?: string
}

let active: SandboxUser | null = null

/** From now on, measured processes start as `user` (null: as importgate's own user). */
export function setSandbox(user: SandboxUser | null): void {
  active = user
}

export function currentSandbox(): SandboxUser | null {
  return active
}

/**
 * The spawn options and environment a measured process gets: the sandbox's
 * uid and gid (libuv drops the supplementary groups too), and its own home,
 * so that pip and uv keep their caches where it may write.
 */
export function asSandbox(env: Record<string, string>): {
  env: Record<string, string>
  ids: { uid?: number; gid?: number }
} {
  const user = active
  if (!user) return { env, ids: {} }
  return {
    env: { ...env, HOME: user.home, USER: user.name, LOGNAME: user.name },
    ids: { uid: user.uid, gid: user.gid },
  }
}

/**
 * Gives `path` and everything under it to the sandbox user (links themselves,
 * never what they point to), creating it as a folder when missing: a worktree
 * the install builds in, an environment, a temporary folder. Nothing happens
 * without a sandbox.
 */
export async function giveToSandbox(path: string): Promise<void> {
  const user = active
  if (!user) return
  await mkdir(path, { recursive: true })
  const walk = async (at: string): Promise<void> => {
    await lchown(at, user.uid, user.gid)
    const stat = await lstat(at)
    if (!stat.isDirectory()) return
    for (const entry of await readdir(at)) await walk(join(at, entry))
  }
  await walk(path)
}

/**
 * A folder importgate keeps (the scratch folder, the folder the probe runs
 * from): the sandbox may pass through it to what it was given, and read
 * what is readable, but not list it, nor create or change anything in it.
 */
export async function passThroughOnly(path: string): Promise<void> {
  if (active) await chmod(path, 0o711)
}
