import { describe, expect, it } from 'vitest'
import { contactValueIssue } from '../../app/modules/contacts/contact-route-form'
import { phoneDigits } from '../../app/modules/text/phone'
import { demoContactRoutes } from '../../app/modules/seed/demo-contacts'
import { demoOrganisations } from '../../app/modules/seed/demo-network'

const routes = Object.entries(demoContactRoutes).flatMap(([key, list]) => list.map((route) => ({ key, ...route })))

/** PTS's number ranges for fiction, as national digits. */
function isFictionNumber(value: string): boolean {
  const digits = phoneDigits(value)
  return (
    /^07017406(0[5-9]|[1-9]\d)$/.test(digits) ||
    /^03139006\d{2}$/.test(digits) ||
    /^04062804\d{2}$/.test(digits) ||
    /^08465004\d{2}$/.test(digits) ||
    /^09803192\d{2}$/.test(digits)
  )
}

describe('demo contact routes', () => {
  it('give every demo organisation an ISK, and nothing to an organisation that does not exist', () => {
    const keys = demoOrganisations.map((organisation) => organisation.key)
    expect(Object.keys(demoContactRoutes).sort()).toEqual([...keys].sort())
    for (const key of keys) {
      expect(
        demoContactRoutes[key]!.some((route) => route.function === 'isk'),
        key,
      ).toBe(true)
    }
  })

  it('call only fictional numbers and write only to example.org', () => {
    for (const route of routes) {
      if (route.channel === 'phone' || route.channel === 'mobile')
        expect(isFictionNumber(route.value), route.value).toBe(true)
      if (route.channel === 'email') expect(route.value, route.value).toMatch(/@example\.org$/)
      expect(contactValueIssue(route.channel, route.value), route.value).toBeNull()
    }
    expect(routes.map((route) => phoneDigits(route.value))).not.toContain('11414')
  })

  it('use no number twice', () => {
    const numbers = routes
      .filter((route) => route.channel === 'phone' || route.channel === 'mobile')
      .map((route) => phoneDigits(route.value))
    expect(new Set(numbers).size).toBe(numbers.length)
  })

  it('restrict exactly one route: the security coordinator’s personal mobile', () => {
    const restricted = routes.filter((route) => route.visibility === 'restricted')
    expect(restricted).toHaveLength(1)
    expect(restricted[0]).toMatchObject({ key: 'vargarda', function: 'security_coordinator', channel: 'mobile' })
  })

  it('include Rakel talk groups, a meeting point, 24/7 routes and one failed test call', () => {
    const rakel = routes.filter((route) => route.channel === 'rakel').map((route) => route.key)
    expect(rakel).toEqual(expect.arrayContaining(['vargarda', 'avrf', 'police']))
    expect(routes.find((route) => route.channel === 'meeting_point')?.value).toBe('Vårgårda kommunhus, Kungsgatan 41')
    expect(
      routes.some(
        (route) => route.key === 'vargarda' && route.function === 'duty_officer' && route.availability === 'always',
      ),
    ).toBe(true)
    const checks = routes.flatMap((route) => (route.check ? [route.check] : []))
    expect(checks.length).toBeGreaterThan(2)
    expect(checks.filter((check) => !check.reached)).toHaveLength(1)
  })
})
