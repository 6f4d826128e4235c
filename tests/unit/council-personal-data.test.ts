import { describe, expect, it } from 'vitest'
import { findPersonalData } from '../../app/modules/council/personal-data'

// Personal identity numbers only from Skatteverket's examples and test numbers;
// phone numbers only from the ranges PTS reserves for fiction.
describe('findPersonalData', () => {
  it.each([
    'Han som bor där har personnummer 19121212-1212',
    '121212-1212 brukar stå vid kiosken',
    '191212121212',
    'samordningsnummer 701063-2391',
    '121212+1212',
  ])('finds a personal identity number in %j', (text) => {
    expect(findPersonalData(text)).toBe('personalNumber')
  })

  it.each([
    'Ring 070-174 06 05 om det händer igen',
    'ring 0701740605',
    '031-390 06 00',
    '08-465 004 00',
    '+46 70 174 06 05',
    '0046701740605',
    '0980-31 92 00',
  ])('finds a phone number in %j', (text) => {
    expect(findPersonalData(text)).toBe('phoneNumber')
  })

  it.each([
    'Trasig belysning vid gångtunneln under Södra vägen sedan 2026-11-20',
    'Klotter på fasaden, ca 3 x 2 meter, trappuppgång 12B',
    'Ungdomar samlas vid busshållplatsen kl 22.30 varje fredag',
    'Brand i soprum, 4 containrar, 27.11.2026',
    'Postnummer 447 30, Vårgårda',
    '',
  ])('lets %j through', (text) => {
    expect(findPersonalData(text)).toBeNull()
  })
})
