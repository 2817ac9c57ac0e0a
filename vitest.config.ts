import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Checks, after everything, that no process or temp folder was left behind.
    globalSetup: ['test/global-cleanup.ts'],
    // Integration tests start real interpreters; a cold 2-core runner can take
    // several seconds for one test. Nothing here waits on a timer.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // Pure code, no mocks and no global state: the files share one module
          // graph instead of each importing it anew, which was half the suite's time.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/unit/**'],
        },
      },
    ],
  },
})
