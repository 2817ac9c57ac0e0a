// The package table's Why: what a cause did to the package, never "no longer
// imported" for one whose modules head still loads (issue 48: 12).
import { describe, expect, it } from 'vitest'
import { packageCauseText } from '../../src/report/view/package-causes.js'
import type { ModuleCause } from '../../src/report/view/view-causes.js'

const cause = (pkg: string, eager: boolean) => ({ package: pkg, eager }) as unknown as ModuleCause
const code = (s: string) => `\`${s}\``

describe('packageCauseText', () => {
  it('counts the modules that went when head still loads some of the package', () => {
    const row = { name: 'matplotlib', base_modules: 94, head_modules: 29 }
    expect(
      packageCauseText(row, { cause: cause('matplotlib', false), lead: 'matplotlib.pyplot' }, code),
    ).toBe('65 of its modules no longer imported (above)')
    expect(packageCauseText(row, { cause: cause('app', false), lead: 'app.plot' }, code)).toBe(
      '65 of its modules went with `app.plot`',
    )
    const more = { name: 'rich', base_modules: 3, head_modules: 40 }
    expect(packageCauseText(more, { cause: cause('app', true), lead: 'rich.console' }, code)).toBe(
      '37 of its modules came with `rich.console`',
    )
  })

  it('says the package is gone or new when it is', () => {
    const gone = { name: 'pydantic', base_modules: 41, head_modules: 0 }
    expect(
      packageCauseText(gone, { cause: cause('pydantic', false), lead: 'pydantic' }, code),
    ).toBe('no longer imported (above)')
    expect(packageCauseText(gone, { cause: cause('app', false), lead: 'app.models' }, code)).toBe(
      'gone with `app.models`',
    )
    const brought = { name: 'rich', base_modules: 0, head_modules: 40 }
    expect(
      packageCauseText(brought, { cause: cause('app', true), lead: 'rich.console' }, code),
    ).toBe('with `rich.console`')
  })
})
