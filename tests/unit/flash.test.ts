import { describe, expect, it } from 'vitest'
import { flashHeaders, readFlash, redirectWithNotice, serializeFlashCookie } from '../../app/modules/http/flash.server'

const request = (cookie?: string) => new Request('http://localhost/', cookie ? { headers: { Cookie: cookie } } : {})
const valueOf = (setCookie: string) => setCookie.split(';')[0]!

describe('the one-time notice cookie', () => {
  it('carries a notice across a redirect, short-lived and out of reach of scripts', () => {
    const response = redirectWithNotice('/scenarier/1', { kind: 'success', message: 'scenario.saveFirst' })
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/scenarier/1')
    const [cookie] = response.headers.getSetCookie()
    expect(cookie).toMatch(/^flash=[\w-]+\.[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=60$/)
    const read = readFlash(request(valueOf(cookie!)))
    expect(read.notice).toEqual({ kind: 'success', message: 'scenario.saveFirst' })
    // Read once: the answer clears it.
    expect(read.headers?.getSetCookie()).toEqual(['flash=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0'])
  })

  it('keeps the values a message needs, and the headers it is added to', () => {
    const headers = flashHeaders({ kind: 'success', message: 'isf.convened', values: { number: 3 } }, { 'Set-Cookie': 'session=x' })
    const cookies = headers.getSetCookie()
    expect(cookies).toHaveLength(2)
    expect(readFlash(request(valueOf(cookies[1]!))).notice).toEqual({
      kind: 'success',
      message: 'isf.convened',
      values: { number: 3 },
    })
  })

  it('shows nothing for a forged, altered or foreign cookie, and clears it', () => {
    const genuine = valueOf(serializeFlashCookie({ kind: 'success', message: 'scenario.deleted' }))
    const [payload, signature] = genuine.slice('flash='.length).split('.')
    const forgedPayload = Buffer.from(JSON.stringify({ kind: 'success', message: 'reset.done' })).toString('base64url')
    for (const cookie of [
      `flash=${forgedPayload}.${signature}`,
      `flash=${payload}.${signature!.slice(0, -2)}AA`,
      `flash=${payload}`,
      `flash=${forgedPayload}`,
      'flash=',
      'flash=..',
    ]) {
      const read = readFlash(request(cookie))
      expect(read.notice, cookie).toBeNull()
      expect(read.headers?.getSetCookie(), cookie).toEqual(['flash=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0'])
    }
  })

  it('drops a signed notice whose message is not in the catalogue', () => {
    const cookie = valueOf(serializeFlashCookie({ kind: 'info', message: 'no.such.message' as 'scenario.deleted' }))
    expect(readFlash(request(cookie)).notice).toBeNull()
  })

  it('leaves a request without the cookie alone', () => {
    expect(readFlash(request())).toEqual({ notice: null, headers: null })
    expect(readFlash(request('session=abc; other=1'))).toEqual({ notice: null, headers: null })
  })
})
