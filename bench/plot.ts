// Share of compares flagged as a regression against injected slowdown, one line per
// method and import size; the point at 0 is the A/A runs, so a line's left end is its
// false-alarm rate (regressions only) and the rest its detection rate.
import { countBy, METHODS, scenario, type Outcome } from './outcome.js'

export function plot(outcomes: Outcome[], sizes: number[], effects: number[]): string {
  const W = 640
  const H = 360
  const L = 60
  const B = 300
  const x = (e: number) =>
    L + (effects.indexOf(e) / Math.max(1, effects.length - 1)) * (W - L - 180)
  const y = (r: number) => B - r * (B - 30)
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
  ]
  parts.push(`<rect width="${W}" height="${H}" fill="white"/>`)
  for (const r of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${L}" x2="${W - 180}" y1="${y(r)}" y2="${y(r)}" stroke="#e9ecef"/>`)
    parts.push(`<text x="${L - 8}" y="${y(r) + 4}" text-anchor="end">${r * 100}%</text>`)
  }
  for (const e of effects)
    parts.push(
      `<text x="${x(e)}" y="${B + 18}" text-anchor="middle">${e === 0 ? '0 (A/A)' : `+${e}%`}</text>`,
    )
  parts.push(
    `<text x="${(L + W - 180) / 2}" y="${B + 40}" text-anchor="middle">injected slowdown</text>`,
  )
  parts.push(
    `<text x="16" y="${(B + 30) / 2}" transform="rotate(-90 16 ${(B + 30) / 2})" text-anchor="middle">flagged as a regression</text>`,
  )
  let legend = 40
  for (const m of METHODS) {
    for (const [i, size] of sizes.entries()) {
      const points = effects.map((e) => {
        const os = scenario(outcomes, size, e)
        return `${x(e)},${y(os.length ? countBy(os, m.id, (v) => v === 'regression') / os.length : 0)}`
      })
      const dash = i === 0 ? '' : ' stroke-dasharray="6 4"'
      parts.push(
        `<polyline points="${points.join(' ')}" fill="none" stroke="${m.color}" stroke-width="2"${dash}/>`,
      )
      parts.push(
        `<line x1="${W - 170}" x2="${W - 145}" y1="${legend}" y2="${legend}" stroke="${m.color}" stroke-width="2"${dash}/>`,
      )
      parts.push(`<text x="${W - 140}" y="${legend + 4}">${m.id} · ${size} ms</text>`)
      legend += 18
    }
  }
  parts.push('</svg>')
  return parts.join('\n')
}
