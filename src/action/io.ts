// Every side effect of the action, handed in by main.ts (and by the tests).
import type { KeptIssueApi } from '../github/kept-issue.js'
import type { CommentsApi } from '../github/sticky-comment.js'
import type { Annotation } from './annotations.js'

export interface ActionIo {
  env: NodeJS.ProcessEnv
  getInput(name: string): string
  setOutput(name: string, value: string): void
  info(message: string): void
  warning(message: string, where?: Annotation['where']): void
  error(message: string, where?: Annotation['where']): void
  setFailed(message: string): void
  writeSummary(markdown: string): Promise<void>
  /** The pull request's comments, for the token from the inputs. */
  comments(token: string, owner: string, repo: string, pull: number): CommentsApi
  /** The repository's issues, for the token from the inputs (the drift check's one issue). */
  issues(token: string, owner: string, repo: string): KeptIssueApi
  uploadArtifact(name: string, files: string[], root: string): Promise<void>
  signal?: AbortSignal
}
