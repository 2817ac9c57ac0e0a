// `importgate compare <base> <head>`: two commits, each in its own worktree and
// environment, measured in interleaved pairs, compared, and explained. Each
// step is its own file: compare-checkout (commits, folders, settings, anything
// to measure?), compare-install, compare-proof (decided without timing?),
// run-sequence (the engine, then the verdict: the sequence measure shares),
// compare-explain.
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CompareRequest } from '../config/requests.js'
import { settingsJson, type RunPlace } from '../results/document.js'
import { withWorktrees } from '../git/worktrees.js'
import { SIDES, type Side } from '../model/target.js'
import { resultsDocument } from '../results/document.js'
import type { CompareResults } from '../results/schema.js'
import { saveLogs } from './compare-install.js'
import { projectFolders, readSettings, resolveCommits } from './compare-checkout.js'
import { explainFindings } from './compare-explain.js'
import { dependencyDrift, envDirOf, installSides } from './compare-install.js'
import { affectingChanges, nothingMeasured, skippedExtras } from './compare-checkout.js'
import * as pipeline from './pipeline.js'
import { measureSides } from './run-sequence.js'
import { tryProofs } from './compare-proof.js'
import { boundaryJson, setUpBoundary, tearDownBoundary } from './boundary-setup.js'
import { installsJson } from '../env/uv-tool.js'

export async function compare(request: CompareRequest, deps: CommandDeps): Promise<CompareResults> {
  const clock = pipeline.startClock()
  const { name } = request
  const git = { signal: deps.signal }
  const commits = await resolveCommits(request, git)
  const { ref, sha } = commits
  const scratch = await mkdtemp(join(deps.env.TMPDIR || tmpdir(), 'importgate-'))
  try {
    // An empty folder for the children's cwd: nothing in it can shadow a module.
    const run = join(scratch, 'run')
    await mkdir(run)
    const { info, interpreter } = await pipeline.findInterpreter(request.python, deps, run, name)
    const trees = SIDES.map((side) => ({ path: join(scratch, side), sha: sha[side] }))
    return await withWorktrees(
      request.repoDir,
      trees,
      git,
      async () => {
        const projects = projectFolders(request, scratch, commits)
        const settings = readSettings(request, projects, commits, pipeline.randomSeed(), deps.log)
        const { targets, sampling } = settings
        const install = settings.install ?? { kind: 'auto' }
        // What every results document of this comparison starts from; the cold
        // method joins `where` once the cache states are set up.
        const where: RunPlace = {
          install: install.kind === 'command' ? install.command : install.kind,
          python: interpreter,
          projectDir: request.projectSubdir || '.',
        }
        const identity = {
          command: 'compare' as const,
          ...(request.label ? { label: request.label } : {}),
          base: { ref: ref.base, sha: sha.base },
          head: { ref: ref.head, sha: sha.head },
        }
        const about = () => ({
          identity,
          interpreter: info,
          settings: settingsJson(settings, where),
        })
        const { changes, changed, affecting } = await affectingChanges(
          request.repoDir,
          commits,
          settings.affects,
          git,
        )
        if (!affecting.length) {
          deps.log(
            changed.length
              ? `none of the ${changed.length} changed file(s) can affect importing (none matches ${name('affects')}: ${settings.affects.join(' ')}; each is documentation, CI, an image or a test): nothing to measure`
              : 'base and head have the same files: nothing to measure',
          )
          return resultsDocument({
            ...about(),
            extras: { config_changes: settings.changes, ...skippedExtras(changed) },
            found: nothingMeasured,
            timing: pipeline.timingOf(clock),
          })
        }
        const places = { projects, scratch, run, python: interpreter }
        const boundary = await setUpBoundary(
          {
            scratch,
            run,
            python: interpreter,
            // The worktrees, which installs build in; each side's environment and
            // temporary folder are given as they are made (env/environment.ts).
            owned: trees.map((tree) => tree.path),
          },
          deps.env,
        )
        if (boundary.missing) deps.log(`no boundary: ${boundary.missing}`)
        const { envs, installMs, probe, uvUse } = await installSides(
          install,
          places,
          commits,
          deps,
          name,
        )
        const installs = installsJson(envs, uvUse)
        // Imported from the worktree (install none): no environment of its own to compare.
        const envDir = (side: Side) =>
          envs[side].strategy === 'none' ? null : envDirOf(scratch, side)
        const proving = performance.now()
        const proofs = await tryProofs(
          settings,
          {
            roots: {
              base: { tree: trees[0]!.path, env: envDir('base') },
              head: { tree: trees[1]!.path, env: envDir('head') },
            },
            envs,
            changes,
            run,
            timeoutMs: sampling.sampleTimeoutMs * 3,
            minDeltaMs: settings.gate.minDeltaMs,
            signal: deps.signal,
          },
          deps,
          name,
        )
        const proofMs = performance.now() - proving
        const { observations, evaluation, coldMethod } = await measureSides(
          {
            command: 'compare',
            sides: envs,
            probe,
            targets: targets.map((target) => ({
              name: target,
              isNew: settings.newTargets.includes(target),
              droppedInHead: settings.droppedTargets.includes(target),
            })),
            settings,
            interpreter: info,
            cwd: run,
            trees: [join(scratch, 'base'), join(scratch, 'head'), run],
            projectDir: projects.head,
            proofs,
          },
          deps,
          name,
          async (observations) => {
            if (deps.logDir) await saveLogs(deps.logDir, observations.arms, envs)
          },
        )
        if (coldMethod) where.coldMethod = coldMethod
        await explainFindings(evaluation.targets, places, envs, git, name)
        return resultsDocument({
          ...about(),
          extras: {
            config_changes: settings.changes,
            deps: dependencyDrift(envs, projects),
            boundary: boundaryJson(boundary),
            ...(installs ? { installs } : {}),
          },
          found: {
            observations: proofs.size
              ? {
                  ...observations,
                  phasesMs: observations.phasesMs && { ...observations.phasesMs, proof: proofMs },
                }
              : observations,
            evaluation,
            installMs,
          },
          timing: pipeline.timingOf(clock),
        })
      },
      () =>
        (deps.warn ?? deps.log)(
          "the code measured (or installed) changed the repository's .git/config during the run: it was put back as it was",
        ),
      onceEach(deps.warn ?? deps.log),
    )
  } finally {
    tearDownBoundary()
    await rm(scratch, { recursive: true, force: true })
  }
}

type CommandDeps = pipeline.CommandDeps

/** `say`, but each message once: both worktrees may lack the same submodule. */
function onceEach(say: (message: string) => void): (message: string) => void {
  const said = new Set<string>()
  return (message) => {
    if (said.has(message)) return
    said.add(message)
    say(message)
  }
}
