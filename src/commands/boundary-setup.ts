// Before compare installs anything: the sandbox user takes over the worktrees
// the measured code builds in (each side's environment and temporary folder
// are given to it as they are made), the scratch folder and the probe's folder stay
// importgate's, and one run as that user checks that it can start the
// interpreter and read the probe. When any of that cannot be, the run goes on
// without the boundary and says once what that leaves out.
import { statSync } from 'node:fs'
import { chmod } from 'node:fs/promises'
import { probePath } from '../measure/interpreter.js'
import { childEnv } from '../process/child-env.js'
import {
  giveToSandbox,
  passThroughOnly,
  setSandbox,
  type BoundaryState,
} from '../process/boundary.js'
import { runMeasured } from '../process/command.js'
import { sandboxUser } from '../process/sandbox-user.js'

/** Set (to anything) to run the measured code as importgate's own user: for a machine where the sandbox user cannot work. */
export const NO_SANDBOX = 'IMPORTGATE_NO_SANDBOX'

/** Can the sandbox user start `python` and read the probe? Null when it can, else what went wrong. */
async function sandboxCannotRun(python: string, env: Record<string, string>, cwd: string) {
  const check = 'import sys; open(sys.argv[1], "rb").close()'
  try {
    const outcome = await runMeasured({
      command: python,
      args: ['-I', '-S', '-c', check, probePath()],
      env,
      cwd,
      timeoutMs: 60_000,
      stderr: 'tail',
    })
    if (outcome.code === 0) return null
    const said = outcome.stderr.toString('utf8').trim().split('\n').pop()
    return `${python} could not read importgate's probe (${said || `exit status ${outcome.code ?? outcome.signal}`})`
  } catch (error) {
    const closed = closedFolder(python)
    const why = closed
      ? `${closed.path} is closed to other users (mode ${closed.mode.toString(8)}); use an interpreter outside it (actions/setup-python's, or the system's), or set ${NO_SANDBOX}=1 to run the measured code as importgate's user`
      : (error as Error).message.replace(/^cannot run the Python interpreter "[^"]*": /, '')
    return `it cannot start ${python}: ${why}`
  }
}

/** The first folder on the way to `path` that other users cannot pass through (a home folder of mode 700). */
function closedFolder(path: string): { path: string; mode: number } | null {
  const parts = path.split('/').filter(Boolean)
  for (let i = 1; i < parts.length; i++) {
    const folder = `/${parts.slice(0, i).join('/')}`
    try {
      const mode = statSync(folder).mode & 0o777
      if (!(mode & 0o001)) return { path: folder, mode }
    } catch {
      return null
    }
  }
  return null
}

/**
 * Sets up the boundary for a compare run, or says why there is none.
 * `owned`: the folders the measured code writes (created when missing).
 */
export async function setUpBoundary(
  where: { scratch: string; run: string; python: string; owned: readonly string[] },
  env: NodeJS.ProcessEnv,
): Promise<BoundaryState> {
  setSandbox(null)
  if (env[NO_SANDBOX])
    return { user: null, missing: `the measured code runs as your user: ${NO_SANDBOX} is set` }
  const found = await sandboxUser(process.getuid?.() ?? null, env.PATH ?? '')
  if ('missing' in found) return { user: null, missing: found.missing }
  const { user } = found
  setSandbox(user)
  await passThroughOnly(where.scratch)
  await chmod(where.run, 0o755)
  const cannot = await sandboxCannotRun(where.python, childEnv(env), where.run)
  if (cannot) {
    setSandbox(null)
    return {
      user: null,
      missing: `the measured code runs as root: the user ${user.name} was to run it, but ${cannot}`,
    }
  }
  for (const path of where.owned) await giveToSandbox(path)
  return { user }
}

/** After the run: later processes of this one run as its own user again. */
export function tearDownBoundary(): void {
  setSandbox(null)
}

/** The boundary as the results record it: the user the measured code ran as, or what was missing. */
export function boundaryJson(state: BoundaryState): { user: string | null; missing?: string } {
  return state.user ? { user: state.user.name } : { user: null, missing: state.missing ?? '' }
}
