// Function changes → repository paths and calling lines: the files the
// measured interpreter ran are mapped to the commit's tracked files (an
// installed copy to its source), and each calling module's file is read from
// its side's worktree to find the lines that make the call.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { TargetFinding } from '../analysis/evaluate.js'
import { callLines, locateFunctions, sourcePath } from '../analysis/source-paths.js'
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
  if (!findings.some((f) => f.functions?.length)) return
  const tracked = {
    base: await trackedFiles(worktrees.base, git),
    head: await trackedFiles(worktrees.head, git),
  }
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
