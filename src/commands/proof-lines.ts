// Which changed lines of each differing Python file ran at import: the two
// sides' contents diffed line by line (what was installed, so generated files
// count), and each changed line judged by proof_lines.py against the lines the
// traced imports ran.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { structuredPatch } from 'diff'
import type { DifferingFile, LinesFacts, TraceFacts } from '../analysis/verdict/proof.js'
import type { SideEnvironment } from '../env/environment.js'
import { judgeLines } from '../measure/trace-import.js'
import { SIDES, type Side } from '../model/target.js'
import { onDisk, type SideRoot } from './proof-files.js'

/** Larger Python files are not diffed (the measured code's, and a diff can be slow): every line counts as changed. */
const MAX_DIFFED_CHARS = 2_000_000

/** Base's removed and head's added lines of one file; every line of a side that alone has it. */
async function changedLines(paths: Record<Side, string | null>): Promise<Record<Side, number[]>> {
  const text = async (p: string | null) => (p && existsSync(p) ? await readFile(p, 'utf8') : null)
  const [base, head] = [await text(paths.base), await text(paths.head)]
  const all = (t: string | null) => (t === null ? [] : t.split('\n').map((_, i) => i + 1))
  // A diff is quadratic at worst: a file this large counts as changed throughout.
  const huge = (t: string | null) => (t?.length ?? 0) > MAX_DIFFED_CHARS
  if (base === null || head === null || huge(base) || huge(head))
    return { base: all(base), head: all(head) }
  const changed = { base: [] as number[], head: [] as number[] }
  for (const hunk of structuredPatch('base', 'head', base, head, '', '', { context: 0 }).hunks) {
    for (let n = 0; n < hunk.oldLines; n++) changed.base.push(hunk.oldStart + n)
    for (let n = 0; n < hunk.newLines; n++) changed.head.push(hunk.newStart + n)
  }
  return changed
}

/** Where the files are, and who judges them. */
export interface LinesPlaces {
  roots: Record<Side, SideRoot>
  envs: Record<Side, SideEnvironment>
  /** The children's empty cwd: the judge's request files go here. */
  run: string
}

export async function linesFacts(
  files: readonly DifferingFile[],
  traces: Record<Side, TraceFacts[]>,
  places: LinesPlaces,
): Promise<LinesFacts[]> {
  const asked = new Map<string, Record<Side, number[]>>()
  for (const file of files) {
    const paths = {
      base: onDisk(places.roots.base, file.path),
      head: onDisk(places.roots.head, file.path),
    }
    asked.set(file.path, await changedLines(paths))
  }
  const judged = Object.fromEntries(
    await Promise.all(
      SIDES.map(async (side) => {
        const hits = (path: string) => [
          ...new Set(traces[side].flatMap((t) => t.lines[path] ?? [])),
        ]
        const request = files.flatMap((file) => {
          const disk = onDisk(places.roots[side], file.path)
          return disk && existsSync(disk)
            ? [{ path: disk, hits: hits(file.path), asked: asked.get(file.path)![side] }]
            : []
        })
        const verdicts = await judgeLines(
          places.envs[side].python,
          places.envs[side].env,
          places.run,
          request,
          join(places.run, `importgate-proof-lines-${side}.json`),
        )
        return [side, verdicts] as const
      }),
    ),
  ) as Record<Side, Awaited<ReturnType<typeof judgeLines>>>
  return files.map((file) => {
    const of = (side: Side) => {
      const disk = onDisk(places.roots[side], file.path)
      return disk ? judged[side].get(disk) : undefined
    }
    const [b, h] = [of('base'), of('head')]
    const missing =
      (b === undefined && file.presence !== 'head') || (h === undefined && file.presence !== 'base')
    return {
      path: file.path,
      ran: { base: b?.runs ?? [], head: h?.runs ?? [] },
      codeBytes: { base: b?.codeBytes ?? null, head: h?.codeBytes ?? null },
      error: b?.error ?? h?.error ?? (missing ? 'its lines were not judged' : null),
    }
  })
}
