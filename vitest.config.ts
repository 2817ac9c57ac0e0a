import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Checks, after everything, that no process or temp folder was left behind.
    globalSetup: ['test/global-cleanup.ts'],
    // Integration tests start real interpreters; a cold 2-core runner can take
    // several seconds for one test. Nothing here waits on a timer.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Integration tests each run many child processes; running files in
    // parallel on 2 cores only makes each slower.
    fileParallelism: true,
    maxWorkers: 2,
  },
})
