/** Edit distance (insertions, deletions, substitutions), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    }
    previous = current
  }
  return previous[b.length]!
}

/** The closest of `options` to `word`, if it is close enough to be a likely typo. */
export function nearest(word: string, options: readonly string[]): string | null {
  let best: string | null = null
  let distance = Infinity
  for (const option of options) {
    const d = editDistance(word.toLowerCase(), option)
    if (d < distance) [best, distance] = [option, d]
  }
  return distance <= Math.max(2, Math.floor(word.length / 3)) ? best : null
}
