// What a sample in a cache state other than warm needs before it runs.
// no-pyc: PYTHONPYCACHEPREFIX points at a fresh, empty folder (Python then
// neither reads nor writes the __pycache__ folders beside the sources), with
// writing off, so every module is compiled from source, as on a first start
// or a read-only file system. cold: the page cache is emptied before the
// sample: all of it through /proc/sys/vm/drop_caches where we may write it (as
// root, or `sudo -n` as on hosted runners), else each file under the
// interpreter's sys.path through posix_fadvise(DONTNEED), which leaves the
// kernel's directory entries cached (so `stat` calls stay warm).
import { writeFile } from 'node:fs/promises'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SetupError } from '../model/errors.js'
import type { ColdMethod } from '../model/target.js'
import { outputIfOk } from '../process/command.js'
import { giveToSandbox } from '../process/boundary.js'

/** How a cold sample empties the cache, found once per run. */
export interface ColdCache {
  method: ColdMethod
  /** fadvise: the folders and files to evict (sys.path, the interpreter, the probe). */
  paths: string[]
  /** The interpreter that runs the eviction (isolated: no site, no .pth files). */
  python: string
}

/** What the run does to a sample of a variant before it starts. */
export type CacheSetup = { kind: 'no-pyc' } | { kind: 'cold'; cold: ColdCache }

/** The set-up of each cache state a run measures (warm needs none). */
export interface CacheSetups {
  'no-pyc'?: { kind: 'no-pyc' }
  cold?: { kind: 'cold'; cold: ColdCache }
}

const DROP = '/proc/sys/vm/drop_caches'

// Walks each path and asks the kernel to drop every file's cached pages.
const EVICT = [
  'import os, sys',
  'for top in sys.argv[1:]:',
  '    tops = [top] if os.path.isfile(top) else []',
  '    files = tops + [os.path.join(r, n) for r, _, ns in os.walk(top) for n in ns]',
  '    for path in files:',
  '        try:',
  '            fd = os.open(path, os.O_RDONLY)',
  '        except OSError:',
  '            continue',
  '        try:',
  '            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)',
  '        except OSError:',
  '            pass',
  '        os.close(fd)',
].join('\n')

interface Helper {
  env: Record<string, string>
  cwd: string
  signal?: AbortSignal
}

const succeeds = (command: string, args: string[], h: Helper): Promise<string | null> =>
  outputIfOk({ command, args, env: h.env, cwd: h.cwd, timeoutMs: 120_000, signal: h.signal })

/** Dirty pages are not dropped: written .pyc files must reach the disk first. */
async function dropCaches(method: 'drop-caches' | 'sudo-drop-caches', h: Helper): Promise<boolean> {
  await succeeds('sync', [], h)
  if (method === 'sudo-drop-caches')
    return (await succeeds('sudo', ['-n', 'sysctl', '-q', '-w', 'vm.drop_caches=3'], h)) !== null
  try {
    await writeFile(DROP, '3')
    return true
  } catch {
    return false
  }
}

/** Empties the cache as `cold` says; throws a SetupError when it no longer can. */
export async function evict(cold: ColdCache, h: Helper): Promise<void> {
  const done =
    cold.method === 'fadvise'
      ? (await succeeds(cold.python, ['-I', '-S', '-c', EVICT, ...cold.paths], h)) !== null
      : await dropCaches(cold.method, h)
  if (!done)
    throw new SetupError(`the cold cache state could not empty the page cache (${cold.method})`)
}

/**
 * The best way this machine lets us empty the cache: drop_caches as root, or
 * through `sudo -n`, else fadvise on the files under the interpreter's sys.path.
 */
export async function detectColdCache(
  python: string,
  extraPaths: readonly string[],
  h: Helper,
  input: string,
): Promise<ColdCache> {
  for (const method of ['drop-caches', 'sudo-drop-caches'] as const)
    if (await dropCaches(method, h)) return { method, paths: [], python }
  const listed = await succeeds(python, ['-c', 'import sys, json; print(json.dumps(sys.path))'], h)
  let paths: string[] = []
  try {
    paths = (JSON.parse(listed?.split('\n')[0] || '[]') as unknown[]).filter(
      (p): p is string => typeof p === 'string' && p.length > 0,
    )
  } catch {
    paths = []
  }
  const cold: ColdCache = { method: 'fadvise', paths: [python, ...paths, ...extraPaths], python }
  try {
    await evict(cold, h)
  } catch {
    throw new SetupError(
      `${input}: cold needs to empty the page cache, and neither /proc/sys/vm/drop_caches (root or sudo -n) nor posix_fadvise works here`,
    )
  }
  return cold
}

/** Runs `run` with the environment a no-pyc sample needs; its folder goes whatever happens. */
export async function withoutPyc<T>(
  env: Record<string, string>,
  run: (env: Record<string, string>) => Promise<T>,
): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'importgate-nopyc-'))
  try {
    await giveToSandbox(folder)
    return await run({ ...env, PYTHONPYCACHEPREFIX: folder, PYTHONDONTWRITEBYTECODE: '1' })
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
