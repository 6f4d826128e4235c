import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import { AnalysisHeader } from '~/components/rsa/analysis-header'
import { EventsEditor, ParticipantsForm, SettingsForm } from '~/components/rsa/settings-forms'
import { getDb } from '~/db/app-db.server'
import { translateMessage, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import type { MessageKey } from '~/i18n/sv'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { listEvents, participantOptions } from '~/modules/rsa/analyses.server'
import { participantPickers, settingsValues } from '~/modules/rsa/rsa-forms'
import { analysisHeader, requireManageableAnalysis } from '~/modules/rsa/rsa-access.server'
import { runSettingsAction } from '~/modules/rsa/settings-action.server'
import rsaStyles from '~/styles/rsa.css?url'
import { readFormData } from '~/modules/http/form-data.server'
import { pickerStates } from '~/modules/organisations/picker.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: rsaStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const analysis = await requireManageableAnalysis(db, user, id)
  const [events, options, { pickers }] = await Promise.all([
    listEvents(db, id),
    participantOptions(db),
    pickerStates(db, request, participantPickers(analysis.participantIds)),
  ])
  return {
    header: analysisHeader(user, analysis),
    version: analysis.version,
    values: settingsValues(analysis),
    scales: {
      likelihood: analysis.likelihoodScale,
      consequence: analysis.consequenceScale,
      capability: analysis.capabilityScale,
    },
    protectedValues: analysis.protectedValues,
    events: events.map((event) => ({
      id: event.id,
      title: event.title,
      description: event.description,
      version: event.version,
    })),
    networks: options.networks,
    participants: pickers.organisationIds,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const analysis = await requireManageableAnalysis(db, user, id)
  const formData = await readFormData(request)
  const { picking, pickers } = await pickerStates(db, request, participantPickers(), formData)
  if (picking) {
    const none: Record<string, string> = {}
    return { form: 'participants', values: none, errors: none, shape: null, participants: pickers.organisationIds }
  }
  const outcome = await runSettingsAction(db, user, analysis, formData)
  if (outcome.kind === 'done') throw redirect(`/rsa/${id}/installningar?klart=${outcome.message}`)
  return data(
    {
      form: outcome.form,
      values: outcome.values,
      errors: outcome.errors,
      shape: outcome.shape ?? null,
      // The participants as the failed post chose them, so a conflict keeps the choice.
      participants: outcome.form === 'participants' ? pickers.organisationIds : null,
    },
    { status: outcome.status },
  )
}

const doneMessages: Record<string, MessageKey> = {
  saved: 'rsa.done.saved',
  eventAdded: 'rsa.done.eventAdded',
  eventSaved: 'rsa.done.eventSaved',
  eventMoved: 'rsa.done.eventMoved',
  eventRemoved: 'rsa.done.eventRemoved',
  participantsSaved: 'rsa.done.participantsSaved',
}

export default function AnalysisSettingsPage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>() ?? null
  const [search] = useSearchParams()
  const done = doneMessages[search.get('klart') ?? '']
  const settingsFailed = failed?.form === 'settings' ? failed : null
  return (
    <div className="page">
      <AnalysisHeader header={loaded.header} heading={t('rsa.settings')} />
      {search.has('skapad') ? <FormMessage kind="success">{t('rsa.done.created')}</FormMessage> : null}
      {done ? <FormMessage kind="success">{t(done)}</FormMessage> : null}
      {failed?.form === '' && failed.errors._form ? (
        <FormMessage kind="error">{translateMessage(t, failed.errors._form)}</FormMessage>
      ) : null}
      <div className="rsa-settings-layout">
        <section className="rsa-section" aria-labelledby="rsa-participants-heading">
          <h2 id="rsa-participants-heading">{t('rsa.participants')}</h2>
          <ParticipantsForm
            key={`participants:${loaded.version}`}
            state={failed?.participants ?? loaded.participants}
            networks={loaded.networks}
            version={loaded.version}
            error={failed?.form === 'participants' ? failed.errors._form : undefined}
          />
        </section>
        <section className="rsa-section" aria-labelledby="rsa-events-heading">
          <h2 id="rsa-events-heading">{t('rsa.events')}</h2>
          <p className="muted">{t('rsa.eventsHint')}</p>
          <EventsEditor
            events={loaded.events}
            failed={failed && failed.form !== 'settings' && failed.form !== 'participants' ? failed : null}
          />
        </section>
        <section className="rsa-section" aria-labelledby="rsa-scales-heading">
          <h2 id="rsa-scales-heading">{t('rsa.scales')}</h2>
          <SettingsForm
            key={`settings:${settingsFailed?.values.version ?? loaded.version}`}
            values={settingsFailed?.values ?? loaded.values}
            errors={settingsFailed?.errors ?? {}}
            scales={
              settingsFailed?.shape
                ? {
                    likelihood: settingsFailed.shape.likelihoodScale,
                    consequence: settingsFailed.shape.consequenceScale,
                    capability: settingsFailed.shape.capabilityScale,
                  }
                : loaded.scales
            }
            protectedValues={settingsFailed?.shape?.protectedValues ?? loaded.protectedValues}
          />
        </section>
      </div>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => t('rsa.meta.settings', { analysis: data?.header.title ?? t('rsa.meta.fallback') })),
]
