import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'

const file = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')

it("shows exactly the self-test workflow as the README's usage example", () => {
  // The one difference: the self-test runs this checkout (uses: ./).
  const workflow = file('.github/workflows/self-test.yml').replace(
    'uses: ./',
    'uses: importgate/importgate@v1',
  )
  expect(file('README.md')).toContain(`\`\`\`yaml\n${workflow}\`\`\``)
})

it("shows the matrix and fork recipes exactly as the repository's own workflows", () => {
  // The self-tests check out this repository to run it (uses: ./); the README uses the release.
  const asInReadme = (path: string) =>
    file(path)
      .split('\n')
      .filter((line) => !line.includes('# self-test only'))
      .join('\n')
      .replaceAll('uses: ./', 'uses: importgate/importgate@v1')
  const readme = file('README.md')
  for (const path of [
    '.github/workflows/matrix.yml',
    '.github/workflows/fork-measure.yml',
    '.github/workflows/fork-publish.yml',
  ])
    expect(readme).toContain(`\`\`\`yaml\n${asInReadme(path)}\`\`\``)
})

it('documents every input and output of action.yml in the README', () => {
  const readme = file('README.md')
  const action = file('action.yml')
  const section = (name: string) => action.slice(action.indexOf(`${name}:\n`)).split(/\n\S/)[0]!
  const row = (name: string) => new RegExp(`^\\| \`${name}\` +\\|`, 'm')
  const names = (part: string) =>
    [...section(part).matchAll(/^ {2}([a-z-]+):$/gm)].map((m) => m[1]!)
  expect(names('inputs')).toHaveLength(32)
  for (const name of [...names('inputs'), ...names('outputs')]) expect(readme).toMatch(row(name))
})
