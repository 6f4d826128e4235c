import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useKeptActionData } from '~/components/events/use-kept-action-data'
import { EndForm, LeadMessage, LevelForm, TakingPartForm, type LeadOutcome } from '~/components/events/lead-forms'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { requireUser } from '~/modules/auth/guards.server'
import { requireManageableEvent } from '~/modules/events/event-access.server'
import { parseEndForm, parseLevelForm, parseTakingPartForm, takingPartPicker } from '~/modules/events/event-form'
import { eventFormOptions } from '~/modules/events/event-options.server'
import {
  changeEventLevel,
  endEvent,
  eventActor,
  setTakingPart,
  type EventActor,
  type EventChangeResult,
} from '~/modules/events/events.server'
import { notFound, requireUuid } from '~/modules/http/responses'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'
import type { Database } from '~/db/client.server'
import type { PickerState } from '~/modules/organisations/picker'
import { pickerStates } from '~/modules/organisations/picker.server'

// Leading the event (the coordinator and duty officers): its level, who takes
// part, and its end. Each form carries the version it was loaded with.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const event = await requireManageableEvent(db, user, id)
  const [options, { pickers }] = await Promise.all([
    eventFormOptions(db),
    pickerStates(db, request, takingPartPicker(event.organisationIds)),
  ])
  return {
    level: event.level,
    version: event.version,
    ended: event.endedAt !== null,
    picker: pickers.organisations,
    networks: options.networks,
  }
}

function outcomeOf(result: EventChangeResult, what: 'level' | 'organisations' | 'end', version: number) {
  if (result.ok) {
    const saved: LeadOutcome = { kind: 'saved', what: result.event.version === version ? 'unchanged' : what }
    return saved
  }
  if (result.error === 'notFound') throw notFound()
  return data<LeadOutcome>({ kind: result.error }, { status: 409 })
}

interface LeadAction {
  db: Database
  actor: EventActor
  eventId: string
  formData: FormData
  picker: PickerState
  networkId: string
}

async function level({ db, actor, eventId, formData }: LeadAction) {
  const parsed = parseLevelForm(formData)
  if (!parsed.ok) return data<LeadOutcome>({ kind: 'invalid', form: 'level', errors: parsed.errors }, { status: 400 })
  const result = await changeEventLevel(db, { actor, eventId, version: parsed.version, ...parsed.data })
  return outcomeOf(result, 'level', parsed.version)
}

async function organisations({ db, actor, eventId, formData, picker, networkId }: LeadAction) {
  const parsed = parseTakingPartForm(formData)
  if (!parsed.ok) {
    return data<LeadOutcome>(
      { kind: 'invalid', form: 'organisations', errors: parsed.errors, picker, networkId },
      { status: 400 },
    )
  }
  const result = await setTakingPart(db, { actor, eventId, version: parsed.version, ...parsed.data })
  return outcomeOf(result, 'organisations', parsed.version)
}

async function end({ db, actor, eventId, formData }: LeadAction) {
  const parsed = parseEndForm(formData)
  if (!parsed.ok) return data<LeadOutcome>({ kind: 'invalid', form: 'end', errors: parsed.errors }, { status: 400 })
  const result = await endEvent(db, { actor, eventId, version: parsed.version })
  return outcomeOf(result, 'end', parsed.version)
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  await requireManageableEvent(db, user, id)
  const formData = await readFormData(request)
  const { picking, pickers } = await pickerStates(db, request, takingPartPicker(), formData)
  const networkId = String(formData.get('networkId') ?? '')
  if (picking) return data<LeadOutcome>({ kind: 'picking', picker: pickers.organisations, networkId })
  return dispatchIntent(
    formData,
    { level, organisations, end },
    { db, actor: eventActor(user), eventId: id, formData, picker: pickers.organisations, networkId },
  )
}

export default function LeadEventPage() {
  const t = useT()
  const { level, version, ended, picker, networks } = useLoaderData<typeof loader>()
  const outcome = useKeptActionData<typeof action>()
  const errorsOf = (form: 'level' | 'organisations' | 'end') =>
    outcome?.kind === 'invalid' && outcome.form === form ? outcome.errors : {}
  // After a search without JavaScript, or a refused save, the choice as posted.
  const posted = outcome?.kind === 'picking' || outcome?.kind === 'invalid' ? outcome : undefined
  return (
    <div className="event-lead">
      <h2>{t('eventRoom.lead.heading')}</h2>
      <LeadMessage outcome={outcome} />
      {ended ? (
        <p>{t('eventRoom.error.ended')}</p>
      ) : (
        <>
          <LevelForm level={level} version={version} errors={errorsOf('level')} />
          <TakingPartForm
            picker={posted?.picker ?? picker}
            networkId={posted?.networkId ?? ''}
            version={version}
            errors={errorsOf('organisations')}
            networks={networks}
          />
          <EndForm version={version} errors={errorsOf('end')} />
        </>
      )}
    </div>
  )
}
