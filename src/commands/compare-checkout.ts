// A comparison's first steps: both commits resolved, each project folder
// checked inside its worktree, the settings read from both sides'
// pyproject.toml under the request's own (base's under the flags, so a pull
// request cannot loosen its own gate unseen), and which changed files can
// affect importing at all.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { insideAfterLinks } from '../config/requests.js'
import { readPyproject, type PyprojectSettings } from '../config/pyproject.js'
import type { CompareRequest } from '../config/requests.js'
import { resolveCommit } from '../git/commits.js'
import { SetupError, UsageError } from '../model/errors.js'
import { SIDES, type Side } from '../model/target.js'
import { requireTargets, type CommandDeps } from './pipeline.js'
import { checkBudgets, resolveSettings, type PartialSettings } from '../settings/settings.js'
import { fewestPairs, PASS_BETA } from '../analysis/stats/sequential.js'
import { type Namer } from '../config/names.js'
import type { Settings } from '../settings/setting-values.js'
import {
  affectingFiles,
  alwaysAffecting,
  notInert,
  type ChangedFile,
} from '../analysis/verdict/affects.js'
import { changedFiles, packageFolders } from '../git/commits.js'

/** Each side's ref as asked and the commit it names. */
export interface Commits {
  ref: Record<Side, string>
  sha: Record<Side, string>
}

export async function resolveCommits(
  request: CompareRequest,
  git: { signal?: AbortSignal },
): Promise<Commits> {
  const { name } = request
  return {
    ref: { base: request.baseRef, head: request.headRef },
    sha: {
      base: await resolveCommit(request.repoDir, request.baseRef, name('base-ref'), git),
      head: await resolveCommit(request.repoDir, request.headRef, name('head-ref'), git),
    },
  }
}

/** Each side's project folder in its worktree (`scratch/<side>`), which must exist and stay inside it. */
export function projectFolders(
  request: CompareRequest,
  scratch: string,
  { sha }: Commits,
): Record<Side, string> {
  const { name } = request
  const projects: Record<Side, string> = {
    base: join(scratch, 'base', request.projectSubdir),
    head: join(scratch, 'head', request.projectSubdir),
  }
  for (const side of SIDES) {
    if (!existsSync(projects[side])) {
      throw new SetupError(
        `${name('project-dir')}: ${request.projectSubdir} does not exist in ${side} (${sha[side].slice(0, 10)})`,
      )
    }
    // A symbolic link committed in the tree must not take the project out of it.
    insideAfterLinks(
      join(scratch, side),
      projects[side],
      `${name('project-dir')} in ${side} (${sha[side].slice(0, 10)})`,
      request.projectSubdir || '.',
    )
  }
  return projects
}

/** The request's settings over base's (or, for drift, head's) [tool.importgate], with what head changes in it logged. */
export function readSettings(
  request: CompareRequest,
  projects: Record<Side, string>,
  { sha }: Commits,
  seed: number,
  log: CommandDeps['log'],
) {
  const settings = compareSettings(
    request.given,
    ...readBothPyprojects(projects, request.projectSubdir, sha, log),
    seed,
    request.name,
    request.gateFrom ?? 'base',
  )
  if (settings.changes.length) {
    log(
      `head changes [tool.importgate] (${settings.changes.map((c) => c.key).join(', ')}); the gate uses ${request.gateFrom ?? 'base'}'s settings`,
    )
  }
  return settings
}

/**
 * Both sides' pyproject.toml, named by side and commit in messages. A base
 * whose file does not parse must not block the pull request that fixes it:
 * head's settings are used then, and the log says so. A broken head is the
 * pull request's to fix.
 */
function readBothPyprojects(
  projects: Record<Side, string>,
  subdir: string,
  sha: Record<Side, string>,
  log: (line: string) => void,
): [PyprojectSettings, PyprojectSettings] {
  const shown = (side: Side) =>
    `${subdir ? `${subdir}/` : ''}pyproject.toml at ${side} (${sha[side].slice(0, 10)})`
  const head = readPyproject(projects.head, shown('head'))
  try {
    return [readPyproject(projects.base, shown('base')), head]
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    log(`${error.message}; using head's [tool.importgate] instead, which this pull request fixes`)
    return [head, head]
  }
}

