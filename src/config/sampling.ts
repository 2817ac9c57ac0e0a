export interface SamplingConfig {
  warmups: number
  /** Samples per target (measure) or pairs per target (compare): at least, at most. */
  minPairs: number
  maxPairs: number
  /** Budget for warm-ups, profiles and samples; installs are not counted. */
  maxTimeMs: number
  sampleTimeoutMs: number
  profileRuns: number
  seed: number
}
