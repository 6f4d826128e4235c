import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Field, FormMessage, NumberField } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { ParticipantFields } from '~/components/rsa/participant-fields'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { parseForm } from '~/modules/forms/parse-form'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { redirectTo, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { forbidden } from '~/modules/http/responses'
import { createAnalysis, participantOptions } from '~/modules/rsa/analyses.server'
import { NewAnalysisSchema, participantPickers, readParticipantChoice } from '~/modules/rsa/rsa-forms'
import { analysisOwnerFor } from '~/modules/rsa/rsa-access.server'
import rsaStyles from '~/styles/rsa.css?url'
import { readFormData } from '~/modules/http/form-data.server'
import { pickerStates } from '~/modules/organisations/picker.server'
import { saved } from '~/modules/http/flash.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: rsaStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'rsa.manage')
  const year = new Date().getFullYear()
  // The mandate period starts the year after the ordinary election (2026, 2030 …).
  const start = year + ((((2027 - year) % 4) + 4) % 4)
  const db = await getDb()
  const [options, { pickers }] = await Promise.all([
    participantOptions(db),
    pickerStates(db, request, participantPickers([])),
  ])
  return {
    networks: options.networks,
    pickers,
    defaults: { periodStart: String(start), periodEnd: String(start + 3) },
    submissionKey: newSubmissionKey(),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'rsa.manage')
  const formData = await readFormData(request)
  const db = await getDb()
  const { picking, pickers } = await pickerStates(db, request, participantPickers(), formData)
  const parsed = parseForm(NewAnalysisSchema, formData)
  const participants = readParticipantChoice(formData)
  if (picking) {
    const organisationIds = pickers.organisationIds.selected.map((item) => item.id)
    return data({ values: parsed.values, participants: { ...participants, organisationIds }, errors: {}, pickers })
  }
  if (!parsed.ok) return data({ values: parsed.values, participants, errors: parsed.errors, pickers }, { status: 400 })
  const organisationId = analysisOwnerFor(user)
  if (!organisationId) throw forbidden()
  const submitted = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
    const created = await createAnalysis(tx, { actorId: user.id, organisationId, ...parsed.data, ...participants })
    return { location: `/rsa/${created.id}/installningar`, notice: saved('rsa.done.created') }
  })
  throw redirectTo(submitted)
}

export default function NewAnalysisPage() {
  const t = useT()
  const { networks, pickers, defaults, submissionKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values: Record<string, string> = actionData?.values ?? defaults
  const errors: Record<string, string> = actionData?.errors ?? {}
  return (
    <div className="page page--narrow">
      <h1>{t('rsa.create')}</h1>
      <p>{t('rsa.createIntro')}</p>
      <Form method="post" className="stack" noValidate>
        <SubmissionKeyField value={submissionKey} />
        {Object.keys(errors).length > 0 ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
        <Field label={t('rsa.analysisTitle')} name="title" error={errors.title}>
          {(props) => <input {...props} type="text" required defaultValue={values.title ?? ''} />}
        </Field>
        <div className="field-row">
          <NumberField
            label={t('rsa.periodStart')}
            name="periodStart"
            error={errors.periodStart}
            defaultValue={values.periodStart}
            whole
            required
          />
          <NumberField
            label={t('rsa.periodEnd')}
            name="periodEnd"
            error={errors.periodEnd}
            defaultValue={values.periodEnd}
            whole
            required
          />
        </div>
        <ParticipantFields state={(actionData?.pickers ?? pickers).organisationIds} networks={networks} />
        <div className="actions">
          <button type="submit" className="button">
            {t('rsa.createSubmit')}
          </button>
          <Link to="/rsa">{t('common.cancel')}</Link>
        </div>
      </Form>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'rsa.meta.new')]
