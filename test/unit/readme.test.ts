// The README is a page a user acts on; the docs hold the rest. What a user
// copies from either is a file of examples/workflows/ (which the action tests
// run), and the reference is written from action.yml and the registry.
import { readdirSync, readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { parse } from 'yaml'
import { referenceDoc } from '../../scripts/reference-doc.js'
import { SETTINGS, inputOf, keyOf } from '../../src/settings/registry.js'

const file = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')

/** Lines outside fenced code blocks. */
function prose(text: string): string[] {
  let code = false
  return text.split('\n').filter((line) => {
    if (line.startsWith('```')) code = !code
    return !code && !line.startsWith('```')
  })
}

it('keeps the README to a page a user reads: at most 250 lines, none over 200 characters', () => {
  const readme = file('README.md')
  expect(readme.split('\n').length).toBeLessThanOrEqual(250)
  expect(prose(readme).filter((line) => line.length > 200)).toEqual([])
  // The workflow to copy names its targets and sits at the repository root.
  expect(readme).toContain(`\`\`\`yaml\n${file('examples/workflows/pull-request.yml')}\`\`\``)
  expect(file('examples/workflows/pull-request.yml')).not.toContain('working-directory')
  expect(file('examples/workflows/pull-request.yml')).toMatch(/^ {10}targets: /m)
})

it('shows the examples exactly as examples/workflows/ holds them, and links every one', () => {
  const docs = file('docs/action.md')
  for (const name of [
    'pull-request.yml',
    'matrix.yml',
    'fork-measure.yml',
    'fork-publish.yml',
    'uv-cache.yml',
  ])
    expect(docs).toContain(`\`\`\`yaml\n${file(`examples/workflows/${name}`)}\`\`\``)
  const readme = file('README.md')
  const examples = readdirSync(new URL('../../examples/workflows', import.meta.url))
  for (const name of examples.filter((n) => n !== 'pull-request.yml'))
    expect(readme).toContain(`(examples/workflows/${name})`)
})

it('documents every input, output, flag and key in docs/reference.md, as the code has them', () => {
  const action = file('action.yml')
  const reference = file('docs/reference.md')
  // Written by npm run bundle: a stale file fails here too, not only in CI.
  expect(reference).toBe(referenceDoc(action))
  const yml = parse(action) as { inputs: object; outputs: object }
  for (const name of [...Object.keys(yml.inputs), ...Object.keys(yml.outputs)])
    expect(reference).toMatch(new RegExp(`^- \`${name}\`: `, 'm'))
  for (const spec of SETTINGS) {
    const input = inputOf(spec)
    if (input) expect(Object.keys(yml.inputs)).toContain(input)
    const key = keyOf(spec)
    if (key) expect(reference).toMatch(new RegExp(`^- \`${key}\`: `, 'm'))
    expect(reference).toContain(spec.help[0]!.trim())
  }
})

it('links only to files that exist', () => {
  for (const path of [
    'README.md',
    'CONTRIBUTING.md',
    'docs/action.md',
    'docs/cli.md',
    'docs/configuration.md',
    'docs/measurement.md',
    'docs/metrics.md',
    'docs/results.md',
  ]) {
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : ''
    for (const m of file(path).matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
      const target = m[1]!
      if (/^https?:/.test(target)) continue
      expect(
        () => file(new URL(target, `file:///${dir}`).pathname.slice(1)),
        `${path} → ${target}`,
      ).not.toThrow()
    }
  }
})
