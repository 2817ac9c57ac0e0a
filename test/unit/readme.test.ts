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

it('documents every input and output of action.yml in the README', () => {
  const readme = file('README.md')
  const action = file('action.yml')
  const section = (name: string) => action.slice(action.indexOf(`${name}:\n`)).split(/\n\S/)[0]!
  const row = (name: string) => new RegExp(`^\\| \`${name}\` +\\|`, 'm')
  const names = (part: string) =>
    [...section(part).matchAll(/^ {2}([a-z-]+):$/gm)].map((m) => m[1]!)
  expect(names('inputs')).toHaveLength(26)
  for (const name of [...names('inputs'), ...names('outputs')]) expect(readme).toMatch(row(name))
})
