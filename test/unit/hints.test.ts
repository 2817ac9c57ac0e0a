import { describe, expect, it } from 'vitest'
import { actionName } from '../../src/action/inputs.js'
import { notFoundHint } from '../../src/env/hints.js'
import { cliName } from '../../src/config/requests.js'

describe('the hint for a module that cannot be found', () => {
  it('points at the setup when the target itself is missing', () => {
    expect(notFoundHint('none', '/p', cliName, 'shop.cli', "No module named 'shop'")).toMatch(
      /with --install none, PYTHONPATH is \/p; check the target's spelling and --project-dir/,
    )
    expect(notFoundHint('pip', '/p', cliName, 'shop', "No module named 'shop'")).toBe(
      ' (the project was installed with pip; does it package this module?)',
    )
  })

  it('says a missing dependency is a dependency, in the words of the action', () => {
    expect(notFoundHint('none', '/p', actionName, 'shop', "No module named 'rich'")).toBe(
      ' (a dependency: with input "install" none nothing is installed; install the project with input "install" auto so that its dependencies are there)',
    )
    expect(notFoundHint('pip', '/p', cliName, 'shop', "No module named 'rich.console'")).toMatch(
      /a dependency the project imports but that pip did not install/,
    )
  })
})
