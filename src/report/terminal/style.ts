// Terminal colour, only when a person is looking: a TTY, and NO_COLOR unset
// (https://no-color.org). FORCE_COLOR turns it on regardless.

export interface Style {
  bold(text: string): string
  dim(text: string): string
  red(text: string): string
  green(text: string): string
  yellow(text: string): string
}

const sgr = (open: number, close: number) => (text: string) =>
  `\u001b[${open}m${text}\u001b[${close}m`

export const COLOR: Style = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
}

const same = (text: string) => text
export const PLAIN: Style = { bold: same, dim: same, red: same, green: same, yellow: same }

export function useColor(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  return isTTY === true
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g

export function visibleWidth(text: string): number {
  return [...text.replace(ANSI, '')].length
}

/** Lays rows out in columns; 'r' columns are right-aligned. Widths ignore colour codes. */
export function columns(rows: string[][], align: ('l' | 'r')[], gap = '  '): string[] {
  const widths: number[] = []
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleWidth(cell))))
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - visibleWidth(cell))
        return align[i] === 'r' ? pad + cell : i === row.length - 1 ? cell : cell + pad
      })
      .join(gap)
      .trimEnd(),
  )
}
