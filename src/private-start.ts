// Imported first by both entries, so that it runs before any other module is
// evaluated (some read the environment as they load).
import { keepEnvironmentPrivate } from './env/private-environment.js'

keepEnvironmentPrivate()
