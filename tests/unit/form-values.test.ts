import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { formValues, indexedName, indexedRows } from '../../app/modules/forms/form-values'
import { parseValues } from '../../app/modules/forms/parse-form'

function form(entries: [string, string | Blob][]): FormData {
  const data = new FormData()
  for (const [key, value] of entries) data.append(key, value)
  return data
}

const file = () => new File(['a;b\n1;2\n'], 'lista.csv', { type: 'text/csv' })

describe('the text a form sent', () => {
  it('keeps every field by name, as typed', () => {
    expect(
      formValues(
        form([
          ['title', '  Elavbrott  '],
          ['version', '3'],
          ['note', ''],
        ]),
      ),
    ).toEqual({
      title: '  Elavbrott  ',
      version: '3',
      note: '',
    })
  })

  it('keeps the first value of a field sent twice', () => {
    expect(
      formValues(
        form([
          ['intent', 'save'],
          ['title', 'Först'],
          ['intent', 'delete'],
          ['title', 'Sedan'],
        ]),
      ),
    ).toEqual({ intent: 'save', title: 'Först' })
  })

  it('passes over files, also when a text of the same name follows', () => {
    expect(
      formValues(
        form([
          ['file', file()],
          ['file', 'text'],
          ['attachment', file()],
          ['year', '2025'],
        ]),
      ),
    ).toEqual({
      file: 'text',
      year: '2025',
    })
  })

  it('reads no name an object already answers to', () => {
    const values = formValues(
      form([
        ['__proto__', 'x'],
        ['constructor', 'y'],
        ['name', 'z'],
      ]),
    )
    expect(Object.keys(values)).toEqual(['name'])
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype)
  })

  it('is empty for an empty form', () => {
    expect(formValues(new FormData())).toEqual({})
  })
})

describe('a schema over values already read', () => {
  const schema = z.object({ kind: z.enum(['observation', 'task']), text: z.string().min(1) })

  it('validates what the caller fixed, not what the form sent', () => {
    const sent = formValues(
      form([
        ['kind', 'decision'],
        ['text', 'Klart'],
      ]),
    )
    expect(parseValues(schema, { ...sent, kind: 'task' })).toEqual({
      ok: true,
      data: { kind: 'task', text: 'Klart' },
      values: { kind: 'task', text: 'Klart' },
    })
  })

  it('keeps the NUL check and never echoes a password', () => {
    const result = parseValues(schema, { kind: 'task', text: 'a\u0000b', newPassword: 'hemligt' })
    expect(result).toEqual({
      ok: false,
      errors: { text: 'validation.invalid' },
      values: { kind: 'task', text: 'a\u0000b' },
    })
  })
})

describe('rows of repeated fields', () => {
  const fields = ['serviceId', 'status', 'needs'] as const

  it('names a row’s field by its index', () => {
    expect(indexedName('services', 2, 'status')).toBe('services[2].status')
  })

  it('groups the fields by index, in index order, every value of a field kept in the order sent', () => {
    const data = form([
      ['services[1].serviceId', 'b'],
      ['services[0].serviceId', 'a'],
      ['services[0].needs', 'fuel'],
      ['services[0].needs', 'staff'],
      ['services[0].status', 'backup'],
      ['services[0].status', 'normal'],
      ['services[10].status', 'normal'],
    ])
    expect(indexedRows(data, 'services', fields, 1_000)).toEqual([
      { index: 0, values: { serviceId: ['a'], status: ['backup', 'normal'], needs: ['fuel', 'staff'] } },
      { index: 1, values: { serviceId: ['b'], status: [], needs: [] } },
      { index: 10, values: { serviceId: [], status: ['normal'], needs: [] } },
    ])
  })

  it('ignores unknown fields, other prefixes, malformed names and files', () => {
    const data = form([
      ['services[0].serviceId', 'a'],
      ['services[0].unknown', 'x'],
      ['services[0].constructor', 'x'],
      ['services[0]', 'x'],
      ['services.0.status', 'x'],
      ['services[x].status', 'x'],
      ['services[-1].status', 'x'],
      ['services[0].status.more', 'x'],
      ['servicesX[0].status', 'x'],
      ['other[0].status', 'x'],
      ['services[0].needs', file()],
      ['services[1].unknown', 'x'],
    ])
    expect(indexedRows(data, 'services', fields, 1_000)).toEqual([
      { index: 0, values: { serviceId: ['a'], status: [], needs: [] } },
    ])
  })

  it('reads a prefix as it is written, not as a pattern', () => {
    const data = form([
      ['f.x[0].status', 'a'],
      ['fax[1].status', 'b'],
    ])
    expect(indexedRows(data, 'f.x', fields, 10)).toEqual([
      { index: 0, values: { serviceId: [], status: ['a'], needs: [] } },
    ])
  })

  it('makes no row at or past the limit, however the index is written', () => {
    const data = form([
      ['services[999].serviceId', 'last'],
      ['services[1000].serviceId', 'one too many'],
      ['services[0999].serviceId', 'padded'],
      ['services[99999].serviceId', 'far'],
    ])
    expect(indexedRows(data, 'services', fields, 1_000)).toEqual([
      { index: 999, values: { serviceId: ['last', 'padded'], status: [], needs: [] } },
    ])
    expect(
      indexedRows(
        form([
          ['r[2].status', 'x'],
          ['r[1].status', 'y'],
        ]),
        'r',
        fields,
        2,
      ),
    ).toEqual([{ index: 1, values: { serviceId: [], status: ['y'], needs: [] } }])
  })

  it('holds no more rows than the limit, however many are sent', () => {
    const data = new FormData()
    for (let index = 0; index < 5_000; index++) data.append(indexedName('services', index, 'serviceId'), `s${index}`)
    const rows = indexedRows(data, 'services', fields, 1_000)
    expect(rows).toHaveLength(1_000)
    expect(rows.at(-1)?.index).toBe(999)
  })
})
