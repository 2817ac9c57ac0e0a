// Issue 47, H1 and H3: the measured code walks up /proc to importgate's
// subreaper, SIGKILLs or SIGSTOPs it, and leaves a daemon (its own session, an
// empty environment) polling every /proc/<pid>/environ for the token while
// importgate goes on (git, the API). Run through the bundled action, as the
// runner runs it, with an interpreter the sandbox user can start.
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBundledAction, SECRETS, TOKEN } from '../helpers/action-run.js'
import { startGitHub, type FakeGitHub } from '../helpers/github-server.js'
import { cli, fastFlags } from '../helpers/cli.js'
import { gitCommit, gitInit, removeDir, tempDir, writeFiles } from '../helpers/project.js'

/** The system's own Python: the sandbox user can start it (a pyenv build under /root it cannot). */
const SYSTEM_PYTHON = '/usr/bin/python3'
const isRoot = process.getuid?.() === 0

/** Empties an attack's folder: each test reads only what its own run left. */
function fresh(dir: string): void {
  for (const name of ['alive', 'attacks', 'found']) rmSync(join(dir, name), { force: true })
}

/** The pids of the attack's daemons that lived long enough to say so. */
function pollersOf(dir: string): string[] {
  const file = join(dir, 'alive')
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : []
}

/** Head's package: the attack, then an ordinary module. */
function attack(spy: string, how: 'SIGKILL' | 'SIGSTOP'): string {
  const poller = [
    'import os, time',
    `needles = ${JSON.stringify([TOKEN, ...Object.values(SECRETS), 'INPUT_GITHUB-TOKEN'])}`,
    `open(${JSON.stringify(join(spy, 'alive'))}, "a").write("%d\\n" % os.getpid())`,
    'end = time.time() + 60',
    'while time.time() < end:',
    '    for pid in os.listdir("/proc"):',
    '        try:',
    '            data = open("/proc/%s/environ" % pid, "rb").read().decode("utf-8", "replace")',
    '        except OSError:',
    '            continue',
    '        for n in needles:',
    '            if n in data:',
    `                open(${JSON.stringify(join(spy, 'found'))}, "a").write("%s %s\\n" % (pid, n))`,
    '    time.sleep(0.05)',
  ].join('\n')
  return [
    'import os, signal, sys',
    `SPY = ${JSON.stringify(spy)}`,
    'pid = os.getppid()',
    'while pid > 1:',
    '    try:',
    '        cmd = open("/proc/%d/cmdline" % pid, "rb").read()',
    '        stat = open("/proc/%d/stat" % pid).read()',
    '    except OSError:',
    '        break',
    '    if b"subreaper.py" in cmd:',
    '        try:',
    `            os.kill(pid, signal.${how})`,
    '            outcome = "sent"',
    '        except OSError as e:',
    '            outcome = type(e).__name__',
    '        open(os.path.join(SPY, "attacks"), "a").write("%d %s\\n" % (pid, outcome))',
    '    pid = int(stat.rsplit(")", 1)[1].split()[1])',
    'if os.fork() == 0:',
    '    os.setsid()',
    '    if os.fork() == 0:',
    '        fd = os.open(os.devnull, os.O_RDWR)',
    '        for n in (0, 1, 2):',
    '            os.dup2(fd, n)',
    `        os.execve(sys.executable, [sys.executable, "-c", ${JSON.stringify(poller)}], {})`,
    '    os._exit(0)',
    'os.waitpid(-1, 0)',
    'VALUE = 1',
    '',
  ].join('\n')
}

