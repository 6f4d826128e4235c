import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Field, FormMessage, NumberField } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import { parseForm } from '~/modules/forms/parse-form'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { refuse, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { readFormData } from '~/modules/http/form-data.server'
import { stockholmToday } from '~/modules/mandate/deliverable-state'
import { defaultPeriodTitle, NewPeriodSchema, nextPeriodStart } from '~/modules/mandate/mandate-forms'
import { isMunicipality, municipalityOptions, ownMunicipality } from '~/modules/mandate/period-options.server'
import { createPeriod } from '~/modules/mandate/periods.server'
import mandateStyles from '~/styles/mandate.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: mandateStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'mandate.manage')
  const municipalities = await municipalityOptions(await getDb())
  const start = nextPeriodStart(Number(stockholmToday().slice(0, 4)))
  return {
    municipalities,
    defaults: {
      title: defaultPeriodTitle(start, start + 3),
      startYear: String(start),
      endYear: String(start + 3),
      organisationId: ownMunicipality(user, municipalities) ?? '',
    },
    submissionKey: newSubmissionKey(),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'mandate.manage')
  const formData = await readFormData(request)
  const db = await getDb()
  const parsed = parseForm(NewPeriodSchema, formData)
  if (!parsed.ok) return data({ values: parsed.values, errors: parsed.errors }, { status: 400 })
  if (!(await isMunicipality(db, parsed.data.organisationId))) {
    return data({ values: parsed.values, errors: { organisationId: 'validation.choose' } }, { status: 400 })
  }
  const { startYear, endYear, organisationId } = parsed.data
  const created = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
    const result = await createPeriod(tx, {
      title: parsed.data.title || defaultPeriodTitle(startYear, endYear),
      startYear,
      endYear,
      organisationId,
      actorId: user.id,
      actorOrganisationId: user.memberships.find((m) => m.role === 'coordinator')?.organisationId ?? null,
    })
    return result.ok ? `/mandatperiod/${result.period.id}` : refuse(result.error)
  })
  if ('refused' in created) {
    return data({ values: parsed.values, errors: { startYear: 'mandateCalendar.validation.exists' } }, { status: 400 })
  }
  throw redirect(created.location)
}

export default function NewMandatePeriodPage() {
  const t = useT()
  const { municipalities, defaults, submissionKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values: Record<string, string> = actionData?.values ?? defaults
  const errors: Record<string, string> = actionData?.errors ?? {}
  return (
    <div className="page page--narrow mandate-page">
      <h1>{t('mandateCalendar.create')}</h1>
      <p>{t('mandateCalendar.createIntro')}</p>
      <Form method="post" className="stack" noValidate>
        <SubmissionKeyField value={submissionKey} />
        {Object.keys(errors).length > 0 ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
        <Field
          label={t('mandateCalendar.field.title')}
          name="title"
          error={errors.title}
          hint={t('mandateCalendar.field.titleHint')}
        >
          {(props) => <input {...props} type="text" defaultValue={values.title ?? ''} />}
        </Field>
        <div className="field-row">
          <NumberField
            label={t('mandateCalendar.field.startYear')}
            name="startYear"
            error={errors.startYear}
            defaultValue={values.startYear}
            whole
            required
          />
          <NumberField
            label={t('mandateCalendar.field.endYear')}
            name="endYear"
            error={errors.endYear}
            defaultValue={values.endYear}
            whole
            required
          />
        </div>
        <Field label={t('mandateCalendar.field.municipality')} name="organisationId" error={errors.organisationId}>
          {(props) => (
            <select {...props} required defaultValue={values.organisationId ?? ''}>
              <option value="">{t('mandateCalendar.field.choose')}</option>
              {municipalities.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button">
            {t('mandateCalendar.createSubmit')}
          </button>
          <Link to="/mandatperiod">{t('common.cancel')}</Link>
        </div>
      </Form>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'mandateCalendar.meta.new')]
