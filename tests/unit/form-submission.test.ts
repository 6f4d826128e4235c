import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { PasswordSchema } from '../../app/modules/auth/password-policy'
import {
  emailField,
  enumField,
  listField,
  optionalText,
  requiredText,
  uuidField,
  versionField,
} from '../../app/modules/forms/fields'
import { conflictOf, replyWithConflict } from '../../app/modules/forms/conflict'
import { parseSubmission, replyKeepingInput, statusOf } from '../../app/modules/forms/submission'

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

describe('parseSubmission', () => {
  it('parses the text as sent and replies with it', () => {
    const submission = parseSubmission(
      form([
        ['name', '  Åsa Öberg  '],
        ['email', 'asa.oberg@example.org'],
        ['role', 'viewer'],
        ['note', ''],
        ['version', '3'],
      ]),
      InviteLikeSchema,
    )
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value).toEqual({
      name: 'Åsa Öberg',
      email: 'asa.oberg@example.org',
      role: 'viewer',
      note: '',
      version: 3,
    })
    expect(submission.reply()).toMatchObject({
      status: 'success',
      initialValue: { name: '  Åsa Öberg  ', email: 'asa.oberg@example.org', role: 'viewer', version: '3' },
    })
    expect(statusOf(submission)).toBe(200)
  })

  it('gives the first message per field as an i18n key, and keeps what the user typed', () => {
    const submission = parseSubmission(
      form([
        ['name', '   '],
        ['email', 'inte-en-adress'],
        ['role', 'coordinator'],
        ['note', 'alldeles för lång text'],
        ['version', 'x'],
      ]),
      InviteLikeSchema,
    )
    expect(submission.status).toBe('error')
    expect(statusOf(submission)).toBe(400)
    const reply = submission.reply()
    expect(reply.error).toEqual({
      name: ['validation.required'],
      email: ['validation.email'],
      role: ['validation.choose'],
      note: ['validation.tooLong'],
      version: ['validation.required'],
    })
    expect(reply.initialValue).toEqual({
      name: '   ',
      email: 'inte-en-adress',
      role: 'coordinator',
      note: 'alldeles för lång text',
      version: 'x',
    })
  })

  it("turns zod's English defaults into Swedish keys: a missing field is required, a wrong choice asks to choose", () => {
    const schema = z.object({ name: z.string(), kind: z.enum(['a', 'b']), count: z.number() })
    const reply = parseSubmission(form([['kind', 'c']]), schema).reply()
    expect(reply.error).toEqual({
      name: ['validation.required'],
      kind: ['validation.choose'],
      count: ['validation.required'],
    })
    expect(JSON.stringify(reply)).not.toMatch(/Required|Invalid|Expected/)
  })

  it("files an issue without a path as the form's own, under ''", () => {
    const schema = z
      .object({ from: z.string(), to: z.string() })
      .refine((value) => value.from <= value.to, 'validation.formInvalid')
    const reply = parseSubmission(
      form([
        ['from', '2025-02-01'],
        ['to', '2025-01-01'],
      ]),
      schema,
    ).reply()
    expect(reply.error).toEqual({ '': ['validation.formInvalid'] })
  })

  it('does not coerce: an empty field is empty text, "on" is text, and a decimal comma reaches the schema', () => {
    const schema = z.object({ note: z.string(), flag: z.string(), amount: z.string() })
    const submission = parseSubmission(
      form([
        ['note', ''],
        ['flag', 'on'],
        ['amount', '1,5'],
      ]),
      schema,
    )
    expect(submission.status).toBe('success')
    if (submission.status === 'success') expect(submission.value).toEqual({ note: '', flag: 'on', amount: '1,5' })
  })

  it('refuses a NUL character in any value, also where the schema would pass it, and in nested fields', () => {
    const schema = z.object({ name: z.string(), rows: z.array(z.object({ text: z.string() })) })
    const submission = parseSubmission(
      form([
        ['name', 'x\u0000y'],
        ['rows[0].text', 'fin'],
        ['rows[1].text', '\u0000'],
        ['extra', 'a\u0000'],
      ]),
      schema,
    )
    expect(submission.status).toBe('error')
    expect(statusOf(submission)).toBe(400)
    expect(submission.reply().error).toEqual({
      name: ['validation.invalid'],
      'rows[1].text': ['validation.invalid'],
      extra: ['validation.invalid'],
    })
  })

  it("adds the NUL refusal to the schema's own messages and to the caller's", () => {
    const schema = z.object({ name: requiredText(20), email: emailField })
    const submission = parseSubmission(
      form([
        ['name', '\u0000'],
        ['email', 'fel'],
      ]),
      schema,
    )
    expect(submission.reply({ fieldErrors: { other: ['account.wrongCurrent'] } }).error).toEqual({
      name: ['validation.invalid'],
      email: ['validation.email'],
      other: ['account.wrongCurrent'],
    })
  })

  it('never echoes a field whose name says password, whatever its case or depth', () => {
    const schema = z.object({ currentPassword: PasswordSchema, newPassword: PasswordSchema })
    const secret = 'hemligt-lösenord'
    const failed = parseSubmission(
      form([
        ['currentPassword', secret],
        ['newPassword', 'kort'],
        ['PASSWORD', secret],
        ['people[0].password', secret],
        ['people[0].name', 'Kim'],
        ['name', 'Kim'],
      ]),
      schema,
    )
    expect(failed.status).toBe('error')
    const reply = failed.reply({ fieldErrors: { currentPassword: ['account.wrongCurrent'] } })
    expect(reply.initialValue).toEqual({ name: 'Kim', people: [{ name: 'Kim' }] })
    expect(reply.error).toMatchObject({ newPassword: ['password.tooShort'], currentPassword: ['account.wrongCurrent'] })
    expect(JSON.stringify(reply)).not.toContain(secret)

    const passed = parseSubmission(
      form([
        ['currentPassword', secret],
        ['newPassword', secret],
      ]),
      schema,
    )
    expect(passed.status).toBe('success')
    expect(JSON.stringify(passed.reply())).not.toContain(secret)
  })

  it('reads repeated and nested fields as lists and objects, with messages by path', () => {
    const schema = z.object({
      tags: z.array(z.string().min(1, 'validation.required')),
      people: z.array(z.object({ name: requiredText(20), email: emailField })),
    })
    const submission = parseSubmission(
      form([
        ['tags', 'kris'],
        ['tags', 'el'],
        ['people[0].name', 'Kim'],
        ['people[0].email', 'kim@example.org'],
        ['people[1].name', ''],
        ['people[1].email', 'fel'],
      ]),
      schema,
    )
    expect(submission.payload).toEqual({
      tags: ['kris', 'el'],
      people: [
        { name: 'Kim', email: 'kim@example.org' },
        { name: '', email: 'fel' },
      ],
    })
    expect(submission.reply().error).toEqual({
      'people[1].name': ['validation.required'],
      'people[1].email': ['validation.email'],
    })
  })

  it('reads a list field as a list also when its name came once or not at all', () => {
    const id = '11111111-1111-4111-8111-111111111111'
    const other = '22222222-2222-4222-8222-222222222222'
    const schema = z.object({ organisations: listField(uuidField) })
    const values = (entries: [string, string][]) => {
      const submission = parseSubmission(form(entries), schema)
      return submission.status === 'success' ? submission.value.organisations : submission.reply().error
    }
    expect(values([])).toEqual([])
    expect(values([['organisations', id]])).toEqual([id])
    expect(
      values([
        ['organisations', id],
        ['organisations', other],
      ]),
    ).toEqual([id, other])
    expect(values([['organisations', 'x']])).toEqual({ 'organisations[0]': ['validation.choose'] })
  })

  it('refuses a field sent twice where the schema expects one, and a file where it expects text; files are never echoed', () => {
    const schema = z.object({ name: z.string(), note: optionalText(10) })
    const reply = parseSubmission(
      form([
        ['name', 'Första'],
        ['name', 'Andra'],
        ['note', new File(['binary'], 'a.bin')],
      ]),
      schema,
    ).reply()
    expect(reply.error).toEqual({ name: ['validation.invalid'], note: ['validation.tooLong'] })
    expect(reply.initialValue).toEqual({ name: ['Första', 'Andra'] })
  })

  it('leaves a file in the reply as it is where Conform keeps files (the browser)', () => {
    const schema = z.object({ name: z.string() })
    const file = new File(['innehåll'], 'protokoll.pdf')
    const submission = parseSubmission(
      form([
        ['name', 'x'],
        ['attachment', file],
      ]),
      schema,
    )
    // Conform keeps files in the reply only where there is a document.
    const global = globalThis as { document?: unknown }
    global.document = {}
    try {
      expect(submission.reply().initialValue).toEqual({ name: 'x', attachment: file })
    } finally {
      delete global.document
    }
    expect(submission.reply().initialValue).toEqual({ name: 'x' })
  })

  it("answers a hand-made post with a broken Conform intent with the form's message, not an exception", () => {
    const schema = z.object({ name: requiredText(20) })
    for (const intent of ['{', '{"type":"insert","payload":{"name":"name"}}', 'null', '"x"']) {
      const submission = parseSubmission(
        form([
          ['__intent__', intent],
          ['name', 'Kim'],
        ]),
        schema,
      )
      expect(submission.status, intent).toBe('error')
      expect(submission.reply().error, intent).toMatchObject({ '': ['validation.invalid'] })
    }
    const state = parseSubmission(
      form([
        ['__state__', 'inte json'],
        ['name', 'Kim'],
      ]),
      schema,
    )
    expect(state.status).toBe('error')
  })

  it('keeps the input without messages for a post that only searched', () => {
    const schema = z.object({ name: requiredText(20) })
    const reply = replyKeepingInput(parseSubmission(form([['name', '']]), schema))
    expect(reply.error).toBeUndefined()
    expect(reply.status).toBeUndefined()
    expect(reply.fields).toEqual(['name'])
  })
})

