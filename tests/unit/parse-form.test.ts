import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { PASSWORD_MAX, PASSWORD_MIN, PasswordSchema } from '../../app/modules/auth/password-policy'
import { emailField, enumField, optionalText, requiredText, versionField } from '../../app/modules/forms/fields'
import { parseForm } from '../../app/modules/forms/parse-form'

function form(entries: [string, string | Blob][]): FormData {
  const data = new FormData()
  for (const [key, value] of entries) data.append(key, value)
  return data
}

const InviteLikeSchema = z.object({
  name: requiredText(20),
  email: emailField,
  role: enumField(['viewer', 'partner_editor'] as const),
  note: optionalText(10),
  version: versionField,
})

describe('parseForm', () => {
  it('returns the parsed data and the submitted values', () => {
    const result = parseForm(
      InviteLikeSchema,
      form([
        ['name', '  Åsa Öberg  '],
        ['email', 'asa.oberg@example.org'],
        ['role', 'viewer'],
        ['version', '3'],
      ]),
    )
    expect(result).toEqual({
      ok: true,
      data: { name: 'Åsa Öberg', email: 'asa.oberg@example.org', role: 'viewer', note: '', version: 3 },
      values: { name: '  Åsa Öberg  ', email: 'asa.oberg@example.org', role: 'viewer', version: '3' },
    })
  })

  it('gives the first message per field as an i18n key and keeps what the user typed', () => {
    const result = parseForm(
      InviteLikeSchema,
      form([
        ['name', '   '],
        ['email', 'inte-en-adress'],
        ['role', 'coordinator'],
        ['note', 'alldeles för lång text'],
        ['version', 'x'],
      ]),
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual({
      name: 'validation.required',
      email: 'validation.email',
      role: 'validation.choose',
      note: 'validation.tooLong',
      version: 'validation.required',
    })
    expect(result.values).toEqual({
      name: '   ',
      email: 'inte-en-adress',
      role: 'coordinator',
      note: 'alldeles för lång text',
      version: 'x',
    })
  })

  it('reports missing fields as required', () => {
    const result = parseForm(InviteLikeSchema, form([]))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.name).toBe('validation.required')
    expect(result.errors.email).toBe('validation.required')
    expect(result.errors.role).toBe('validation.choose')
    expect(result.errors).not.toHaveProperty('note')
    expect(result.values).toEqual({})
  })

  it('never echoes a password field, whatever its case', () => {
    const schema = z.object({ currentPassword: PasswordSchema, newPassword: PasswordSchema, password: PasswordSchema })
    const secret = 'hemligt-lösenord'
    const failed = parseForm(
      schema,
      form([
        ['currentPassword', secret],
        ['newPassword', 'kort'],
        ['PASSWORD', secret],
        ['name', 'Kim'],
      ]),
    )
    expect(failed.ok).toBe(false)
    expect(failed.values).toEqual({ name: 'Kim' })
    expect(JSON.stringify(failed)).not.toContain(secret)

    const passed = parseForm(
      schema,
      form([
        ['currentPassword', secret],
        ['newPassword', secret],
        ['password', secret],
      ]),
    )
    expect(passed.ok).toBe(true)
    expect(passed.values).toEqual({})
  })

  it('uses the first value of a repeated field and ignores uploaded files', () => {
    const schema = z.object({ name: requiredText(20) })
    const result = parseForm(
      schema,
      form([
        ['name', 'Första'],
        ['name', 'Andra'],
        ['attachment', new Blob(['binary'])],
      ]),
    )
    expect(result).toEqual({ ok: true, data: { name: 'Första' }, values: { name: 'Första' } })
  })

  it('files an error without a path under _form', () => {
    const schema = z
      .object({ from: z.string(), to: z.string() })
      .refine((value) => value.from <= value.to, 'validation.formInvalid')
    const result = parseForm(
      schema,
      form([
        ['from', '2025-02-01'],
        ['to', '2025-01-01'],
      ]),
    )
    expect(result).toMatchObject({ ok: false, errors: { _form: 'validation.formInvalid' } })
  })
})

describe('PasswordSchema', () => {
  const message = (value: unknown) => {
    const result = PasswordSchema.safeParse(value)
    return result.success ? null : result.error.issues[0]!.message
  }

  it('accepts 8 to 128 characters', () => {
    expect(PASSWORD_MIN).toBe(8)
    expect(PASSWORD_MAX).toBe(128)
    expect(message('a'.repeat(8))).toBeNull()
    expect(message('a'.repeat(128))).toBeNull()
  })

  it('refuses 7 and 129 characters', () => {
    expect(message('a'.repeat(7))).toBe('password.tooShort')
    expect(message('a'.repeat(129))).toBe('password.tooLong')
    expect(message('')).toBe('password.tooShort')
  })

  it('requires a value', () => {
    expect(message(undefined)).toBe('password.required')
  })

  it('counts Swedish letters as one character each', () => {
    expect(message('åäöÅÄÖé')).toBe('password.tooShort')
    expect(message('åäöÅÄÖéü')).toBeNull()
    expect(message('ö'.repeat(128))).toBeNull()
    expect(message('ö'.repeat(129))).toBe('password.tooLong')
  })

  it('counts an emoji as one character although it takes two UTF-16 units', () => {
    const fire = '🔥'
    expect(fire.length).toBe(2)
    expect(message(fire.repeat(7))).toBe('password.tooShort')
    expect(message(fire.repeat(8))).toBeNull()
    expect(message(fire.repeat(128))).toBeNull()
    expect(message(fire.repeat(129))).toBe('password.tooLong')
    expect(message(`${fire.repeat(4)}åäö!`)).toBeNull()
  })

  it('does not trim: spaces count and are kept', () => {
    expect(PasswordSchema.parse('  mellanslag  ')).toBe('  mellanslag  ')
    expect(message(' abcdef ')).toBeNull()
  })
})

describe('password normalisation', () => {
  it('counts a decomposed å as one character', async () => {
    const decomposed = 'a\u030a'.repeat(8)
    expect(PasswordSchema.safeParse(decomposed).success).toBe(true)
    expect(PasswordSchema.safeParse('a\u030a'.repeat(7)).success).toBe(false)
  })

  it('accepts the decomposed form of a password hashed in composed form', async () => {
    const { hashPassword, verifyPassword } = await import('../../app/modules/auth/password.server')
    const stored = await hashPassword('Vårgårda-kris-2026')
    expect(await verifyPassword(stored, 'Vargarda-kris-2026')).toBe(false)
    expect(await verifyPassword(stored, 'Va\u030arga\u030arda-kris-2026')).toBe(true)
  })
})
