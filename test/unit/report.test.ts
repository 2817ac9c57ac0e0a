import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formatChain, formatMs } from '../../src/report/view/format.js'
import { COLOR, columns, PLAIN, useColor, visibleWidth } from '../../src/report/terminal/style.js'
import { VERSION } from '../../src/version.js'

describe('formatting', () => {
  it('formats durations for people', () => {
    expect(formatMs(0.85)).toBe('850 µs')
    expect(formatMs(1.234)).toBe('1.23 ms')
    expect(formatMs(12.34)).toBe('12.3 ms')
    expect(formatMs(142.1)).toBe('142 ms')
    expect(formatMs(1234)).toBe('1.23 s')
    expect(formatMs(Number.NaN)).toBe('–')
  })

  it('shortens long chains in the middle', () => {
    expect(formatChain(['a', 'b', 'c'])).toBe('a → b → c')
    expect(formatChain(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])).toBe('a → b → … → f → g → h')
  })

  it('aligns columns by visible width, colour codes or not', () => {
    const lines = columns(
      [
        [COLOR.red('ab'), 'x'],
        ['abcd', 'y'],
      ],
      ['l', 'r'],
    )
    expect(lines.map(visibleWidth)).toEqual([7, 7])
  })

  it('uses colour only for a terminal without NO_COLOR', () => {
    expect(useColor(true, {})).toBe(true)
    expect(useColor(false, {})).toBe(false)
    expect(useColor(true, { NO_COLOR: '1' })).toBe(false)
    expect(useColor(false, { FORCE_COLOR: '1' })).toBe(true)
    expect(PLAIN.red('x')).toBe('x')
  })
})

it('reports the version in package.json', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
  expect(VERSION).toBe(pkg.version)
})
