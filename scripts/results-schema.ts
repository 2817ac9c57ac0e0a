// `npm run bundle` runs this first: it writes the `settings` part of
// src/results/results.schema.json from the settings registry (each entry's
// results key and JSON Schema fragment), so that a new setting is declared in
// its entry alone. The rest of the schema is written by hand. The check that
// dist/ is what the sources build to covers this file too.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { settingsSchema } from '../src/results/document.js'

const path = resolve(dirname(fileURLToPath(import.meta.url)), '../src/results/results.schema.json')
const before = readFileSync(path, 'utf8')
const schema = JSON.parse(before) as { properties: { settings: { properties: unknown } } }
schema.properties.settings.properties = settingsSchema()
const after = await format(JSON.stringify(schema), {
  ...(await resolveConfig(path)),
  filepath: path,
})
if (after !== before) {
  writeFileSync(path, after)
  console.log('results-schema: wrote the settings of src/results/results.schema.json')
}
