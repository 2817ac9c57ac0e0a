export { median } from '../src/analysis/summary.js'
export const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
