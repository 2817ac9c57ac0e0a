// The Hodges-Lehmann estimate of paired differences (the median of their
// Walsh averages): what a change is in milliseconds. Pure.

/** All pairwise means (d_i + d_j)/2 for i ≤ j, in no particular order. */
export function walshAverages(d: readonly number[]): Float64Array {
  const out = new Float64Array((d.length * (d.length + 1)) / 2)
  let k = 0
  for (let i = 0; i < d.length; i++)
    for (let j = i; j < d.length; j++) out[k++] = (d[i]! + d[j]!) / 2
  return out
}

/**
 * The k-th smallest (0-based) of `values`, which it reorders (quickselect):
 * linear on average, where sorting 500,000 Walsh averages (1,000 pairs) took
 * ~60 ms, several times a round.
 */
export function orderStatistic(values: Float64Array, k: number): number {
  let lo = 0
  let hi = values.length - 1
  while (hi > lo) {
    const pivot = medianOf3(values[lo]!, values[(lo + hi) >> 1]!, values[hi]!)
    let i = lo
    let j = hi
    while (i <= j) {
      while (values[i]! < pivot) i++
      while (values[j]! > pivot) j--
      if (i <= j) {
        const t = values[i]!
        values[i++] = values[j]!
        values[j--] = t
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else return values[k]!
  }
  return values[k]!
}

const medianOf3 = (a: number, b: number, c: number) =>
  Math.max(Math.min(a, b), Math.min(Math.max(a, b), c))

/** Hodges-Lehmann estimate of the location shift: the median of the Walsh averages. */
export function hodgesLehmann(d: readonly number[]): number {
  return medianOf(walshAverages(d))
}

/** The median (type 7, as summary.ts's), reordering `values`. */
function medianOf(values: Float64Array): number {
  const m = values.length
  if (m === 0) return Number.NaN
  const upper = orderStatistic(values, m >> 1)
  return m % 2 ? upper : (orderStatistic(values, (m >> 1) - 1) + upper) / 2
}