describe('replyWithConflict', () => {
  const schema = z.object({ name: requiredText(200), description: optionalText(4000), version: versionField })

  it('keeps the input, gives the form its message and adds the stored record', () => {
    const submission = parseSubmission(
      form([
        ['name', 'Något annat'],
        ['description', ''],
        ['version', '1'],
      ]),
      schema,
    )
    const current = { name: 'Posom-gruppen', description: '', version: '2' }
    const reply = replyWithConflict(submission, current, 'networks.conflict')
    expect(reply).toMatchObject({
      status: 'error',
      error: { '': ['networks.conflict'] },
      initialValue: { name: 'Något annat', version: '1' },
      current,
    })
    // Beside each field: what is stored now, where it differs from what was sent.
    const stored = conflictOf(reply)
    expect(stored('name')).toBe('Posom-gruppen')
    expect(stored('description')).toBeUndefined()
    expect(conflictOf(undefined)('name')).toBeUndefined()
  })

  it('survives the trip to the browser as plain data', () => {
    const submission = parseSubmission(form([['name', 'x']]), schema)
    const reply = replyWithConflict(submission, { name: 'y', description: 'z', version: '4' }, 'networks.conflict')
    const travelled = JSON.parse(JSON.stringify(reply)) as typeof reply
    expect(travelled.current.version).toBe('4')
    expect(conflictOf(travelled)('description', (value) => `«${value}»`)).toBe('«z»')
  })
})
