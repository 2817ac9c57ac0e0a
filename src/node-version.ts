// importgate keeps the token out of the measured code's reach by starting
// itself again with a smaller environment (process.execve, Node 23.11 and
// later), and the action runs on node24. An older Node would carry on without
// that protection, so it is refused at once, saying how to get a newer one.

/** The oldest Node importgate runs on. */
export const MIN_NODE_MAJOR = 24

/** Why `version` (process.versions.node) cannot run importgate, or null when it can. */
export function oldNodeMessage(version: string): string | null {
  const major = Number(version.split('.')[0])
  if (Number.isInteger(major) && major >= MIN_NODE_MAJOR) return null
  return [
    `importgate needs Node ${MIN_NODE_MAJOR} or later; this is Node ${version}.`,
    `Without it, importgate cannot keep the token and the runner's secrets out of the measured code's reach.`,
    `Get it with nvm (nvm install ${MIN_NODE_MAJOR}), fnm (fnm use --install-if-missing ${MIN_NODE_MAJOR}), or in a workflow with actions/setup-node (node-version: ${MIN_NODE_MAJOR}).`,
  ].join('\n')
}

/** Exits with a setup error (status 2) on a Node that is too old. */
export function refuseOldNode(): void {
  const message = oldNodeMessage(process.versions.node)
  if (!message) return
  console.error(`importgate: ${message}`)
  process.exit(2)
}
