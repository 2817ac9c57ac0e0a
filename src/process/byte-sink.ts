/** Keeps the last `cap` bytes of a stream: the end of a log says most about a failure. */
export class ByteSink {
  private chunks: Buffer[] = []
  private size = 0
  truncated = false
  constructor(private readonly cap: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.size += chunk.length
    while (this.size > this.cap && this.chunks.length > 1) {
      this.size -= this.chunks.shift()!.length
      this.truncated = true
    }
  }

  bytes(): Buffer {
    const all = Buffer.concat(this.chunks)
    if (all.length <= this.cap) return all
    this.truncated = true
    return all.subarray(all.length - this.cap)
  }

  text(): string {
    return this.bytes().toString('utf8')
  }
}
