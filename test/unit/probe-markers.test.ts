// The probe is Python and must import nothing of ours before the import it
// measures, so its markers are written twice: here they are held equal
// (issue 50: the protocol declared once, or checked against each other).
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { BEGIN_PATH, END_PATH } from '../../src/measure/counters.js'
import { BEGIN_MARK, END_MARK } from '../../src/measure/probe-protocol.js'
import { PROBE_MODES } from '../../src/measure/probe-report-types.js'

/** `NAME = "value"` at the top level of a Python file. */
function pythonConstant(file: string, name: string): string | undefined {
  const text = readFileSync(new URL(`../../src/measure/${file}`, import.meta.url), 'utf8')
  return new RegExp(`^${name} = "([^"]*)"$`, 'm').exec(text)?.[1]
}

it('gives the probe and the tracer the markers the TypeScript side reads', () => {
  for (const file of ['probe.py', 'trace_import.py']) {
    expect(pythonConstant(file, 'BEGIN_MARK'), file).toBe(BEGIN_MARK)
    expect(pythonConstant(file, 'END_MARK'), file).toBe(END_MARK)
  }
  expect(pythonConstant('probe.py', 'BEGIN_PATH')).toBe(BEGIN_PATH)
  expect(pythonConstant('probe.py', 'END_PATH')).toBe(END_PATH)
})

it("measures in the modes probe.py's table has, each with a row", () => {
  const text = readFileSync(new URL('../../src/measure/probe.py', import.meta.url), 'utf8')
  const table = /^_MODES = \{\n([\s\S]*?)^\}/m.exec(text)?.[1] ?? ''
  const rows = [...table.matchAll(/^ {4}"([a-z-]+)": \(/gm)].map((m) => m[1])
  expect(rows).toEqual([...PROBE_MODES])
})
