// CLI entry: wires the process (argv, streams, signals) into runCli.
// First: the secrets leave the environment other processes can read.
import './private-start.js'
import { runCli } from './cli/run.js'
import { killTagged } from './process/escapees.js'
import { killAllChildGroups } from './process/groups.js'
import { subreaperToWatch, watchSubreaper } from './process/parent-watch.js'

const controller = new AbortController()
// A reader that went away (a pipe whose other end was closed: `| head`, a
// killed parent) must not end the run before its cleanup: what is written to
// it is dropped, and the run goes on to remove its worktrees and processes.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {})

// 128 + the signal's number, as shells report a process a signal ended.
const SIGNAL_STATUS = { SIGINT: 130, SIGTERM: 143 } as const
let interrupted: keyof typeof SIGNAL_STATUS | null = null
let interruptedAt = 0
for (const name of ['SIGINT', 'SIGTERM'] as const) {
  process.on(name, () => {
    if (interrupted) {
      // The same Ctrl-C twice within a second: the terminal's, and the one the
      // subreaper above us passed on. A second one later: stop waiting for cleanup.
      if (name === interrupted && Date.now() - interruptedAt < 1000) return
      process.exit(SIGNAL_STATUS[name])
    }
    interrupted = name
    interruptedAt = Date.now()
    process.stderr.write(`importgate: ${name}: stopping and cleaning up\n`)
    controller.abort()
    killAllChildGroups()
    killTagged()
  })
}

const subreaper = subreaperToWatch(process.env)
if (subreaper !== null)
  watchSubreaper(subreaper, (what) => {
    // An error, not an interrupt: the run's own cleanup runs, then status 2.
    process.stderr.write(`importgate: ${what}\n`)
    controller.abort()
    killAllChildGroups()
    killTagged()
  })

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
}).then(
  (status) => {
    process.exitCode = interrupted ? SIGNAL_STATUS[interrupted] : status
  },
  (error: unknown) => {
    process.stderr.write(
      `importgate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exitCode = 2
  },
)
