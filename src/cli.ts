// CLI entry: wires the process (argv, streams, signals) into runCli.
import { runCli } from './cli/run.js'
import { killAllChildGroups } from './process/groups.js'

const controller = new AbortController()
let interrupted = false
for (const name of ['SIGINT', 'SIGTERM'] as const) {
  process.on(name, () => {
    if (interrupted) process.exit(130) // a second signal: stop waiting for cleanup
    interrupted = true
    process.stderr.write(`importgate: ${name}: stopping and cleaning up\n`)
    controller.abort()
    killAllChildGroups()
  })
}

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
}).then(
  (status) => {
    process.exitCode = interrupted ? 130 : status
  },
  (error: unknown) => {
    process.stderr.write(
      `importgate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exitCode = 2
  },
)
