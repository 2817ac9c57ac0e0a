// One environment per side: where the measured code becomes importable.
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { CancelledError, SetupError } from '../model/errors.js'
import { giveToSandbox } from '../process/boundary.js'
import { outputIfOk, runCommand, SpawnError } from '../process/command.js'
import { childEnv, installerEnv } from '../process/child-env.js'
import { importRoot } from './import-root.js'
import type { InstallSpec } from '../model/settings.js'
import { uvIndexFromPip, type UvTool } from './uv-tool.js'

export type Strategy = 'none' | 'current' | 'pip' | 'uv' | 'uv-sync' | 'command'

export interface SideEnvironment {
  strategy: Strategy
  /** The interpreter that runs the samples. */
  python: string
  /** The measured interpreter's environment: the allow-list and what the strategy needs. */
  env: Record<string, string>
  /** Installed distributions (name → version), or null when nothing was installed. */
  distributions: Record<string, string> | null
  /** The installer's output. */
  log: string
  /** How long installing took; null when nothing was installed. */
  installMs: number | null
  /**
   * uv: the packages it installed and those it had to download or build (the
   * project itself is built from its checkout each time); the rest its cache
   * served. Null for other tools.
   */
  uvCache: { installed: number; prepared: number } | null
}

export interface EnvironmentRequest {
  /** Names the side in messages: "base (main at 1a2b3c4d5e)". */
  label: string
  spec: InstallSpec
  /** The Python project inside the worktree (or the working tree). */
  projectDir: string
  /** A fresh folder this side may create its virtual environment in. */
  envDir: string
  /**
   * TMPDIR for the installer and the measured interpreter: inside importgate's
   * scratch folder, so what they leave there (pip build folders, uv locks,
   * files the measured code creates) goes when the run ends.
   */
  tmpDir: string
  /** The real interpreter (not a shim) both sides use. */
  python: string
  parentEnv: NodeJS.ProcessEnv
  timeoutMs: number
  signal?: AbortSignal
  /** The install input as its user wrote it (--install, input "install"), for messages. */
  installInput?: string
  /** Extra variables for a custom install command (IMPORTGATE_SIDE, ...). */
  commandEnv?: Record<string, string>
  /**
   * uv for auto and uv, found or fetched once per run (env/uv-tool.ts); null
   * or absent: auto installs with pip, and uv is refused.
   */
  uv?: UvTool | null
}

/** A project pip or uv can install: it has packaging metadata, or a uv.lock. */
export const isPackaged = (dir: string) =>
  ['pyproject.toml', 'setup.py', 'setup.cfg', 'uv.lock'].some((f) => existsSync(join(dir, f)))

/**
 * What `auto` means for this project: a packaged project is installed with uv
 * when there is one (on PATH, or fetched: env/uv-tool.ts; uv sync for a lock,
 * else uv venv + uv pip install: several times faster than pip on real
 * projects, and both sides share uv's one cache), else with pip; anything
 * else is imported from its folder.
 */
export function autoStrategy(projectDir: string, uv: boolean): 'uv' | 'pip' | 'none' {
  if (!isPackaged(projectDir)) return 'none'
  return uv ? 'uv' : 'pip'
}

const DISTRIBUTIONS = [
  'import importlib.metadata as m, json, sys',
  'found = {d.metadata["Name"]: d.version for d in m.distributions() if d.metadata["Name"]}',
  'open(sys.argv[1], "w").write(json.dumps(found, sort_keys=True))',
].join('\n')

/** Exits 0 when the interpreter's pip knows --python (22.3 or later). */
const MODERN_PIP = [
  'import sys',
  'try:',
  '    import pip',
  '    ok = tuple(int(p) for p in pip.__version__.split(".")[:2]) >= (22, 3)',
  'except Exception:',
  '    ok = False',
  'sys.exit(0 if ok else 1)',
].join('\n')

const hasModernPip = async (
  python: string,
  env: Record<string, string>,
  cwd: string,
  signal: AbortSignal | undefined,
): Promise<boolean> =>
  (await outputIfOk({
    command: python,
    args: ['-c', MODERN_PIP],
    env,
    cwd,
    timeoutMs: 60_000,
    signal,
    sandboxed: true,
  })) !== null

