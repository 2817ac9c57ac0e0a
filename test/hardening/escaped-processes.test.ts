// Measured code that leaves our process group: a daemon in a session of its
// own that keeps our stderr pipe open, and a classic double-forked daemon with
// its stdio on /dev/null. Neither may hang the run, survive a sample, or
// survive a cancel. Each daemon writes its pid to a file, so the test can tell.
import { spawn, spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { cli } from '../helpers/cli.js'
import { processAlive, removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.13') ?? findPython('3.8')!
const MEASURE = ['--install', 'none', '--python', python, '--warmup', '1', '--profile-runs', '1']
let project: string
let pids: string

/** A module that, at import, starts `sleep 300` in a new session holding our stderr. */
const SETSID_DAEMON = (dir: string) =>
  [
    'import os, subprocess, sys',
    `p = subprocess.Popen(["sleep", "300"], start_new_session=True, stderr=sys.stderr)`,
    `open(os.path.join(${JSON.stringify(dir)}, "pid-%d" % p.pid), "w").close()`,
    '',
  ].join('\n')

/** A module that, at import, double-forks a daemon with its stdio on /dev/null. */
const DOUBLE_FORK = (dir: string) =>
  [
    'import os, time',
    'if os.fork() == 0:',
    '    os.setsid()',
    '    if os.fork() == 0:',
    '        fd = os.open(os.devnull, os.O_RDWR)',
    '        for n in (0, 1, 2):',
    '            os.dup2(fd, n)',
    `        open(os.path.join(${JSON.stringify(dir)}, "pid-%d" % os.getpid()), "w").close()`,
    '        time.sleep(300)',
    '    os._exit(0)',
    '',
  ].join('\n')

/** A module that, at import, starts `sleep 300` in a new session with an empty environment: no tag. */
const UNTAGGED = (dir: string) =>
  [
    'import os, subprocess',
    'p = subprocess.Popen(["sleep", "300"], start_new_session=True, env={},',
    '    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)',
    `open(os.path.join(${JSON.stringify(dir)}, "pid-%d" % p.pid), "w").close()`,
    '',
  ].join('\n')

/** A module that, at import, starts a daemon that keeps moving to a new pid (for at most 30 s). */
const PID_HOPPER = (dir: string) =>
  [
    'import os, time',
    'if os.fork() == 0:',
    '    os.setsid()',
    // Each hop writes its pid first: the first while its parent still lives, so one
    // is always on record, and any hop alive at the end has written its own.
    '    for hop in range(20000):',
    `        open(os.path.join(${JSON.stringify(dir)}, "pid-%d" % os.getpid()), "w").close()`,
    '        time.sleep(0.001)',
    '        if os.fork():',
    '            os._exit(0)',
    '    os._exit(0)',
    '',
  ].join('\n')

const daemonPids = () =>
  readdirSync(pids)
    .filter((f) => f.startsWith('pid-'))
    .map((f) => Number(f.slice(4)))

beforeAll(() => {
  project = tempDir()
  pids = tempDir()
  writeFiles(project, {
    'setsid_daemon.py': SETSID_DAEMON(pids),
    'double_fork.py': DOUBLE_FORK(pids),
    'untagged.py': UNTAGGED(pids),
    'pid_hopper.py': PID_HOPPER(pids),
  })
})

afterAll(() => {
  for (const pid of daemonPids()) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // gone, as it should be
    }
  }
  removeDir(project)
  removeDir(pids)
})

describe('processes that leave the process group', () => {
  it.each(['setsid_daemon', 'double_fork'])(
    '%s: the run ends on its own and no daemon outlives it',
    async (target) => {
      const before = new Set(daemonPids())
      const result = await cli(
        ['measure', '-t', target, ...MEASURE, '--min-pairs', '7', '--max-pairs', '7'],
        { ...process.env },
        project,
      )
      expect(result.stderr).not.toMatch(/internal error/)
      expect(result.status).toBe(0)
      const started = daemonPids().filter((pid) => !before.has(pid))
      // Up to one per run of the module (one may be killed before it writes its pid).
      expect(started.length).toBeGreaterThan(0)
      await vi.waitFor(() => expect(started.filter(processAlive)).toEqual([]), {
        timeout: 5000,
        interval: 20,
      })
    },
    60_000,
  )

  it('a single SIGTERM ends the run within 5 s, daemons and scratch folder included', async () => {
    const scratch = tempDir()
    const before = new Set(daemonPids())
    const child = spawn(
      process.execPath,
      [
        new URL('../../dist/cli.js', import.meta.url).pathname,
        'measure',
        '-t',
        'setsid_daemon',
        ...MEASURE,
        '--min-pairs',
        '200',
        '--max-pairs',
        '200',
      ],
      { cwd: project, env: { ...process.env, TMPDIR: scratch }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stderr = ''
    const exited = new Promise<number | null>((resolve) =>
      child.on('close', (code) => resolve(code)),
    )
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
        if (/sampling/.test(stderr)) resolve()
      })
    })
    const signalled = Date.now()
    child.kill('SIGTERM')
    expect(await exited).toBe(143)
    expect(Date.now() - signalled).toBeLessThan(5000)
    const started = daemonPids().filter((pid) => !before.has(pid))
    expect(started.length).toBeGreaterThan(0)
    await vi.waitFor(() => expect(started.filter(processAlive)).toEqual([]), {
      timeout: 5000,
      interval: 20,
    })
    expect(readdirSync(scratch)).toEqual([])
    removeDir(scratch)
  }, 60_000)
})

describe('under the bundled CLI, whose subreaper takes in every orphan', () => {
  const cliPath = new URL('../../dist/cli.js', import.meta.url).pathname
  it.each([
    ['untagged', ['-t', 'untagged']],
    ['pid_hopper', ['-t', 'pid_hopper']],
    // A command that leaves our session with an empty environment and never exits.
    // setsid -w stays to wait for it, so the daemon writes its pid before the sample's timeout
    // kills the waiting parent and orphans it (a plain setsid orphans it at once, and the
    // subreaper can kill it before it writes).
    ['env -i setsid', ['-t', `cmd: env -i setsid -w sh -c 'echo > PIDS/pid-$$; exec sleep 300'`]],
  ])(
    '%s: nothing it started outlives the run',
    (_name, target) => {
      const before = new Set(daemonPids())
      const run = spawnSync(
        process.execPath,
        [
          cliPath,
          'measure',
          // The folder exists only once beforeAll has run.
          ...target.map((arg) => arg.replace('PIDS', pids)),
          ...MEASURE,
          '--min-pairs',
          '7',
          '--max-pairs',
          '7',
          '--sample-timeout',
          '3',
        ],
        { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
      )
      expect(run.stderr).not.toMatch(/internal error/)
      const started = daemonPids().filter((pid) => !before.has(pid))
      expect(started.length).toBeGreaterThan(0)
      // Killed before the CLI's process exited, not some time after.
      expect(started.filter(processAlive)).toEqual([])
    },
    120_000,
  )
})
