import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Field, FormMessage, NumberField } from '~/components/forms/field'
import { getDb } from '~/db/app-db.server'
import type { Database } from '~/db/client.server'
import type { MandatePeriod } from '~/db/schema/mandate'
import { useT } from '~/i18n/i18n'
import { requireUser } from '~/modules/auth/guards.server'
import type { SessionUser } from '~/modules/auth/sessions.server'
import { conflictingValues } from '~/modules/forms/conflict'
import { parseForm } from '~/modules/forms/parse-form'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'
import { badRequest, notFound, requireUuid } from '~/modules/http/responses'
import { stockholmToday } from '~/modules/mandate/deliverable-state'
import { requireManageablePeriod } from '~/modules/mandate/mandate-access.server'
import { PeriodSettingsSchema, ShareSchema } from '~/modules/mandate/mandate-forms'
import { setCalendarShared, updatePeriodSettings } from '~/modules/mandate/period-settings.server'

// The coordinator's settings of the period: its title, after how many months
// a person's training counts as old, and sharing the calendar with the
// partners (what is due when, never documents or notes).

const settingsValues = (period: MandatePeriod) => ({
  version: String(period.version),
  title: period.title,
  trainingValidMonths: String(period.trainingValidMonths),
})

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const period = await requireManageablePeriod(await getDb(), user, id)
  return {
    values: settingsValues(period),
    sharedOn: period.calendarSharedAt ? stockholmToday(period.calendarSharedAt) : null,
  }
}

type Outcome =
  | { kind: 'saved'; what: 'settings' | 'shared' | 'unshared' }
  | {
      kind: 'invalid'
      values: Record<string, string>
      errors: Record<string, string>
      current?: Record<string, string>
    }

interface Context {
  db: Database
  user: SessionUser
  period: MandatePeriod
}

type SaveResult = Awaited<ReturnType<typeof updatePeriodSettings>>

function outcomeOf(result: SaveResult, what: 'settings' | 'shared' | 'unshared', values: Record<string, string>) {
  if (result.ok) return data<Outcome>({ kind: 'saved', what })
  if (result.error === 'notFound') throw notFound()
  return data<Outcome>(
    {
      kind: 'invalid',
      values: { ...values, version: String(result.current.version) },
      errors: { _form: 'mandateCalendar.conflict' },
      current: settingsValues(result.current),
    },
    { status: 409 },
  )
}

async function save({ db, user, period }: Context, formData: FormData) {
  const parsed = parseForm(PeriodSettingsSchema, formData)
  if (!parsed.ok)
    return data<Outcome>({ kind: 'invalid', values: parsed.values, errors: parsed.errors }, { status: 400 })
  const result = await updatePeriodSettings(db, { actorId: user.id, id: period.id, ...parsed.data })
  return outcomeOf(result, 'settings', parsed.values)
}

async function setShared({ db, user, period }: Context, formData: FormData, shared: boolean) {
  const parsed = parseForm(ShareSchema, formData)
  if (!parsed.ok) throw badRequest()
  const result = await setCalendarShared(db, {
    actorId: user.id,
    id: period.id,
    version: parsed.data.version,
    shared,
  })
  return outcomeOf(result, shared ? 'shared' : 'unshared', settingsValues(period))
}

const share = (context: Context, formData: FormData) => setShared(context, formData, true)
const unshare = (context: Context, formData: FormData) => setShared(context, formData, false)

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const period = await requireManageablePeriod(db, user, id)
  const formData = await readFormData(request)
  return dispatchIntent(formData, { save, share, unshare }, { db, user, period }, formData)
}

export default function PeriodSettingsPage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const outcome = useActionData<typeof action>()
  const invalid = outcome?.kind === 'invalid' ? outcome : null
  const values = invalid?.values ?? loaded.values
  const errors = invalid?.errors ?? {}
  const changed = conflictingValues(values, invalid?.current)
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('mandateCalendar.settings.heading')}</h2>
      {outcome?.kind === 'saved' ? (
        <FormMessage kind="success">{t(`mandateCalendar.settings.saved.${outcome.what}`)}</FormMessage>
      ) : null}
      {errors._form ? <FormMessage kind="error">{t('mandateCalendar.conflict')}</FormMessage> : null}
      {Object.keys(errors).some((key) => key !== '_form') ? (
        <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage>
      ) : null}
      <Form method="post" className="stack mandate-form" noValidate key={values.version}>
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={values.version} />
        <Field label={t('mandateCalendar.field.title')} name="title" error={errors.title} current={changed('title')}>
          {(props) => <input {...props} type="text" required defaultValue={values.title} />}
        </Field>
        <NumberField
          label={t('mandateCalendar.field.trainingValidMonths')}
          name="trainingValidMonths"
          hint={t('mandateCalendar.field.trainingValidMonthsHint')}
          error={errors.trainingValidMonths}
          current={changed('trainingValidMonths')}
          defaultValue={values.trainingValidMonths}
          whole
          required
        />
        <div className="actions">
          <button type="submit" className="button">
            {t('common.save')}
          </button>
        </div>
      </Form>
      <section aria-labelledby="sharing-heading">
        <h3 id="sharing-heading">{t('mandateCalendar.settings.sharingHeading')}</h3>
        <p>
          {loaded.sharedOn
            ? t('mandateCalendar.settings.isShared', { date: loaded.sharedOn })
            : t('mandateCalendar.settings.isNotShared')}
        </p>
        <p className="muted">{t('mandateCalendar.settings.sharingHint')}</p>
        <Form method="post">
          <input type="hidden" name="intent" value={loaded.sharedOn ? 'unshare' : 'share'} />
          <input type="hidden" name="version" value={loaded.values.version} />
          <button type="submit" className={loaded.sharedOn ? 'button button--secondary' : 'button'}>
            {loaded.sharedOn ? t('mandateCalendar.settings.unshare') : t('mandateCalendar.settings.share')}
          </button>
        </Form>
      </section>
    </section>
  )
}
