import { defineConfig } from 'vitest/config'
import { oldNodeMessage } from './src/node-version.js'

// Before anything runs: on an older Node the secret checks would fail as if
// they were security bugs (process.execve is Node 24's), so stop and say why.
const tooOld = oldNodeMessage(process.versions.node)
if (tooOld) {
  console.error(tooOld)
  process.exit(1)
}

/** What both projects share. */
const shared = {
  // Integration tests start real interpreters; a cold 2-core runner can take
  // several seconds for one test. Nothing here waits on a timer.
  testTimeout: 120_000,
  hookTimeout: 120_000,
}

export default defineConfig({
  test: {
    // Checks, after everything, that no process or temp folder was left behind.
    // Once for the whole run: the projects do not inherit it (each would nest
    // its own TMPDIR inside the last).
    globalSetup: ['test/global-cleanup.ts'],
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // Pure code, no mocks and no global state: the files share one module
          // graph instead of each importing it anew, which was half the suite's time.
          isolate: false,
        },
      },
      {
        test: {
          ...shared,
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/unit/**'],
        },
      },
    ],
  },
})
