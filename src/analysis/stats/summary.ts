// Order statistics for one set of samples. Pure functions, no I/O.

/** Sorted copy, ascending. */
export function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b)
}

/** Quantile by linear interpolation between order statistics (type 7, as R and NumPy default). */
export function quantile(values: readonly number[], p: number): number {
  return quantileOfSorted(sorted(values), p)
}

/** The same of values already sorted ascending: no copy, no sort (a look of the sequential test is one). */
export function quantileOfSorted(xs: ArrayLike<number>, p: number): number {
  if (xs.length === 0) return Number.NaN
  const h = (xs.length - 1) * p
  const lo = Math.floor(h)
  const hi = Math.ceil(h)
  return xs[lo]! + (h - lo) * (xs[hi]! - xs[lo]!)
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5)
}

/** Median absolute deviation from the median (unscaled). */
export function mad(values: readonly number[]): number {
  const m = median(values)
  return median(values.map((x) => Math.abs(x - m)))
}

/**
 * Distribution-free confidence interval for the median from order statistics
 * (normal approximation to the binomial). Null when there are too few samples
 * for any interval at that level.
 */
export function medianInterval(
  values: readonly number[],
  confidence = 0.95,
): [number, number] | null {
  const n = values.length
  const z = normalQuantile(1 - (1 - confidence) / 2)
  const k = Math.floor((n - z * Math.sqrt(n)) / 2)
  if (k < 1) return null
  const xs = sorted(values)
  return [xs[k - 1]!, xs[n - k]!]
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0 || p >= 1) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`)
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ]
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ]
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ]
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
  const low = 0.02425
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p))
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    )
  }
  if (p > 1 - low) return -normalQuantile(1 - p)
  const q = p - 0.5
  const r = q * q
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  )
}

export interface Spread {
  n: number
  median: number
  min: number
  max: number
  q1: number
  q3: number
  mad: number
  /** 95% interval for the median, or null with too few samples. */
  medianCi: [number, number] | null
}

export function spread(values: readonly number[]): Spread {
  return {
    n: values.length,
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    q1: quantile(values, 0.25),
    q3: quantile(values, 0.75),
    mad: mad(values),
    medianCi: medianInterval(values),
  }
}
