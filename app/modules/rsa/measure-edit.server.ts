import type { Database } from '~/db/client.server'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { versionField } from '~/modules/forms/fields'
import { formValues } from '~/modules/forms/form-values'
import { parseForm, type FieldErrors } from '~/modules/forms/parse-form'
import { notFound } from '~/modules/http/responses'
import { deleteMeasure, updateMeasure } from './measures.server'
import { checkMeasureChoices } from './plan-action.server'
import { MeasureSchema } from './rsa-forms'
import type { AnalysisWithScope } from './rsa-access.server'

export type MeasureEditOutcome =
  { kind: 'done' } | { kind: 'invalid'; status: 400 | 409; values: Record<string, string>; errors: FieldErrors }

/** Saves or removes one measure under the version its form was loaded with. */
export async function runMeasureEdit(
  db: Database,
  user: SessionUser,
  analysis: AnalysisWithScope,
  id: string,
  formData: FormData,
): Promise<MeasureEditOutcome> {
  const scope = { actorId: user.id, analysis, id }
  const values = formValues(formData)
  const version = versionField.safeParse(formData.get('version'))
  if (!version.success) return { kind: 'invalid', status: 400, values, errors: { _form: 'rsa.invalidRequest' } }
  if (formData.get('intent') === 'delete') {
    const result = await deleteMeasure(db, { ...scope, version: version.data })
    if (result.ok) return { kind: 'done' }
    if (result.error === 'notFound') throw notFound()
    return {
      kind: 'invalid',
      status: 409,
      values: { ...values, version: String(result.current.version) },
      errors: { _form: 'rsa.conflict' },
    }
  }
  const parsed = parseForm(MeasureSchema, formData)
  if (!parsed.ok) return { kind: 'invalid', status: 400, values: parsed.values, errors: parsed.errors }
  const errors = await checkMeasureChoices(db, analysis, parsed.data)
  if (Object.keys(errors).length > 0) return { kind: 'invalid', status: 400, values: parsed.values, errors }
  const result = await updateMeasure(db, { ...scope, version: version.data, ...parsed.data })
  if (result.ok) return { kind: 'done' }
  if (result.error === 'notFound') throw notFound()
  return {
    kind: 'invalid',
    status: 409,
    values: { ...parsed.values, version: String(result.current.version) },
    errors: { _form: 'rsa.conflict' },
  }
}
