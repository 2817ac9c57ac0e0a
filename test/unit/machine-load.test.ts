// Reading the machine's other work from /proc: the parsers on real-shaped
// text, the arithmetic, and the meter on this machine's own /proc.
import { describe, expect, it } from 'vitest'
import {
  busyTicks,
  coresElsewhere,
  machineLoadMeter,
  ownTicks,
} from '../../src/measure/machine-load.js'

describe('the machine load meter', () => {
  it('reads busy ticks from /proc/stat, leaving out idle, iowait and steal', () => {
    const stat =
      'cpu  1397005 51662 57274 1034732 2600 10 527 1015 0 0\ncpu0 1 2 3 4 5 6 7 8 9 10\n'
    expect(busyTicks(stat)).toBe(1397005 + 51662 + 57274 + 10 + 527)
    expect(busyTicks('intr 1 2 3\n')).toBeNull()
  })

  it('reads our own and our reaped children’s ticks, whatever the command name holds', () => {
    const stat =
      '4242 (node) (x) R 1 4242 4242 0 -1 4194304 102 0 0 0 250 50 7000 300 20 0 11 0 1276350 3133440 390'
    expect(ownTicks(stat)).toBe(250 + 50 + 7000 + 300)
  })

  it('counts as other work only what the CPUs did beyond our own', () => {
    const from = { atMs: 0, busy: 1000, own: 500 }
    // 2 s later: 300 ticks busy, 100 of them ours: 200 ticks (2 s of CPU) in 2 s is one core.
    expect(coresElsewhere(from, { atMs: 2000, busy: 1300, own: 600 })).toBe(1)
    // All of it ours: nothing else.
    expect(coresElsewhere(from, { atMs: 2000, busy: 1300, own: 800 })).toBe(0)
    // A few ticks tell nothing.
    expect(coresElsewhere(from, { atMs: 50, busy: 1003, own: 500 })).toBeNull()
  })

  it.runIf(process.platform === 'linux')(
    'reads this machine: nothing until a window of 200 ms closes, then its answer until the next',
    async () => {
      let now = 0
      const meter = machineLoadMeter(() => now)
      expect(await meter()).toBeNull()
      now = 50
      // A fast import's step: too short a window to tell.
      expect(await meter()).toBeNull()
      now = 250
      const cores = await meter()
      expect(cores).not.toBeNull()
      expect(cores!).toBeGreaterThanOrEqual(0)
      now = 300
      expect(await meter()).toBe(cores)
    },
  )
})
