// The runner the engine is given: a command target's whole process, or the
// probe importing a module.
import { isCommandTarget } from '../model/target.js'
import { runCommandTarget } from './command-run.js'
import { runProbe, type ProbeRequest, type ProbeRun } from './run-probe.js'

export function runTarget(request: ProbeRequest): Promise<ProbeRun> {
  return isCommandTarget(request.target) ? runCommandTarget(request) : runProbe(request)
}
