// A comparison's first step: both commits resolved, each project folder
// checked inside its worktree, and the settings read from both sides'
// pyproject.toml under the request's own.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { insideAfterLinks } from '../config/paths-and-targets.js'
import { readPyproject, type PyprojectSettings } from '../config/pyproject.js'
import type { CompareRequest } from '../config/requests.js'
import { resolveCommit } from '../git/resolve-ref.js'
import { SetupError, UsageError } from '../model/errors.js'
import { SIDES, type Side } from '../model/target.js'
import { compareSettings } from './compare-settings.js'
import type { CommandDeps } from './pipeline.js'

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

/** The request's settings over base's [tool.importgate], with what head changes in it logged. */
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
  )
  if (settings.changes.length) {
    log(
      `head changes [tool.importgate] (${settings.changes.map((c) => c.key).join(', ')}); the gate uses base's settings`,
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
