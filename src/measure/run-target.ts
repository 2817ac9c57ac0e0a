// The runner the engine is given: a command target's whole process, or the
// probe importing a module; either in its cache state (no-pyc, cold).
import { kindOf, type Target } from '../model/target.js'
import { evict, withoutPyc } from './cache-states.js'
import { runCommandTarget } from './command-run.js'
import { runProbe, type ProbeRequest, type ProbeRun } from './run-probe.js'

/** How each kind of target is started: a new kind fails to compile until it says how. */
const RUNNERS: Record<Target['kind'], (request: ProbeRequest) => Promise<ProbeRun>> = {
  module: runProbe,
  command: runCommandTarget,
}

const runOne = (request: ProbeRequest): Promise<ProbeRun> =>
  RUNNERS[kindOf(request.target)](request)

export async function runTarget(request: ProbeRequest): Promise<ProbeRun> {
  const cache = request.cache
  if (cache?.kind === 'cold') await evict(cache.cold, { env: request.env, cwd: request.cwd })
  if (cache?.kind === 'no-pyc') return withoutPyc(request.env, (env) => runOne({ ...request, env }))
  return runOne(request)
}
