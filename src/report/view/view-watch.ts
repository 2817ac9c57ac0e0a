// The watch list in the view model: each watched module under each target.
import type { WatchJson, WatchSideJson } from '../../results/schema.js'

/** A watched module under one target: loaded or not on each side. */
export interface WatchItem {
  target: string
  name: string
  base: WatchSideJson | null
  head: WatchSideJson | null
  change: 'now eager' | 'no longer imported' | 'loaded' | 'not loaded' | 'unknown'
  /** The chain of the side that loads it (head's when both do). */
  chain: string[]
}

export function watchItem(target: string, w: WatchJson): WatchItem {
  const [b, h] = [w.base, w.head]
  const change: WatchItem['change'] = !h
    ? 'unknown'
    : b && b.loaded !== h.loaded
      ? h.loaded
        ? 'now eager'
        : 'no longer imported'
      : h.loaded
        ? 'loaded'
        : 'not loaded'
  return { target, name: w.name, base: b, head: h, change, chain: (h?.loaded ? h : b)?.chain ?? [] }
}