export async function prepareEnvironment(request: EnvironmentRequest): Promise<SideEnvironment> {
  const { spec, projectDir, envDir } = request
  // A runtime folder of the side's own, as a login session has one
  // (XDG_RUNTIME_DIR): code that keeps sockets or locks there at import
  // (platformdirs' user_runtime_dir) would otherwise reach for
  // /run/user/<uid>, which the sandbox user has none of (tractor failed so).
  const runtimeDir = join(request.tmpDir, 'runtime')
  await mkdir(runtimeDir, { recursive: true, mode: 0o700 })
  // The installer and the measured code write here as the sandbox user (process/boundary.ts).
  await giveToSandbox(request.tmpDir)
  const temp = {
    TMPDIR: request.tmpDir,
    TMP: request.tmpDir,
    TEMP: request.tmpDir,
    XDG_RUNTIME_DIR: runtimeDir,
  }
  const parentEnv: NodeJS.ProcessEnv = { ...request.parentEnv, ...temp }
  const pathVar = parentEnv.PATH ?? ''
  const uvTool = request.uv ?? null
  const uvPath = uvTool && 'path' in uvTool ? uvTool.path : null
  const kind = spec.kind === 'auto' ? autoStrategy(projectDir, uvPath !== null) : spec.kind
  const nothing = { distributions: null, log: '', installMs: null, uvCache: null }
  if (kind === 'none') {
    return {
      strategy: 'none',
      python: request.python,
      env: childEnv(parentEnv, { PYTHONPATH: importRoot(projectDir) }),
      ...nothing,
    }
  }
  if (kind === 'current')
    return { strategy: 'current', python: request.python, env: childEnv(parentEnv), ...nothing }
  const started = performance.now()
  const venvPython = join(envDir, 'bin', 'python')
  // A fresh folder: an attempt before this one (uv, before falling back to pip) leaves nothing.
  await rm(envDir, { recursive: true, force: true })
  await giveToSandbox(envDir)
  const installer = installerEnv(parentEnv)
  const logs: string[] = []
  const step = async (
    what: string,
    command: string,
    args: string[],
    env = installer,
    cwd = projectDir,
  ) => {
    let outcome
    try {
      outcome = await runCommand({
        command,
        args,
        env,
        cwd,
        timeoutMs: request.timeoutMs,
        signal: request.signal,
        // The project's build backend and setup.py are the pull request's code.
        sandboxed: true,
      })
    } catch (error) {
      if (error instanceof SpawnError)
        throw new SetupError(`installing ${request.label} failed: ${error.message}`)
      throw error
    }
    logs.push(`$ ${[command, ...args].join(' ')}\n${outcome.log}`)
    if (outcome.code === 0) return
    if (outcome.aborted) throw new CancelledError(`installing ${request.label}`)
    const why = outcome.timedOut
      ? `timed out after ${request.timeoutMs / 1000} s`
      : `exited with status ${outcome.code ?? outcome.signal}`
    const tail = outcome.log.trimEnd().split('\n').slice(-25).join('\n')
    throw new SetupError(
      `installing ${request.label} failed: ${what} ${why}.\n--- last lines of its output ---\n${tail}`,
    )
  }
  const uv = () => {
    if (uvPath) return uvPath
    const why = uvTool && 'unavailable' in uvTool ? uvTool.unavailable : 'uv is not on PATH'
    throw new SetupError(
      `${request.installInput ?? '--install'} uv: ${why}; put uv on PATH (pip install uv) or use pip`,
    )
  }
  // Copies, not links into uv's cache: the cache may sit on another file
  // system, and the environment's files are the sandbox user's to own. And the
  // index, find-links and CA bundle pip is told of, so both install the same.
  const uvEnv = { ...installer, UV_LINK_MODE: 'copy', ...uvIndexFromPip(installer) }
  let strategy: Strategy = kind
  if (kind === 'pip') {
    const pipArgs = ['install', '--no-input', '--disable-pip-version-check', projectDir]
    // A venv with a pip of its own costs seconds a side (ensurepip unpacks and
    // compiles it); the interpreter's own pip, 22.3 or later, installs into a
    // venv made without one (--python), and the measured code never imports pip.
    if (await hasModernPip(request.python, installer, projectDir, request.signal)) {
      await step('python -m venv', request.python, ['-m', 'venv', '--without-pip', envDir])
      await step('pip install', request.python, ['-m', 'pip', '--python', venvPython, ...pipArgs])
    } else {
      await step('python -m venv', request.python, ['-m', 'venv', envDir])
      await step('pip install', venvPython, ['-m', 'pip', ...pipArgs])
    }
  } else if (kind === 'uv') {
    const uvPath = uv()
    if (existsSync(join(projectDir, 'uv.lock'))) {
      // Locked versions, exactly as committed; non-editable, like pip's install.
      strategy = 'uv-sync'
      const env = { ...uvEnv, UV_PROJECT_ENVIRONMENT: envDir }
      await step(
        'uv sync',
        uvPath,
        // The project and its dependencies alone: no dependency group, the
        // default ones (dev, tests, typing, ...) included, as pip installs it.
        ['sync', '--frozen', '--no-default-groups', '--no-editable', '--python', request.python],
        env,
      )
    } else {
      await step('uv venv', uvPath, ['venv', '--quiet', '--python', request.python, envDir], uvEnv)
      await step(
        'uv pip install',
        uvPath,
        ['pip', 'install', '--python', venvPython, projectDir],
        uvEnv,
      )
    }
  } else {
    await step('python -m venv', request.python, ['-m', 'venv', envDir])
    const env = {
      ...installer,
      ...request.commandEnv,
      VIRTUAL_ENV: envDir,
      PATH: `${join(envDir, 'bin')}:${pathVar}`,
    }
    // The user's own workflow text: the one place a shell is used, on purpose.
    await step(
      `the install command (${spec.kind === 'command' ? spec.command : ''})`,
      '/bin/sh',
      ['-c', spec.kind === 'command' ? spec.command : ''],
      env,
    )
  }
  const listing = join(envDir, 'importgate-distributions.json')
  await step('listing installed distributions', venvPython, ['-c', DISTRIBUTIONS, listing])
  const distributions = JSON.parse(readFileSync(listing, 'utf8')) as Record<string, string>
  return {
    strategy,
    python: venvPython,
    // The venv's console scripts first, as an activated venv has them: a
    // command target (cmd: mycli --help) runs the side's own.
    env: childEnv(parentEnv, { PATH: `${join(envDir, 'bin')}:${pathVar}`, VIRTUAL_ENV: envDir }),
    distributions,
    log: logs.join('\n'),
    installMs: performance.now() - started,
    uvCache: strategy === 'uv' || strategy === 'uv-sync' ? uvCacheUse(logs.join('\n')) : null,
  }
}

/** From uv's summary lines: "Prepared N packages" (downloaded or built), "Installed N packages". */
function uvCacheUse(log: string): { installed: number; prepared: number } {
  const count = (verb: string) =>
    Number(new RegExp(`\\b${verb} (\\d+) packages?\\b`).exec(log)?.[1] ?? 0)
  return { installed: count('Installed'), prepared: count('Prepared') }
}