describe.runIf(process.platform === 'linux' && isRoot && existsSync(SYSTEM_PYTHON))(
  'the boundary between importgate and the measured code (issue 47: H1, H3)',
  () => {
    let repo: string
    let spy: string
    let github: FakeGitHub
    const commits: Record<string, string> = {}
    const runDirs: string[] = []

    beforeAll(async () => {
      repo = tempDir()
      spy = tempDir()
      // The measured code runs as another user: it must be able to leave its findings here.
      chmodSync(spy, 0o777)
      gitInit(repo)
      writeFiles(repo, {
        'pyproject.toml':
          '[project]\nname = "shop"\nversion = "0"\n\n[tool.importgate]\ntargets = ["shop"]\n',
        'src/shop/__init__.py': 'VALUE = 1\n',
      })
      commits.base = gitCommit(repo, 'base')
      for (const how of ['SIGKILL', 'SIGSTOP'] as const) {
        execFileSync('git', ['checkout', '-q', '--detach', commits.base], { cwd: repo })
        writeFiles(repo, { 'src/shop/__init__.py': attack(join(spy, how), how) })
        mkdirSync(join(spy, how), { mode: 0o777 })
        chmodSync(join(spy, how), 0o777)
        commits[how] = gitCommit(repo, `attack with ${how}`)
      }
      execFileSync('git', ['checkout', '-q', '--detach', commits.base], { cwd: repo })
      writeFiles(repo, { 'src/shop/__init__.py': 'VALUE = 2\n' })
      commits.harmless = gitCommit(repo, 'a harmless change')
      github = await startGitHub('octo', 'shop', 7)
    })

    afterAll(async () => {
      await github?.close()
      for (const dir of [repo, spy, ...runDirs]) if (dir) removeDir(dir)
    })

    it.each(['SIGKILL', 'SIGSTOP'] as const)(
      'the measured code cannot %s the subreaper, nor find a secret in any environment, and the run ends on its own',
      async (how) => {
        fresh(join(spy, how))
        const started = performance.now()
        const run = await runBundledAction({
          repo,
          base: commits.base!,
          head: commits[how]!,
          python: SYSTEM_PYTHON,
          github,
          runDirs,
          overrides: { comment: 'never', threshold: '1000%', 'fail-on': 'error' },
        })
        const seconds = (performance.now() - started) / 1000
        const dir = join(spy, how)
        // The attack ran: the subreaper was found and refused the signal. (Its daemon
        // may not live long enough to say it started: an orphan dies within 50 ms.)
        const attacks = readFileSync(join(dir, 'attacks'), 'utf8').trim().split('\n')
        expect(attacks.length).toBeGreaterThan(0)
        for (const line of attacks) expect(line).toMatch(/ PermissionError$/)
        // No secret in any environment it could read, importgate's children (git) included.
        expect(existsSync(join(dir, 'found'))).toBe(false)
        // The step's process ended with importgate's status, not the signal's (137), in time.
        // (Forking a daemon at every import is a real regression: the check fails only on an error.)
        expect(run.status).toBe(0)
        expect(run.outputs.verdict).toBe('regression')
        expect(seconds).toBeLessThan(110)
        // The summary says who ran the measured code.
        const results = JSON.parse(readFileSync(run.results, 'utf8')) as { boundary?: unknown }
        expect(results.boundary).toEqual({ user: 'importgate' })
        // And no daemon outlives the run: every poller that started is gone.
        for (const pid of pollersOf(dir)) expect(existsSync(`/proc/${pid}`)).toBe(false)
      },
    )

    it.each(['SIGKILL', 'SIGSTOP'] as const)(
      'without the boundary, a %s of the subreaper ends the run at once with an error, and no secret is found',
      async (how) => {
        const dir = join(spy, how)
        fresh(dir)
        const run = await runBundledAction({
          repo,
          base: commits.base!,
          head: commits[how]!,
          python: SYSTEM_PYTHON,
          github,
          runDirs,
          overrides: { comment: 'never', threshold: '1000%', 'fail-on': 'error' },
          extraEnv: { IMPORTGATE_NO_SANDBOX: '1' },
        })
        const pollers = pollersOf(dir)
        try {
          // The attack reached the subreaper this time.
          const attacks = readFileSync(join(dir, 'attacks'), 'utf8').trim().split('\n')
          expect(attacks[0]).toMatch(/ sent$/)
          const word = how === 'SIGKILL' ? 'killed' : 'stopped'
          expect(run.stdout).toContain(`importgate's subreaper (pid `)
          expect(run.stdout).toContain(`) was ${word}, most likely by the measured code`)
          if (how === 'SIGSTOP') {
            // Resumed, so the step ends with importgate's status: the error verdict fails the check.
            expect(run.status).toBe(1)
            expect(run.outputs.verdict).toBe('error')
          } else {
            // The step ended with the subreaper (status 137); importgate followed at once, before sampling ended.
            expect(run.status).toBeNull()
          }
          // Nothing it could read held a secret: importgate's and git's environments are allow-lists.
          expect(existsSync(join(dir, 'found'))).toBe(false)
        } finally {
          for (const pid of pollers)
            try {
              process.kill(Number(pid), 'SIGKILL')
            } catch {
              // Gone already.
            }
        }
      },
    )

    it('goes on without the boundary when the sandbox user cannot start the interpreter, saying where it is closed', async () => {
      // An interpreter behind a folder of mode 700, as a pyenv build under /root is.
      const open = tempDir()
      chmodSync(open, 0o755)
      runDirs.push(open)
      const closed = join(open, 'closed')
      mkdirSync(closed, { mode: 0o700 })
      symlinkSync(SYSTEM_PYTHON, join(closed, 'python3'))
      const out = join(dirname(closed), 'results.json')
      const run = await cli(
        [
          'compare',
          commits.base!,
          commits.harmless!,
          '--target',
          'shop',
          '--python',
          join(closed, 'python3'),
          '--install',
          'none',
          '--threshold',
          '1000%',
          '--json',
          out,
          ...fastFlags(),
        ],
        { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR },
        repo,
      )
      expect(run.stderr).toContain(
        `no boundary: the measured code runs as root: the user importgate was to run it, but it cannot start ${join(closed, 'python3')}: ${closed} is closed to other users (mode 700)`,
      )
      expect(run.status).toBe(0)
      const results = JSON.parse(readFileSync(out, 'utf8')) as {
        boundary: { user: null; missing: string }
      }
      expect(results.boundary.user).toBeNull()
      expect(results.boundary.missing).toContain(`${closed} is closed to other users`)
    })
  },
)
