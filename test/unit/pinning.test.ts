import { describe, expect, it } from 'vitest'
import { coreOfRound, parseCpuList, pinnedArgv } from '../../src/measure/pinning.js'

describe('pinning timed rounds to a core', () => {
  it('reads the kernel CPU lists of /proc/self/status', () => {
    expect(parseCpuList('0-1\n')).toEqual([0, 1])
    expect(parseCpuList(' 0-2,8,10-11')).toEqual([0, 1, 2, 8, 10, 11])
    expect(parseCpuList('3')).toEqual([3])
    for (const bad of ['', '2-1', '0-', 'ff', '0,,1']) expect(parseCpuList(bad)).toBeNull()
  })

  it('runs the interpreter through taskset on a core, and as itself on none', () => {
    expect(pinnedArgv(3, '/py', ['probe.py', 'time'])).toEqual([
      'taskset',
      '--cpu-list',
      '3',
      '/py',
      'probe.py',
      'time',
    ])
    expect(pinnedArgv(undefined, '/py', ['probe.py'])).toEqual(['/py', 'probe.py'])
  })

  it('takes the cores in turn, round by round', () => {
    const pinning = { cores: [4, 6], lanes: 1 }
    expect([0, 1, 2, 3, 4].map((r) => coreOfRound(pinning, r))).toEqual([4, 6, 4, 6, 4])
  })
})
