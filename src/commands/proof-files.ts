// The files that differ between the two sides, side-neutral: the commits'
// diff (a submodule or a symbolic link is opaque to the proof) and every file
// of the two environments, each with the distribution that installed it.
import { realpathSync } from 'node:fs'
import { join, sep } from 'node:path'
import type { ChangedFile } from '../analysis/verdict/affects.js'
import type { DifferingFile } from '../analysis/verdict/proof.js'
import { environmentFiles, type EnvironmentFiles } from '../env/installed-files.js'
import type { Side } from '../model/target.js'

/** A side's worktree, and its environment folder (null: imported from the worktree). */
export interface SideRoot {
  tree: string
  env: string | null
}

const ABSENT = '0000000'
const presenceOf = (change: ChangedFile): DifferingFile['presence'] =>
  /^0+$/.test(change.modes[0] || ABSENT)
    ? 'head'
    : /^0+$/.test(change.modes[1] || ABSENT)
      ? 'base'
      : 'both'

/** A side's absolute path, side-neutral; paths outside its tree and environment stay as they are. */
export function neutralizer(root: SideRoot): (path: string) => string {
  const prefixes: [string, string][] = []
  for (const [dir, as] of [
    [root.env, '{env}'],
    [root.tree, '{tree}'],
  ] as const) {
    if (!dir) continue
    prefixes.push([dir, as])
    try {
      const real = realpathSync(dir)
      if (real !== dir) prefixes.push([real, as])
    } catch {
      /* not there: nothing can be under it */
    }
  }
  return (path) => {
    for (const [dir, as] of prefixes)
      if (path === dir || path.startsWith(dir + sep)) return as + path.slice(dir.length)
    return path
  }
}

/** Where a side-neutral path is on a side's disk; null outside its tree and environment. */
export const onDisk = (root: SideRoot, path: string): string | null => {
  if (path.startsWith('{tree}/')) return join(root.tree, path.slice(7))
  if (path.startsWith('{env}/') && root.env) return join(root.env, path.slice(6))
  return null
}

function environmentDiff(files: Record<Side, EnvironmentFiles>): DifferingFile[] {
  const paths = new Set([...files.base.hashes.keys(), ...files.head.hashes.keys()])
  const out: DifferingFile[] = []
  for (const path of [...paths].sort()) {
    const [b, h] = [files.base.hashes.get(path), files.head.hashes.get(path)]
    if (b === h) continue
    const owner = files.head.owners.get(path) ?? files.base.owners.get(path) ?? null
    out.push({
      path: `{env}/${path}`,
      presence: b === undefined ? 'head' : h === undefined ? 'base' : 'both',
      owner: owner && {
        name: owner.name,
        versions: {
          base: files.base.distributions.get(owner.name)?.version ?? null,
          head: files.head.distributions.get(owner.name)?.version ?? null,
        },
        project: owner.project,
      },
    })
  }
  return out
}

/** Every file that differs between the sides: the commits' changed files, then the environments'. */
export async function differingFiles(
  changes: readonly ChangedFile[],
  roots: Record<Side, SideRoot>,
): Promise<DifferingFile[]> {
  const differing: DifferingFile[] = changes.map((change) => {
    const opaque = change.modes.includes('160000')
      ? ('submodule' as const)
      : change.modes.includes('120000')
        ? ('symlink' as const)
        : null
    return {
      path: `{tree}/${change.path}`,
      presence: presenceOf(change),
      ...(opaque ? { opaque } : {}),
    }
  })
  if (roots.base.env && roots.head.env) {
    const files = {
      base: await environmentFiles(roots.base.env, roots.base.tree),
      head: await environmentFiles(roots.head.env, roots.head.tree),
    }
    differing.push(...environmentDiff(files))
  }
  return differing
}
