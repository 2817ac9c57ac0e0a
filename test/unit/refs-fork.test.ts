// Whether a pull request comes from a fork, from its event: it decides what a
// failed comment is explained as.
import { describe, expect, it } from 'vitest'
import { refsFromEvent } from '../../src/action/inputs.js'

const inputs = { baseRef: null, headRef: null }
const event = (head: string | null) => ({
  pull_request: {
    number: 7,
    base: { sha: 'b'.repeat(40), repo: { full_name: 'octo/shop' } },
    head: { repo: head === null ? null : { full_name: head } },
  },
})

describe('refsFromEvent', () => {
  it('tells a fork pull request from one of the same repository', () => {
    expect(refsFromEvent('pull_request', event('someone/shop'), 'c', inputs).fromFork).toBe(true)
    expect(refsFromEvent('pull_request', event('octo/shop'), 'c', inputs).fromFork).toBe(false)
    // A deleted fork.
    expect(refsFromEvent('pull_request', event(null), 'c', inputs).fromFork).toBe(true)
    expect(
      refsFromEvent(
        'pull_request',
        { pull_request: { number: 7, base: { sha: 'b' } } },
        'c',
        inputs,
      ).fromFork,
    ).toBeNull()
  })
})
