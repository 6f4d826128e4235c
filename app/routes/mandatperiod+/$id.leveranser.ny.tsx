import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CodeOptions, Field, FormMessage } from '~/components/forms/field'
import { ItemPicker } from '~/components/forms/organisation-picker'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { getDb } from '~/db/app-db.server'
import { deliverableKinds } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import { requireUser } from '~/modules/auth/guards.server'
import { parseForm } from '~/modules/forms/parse-form'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { readFormData } from '~/modules/http/form-data.server'
import { requireUuid } from '~/modules/http/responses'
import { createDeliverable } from '~/modules/mandate/deliverables.server'
import { requireManageablePeriod } from '~/modules/mandate/mandate-access.server'
import { NewDeliverableSchema, ownerPickers, readOwnerChoice } from '~/modules/mandate/mandate-forms'
import { pickerStates } from '~/modules/organisations/picker.server'

// A deliverable the source document does not pre-fill (a plan of the
// municipality's own, a booked follow-up visit …): the coordinator's.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireManageablePeriod(db, user, id)
  const { pickers } = await pickerStates(
    db,
    request,
    ownerPickers({ ownerUserId: null, ownerOrganisationId: period.organisationId }),
  )
  return { periodId: period.id, pickers, submissionKey: newSubmissionKey() }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireManageablePeriod(db, user, id)
  const formData = await readFormData(request)
  const { picking, pickers } = await pickerStates(db, request, ownerPickers(), formData)
  const parsed = parseForm(NewDeliverableSchema, formData)
  if (picking) return data({ values: parsed.values, errors: {}, pickers })
  const owner = readOwnerChoice(formData, pickers)
  if (!parsed.ok || !owner.ok) {
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...(owner.ok ? {} : owner.errors) }
    return data({ values: parsed.values, errors, pickers }, { status: 400 })
  }
  const { location } = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
    const created = await createDeliverable(tx, {
      actorId: user.id,
      period,
      values: { ...parsed.data, ownerUserId: owner.ownerUserId, ownerOrganisationId: owner.ownerOrganisationId },
    })
    return `/mandatperiod/${period.id}/leveranser/${created.id}`
  })
  throw redirect(location)
}

export default function NewDeliverablePage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values: Record<string, string> = actionData?.values ?? {}
  const errors: Record<string, string> = actionData?.errors ?? {}
  const pickers = actionData?.pickers ?? loaded.pickers
  return (
    <section aria-labelledby="new-deliverable-heading" className="mandate-form-page">
      <h2 id="new-deliverable-heading">{t('mandateCalendar.addDeliverable')}</h2>
      <Form method="post" className="stack mandate-form" noValidate>
        <SubmissionKeyField value={loaded.submissionKey} />
        {Object.keys(errors).length > 0 ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
        <Field label={t('mandateCalendar.column.kind')} name="kind" error={errors.kind}>
          {(props) => (
            <select {...props} required defaultValue={values.kind ?? 'other'}>
              <CodeOptions codes={deliverableKinds} prefix="mandate.kind" />
            </select>
          )}
        </Field>
        <Field label={t('mandateCalendar.field.deliverableTitle')} name="title" error={errors.title}>
          {(props) => <input {...props} type="text" required defaultValue={values.title ?? ''} />}
        </Field>
        <Field label={t('mandateCalendar.field.description')} name="description" error={errors.description}>
          {(props) => <textarea {...props} rows={3} defaultValue={values.description ?? ''} />}
        </Field>
        <div className="field-row">
          <Field
            label={t('mandateCalendar.field.year')}
            name="year"
            hint={t('mandateCalendar.field.yearHint')}
            error={errors.year}
          >
            {(props) => <input {...props} type="text" inputMode="numeric" defaultValue={values.year ?? ''} />}
          </Field>
          <Field
            label={t('mandateCalendar.field.dueDate')}
            name="dueDate"
            hint={t('mandateCalendar.field.dueDateHint')}
            error={errors.dueDate}
          >
            {(props) => <input {...props} type="date" defaultValue={values.dueDate ?? ''} />}
          </Field>
        </div>
        <ItemPicker
          state={pickers.ownerUserId}
          label={t('mandateCalendar.field.ownerPerson')}
          error={errors.ownerUserId}
          single
          noneLabel={t('mandateCalendar.field.noOwnerPerson')}
        />
        <ItemPicker
          state={pickers.ownerOrganisationId}
          label={t('mandateCalendar.field.ownerOrganisation')}
          error={errors.ownerOrganisationId}
          single
          noneLabel={t('mandateCalendar.field.noOwnerOrganisation')}
        />
        <div className="actions">
          <button type="submit" className="button">
            {t('mandateCalendar.addSubmit')}
          </button>
          <Link to={`/mandatperiod/${loaded.periodId}`}>{t('common.cancel')}</Link>
        </div>
      </Form>
    </section>
  )
}
