import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useKeptActionData } from '~/components/events/use-kept-action-data'
import { KeyMessageFields } from '~/components/events/key-message-fields'
import { KeyMessageActions } from '~/components/events/key-message-actions'
import { KeyMessageList } from '~/components/events/key-message-list'
import { WritingOrganisationField } from '~/components/events/log-entry-fields'
import { useFormGeneration } from '~/components/events/use-form-generation'
import { FormMessage } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { loadKeyMessagesPage, runKeyMessageAction } from '~/modules/events/key-message-actions.server'
import { readableEventPage } from '~/modules/events/event-page.server'
import eventLogStyles from '~/styles/event-log.css?url'

export const links = () => [{ rel: 'stylesheet', href: eventLogStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadKeyMessagesPage(await readableEventPage(request, params), new URL(request.url))
}

export async function action({ request, params }: ActionFunctionArgs) {
  return runKeyMessageAction(await readableEventPage(request, params), request)
}

/** Key messages to the public: what each actor says, dated and versioned, so that they say it together. */
export default function KeyMessagesPage() {
  const t = useT()
  const { event, messages, writing, places, editing, submissionKey } = useLoaderData<typeof loader>()
  const result = useKeptActionData<typeof action>()
  const resultFor = (form: string) => (result?.form === form ? result : undefined)
  const base = `/handelser/${event.id}/budskap`
  const editingId = result?.form.startsWith('change:') ? result.form.slice('change:'.length) : editing
  const current = messages.filter((message) => !message.current.withdrawn)
  const withdrawn = messages.filter((message) => message.current.withdrawn)
  const publish = resultFor('publish')
  const generation = useFormGeneration('publish', publish !== undefined)

  const actions = (message: (typeof messages)[number]) => (
    <KeyMessageActions
      message={message}
      base={base}
      editing={editingId === message.messageId}
      changed={resultFor(`change:${message.messageId}`)}
      withdrawal={resultFor(`withdraw:${message.messageId}`)}
      places={places}
      submissionKey={submissionKey}
    />
  )

  return (
    <div className="key-messages-page">
      <h2>{t('eventMessages.title')}</h2>
      <p>{t('eventMessages.intro')}</p>
      {event.frozen ? (
        <p className="event-log-page__locked">
          <strong>{t('eventMessages.locked')}</strong>
        </p>
      ) : null}
      {result?.notice === 'eventMessages.frozen' ? (
        <FormMessage kind="error">{t('eventMessages.frozen')}</FormMessage>
      ) : null}
      <section aria-labelledby="messages-current">
        <h3 id="messages-current">{t('eventMessages.current', { count: current.length })}</h3>
        <KeyMessageList messages={current} empty={t('eventMessages.none')} renderActions={actions} />
      </section>
      {writing ? (
        <section aria-labelledby="message-publish" className="key-message-form">
          <h3 id="message-publish">{t('eventMessages.publish')}</h3>
          {publish ? <FormMessage kind="error">{t(publish.notice ?? 'validation.formInvalid')}</FormMessage> : null}
          <Form method="post" className="stack" noValidate key={generation}>
            <SubmissionKeyField value={submissionKey} />
            <WritingOrganisationField
              organisations={writing.organisations}
              defaultValue={publish?.values.organisationId ?? writing.defaultOrganisationId}
            />
            <KeyMessageFields
              values={publish?.values ?? {}}
              placeIds={publish?.placeIds ?? []}
              errors={publish?.errors ?? {}}
              places={places}
            />
            <div className="actions">
              <button type="submit" className="button" name="intent" value="publish">
                {t('eventMessages.publishSubmit')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
      {withdrawn.length > 0 ? (
        <section aria-labelledby="messages-withdrawn">
          <h3 id="messages-withdrawn">{t('eventMessages.withdrawnHeading', { count: withdrawn.length })}</h3>
          <KeyMessageList messages={withdrawn} empty="" />
        </section>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(
    matches,
    (t) =>
      `${data?.event.exercise ? `${t('event.exercise')} – ` : ''}${t('eventMessages.meta.title', { event: data?.event.title ?? t('eventRoom.meta.fallback') })}`,
  ),
]
