// GitHub Action entry. The action itself (PR refs, sticky comment, summary,
// artifact) is still to come; until then it says so instead of passing quietly.
import * as core from '@actions/core'

core.setFailed(
  'importgate: the GitHub Action is not implemented yet. Use the CLI for now: npx importgate measure -t <module>',
)
