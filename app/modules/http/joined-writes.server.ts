import { Transform, type TransformCallback } from 'node:stream'

/**
 * Joins what is written in one turn of the event loop into one chunk. React
 * writes a page in pieces of about 2 kB, all in the same turn; passed on one
 * by one, each piece was a gzip call and a socket write of its own, about a
 * sixth of the server's busy time under load (issue 20). A piece written in a
 * later turn (a deferred part of the page) still leaves at its own turn's end.
 */
export class JoinedWrites extends Transform {
  private waiting: Buffer[] = []
  private scheduled = false

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.waiting.push(chunk)
    if (!this.scheduled) {
      this.scheduled = true
      setImmediate(() => this.passOn())
    }
    done()
  }

  override _flush(done: TransformCallback) {
    this.passOn()
    done()
  }

  private passOn() {
    this.scheduled = false
    if (this.waiting.length === 0) return
    this.push(this.waiting.length === 1 ? this.waiting[0] : Buffer.concat(this.waiting))
    this.waiting = []
  }
}
