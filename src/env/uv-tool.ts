// uv for `install = auto`: the one on PATH, else a pinned uv fetched once per
// machine from PyPI into a tool folder (the runner's tool cache, else the
// user's cache) and reused on later runs. The fetch is pip's, from the
// interpreter the run uses, with --require-hashes: a wheel whose hash is not
// one of the pinned release's is refused. When uv cannot be had, the reason is
// returned, and the install goes on with pip (env/environment.ts says so).
import { existsSync, readFileSync } from 'node:fs'
import { chmod, copyFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { CancelledError, SetupError } from '../model/errors.js'
import type { InstallSpec } from '../model/settings.js'
import type { InstallsJson, UvCacheJson } from '../results/schema.js'
import { currentSandbox } from '../process/boundary.js'
import { installerEnv } from '../process/child-env.js'
import { outputIfOk, runCommand, SpawnError } from '../process/command.js'
import { findExecutable } from '../process/executables.js'

/** The uv release fetched when none is on PATH. */
export const UV_VERSION = '0.13.10'

/** The pinned release's wheels (PyPI's sha256 of each platform's file): pip refuses any other. */
const UV_WHEEL_SHA256 = [
  '7cc9c41b43d583e34c781fd3446405b06e9c5fa2db468ce2a534d353db6429e5', // manylinux x86_64
  'e89dd26ea831dde70639ba0a798fa04a4c7c0226fd2b241da86218bfa370e495', // manylinux, musllinux aarch64
  'ee403b6bbcfda1bc7db269be5c40c1624df27b3b838d3f8a416648e00e2de5d4', // musllinux x86_64
  '19a76fd50a6a2bba38ee088d8336566856569be08196865f98132a08806581fc', // macOS x86_64
  '2a9ff188b442419c7aadebc445fcc1f287b25f99af50fa6d563b90cc0047b7cf', // macOS arm64
]

/** Where uv came from: on PATH, fetched by an earlier run, or fetched by this one. */
export type UvSource = 'path' | 'cached' | 'fetched'

export type UvTool = { path: string; source: UvSource } | { unavailable: string }

const FETCH_TIMEOUT_MS = 180_000

/** The folder fetched tools live in: the runner's tool cache, else the user's cache. */
export function toolFolder(env: NodeJS.ProcessEnv): string {
  const base = env.RUNNER_TOOL_CACHE || env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache')
  return join(base, 'importgate', 'uv', UV_VERSION)
}

const works = async (path: string, signal?: AbortSignal) =>
  (await outputIfOk({
    command: path,
    args: ['--version'],
    env: { PATH: '/usr/bin:/bin' },
    cwd: '/',
    timeoutMs: 30_000,
    signal,
  })) !== null

/** uv on PATH, else the pinned one in the tool folder, fetched there first when missing. */
export async function findOrFetchUv(
  python: string,
  parentEnv: NodeJS.ProcessEnv,
  cwd: string,
  signal?: AbortSignal,
): Promise<UvTool> {
  const onPath = findExecutable('uv', parentEnv.PATH ?? '', cwd)
  if (onPath) return { path: onPath, source: 'path' }
  const folder = toolFolder(parentEnv)
  const uv = join(folder, 'bin', 'uv')
  if (existsSync(uv) && (await works(uv, signal))) return { path: uv, source: 'cached' }
  // Fetched beside the folder and renamed into place: a run beside this one
  // sees the whole tool or none of it.
  let staging: string | null = null
  try {
    await mkdir(join(folder, '..'), { recursive: true })
    const at = await mkdtemp(`${folder}.fetching-`)
    staging = at
    const requirements = join(at, 'requirements.txt')
    await writeFile(
      requirements,
      `uv==${UV_VERSION} ${UV_WHEEL_SHA256.map((h) => `--hash=sha256:${h}`).join(' ')}\n`,
    )
    const target = join(at, 'tool')
    const pip = (interpreter: string) =>
      runCommand({
        command: interpreter,
        args: [
          ...['-m', 'pip', 'install', '--no-deps', '--only-binary=:all:', '--require-hashes'],
          ...['--disable-pip-version-check', '--no-input', '--target', target, '-r', requirements],
        ],
        env: installerEnv(parentEnv),
        cwd: at,
        timeoutMs: FETCH_TIMEOUT_MS,
        signal,
      })
    let outcome = await pip(python)
    // An interpreter without pip of its own (a distribution's Python without
    // its pip package) still has ensurepip: a venv made in the staging folder
    // brings a pip that can fetch.
    if (outcome.code !== 0 && /No module named pip\b/.test(outcome.log)) {
      const venv = join(at, 'venv')
      const made = await runCommand({
        command: python,
        args: ['-m', 'venv', venv],
        env: installerEnv(parentEnv),
        cwd: at,
        timeoutMs: FETCH_TIMEOUT_MS,
        signal,
      })
      if (made.code === 0) outcome = await pip(join(venv, 'bin', 'python'))
    }
    if (outcome.aborted) throw new CancelledError('fetching uv')
    if (outcome.code !== 0) {
      const why = outcome.timedOut
        ? `timed out after ${FETCH_TIMEOUT_MS / 1000} s`
        : lastLine(outcome.log) || `pip exited with status ${outcome.code ?? outcome.signal}`
      return { unavailable: `uv is not on PATH, and fetching uv ${UV_VERSION} failed: ${why}` }
    }
    if (!(await works(join(target, 'bin', 'uv'), signal)))
      return { unavailable: `uv ${UV_VERSION} was fetched but does not run on this machine` }
    // A run beside this one may have put it there meanwhile, and be running it: keep that one.
    if (existsSync(uv) && (await works(uv, signal))) return { path: uv, source: 'fetched' }
    await rm(folder, { recursive: true, force: true })
    await rename(target, folder)
    return { path: uv, source: 'fetched' }
  } catch (error) {
    if (error instanceof SpawnError)
      return { unavailable: `uv is not on PATH, and fetching it failed: ${error.message}` }
    if (error instanceof CancelledError) throw error
    if (existsSync(uv) && (await works(uv, signal))) return { path: uv, source: 'cached' }
    return { unavailable: `uv is not on PATH, and fetching it failed: ${String(error)}` }
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true })
  }
}

