import { readFileSync } from 'node:fs'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ContactValue } from '../../app/components/contacts/contact-route-card'

const render = (channel: string, value: string) =>
  renderToStaticMarkup(<ContactValue channel={channel} value={value} />)

describe('a contact value on the page', () => {
  it('shows a number in the Swedish grouping, dialling +46, in one piece', () => {
    expect(render('mobile', '+46 70 1740655')).toBe('<a href="tel:+46701740655" class="phone-number">070-174 06 55</a>')
    expect(render('phone', '0313900630')).toBe('<a href="tel:+46313900630" class="phone-number">031-390 06 30</a>')
    expect(render('satellite_phone', '+8816 1234 5678')).toBe(
      '<a href="tel:+881612345678" class="phone-number">+8816 1234 5678</a>',
    )
  })

  it('leaves e-mail and talk groups as typed', () => {
    expect(render('email', 'tib@example.org')).toBe('<a href="mailto:tib@example.org">tib@example.org</a>')
    expect(render('rakel', 'VGR KRIS 070')).toBe('<span class="prewrap">VGR KRIS 070</span>')
  })

  it('never breaks a number across lines, even in a card that breaks long words anywhere', () => {
    const css = readFileSync('app/styles/app.css', 'utf8')
    expect(css).toMatch(/\.phone-number\s*\{\s*white-space:\s*nowrap;/)
  })
})
