import type { ComponentProps } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { OptionSelect } from '../../app/components/forms/option-select'
import { sv } from '../../app/i18n/sv'
import { descriptionsOf, openingTag } from '../support/markup'

const organisations = [
  { id: 'a', name: 'Alfa kommun' },
  { id: 'b', name: 'Beta & Co' },
]

const render = (props: Partial<ComponentProps<typeof OptionSelect>>) =>
  renderToStaticMarkup(
    <OptionSelect
      label="Ägare"
      name="ownerOrganisationId"
      options={organisations}
      placeholder="Välj …"
      defaultValue=""
      {...props}
    />,
  )

const optionsOf = (html: string) =>
  [...html.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => [m[1], m[2]])

const select = 'select[name="ownerOrganisationId"]'

describe('a select over named records', () => {
  it('starts with a "choose" option that sends nothing, chosen until a record is', () => {
    const html = render({})
    expect(html).toContain('>Ägare</label>')
    expect(openingTag(html, select)).not.toContain('aria-describedby')
    expect(optionsOf(html)).toEqual([
      ['', 'Välj …'],
      ['a', 'Alfa kommun'],
      ['b', 'Beta &amp; Co'],
    ])
    expect(html).toContain('<option value="" selected="">')
  })

  it('without a placeholder always has a record chosen', () => {
    const html = render({ placeholder: undefined, defaultValue: 'b' })
    expect(optionsOf(html).map(([value]) => value)).toEqual(['a', 'b'])
    expect(html).toContain('<option value="b" selected="">')
  })

  it('reads out its hint and error with the control', () => {
    const html = render({ defaultValue: 'a', hint: 'En av mötets organisationer.', error: 'validation.choose' })
    expect(openingTag(html, select)).toContain('aria-invalid="true"')
    expect(descriptionsOf(html, select)).toEqual(['En av mötets organisationer.', sv['validation.choose']])
  })
})
