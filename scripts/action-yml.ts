// `npm run bundle` runs this: it writes each setting's action input into
// action.yml from the settings registry (its description, and an empty
// default: an unset input leaves [tool.importgate] and the default to decide),
// so that a new setting is declared in its entry alone. The action's own
// inputs (mode, comment, github-token, ...) and the outputs are written by
// hand. A setting new to action.yml goes after the inputs already there.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { isMap, parseDocument } from 'yaml'
import { inputOf, SETTINGS } from '../src/settings/registry.js'

/** action.yml as the registry's settings have it, from the text it has now. */
export async function actionYml(before: string, path: string): Promise<string> {
  const doc = parseDocument(before)
  const inputs = doc.get('inputs')
  if (!isMap(inputs)) throw new Error(`${path}: no inputs`)
  for (const spec of SETTINGS) {
    const input = inputOf(spec)
    if (!input) continue
    if (!spec.action)
      throw new Error(`the setting ${spec.name} has an input but no action description`)
    if (doc.getIn(['inputs', input, 'description']) !== spec.action)
      doc.setIn(['inputs', input], doc.createNode({ description: spec.action, default: '' }))
  }
  return format(doc.toString({ lineWidth: 100 }), {
    ...(await resolveConfig(path)),
    filepath: path,
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = resolve(dirname(fileURLToPath(import.meta.url)), '../action.yml')
  const before = readFileSync(path, 'utf8')
  const after = await actionYml(before, path)
  if (after !== before) {
    writeFileSync(path, after)
    console.log('action-yml: wrote the settings inputs of action.yml')
  }
}
