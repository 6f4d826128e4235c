import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { CheckboxField, CodeOptions, Field, FieldGroup, NumberField } from '../../app/components/forms/field'
import { ServiceFields } from '../../app/components/registry/service-fields'
import { LocaleContext } from '../../app/i18n/i18n'
import { sv } from '../../app/i18n/sv'
import { conflictingValues } from '../../app/modules/forms/conflict'
import { descriptionsOf, openingTag } from '../support/markup'

describe('what is stored now, after a conflict', () => {
  const changed = conflictingValues(
    { name: 'Mitt namn', hours: '1,5', kind: 'plant', plan: '' },
    { name: 'Deras namn', hours: '1.5', kind: 'school', plan: 'on' },
  )

  it('is given for the fields that differ from the input, numbers compared by value', () => {
    expect(changed('name')).toBe('Deras namn')
    expect(changed('hours')).toBeUndefined()
    expect(changed('kind', (kind) => `label of ${kind}`)).toBe('label of school')
    expect(changed('plan', (ticked) => (ticked ? 'Ja' : 'Nej'))).toBe('Ja')
  })

  it('is never given without a conflict', () => {
    expect(conflictingValues({ name: 'Mitt namn' }, undefined)('name')).toBeUndefined()
  })
})

describe('a field with a current value', () => {
  it('is read out with a text input, after its hint and error', () => {
    const html = renderToStaticMarkup(
      <Field label="Namn" name="name" hint="Som det skrivs" error="validation.required" current="Verket">
        {(props) => <input {...props} type="text" />}
      </Field>,
    )
    expect(descriptionsOf(html, 'input[name="name"]')).toEqual([
      'Som det skrivs',
      sv['validation.required'],
      'Nuvarande värde: Verket',
    ])
  })

  it('shows an empty stored value as a dash, in the chosen language', () => {
    const html = renderToStaticMarkup(
      <LocaleContext.Provider value="en">
        <NumberField label="Reservkraft" name="hours" defaultValue="36" current="" />
      </LocaleContext.Provider>,
    )
    expect(descriptionsOf(html, 'input[name="hours"]')).toEqual(['Current value: –'])
  })

  it('is read out with a number, a checkbox and a group of choices', () => {
    const html = renderToStaticMarkup(
      <>
        <NumberField label="Timmar" name="hours" defaultValue="1,5" current="2" />
        <CheckboxField label="Trygghetspunkt" name="safetyPoint" checked current="Nej" />
        <FieldGroup legend="Synlighet" className="choices" hint="Vem ser vägen" current="Alla">
          <input type="radio" name="visibility" value="network" />
        </FieldGroup>
      </>,
    )
    expect(descriptionsOf(html, 'input[name="hours"]')).toEqual(['Nuvarande värde: 2'])
    expect(descriptionsOf(html, 'input[name="safetyPoint"]')).toEqual(['Nuvarande värde: Nej'])
    expect(descriptionsOf(html, 'fieldset[class="choices"]')).toEqual(['Vem ser vägen', 'Nuvarande värde: Alla'])
  })

  it('is not there without a conflict', () => {
    const html = renderToStaticMarkup(<NumberField label="Timmar" name="hours" defaultValue="1,5" />)
    expect(html).not.toContain('Nuvarande värde')
    expect(openingTag(html, 'input[name="hours"]')).not.toContain('aria-describedby')
  })
})

describe('a number field', () => {
  it('is text with a decimal keypad, so a decimal comma reaches the server', () => {
    const tag = openingTag(
      renderToStaticMarkup(<NumberField label="Timmar" name="hours" defaultValue="1,5" required />),
      'input[name="hours"]',
    )
    expect(tag).toContain('type="text"')
    expect(tag).toContain('inputMode="decimal"')
    expect(tag).toContain('value="1,5"')
    expect(tag).toContain('required=""')
  })

  it('offers a keypad without a decimal sign for whole numbers', () => {
    const tag = openingTag(
      renderToStaticMarkup(<NumberField label="Styrelklass" name="styrelClass" defaultValue="" whole />),
      'input[name="styrelClass"]',
    )
    expect(tag).toContain('inputMode="numeric"')
  })
})

describe('code options', () => {
  it('label each code and keep the chosen one', () => {
    const html = renderToStaticMarkup(
      <select name="kind" defaultValue="school">
        <CodeOptions codes={['plant', 'school']} prefix="siteKind" />
      </select>,
    )
    expect(html).toContain(`<option value="school" selected="">${sv['siteKind.school']}</option>`)
    expect(html).not.toContain('siteKind.')
  })
})

describe('the service form after a conflict', () => {
  const sites = [
    { id: 'a', name: 'Verket' },
    { id: 'b', name: 'Pumpstationen' },
  ]
  const html = renderToStaticMarkup(
    <ServiceFields
      values={{ name: 'Fjärrvärme', sector: 'energy', acceptableOutageHours: '12,5', peopleServed: '900' }}
      siteIds={['a']}
      sites={sites}
      errors={{}}
      current={{
        name: 'Fjärrvärme',
        sector: 'municipal_technical',
        acceptableOutageHours: '12.5',
        peopleServed: '1200',
        hasContinuityPlan: 'on',
        siteNames: 'Pumpstationen',
      }}
    />,
  )

  it('ties each changed value to its field, with labels for codes', () => {
    expect(descriptionsOf(html, 'select[name="sector"]')).toEqual([
      `Nuvarande värde: ${sv['sector.municipal_technical']}`,
    ])
    expect(descriptionsOf(html, 'input[name="peopleServed"]')).toEqual(['Nuvarande värde: 1200'])
    expect(descriptionsOf(html, 'input[name="hasContinuityPlan"]')).toEqual(['Nuvarande värde: Ja'])
    expect(descriptionsOf(html, 'fieldset[class="registry-fieldset"]')).toEqual(['Nuvarande värde: Pumpstationen'])
  })

  it('says nothing beside fields that are the same, a decimal comma included', () => {
    expect(descriptionsOf(html, 'input[name="name"]')).toEqual([])
    expect(descriptionsOf(html, 'input[name="acceptableOutageHours"]')).toEqual([
      sv['services.field.acceptableOutageHint'],
    ])
  })
})