/**
 * uv as the sandbox user can run it. With the boundary up, installs run as
 * that user, who cannot reach importgate's own tool folder (a home folder is
 * 0700): a copy in the run's scratch folder, which it may pass through, owned
 * by importgate and not writable by it, since importgate runs uv too.
 */
export async function runnableBySandbox(tool: UvTool, scratch: string): Promise<UvTool> {
  if (!('path' in tool) || !currentSandbox()) return tool
  const copy = join(scratch, 'uv')
  await copyFile(tool.path, copy)
  await chmod(copy, 0o755)
  return { ...tool, path: copy }
}

/** pip's last error line (its messages end with the reason), without its prefix. */
function lastLine(log: string): string {
  const lines = log
    .trim()
    .split('\n')
    .map((l) => l.trim())
  const error = lines.filter((l) => l.startsWith('ERROR:')).at(-1) ?? lines.at(-1) ?? ''
  return error.replace(/^ERROR:\s*/, '').slice(0, 300)
}

/** uv's own settings of where packages come from: given, the user has told uv. */
const UV_INDEX_SETTINGS = [
  'UV_INDEX',
  'UV_INDEX_URL',
  'UV_DEFAULT_INDEX',
  'UV_EXTRA_INDEX_URL',
  'UV_FIND_LINKS',
  'UV_NO_INDEX',
  'UV_OFFLINE',
]
/** pip's index keys, as a pip configuration file writes them. */
const PIP_INDEX_KEYS = /^\s*(index-url|extra-index-url|find-links|no-index)\s*=/m
const TRUE = /^(1|true|yes|on)$/i

/**
 * uv told where packages come from as pip is told in the environment
 * (PIP_INDEX_URL, PIP_EXTRA_INDEX_URL, PIP_FIND_LINKS, PIP_NO_INDEX, PIP_CERT),
 * choosing among them as pip does (the best version across all of them);
 * nothing when uv is told already.
 */
export function uvIndexFromPip(env: NodeJS.ProcessEnv): Record<string, string> {
  if (UV_INDEX_SETTINGS.some((name) => env[name])) return {}
  const out: Record<string, string> = {}
  if (env.PIP_INDEX_URL) out.UV_INDEX_URL = env.PIP_INDEX_URL
  if (env.PIP_EXTRA_INDEX_URL) out.UV_EXTRA_INDEX_URL = env.PIP_EXTRA_INDEX_URL
  if (env.PIP_FIND_LINKS) out.UV_FIND_LINKS = env.PIP_FIND_LINKS.trim().split(/\s+/).join(',')
  if (env.PIP_NO_INDEX && TRUE.test(env.PIP_NO_INDEX.trim())) out.UV_NO_INDEX = '1'
  if (Object.keys(out).length) out.UV_INDEX_STRATEGY = 'unsafe-best-match'
  if (env.PIP_CERT && !env.SSL_CERT_FILE) out.SSL_CERT_FILE = env.PIP_CERT
  return out
}

