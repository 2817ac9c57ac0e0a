// One timed run of a command target (`cmd: mycli --help`): the whole process,
// spawn to exit, as the parent clocks it. No probe runs inside it, so there is
// no import time of its own, no CPU time and no module count; the command is
// found in the side's environment (the venv's console scripts come first on
// its PATH) and started with no shell.
import type { ImportFailure } from '../model/failure.js'
import { targetOf } from '../model/target.js'
import { findExecutable } from '../process/executables.js'
import { runMeasured, type ProcessOutcome } from '../process/command.js'
import { endedWithoutReport, type ProbeRequest, type ProbeRun } from './run-probe.js'

/** Why the command did not end well, or null: it must exit 0 to be timed. */
function failureOf(
  request: ProbeRequest,
  outcome: ProcessOutcome,
  stderr: string,
): ImportFailure | null {
  if (!outcome.timedOut && !outcome.signal && outcome.code === 0) return null
  const name = request.target
  return endedWithoutReport(request, outcome, stderr, {
    during: `running ${name}`,
    unfinished: name,
    killed: (signal) => `${name} was killed by ${signal}`,
    exited: (code) =>
      `${name} exited with status ${code}: a command target must exit 0 to be timed`,
  })
}

export async function runCommandTarget(request: ProbeRequest): Promise<ProbeRun> {
  const target = targetOf(request.target)
  const argv = target.kind === 'command' ? target.argv : []
  const program = argv[0] ? findExecutable(argv[0], request.env.PATH ?? '', request.cwd) : null
  if (!program) {
    return {
      report: null,
      failure: {
        kind: 'CommandNotFound',
        message: `${argv[0] ?? '(nothing)'} was not found in this side's environment (its console scripts, then PATH)`,
        traceback: [],
      },
      wallMs: 0,
      startupMs: null,
      stderr: '',
    }
  }
  const outcome = await runMeasured({
    command: program,
    args: argv.slice(1),
    env: request.env,
    cwd: request.cwd,
    timeoutMs: request.timeoutMs,
    stderr: 'tail',
  })
  const stderr = outcome.stderr.toString('utf8')
  const wallNs = Number(outcome.exitNs - outcome.spawnNs)
  const failure = failureOf(request, outcome, stderr)
  return {
    report: failure
      ? null
      : {
          protocol: 1,
          mode: 'time',
          target: request.target,
          ok: true,
          // The whole process is what a command target measures.
          import_ns: wallNs,
          import_cpu_ns: null,
          start_ns: Number(outcome.spawnNs),
          end_ns: Number(outcome.exitNs),
          modules_before: 0,
          modules_after: 0,
          probe_preloaded: [],
          memory_kib: null,
          error: null,
        },
    failure,
    wallMs: wallNs / 1e6,
    startupMs: null,
    stderr,
  }
}
