// The settings registry is the one declaration of a setting: everything a
// user reads about the settings (action.yml, docs/reference.md, --help) is
// checked against it here, and the parsers are built from it.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { USAGE } from '../../src/cli/usage.js'
import { inputOf, keyOf, SETTINGS } from '../../src/settings/registry.js'
import { PYPROJECT_KEYS } from '../../src/config/pyproject.js'
import { resolveSettings } from '../../src/settings/settings.js'
import { settingsJson, settingsSchema } from '../../src/results/document.js'
import { actionYml } from '../../scripts/action-yml.js'

const file = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
const action = parse(file('action.yml')) as { inputs: Record<string, unknown> }
const reference = file('docs/reference.md')
const jsonSchema = JSON.parse(file('src/results/results.schema.json')) as {
  properties: { settings: { properties: Record<string, unknown> } }
}
const item = (name: string) => new RegExp(`^- \`${name}\`: `, 'm')

describe('the settings registry', () => {
  it.each(SETTINGS.map((s) => [s.name, s] as const))(
    'declares %s everywhere it is read',
    (_, s) => {
      expect(USAGE).toContain(`--${s.name}`)
      const input = inputOf(s)
      if (input) {
        expect(Object.keys(action.inputs)).toContain(input)
        expect(reference).toMatch(item(input))
      }
      const key = keyOf(s)
      if (key) {
        expect(PYPROJECT_KEYS).toContain(key)
        // The reference's [tool.importgate] list has the key, in the words of its flag's --help.
        expect(reference).toMatch(item(key))
      } else expect(s.fromToml).toBeUndefined()
    },
  )

  it.each(SETTINGS.filter((s) => typeof s.default === 'number').map((s) => [s.name, s] as const))(
    "says %s's default in --help as the entry declares it, in the flag's unit",
    (_, s) => {
      // "(120)" for 120_000 ms given in seconds, "(3%)", "(0.5ms)": the last number in parentheses.
      const shown = [...s.help.join(' ').matchAll(/\(([0-9.]+)(?:%|ms)?\)/g)].at(-1)?.[1]
      expect(Number(shown)).toBe((s.default as number) / (s.json?.per ?? 1))
    },
  )

  it('reads no pyproject key and takes no setting input that it does not declare', () => {
    expect(PYPROJECT_KEYS).toEqual(SETTINGS.flatMap((s) => keyOf(s) ?? []))
    // The action's other inputs are its own (where to run, how to report), not settings.
    const own = [
      'working-directory',
      'python',
      'base-ref',
      'head-ref',
      'mode',
      'results',
      'since',
      'bisect',
      'label',
      'comment',
      'comment-key',
      'suggest-lazy',
      'fail-on',
      'github-token',
      'artifact-name',
    ]
    const settingInputs = SETTINGS.flatMap((s) => inputOf(s) ?? [])
    expect([...settingInputs, ...own].sort()).toEqual(Object.keys(action.inputs).sort())
  })

  it("writes action.yml's setting inputs from their entries (npm run bundle writes them)", async () => {
    const path = new URL('../../action.yml', import.meta.url).pathname
    expect(await actionYml(file('action.yml'), path)).toBe(file('action.yml'))
  })

  it('describes the recorded settings in the committed JSON Schema as its entries say (npm run bundle writes them)', () => {
    expect(jsonSchema.properties.settings.properties).toEqual(settingsSchema())
  })

  it('records every setting it gives a results key, each documented in the JSON Schema', () => {
    const recorded = settingsJson(resolveSettings([{ maxModules: 600 }], 7), {
      install: 'none',
      python: 'python3',
      projectDir: '.',
    })
    for (const s of SETTINGS.filter((s) => s.json)) {
      expect(Object.keys(jsonSchema.properties.settings.properties)).toContain(s.json!.key)
      expect(recorded).toHaveProperty(s.json!.key)
    }
    // Units as documented: durations in seconds.
    expect(recorded).toMatchObject({ max_modules: 600, seed: 7, max_time_s: 120, overtime_s: 240 })
  })
})
