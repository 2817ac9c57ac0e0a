// `npm run bundle` runs this: it writes docs/reference.md, every action input
// and output (from action.yml), every CLI flag (the --help the registry
// builds) and every [tool.importgate] key (from the registry), so that no
// reference is edited by hand. The check that dist/ is what the sources build
// to covers this file too.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { USAGE } from '../src/cli/usage.js'
import { keyOf, SETTINGS } from '../src/settings/registry.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

interface ActionYml {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>
  outputs: Record<string, { description: string }>
}

/** Words wrapped at 100 columns, continuation lines indented: readable as plain text. */
function wrap(text: string, indent: string): string {
  const out: string[] = []
  let line = ''
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (line && line.length + 1 + word.length > 100) {
      out.push(line)
      line = indent + word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) out.push(line)
  return out.join('\n')
}

/** A setting's --help lines as prose: the flag column dropped, the lines joined. */
function helpText(help: readonly string[]): string {
  return help
    .map((l) => l.replace(/^\s{2,}(?:-\w, )?(?:--\S+(?: [A-Z][A-Z0-9|,.=:]*)?)?\s{2,}/, '').trim())
    .join(' ')
}

export function referenceDoc(actionYml: string): string {
  const action = parse(actionYml) as ActionYml
  const inputs = Object.entries(action.inputs).map(([name, input]) => {
    const dflt = input.default ? ` Default in action.yml: \`${input.default}\`.` : ''
    return wrap(`- \`${name}\`: ${input.description.trim()}${dflt}`, '  ')
  })
  const outputs = Object.entries(action.outputs).map(([name, output]) =>
    wrap(`- \`${name}\`: ${output.description.trim()}`, '  '),
  )
  const keys = SETTINGS.flatMap((spec) => {
    const key = keyOf(spec)
    return key === null ? [] : [wrap(`- \`${key}\`: ${helpText(spec.help)}`, '  ')]
  })
  return [
    '# Reference',
    '',
    '<!-- Written by `npm run bundle` (scripts/reference-doc.ts) from action.yml and the',
    'settings registry; edit those, not this file. -->',
    '',
    'Every input and output of the action, every flag of the CLI, and every `[tool.importgate]`',
    'key. The guides are [the action](action.md), [the CLI](cli.md) and',
    '[configuration](configuration.md).',
    '',
    '## Action inputs',
    '',
    ...inputs,
    '',
    '## Action outputs',
    '',
    ...outputs,
    '',
    '## CLI',
    '',
    '```',
    USAGE,
    '```',
    '',
    '## `[tool.importgate]` keys',
    '',
    'Each key takes what its flag takes (above); lists are TOML arrays, and durations and',
    'percentages may be strings (`"300ms"`, `"5%"`) or numbers (ms, percent).',
    '`[tool.importgate.budgets]` is a table of target = duration.',
    '',
    ...keys,
    '',
  ].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = resolve(root, 'docs/reference.md')
  const after = referenceDoc(readFileSync(resolve(root, 'action.yml'), 'utf8'))
  let before = ''
  try {
    before = readFileSync(path, 'utf8')
  } catch {
    // first run
  }
  if (after !== before) {
    writeFileSync(path, after)
    console.log('reference-doc: wrote docs/reference.md')
  }
}
