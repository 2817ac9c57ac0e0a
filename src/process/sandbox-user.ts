// The identity the measured code runs as: a system user of its own, so that
// the kernel, not importgate, keeps it away from importgate's environment,
// signals and files (docs/robustness.md). Only root can switch identity
// without asking anyone; elsewhere there is no sandbox user and the run says
// which protections that leaves out.
import { readFileSync } from 'node:fs'
import type { SandboxUser } from './boundary.js'
import { runCommand } from './command.js'
import { findExecutable } from './executables.js'

/** The user the measured code runs as. A dedicated one: no other process on the machine shares it. */
export const SANDBOX_USER = 'importgate'

/** Where useradd puts its home: pip's and uv's caches live there between runs on one machine. */
const SANDBOX_HOME = '/var/lib/importgate'

/** The account's passwd entry, or null when there is none. */
export function passwdEntry(name: string, passwd = '/etc/passwd'): SandboxUser | null {
  let text: string
  try {
    text = readFileSync(passwd, 'utf8')
  } catch {
    return null
  }
  for (const line of text.split('\n')) {
    const [user, , uid, gid, , home] = line.split(':')
    if (user === name && uid && gid && /^\d+$/.test(uid) && /^\d+$/.test(gid))
      return { name, uid: Number(uid), gid: Number(gid), home: home || '/' }
  }
  return null
}

/**
 * The sandbox user, created when missing, or why there is none. `uid` is
 * ours: only root (0) may switch to another user, so anyone else gets the
 * reason. A sandbox user with uid 0 is refused: it would be no boundary.
 */
export async function sandboxUser(
  uid: number | null,
  pathVar: string,
): Promise<{ user: SandboxUser } | { missing: string }> {
  if (process.platform !== 'linux')
    return { missing: 'the measured code runs as your user: the separate user is Linux only' }
  if (uid !== 0)
    return {
      missing:
        'the measured code runs as your user, because importgate is not root and cannot switch to another (run the step as root, with sudo, to have it run as the user importgate)',
    }
  let user = passwdEntry(SANDBOX_USER)
  if (!user) {
    const useradd = findExecutable('useradd', `${pathVar}:/usr/sbin:/sbin`, '/')
    if (!useradd)
      return {
        missing: `the measured code runs as root: there is no user ${SANDBOX_USER}, and no useradd to create it`,
      }
    const created = await runCommand({
      command: useradd,
      args: [
        '--system',
        '--user-group',
        '--create-home',
        '--home-dir',
        SANDBOX_HOME,
        '--shell',
        '/usr/sbin/nologin',
        SANDBOX_USER,
      ],
      env: { PATH: pathVar },
      cwd: '/',
      timeoutMs: 60_000,
    })
    user = passwdEntry(SANDBOX_USER)
    if (!user)
      return {
        missing: `the measured code runs as root: creating the user ${SANDBOX_USER} failed (${created.stderr.trim().split('\n').pop() || `exit status ${created.code}`})`,
      }
  }
  if (user.uid === 0 || user.gid === 0)
    return {
      missing: `the measured code runs as root: the user ${SANDBOX_USER} has uid or gid 0, which would be no boundary`,
    }
  return { user }
}
