import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { FormMessage } from '~/components/forms/field'
import { analysisTitleOf } from '~/components/rsa/analysis-header'
import { EventsEditor, ParticipantsForm, SettingsForm } from '~/components/rsa/settings-forms'
import type { SectionHandle } from '~/components/ui/section-heading'
import { getDb } from '~/db/app-db.server'
import { translateMessage, useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { listEvents, participantOptions } from '~/modules/rsa/analyses.server'
import { participantPickers, settingsValues } from '~/modules/rsa/rsa-forms'
import { requireManageableAnalysis } from '~/modules/rsa/rsa-access.server'
import { runSettingsAction } from '~/modules/rsa/settings-action.server'
import { readFormData } from '~/modules/http/form-data.server'
import { pickerStates } from '~/modules/organisations/picker.server'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'

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
  if (outcome.kind === 'done')
    throw redirectWithNotice(`/rsa/${id}/installningar`, saved(doneMessages[outcome.message]))
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

const doneMessages = {
  saved: 'rsa.done.saved',
  eventAdded: 'rsa.done.eventAdded',
  eventSaved: 'rsa.done.eventSaved',
  eventMoved: 'rsa.done.eventMoved',
  eventRemoved: 'rsa.done.eventRemoved',
  participantsSaved: 'rsa.done.participantsSaved',
} as const

export const handle: SectionHandle<typeof loader> = { heading: 'rsa.settings' }

export default function AnalysisSettingsPage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>() ?? null
  const settingsFailed = failed?.form === 'settings' ? failed : null
  return (
    <>
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
    </>
  )
}

export const meta: MetaFunction = ({ matches }) => [
  pageTitle(matches, (t) => t('rsa.meta.settings', { analysis: analysisTitleOf(matches) ?? t('rsa.meta.fallback') })),
]
