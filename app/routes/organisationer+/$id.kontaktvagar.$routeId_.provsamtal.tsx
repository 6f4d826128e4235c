import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ContactCheckTable } from '~/components/contacts/contact-check-table'
import { ContactRouteCard } from '~/components/contacts/contact-route-card'
import type { OrganisationPageHandle } from '~/components/organisations/organisation-header'
import { Field, FieldGroup, FormMessage } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { getDb } from '~/db/app-db.server'
import { translator, useT } from '~/i18n/i18n'
import { getLocale } from '~/i18n/locale.server'
import { pageTitle } from '~/i18n/page-title'
import { parseForm } from '~/modules/forms/parse-form'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { redirectTo, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import {
  contactRouteView,
  listContactChecks,
  requireEditableContactRoute,
} from '~/modules/contacts/contact-pages.server'
import { ContactCheckSchema } from '~/modules/contacts/contact-route-form'
import { recordContactCheck } from '~/modules/contacts/contact-routes.server'
import { readFormData } from '~/modules/http/form-data.server'
import { saved } from '~/modules/http/flash.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { route, organisation } = await requireEditableContactRoute(request, params)
  const checks = await listContactChecks(await getDb(), route.id)
  const t = translator(getLocale(request))
  return {
    organisation: { id: organisation.id, name: organisation.name },
    route: contactRouteView(route, checks[0]),
    checks: checks.map((check) => ({ ...check, checkedAt: check.checkedAt.toISOString() })),
    title: `${t('contacts.meta.check', { name: organisation.name })} – ${t('app.name')}`,
    submissionKey: newSubmissionKey(),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, route, organisation } = await requireEditableContactRoute(request, params)
  const formData = await readFormData(request)
  const parsed = parseForm(ContactCheckSchema, formData)
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
  const submitted = await submitOnce(await getDb(), submissionOf(request, formData, user.id), async (tx) => {
    await recordContactCheck(tx, {
      actorId: user.id,
      route,
      reached: parsed.data.reached === 'yes',
      note: parsed.data.note,
    })
    return { location: `/organisationer/${organisation.id}`, notice: saved('contacts.flash.provsamtal') }
  })
  throw redirectTo(submitted)
}

export const handle: OrganisationPageHandle<typeof loader> = {
  heading: (t, data) => t('contacts.checkTitle', { name: data.organisation.name }),
  narrow: true,
}

export default function ContactCheckPage() {
  const t = useT()
  const { organisation, route, checks, submissionKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors: Record<string, string> = actionData?.errors ?? {}
  const values: Record<string, string> = actionData?.values ?? {}
  const back = `/organisationer/${organisation.id}`
  return (
    <>
      <ContactRouteCard route={route} />
      {actionData ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
      <Form method="post" className="stack" noValidate>
        <SubmissionKeyField value={submissionKey} />
        <FieldGroup legend={t('contacts.field.reached')} className="choices" error={errors.reached}>
          {(['yes', 'no'] as const).map((answer) => (
            <label key={answer} className="choice">
              <input type="radio" name="reached" value={answer} defaultChecked={values.reached === answer} />
              {t(`contacts.reached.${answer}`)}
            </label>
          ))}
        </FieldGroup>
        <Field label={t('contacts.field.note')} name="note" error={errors.note}>
          {(props) => <textarea {...props} rows={3} maxLength={1000} defaultValue={values.note ?? ''} />}
        </Field>
        <div className="actions">
          <button type="submit" className="button">
            {t('contacts.checkSave')}
          </button>
          <Link to={back}>{t('common.cancel')}</Link>
        </div>
      </Form>
      <section aria-labelledby="tidigare">
        <h2 id="tidigare">{t('contacts.checkHistory')}</h2>
        <ContactCheckTable checks={checks} caption={t('contacts.checkHistory')} />
      </section>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  data ? { title: data.title } : pageTitle(matches),
]
