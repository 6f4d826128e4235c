import { Form, useNavigation } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import { formatDateTime } from '~/i18n/format'
import { translateMessage, useLocale, useT } from '~/i18n/i18n'

/** The call-out: when it last went, what the last one did, and the one button that sends it (again). */
export function CalloutPanel({
  exercise,
  ended,
  organisations: count,
  lastCalledOutAt,
  notice,
  done,
}: {
  exercise: boolean
  ended: boolean
  organisations: number
  lastCalledOutAt: string | null
  /** A refusal's message key. */
  notice: string | null
  done: { organisations: number; sent: number; failed: number; withoutEmail: string[] } | null
}) {
  const t = useT()
  const locale = useLocale()
  const navigation = useNavigation()
  const callingOut = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'callout'
  return (
    <section className="callout-panel" aria-labelledby="callout-heading">
      <h2 id="callout-heading">{t('eventReport.callout.title')}</h2>
      {notice ? <FormMessage kind="error">{translateMessage(t, notice)}</FormMessage> : null}
      {done ? (
        <FormMessage kind="success">
          {t('eventReport.callout.done', {
            organisations: done.organisations,
            sent: done.sent,
            failed: done.failed,
          })}
          {done.withoutEmail.length > 0 ? (
            <> {t('eventReport.callout.withoutEmail', { names: done.withoutEmail.join(', ') })}</>
          ) : null}
        </FormMessage>
      ) : null}
      <p>
        {lastCalledOutAt
          ? t('eventReport.callout.last', { time: formatDateTime(locale, lastCalledOutAt) })
          : t('eventReport.callout.never')}
      </p>
      {ended ? (
        <p>{t('eventReport.callout.ended')}</p>
      ) : count === 0 ? (
        <p>{t('eventReport.callout.noOrganisations')}</p>
      ) : (
        <Form method="post" className="stack">
          <p>{t('eventReport.callout.intro')}</p>
          <p className="muted">{t('eventReport.callout.hint')}</p>
          <div className="actions">
            <button type="submit" name="intent" value="callout" className="button" disabled={callingOut}>
              {t(exercise ? 'eventReport.callout.submitExercise' : 'eventReport.callout.submit', { count })}
            </button>
          </div>
        </Form>
      )}
    </section>
  )
}
