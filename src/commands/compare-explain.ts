// After the verdict: what the findings need from the checkouts to explain
// themselves. Changed functions get their files and lines, modules no longer
// imported the import statement that stopped it, paths in the scratch folder
// become paths in the commit, and a target that cannot be found a hint.
import { join } from 'node:path'
import type { TargetFinding } from '../analysis/verdict/finding.js'
import type { Namer } from '../config/names.js'
import type { SideEnvironment } from '../env/environment.js'
import { notFoundHint, withHints } from '../env/hints.js'
import { readImportSites } from '../measure/import-sites.js'
import type { Side } from '../model/target.js'
import { locateFunctionSources } from './function-sources.js'
import { explainImportChanges } from './import-mechanisms.js'
import { forgetScratch } from './scratch-paths.js'

export async function explainFindings(
  targets: TargetFinding[],
  where: { scratch: string; run: string; projects: Record<Side, string> },
  envs: Record<Side, SideEnvironment>,
  git: { signal?: AbortSignal },
  name: Namer,
): Promise<void> {
  const trees = { base: join(where.scratch, 'base'), head: join(where.scratch, 'head') }
  await locateFunctionSources(targets, trees, git)
  await explainImportChanges(targets, trees, git, (files) =>
    readImportSites({ python: envs.head.python, env: envs.head.env, cwd: where.run, files }),
  )
  forgetScratch(targets, where.scratch)
  withHints(targets, (side, target, message) =>
    notFoundHint(envs[side].strategy, where.projects[side], name, target, message),
  )
}
