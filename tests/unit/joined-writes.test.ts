import { describe, expect, it } from 'vitest'
import { JoinedWrites } from '../../app/modules/http/joined-writes.server'

async function chunksOf(stream: JoinedWrites): Promise<string[]> {
  const chunks: string[] = []
  for await (const chunk of stream) chunks.push(String(chunk))
  return chunks
}

describe('JoinedWrites: what a page render writes in one turn leaves as one chunk', () => {
  it('joins the pieces written in one turn, in order', async () => {
    const stream = new JoinedWrites()
    const read = chunksOf(stream)
    for (const piece of ['<!DOCTYPE html>', '<html lang="sv">', new Uint8Array([0xc3, 0xa5]), '</html>'])
      stream.write(piece)
    stream.end()
    expect(await read).toEqual(['<!DOCTYPE html><html lang="sv">å</html>'])
  })

  it('passes on a piece written in a later turn (a deferred part of the page) at that turn, not at the end', async () => {
    const stream = new JoinedWrites()
    const seen: string[] = []
    stream.on('data', (chunk) => seen.push(String(chunk)))
    stream.write('skal ')
    stream.write('och sida')
    await new Promise((resolve) => setImmediate(resolve))
    expect(seen).toEqual(['skal och sida'])
    stream.write('<script>senare</script>')
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(seen).toEqual(['skal och sida', '<script>senare</script>'])
    stream.end()
    await new Promise((resolve) => stream.on('end', resolve))
    expect(seen).toHaveLength(2)
  })

  it('passes on what is still waiting when the page ends in the same turn', async () => {
    const stream = new JoinedWrites()
    const read = chunksOf(stream)
    stream.end('allt på en gång')
    expect(await read).toEqual(['allt på en gång'])
  })
})
