// Installed distributions that differ between base and head. Pure.

export interface DependencyChange {
  name: string
  /** Version in base, or null when head added it. */
  base: string | null
  /** Version in head, or null when head removed it. */
  head: string | null
}

/** Names compare case-insensitively with - _ . equivalent (PEP 503). */
const normalise = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-')

/**
 * `own`: the project's own distribution names; a bump of its own version is
 * the pull request itself, not a dependency change.
 */
export function diffDistributions(
  base: Record<string, string>,
  head: Record<string, string>,
  own: readonly string[] = [],
): DependencyChange[] {
  const skip = new Set(own.map(normalise))
  const b = new Map(Object.entries(base).map(([n, v]) => [normalise(n), { n, v }]))
  const h = new Map(Object.entries(head).map(([n, v]) => [normalise(n), { n, v }]))
  const changes: DependencyChange[] = []
  for (const key of new Set([...b.keys(), ...h.keys()])) {
    const x = b.get(key)
    const y = h.get(key)
    if (x?.v === y?.v || skip.has(key)) continue
    changes.push({ name: (y ?? x)!.n, base: x?.v ?? null, head: y?.v ?? null })
  }
  return changes.sort((a, z) => a.name.localeCompare(z.name))
}
