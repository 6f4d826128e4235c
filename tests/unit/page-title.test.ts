import { describe, expect, it } from 'vitest'
import { metaLocale, pageTitle } from '../../app/i18n/page-title'

const root = (locale: unknown) => [{ id: 'root', data: { locale } }]

describe('pageTitle', () => {
  it('appends the portal name in the page language', () => {
    expect(pageTitle(root('sv'), 'a11y.meta.title')).toEqual({
      title: 'Tillgänglighetsredogörelse – Områdesansvarsportalen',
    })
    expect(pageTitle(root('en'), 'a11y.meta.title')).toEqual({
      title: 'Accessibility statement – Area Responsibility Portal',
    })
  })

  it('builds a title from a record with only the fixed words translated', () => {
    const title = (locale: string) =>
      pageTitle(root(locale), (t) => t('meetingFollowUp.meta.actions', { meeting: 'Möte om {vatten}' })).title
    expect(title('sv')).toBe('Åtgärder – Möte om {vatten} – Områdesansvarsportalen')
    expect(title('en')).toBe('Action items – Möte om {vatten} – Area Responsibility Portal')
  })

  it('is the portal name alone without a title', () => {
    expect(pageTitle(root('en'))).toEqual({ title: 'Area Responsibility Portal' })
    expect(pageTitle(root('sv'))).toEqual({ title: 'Områdesansvarsportalen' })
  })

  it('falls back to Swedish without a root match or with an unknown locale', () => {
    expect(metaLocale([])).toBe('sv')
    expect(metaLocale([{ id: 'root', data: undefined }])).toBe('sv')
    expect(metaLocale(root('de'))).toBe('sv')
    expect(metaLocale([{ id: 'routes/other', data: { locale: 'en' } }])).toBe('sv')
    expect(metaLocale(root('en'))).toBe('en')
  })
})
