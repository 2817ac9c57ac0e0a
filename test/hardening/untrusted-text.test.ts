// The measured code's text is data: it never reaches a terminal as escape
// sequences, a job log as a workflow command, or a comment as a mention.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fenceCommands, logSafe } from '../../src/action/log-safety.js'
import { plain } from '../../src/report/markdown/markdown-text.js'
import { visible } from '../../src/report/view/untrusted.js'
import { cli } from '../helpers/cli.js'
import { removeDir, tempDir, writeFiles } from '../helpers/project.js'
import { findPython } from '../helpers/pythons.js'

const python = findPython('3.13') ?? findPython('3.8')!
const HOSTILE = 'boom\n::set-output name=verdict::pass\n\x1b[2J\x1b[31mred\r@octo/owners'

describe('text from the measured code', () => {
  it('shows control characters as escapes, keeping tabs and newlines', () => {
    expect(visible('a\x1b[31mb\tc\nd\re\u2028')).toBe('a\\x1b[31mb\tc\nd\\x0de\\u2028')
  })

  it('shows bidirectional controls as escapes, so a name reads as it is (issue 29, low)', () => {
    expect(visible('pkg.\u202eyp.live\u2066x\u2069\u200f')).toBe(
      'pkg.\\u202eyp.live\\u2066x\\u2069\\u200f',
    )
  })

  it('is fenced off from the runner when a line could read as a command', () => {
    expect(logSafe('sampling interleaved pairs', () => 'T')).toBe('sampling interleaved pairs')
    const fenced = logSafe(`head: RuntimeError: ${HOSTILE}`, () => 'T0K3N')
    expect(fenced.split('\n')[0]).toBe('::stop-commands::T0K3N')
    expect(fenced.split('\n').at(-1)).toBe('::T0K3N::')
    expect(fenced).not.toContain('\x1b')
  })

  it('keeps the next progress line on a line of its own after a fence (issue 47, a low)', () => {
    // The CLI writes whole lines; the runner reads the log line by line.
    const log = fenceCommands('::error::forged\n', () => 'T') + 'importgate: next step\n'
    expect(log.split('\n')).toEqual([
      '::stop-commands::T',
      '::error::forged',
      '::T::',
      'importgate: next step',
      '',
    ])
  })

  it('mentions nobody in markdown', () => {
    expect(plain('ask @octo/owners')).toBe('ask &#64;octo/owners')
  })

  describe('in the CLI', () => {
    let project: string
    beforeAll(() => {
      project = tempDir()
      writeFiles(project, { 'hostile.py': `raise RuntimeError(${JSON.stringify(HOSTILE)})\n` })
    })
    afterAll(() => removeDir(project))

    it('cannot pass off a forged report as a 1 µs import', async () => {
      writeFiles(project, {
        'forge.py': [
          'import json, os',
          'os.write(3, json.dumps({"protocol": 1, "mode": "time", "target": "forge", "ok": True,',
          '    "import_ns": 1000, "import_cpu_ns": 1000, "start_ns": 0, "end_ns": 1000,',
          '    "modules_before": 30, "modules_after": 31, "probe_preloaded": [], "error": None}).encode())',
          'os._exit(0)',
          '',
        ].join('\n'),
      })
      const result = await cli(
        ['measure', '-t', 'forge', '--install', 'none', '--python', python, '--warmup', '1'],
        { ...process.env },
        project,
      )
      expect(result.status).toBe(2)
      expect(result.stdout + result.stderr).toMatch(/BadReport|does not fit the run/)
    })

    it('reaches the terminal without its escapes', async () => {
      const result = await cli(
        ['measure', '-t', 'hostile', '--install', 'none', '--python', python, '--warmup', '1'],
        { ...process.env },
        project,
      )
      expect(result.status).toBe(2)
      const output = result.stdout + result.stderr
      expect(output).toContain('RuntimeError')
      expect(output).toContain('\\x1b[31mred')
      expect(output).not.toContain('\x1b[2J')
      expect(output).not.toContain('\r')
    })
  })
})
