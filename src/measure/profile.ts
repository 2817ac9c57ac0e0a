// Untimed profile runs: the import under -X importtime, for attribution
// (which module's own time, through which chain) and the set of modules it
// loads. -X importtime slows the import, so these never feed the timings.
import { shuffled } from '../analysis/random.js'
import { moduleCosts, type ModuleCost } from '../analysis/module-costs.js'
import { parseImportTime, type ImportTree } from './importtime.js'
import { BEGIN_MARK, END_MARK, type ImportFailure } from './probe-protocol.js'
import { runProbe } from './run-probe.js'
import type { Arm } from './sampler.js'

export interface ArmProfile {
  arm: Arm
  /** Profile runs that completed. */
  runs: number
  /** Modules the import added to sys.modules, sorted (from the first run). */
  added: string[]
  /** len(sys.modules) after the import. */
  moduleCount: number
  /** True when runs disagreed on which modules were loaded. */
  unstableModules: boolean
  costs: Map<string, ModuleCost>
  /** The raw stderr of each run, -X importtime lines and all. */
  logs: string[]
  failure: ImportFailure | null
}

export interface ProfileOptions {
  arms: Arm[]
  runs: number
  cwd: string
  timeoutMs: number
  random: () => number
  signal?: AbortSignal
}

export async function profileArms(options: ProfileOptions): Promise<Map<string, ArmProfile>> {
  const trees = new Map<string, ImportTree[]>()
  const profiles = new Map<string, ArmProfile>()
  for (const arm of options.arms) {
    trees.set(arm.key, [])
    profiles.set(arm.key, {
      arm,
      runs: 0,
      added: [],
      moduleCount: 0,
      unstableModules: false,
      costs: new Map(),
      logs: [],
      failure: null,
    })
  }
  for (let round = 0; round < options.runs; round++) {
    for (const arm of shuffled(options.arms, options.random)) {
      const profile = profiles.get(arm.key)!
      if (profile.failure || options.signal?.aborted) continue
      const run = await runProbe({
        python: arm.python,
        probe: arm.probe,
        target: arm.target,
        mode: 'profile',
        env: arm.env,
        cwd: options.cwd,
        timeoutMs: options.timeoutMs,
      })
      if (run.failure || !run.report) {
        profile.failure = run.failure
        continue
      }
      const added = [...(run.report.added ?? [])].sort()
      if (profile.runs === 0) {
        profile.added = added
        profile.moduleCount = run.report.modules_after
      } else if (added.join('\n') !== profile.added.join('\n')) {
        profile.unstableModules = true
      }
      profile.runs++
      profile.logs.push(run.stderr)
      trees
        .get(arm.key)!
        .push(parseImportTime(run.stderr, { markers: { begin: BEGIN_MARK, end: END_MARK } }))
    }
  }
  for (const [key, profile] of profiles) profile.costs = moduleCosts(trees.get(key)!)
  return profiles
}
