// Function changes and the modules a report shows → repository paths and
// lines: the files the measured interpreter ran are mapped to the commit's
// tracked files (an installed copy to its source), and each file is read from
// its side's worktree to find the line that makes the call or the import.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { TargetFinding } from '../analysis/verdict/finding.js'
import { rewriteLazyFiles } from '../analysis/attribution/lazy.js'
import {
  callLines,
  importLine,
  locateFunctions,
  sourcePath,
  type ModuleSource,
} from '../analysis/attribution/source-paths.js'
import { trackedFiles } from '../git/worktrees.js'
import type { GitOptions } from '../process/git.js'
import type { Side } from '../model/target.js'

/** Callers per change whose lines are looked up: the reports show no more. */
const CALLERS_WITH_LINES = 5

export async function locateFunctionSources(
  findings: TargetFinding[],
  worktrees: Record<Side, string>,
  git: GitOptions,
): Promise<void> {
  if (!findings.some((f) => f.functions?.length || f.modules || f.lazy)) return
  const tracked = {
    base: await trackedFiles(worktrees.base, git),
    head: await trackedFiles(worktrees.head, git),
  }
  // Head's lazy-import lines, as the repository has them (an installed copy's path says little).
  const inRepo = (file: string) => sourcePath(file, worktrees.head, tracked.head) ?? file
  for (const finding of findings) rewriteLazyFiles(finding.lazy, inRepo)
  for (const finding of findings) finding.sources = await moduleSources(finding, worktrees, tracked)
  for (const finding of findings) {
    if (!finding.functions) continue
    const located = locateFunctions(finding.functions, (file, side) =>
      sourcePath(file, worktrees[side], tracked[side]),
    )
    for (const change of located) {
      for (const caller of change.callers.slice(0, CALLERS_WITH_LINES)) {
        if (!caller.file) continue
        const text = await readFile(join(worktrees[caller.side], caller.file), 'utf8').catch(
          () => '',
        )
        caller.lines = callLines(text, change.calledAs)
      }
    }
    finding.functions = located
  }
}

/**
 * The repository files of the modules a finding shows: every link of the
 * chains of modules now imported (head) or no longer imported (base), with the line that
 * imports the next link, and the modules whose own time moved.
 */
async function moduleSources(
  finding: TargetFinding,
  worktrees: Record<Side, string>,
  tracked: Record<Side, string[]>,
): Promise<Record<string, ModuleSource>> {
  const out: Record<string, ModuleSource> = {}
  const files = {
    base: finding.base?.profile?.functions?.files ?? {},
    head: finding.head?.profile?.functions?.files ?? {},
  }
  const place = async (module: string, side: Side, next: string | null) => {
    if (out[module]) return
    const path = sourcePath(files[side][module] ?? null, worktrees[side], tracked[side])
    if (!path) return
    const text = next ? await readFile(join(worktrees[side], path), 'utf8').catch(() => '') : ''
    out[module] = { side, path, line: next ? importLine(text, next) : null }
  }
  const chains: [readonly string[], Side][] = [
    ...(finding.modules?.added ?? []).map((c): [string[], Side] => [c.chain, 'head']),
    ...(finding.modules?.removed ?? []).map((c): [string[], Side] => [c.chain, 'base']),
  ]
  for (const [chain, side] of chains.slice(0, 40))
    for (const [i, module] of chain.entries()) await place(module, side, chain[i + 1] ?? null)
  for (const change of finding.modules?.selfTimeChanges ?? [])
    await place(change.name, change.headSelfMs === null ? 'base' : 'head', null)
  return out
}
