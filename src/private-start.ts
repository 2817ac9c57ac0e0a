// Imported first by both entries, so that it runs before any other module is
// evaluated (some read the environment as they load).
import { appendFileSync } from 'node:fs'
import { HandoverError, keepEnvironmentPrivate } from './env/private-environment.js'
import { refuseOldNode } from './node-version.js'

refuseOldNode()
try {
  keepEnvironmentPrivate()
} catch (error) {
  if (!(error instanceof HandoverError)) throw error
  // Nothing else has loaded yet: say it plainly, as a setup error, and stop.
  if (process.env.GITHUB_ACTIONS === 'true') {
    console.log(`::error title=importgate setup::${error.message}`)
    try {
      if (process.env.GITHUB_OUTPUT)
        appendFileSync(
          process.env.GITHUB_OUTPUT,
          'verdict<<importgate-eof\nerror\nimportgate-eof\n',
        )
    } catch {
      // The runner's file is out of reach too: the error line is all there is.
    }
    process.exit(1)
  }
  console.error(`importgate: ${error.message}`)
  process.exit(2)
}