/**
 * Why uv would not install what pip would, or null: a pip configuration file
 * says where packages come from (an index, find-links), which uv does not
 * read, and uv is not told otherwise, so it would reach PyPI instead. (pip's
 * environment settings are passed on to uv: uvIndexFromPip.)
 */
export function pipOnlyIndex(env: NodeJS.ProcessEnv): string | null {
  if (UV_INDEX_SETTINGS.some((name) => env[name])) return null
  const home = env.HOME || homedir()
  const files = [
    ...(env.PIP_CONFIG_FILE ? [env.PIP_CONFIG_FILE] : []),
    join(env.XDG_CONFIG_HOME || join(home, '.config'), 'pip', 'pip.conf'),
    join(home, '.pip', 'pip.conf'),
    '/etc/pip.conf',
    '/etc/xdg/pip/pip.conf',
  ].filter((f) => {
    try {
      return PIP_INDEX_KEYS.test(readFileSync(f, 'utf8'))
    } catch {
      return false
    }
  })
  return files.length
    ? `pip's configuration says where packages come from (${files.join(', ')}) and uv is not told`
    : null
}

/** What the install used: uv (where it came from), and why pip did instead, where it did. */
export interface UvUse {
  uv: { version: string; source: UvSource } | null
  /** Why `auto` installed with pip although the project is packaged; null when it did not. */
  fellBack: string | null
}

/**
 * Installs with uv where it can, and with pip where `auto` cannot use uv: when
 * pip is told of an index uv is not (uv would install from PyPI instead), when
 * uv cannot be had, or cannot install the project (a build backend uv
 * refuses), `install` runs (again) without it, and `say` tells why, once.
 * `--install uv` has no fallback: its error stands.
 */
export async function withUvOrPip<T>(
  spec: InstallSpec,
  packaged: boolean,
  /** The installers' environment: pip's index settings there keep `auto` on pip. */
  env: NodeJS.ProcessEnv,
  find: () => Promise<UvTool>,
  install: (uv: UvTool | null) => Promise<T>,
  say: (line: string) => void,
): Promise<{ installed: T; use: UvUse }> {
  const used = (tool: UvTool | null, fellBack: string | null = null): UvUse => ({
    uv: tool && 'path' in tool ? { version: UV_VERSION, source: tool.source } : null,
    fellBack,
  })
  if (spec.kind === 'uv') {
    const tool = await find()
    return { installed: await install(tool), use: used(tool) }
  }
  if (spec.kind !== 'auto' || !packaged) return { installed: await install(null), use: used(null) }
  const pipOnly = pipOnlyIndex(env)
  if (pipOnly) {
    say(`install auto: ${pipOnly}; installing with pip`)
    return { installed: await install(null), use: used(null, pipOnly) }
  }
  const tool = await find()
  if ('unavailable' in tool) {
    say(`install auto: ${tool.unavailable}; installing with pip`)
    return { installed: await install(null), use: used(null, tool.unavailable) }
  }
  try {
    return { installed: await install(tool), use: used(tool) }
  } catch (error) {
    if (!(error instanceof SetupError) || error instanceof CancelledError) throw error
    const lines = error.message.trim().split('\n')
    const last = lines.length > 1 ? `: ${lines.at(-1)!.trim()}` : ''
    const why = `uv could not install the project (${lines[0]}${last})`
    say(`install auto: ${why}; installing with pip instead`)
    return { installed: await install(null), use: used(null, why) }
  }
}

/** The installs as the results record them; undefined when nothing was installed. */
export function installsJson(
  envs: Partial<
    Record<
      'base' | 'head',
      { strategy: string; installMs: number | null; uvCache: UvCacheJson | null }
    >
  >,
  use: UvUse,
): InstallsJson | undefined {
  const sides = (['base', 'head'] as const).flatMap((side) => {
    const env = envs[side]
    if (!env || env.installMs === null) return []
    const s = Math.round(env.installMs) / 1000
    return [{ side, tool: env.strategy, s, uv_cache: env.uvCache }]
  })
  return sides.length ? { sides, uv: use.uv, fell_back: use.fellBack } : undefined
}