// Which settings a comparison uses: base's [tool.importgate] under the flags
// or inputs, so that a pull request cannot loosen its own gate unseen.
export interface CompareSettings extends Settings {
  targets: string[]
  /** Targets only head's configuration lists: measured on head alone. */
  newTargets: string[]
  /** Targets base's configuration lists and head's list no longer does. */
  droppedTargets: string[]
  /** [tool.importgate] keys whose value head changes. */
  changes: { key: string; base: unknown; head: unknown }[]
}

/**
 * The gate and sampling come from base's [tool.importgate] (flags win), or
 * head's when the request says (drift); what head changes there is reported. Targets are the flags', else the union of
 * both sides' lists.
 */
export function compareSettings(
  given: PartialSettings,
  base: PyprojectSettings,
  head: PyprojectSettings,
  seed: number,
  name: Namer,
  gateFrom: 'base' | 'head' = 'base',
): CompareSettings {
  const gate = gateFrom === 'head' ? head : base
  const resolved = resolveSettings([given, gate.settings], seed)
  const fewest = fewestPairs(PASS_BETA)
  if (resolved.sampling.maxPairs < fewest) {
    // Said now, not after the installs: every verdict would be inconclusive.
    throw new UsageError(
      `max-pairs ${resolved.sampling.maxPairs} is too few for a verdict: the decision needs at least ${fewest} pairs`,
    )
  }
  const baseTargets = base.settings.targets ?? []
  const headTargets = head.settings.targets ?? []
  const targets = requireTargets(
    given.targets ?? [...new Set([...baseTargets, ...headTargets])],
    'pyproject.toml',
    name,
    given.targets ? name('target') : "targets in base's and head's pyproject.toml",
  )
  checkBudgets(
    resolved.gate.budgetsMs,
    targets,
    gate.file ? `${gate.file} [tool.importgate]` : name('budget'),
  )
  const newTargets = given.targets ? [] : headTargets.filter((t) => !baseTargets.includes(t))
  // Only when head has a list that leaves them out: no list says nothing.
  const droppedTargets =
    given.targets || head.settings.targets === undefined
      ? []
      : baseTargets.filter((t) => !headTargets.includes(t))
  const keys = [...new Set([...Object.keys(base.raw), ...Object.keys(head.raw)])].sort()
  const changes = keys
    .filter((key) => JSON.stringify(base.raw[key]) !== JSON.stringify(head.raw[key]))
    .map((key) => ({ key, base: base.raw[key] ?? null, head: head.raw[key] ?? null }))
  return { ...resolved, targets, newTargets, droppedTargets, changes }
}

// Whether a comparison has anything to measure: when no changed file can
// affect importing (docs, CI, images, tests: none matches `affects`, and
// each is inert), it is a pass in seconds, before anything is installed,
// that says why.
/** The changed files, and those of them that can affect importing. */
export async function affectingChanges(
  repoDir: string,
  { sha }: Commits,
  affects: readonly string[],
  git: { signal?: AbortSignal },
): Promise<{ changes: ChangedFile[]; changed: string[]; affecting: string[] }> {
  const changes = await changedFiles(repoDir, sha.base, sha.head, git)
  const changed = changes.map((c) => c.path)
  const packages = await packageFolders(repoDir, [sha.base, sha.head], git)
  return {
    changes,
    changed,
    affecting: [
      ...new Set([
        ...affectingFiles(changed, affects),
        ...alwaysAffecting(changes, packages),
        ...notInert(changed),
      ]),
    ],
  }
}

/** The document's extras for a comparison that measured nothing. */
export const skippedExtras = (changed: readonly string[]) => ({
  deps: null,
  skipped: {
    reason: 'no-affecting-change' as const,
    changed_count: changed.length,
    changed_files: changed.slice(0, 20),
  },
})

/** The observations and evaluation of a comparison that measured nothing: a pass. */
export const nothingMeasured = {
  observations: { arms: [], rounds: 0, truncated: false },
  evaluation: { targets: [], verdict: 'pass' as const },
}
