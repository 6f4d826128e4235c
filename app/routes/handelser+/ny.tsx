import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { DeclareEventForm } from '~/components/events/event-form'
import { getEnv } from '~/config/env.server'
import { getDb } from '~/db/app-db.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { requirePermission } from '~/modules/auth/guards.server'
import {
  eventPickers,
  newEventValues,
  parseEventForm,
  readEventValues,
  withPickedEvent,
} from '~/modules/events/event-form'
import { eventFormOptions } from '~/modules/events/event-options.server'
import { declareEvent, eventActor } from '~/modules/events/events.server'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { readFormData } from '~/modules/http/form-data.server'
import { pickerStates } from '~/modules/organisations/picker.server'
import eventStyles from '~/styles/event-room.css?url'

export const links = () => [{ rel: 'stylesheet', href: eventStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'event.create')
  const env = getEnv()
  const db = await getDb()
  // The start is filled in with now, on the server's clock.
  const values = newEventValues()
  const [options, { pickers }] = await Promise.all([
    eventFormOptions(db),
    pickerStates(db, request, eventPickers(values)),
  ])
  return {
    options,
    pickers,
    values,
    tiles: { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION },
    submissionKey: newSubmissionKey(),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'event.create')
  const formData = await readFormData(request)
  const values = readEventValues(formData)
  const db = await getDb()
  const { picking, pickers } = await pickerStates(db, request, eventPickers(), formData)
  if (picking) return data({ values: withPickedEvent(values, pickers), errors: {}, pickers })
  const parsed = parseEventForm(values)
  if (!parsed.ok) return data({ values, errors: parsed.errors, pickers }, { status: 400 })
  const { location } = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
    const event = await declareEvent(tx, { actor: eventActor(user), ...parsed.data })
    return `/handelser/${event.id}`
  })
  throw redirect(location)
}

export default function DeclareEventPage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="page page--narrow">
      <h1>{t('eventRoom.form.heading')}</h1>
      <p>{t('eventRoom.form.intro')}</p>
      <DeclareEventForm
        values={actionData?.values ?? loaded.values}
        errors={actionData?.errors ?? {}}
        options={loaded.options}
        pickers={actionData?.pickers ?? loaded.pickers}
        tiles={loaded.tiles}
        submissionKey={loaded.submissionKey}
      />
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, 'eventRoom.meta.new')]
