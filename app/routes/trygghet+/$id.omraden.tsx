import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import leafletStyles from 'leaflet/dist/leaflet.css?url'
import { AreaDeleteForm, AreaEditor } from '~/components/council/area-editor'
import { AreaTable } from '~/components/council/area-table'
import { FormMessage } from '~/components/forms/field'
import type { SectionHandle } from '~/components/ui/section-heading'
import type { Database } from '~/db/client.server'
import { getEnv } from '~/config/env.server'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import { can } from '~/modules/auth/permissions'
import {
  createAreaFromForm,
  deleteAreaFromForm,
  listAreas,
  saveAreaFromForm,
  type AreaActionOutcome,
  type AreaPost,
} from '~/modules/council/areas.server'
import { requireCouncil, type CouncilRequest } from '~/modules/council/council-access.server'
import { councilRef, councilScope } from '~/modules/council/council-sections'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { redirectTo, refuse, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { saved } from '~/modules/http/flash.server'
import { formatAreaText } from '~/modules/scenarios/scenario-form'
import weeklyStyles from '~/styles/council-weekly.css?url'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'

export const links = () => [
  { rel: 'stylesheet', href: leafletStyles },
  { rel: 'stylesheet', href: weeklyStyles },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.read')
  const env = getEnv()
  const areas = await listAreas(db, council.id)
  const mayManage = can(user, 'council.manage', councilScope(council))
  const editing = new URL(request.url).searchParams.get('andra')
  return {
    council: councilRef(council),
    areas: areas.map((area) => ({
      id: area.id,
      name: area.name,
      corners: formatAreaText(area.polygon),
      cornerCount: area.polygon.length,
      version: area.version,
      reportCount: area.reportCount,
    })),
    editing: mayManage && areas.some((area) => area.id === editing) ? editing : null,
    mayManage,
    tiles: { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION },
    submissionKey: newSubmissionKey(),
  }
}

interface AreaAction extends CouncilRequest {
  request: Request
  formData: FormData
}

type AreaPostFunction = (db: Database, options: AreaPost) => Promise<AreaActionOutcome>

/** A post's outcome as a transaction's answer: where it leads when done, what it refused otherwise. */
async function settle(tx: Database, post: AreaPostFunction, { user, council, formData }: AreaAction) {
  const outcome = await post(tx, { councilId: council.id, actorId: user.id, formData })
  return outcome.kind === 'done'
    ? { location: `/trygghet/${council.id}/omraden`, notice: saved(`councilAreas.done.${outcome.message}`) }
    : refuse(outcome)
}

// Only a new area is guarded against a second post; saving and deleting are idempotent or versioned.
function create(context: AreaAction) {
  const { request, db, user, formData } = context
  return submitOnce(db, submissionOf(request, formData, user.id), (tx) => settle(tx, createAreaFromForm, context))
}

const save = (context: AreaAction) => settle(context.db, saveAreaFromForm, context)
const remove = (context: AreaAction) => settle(context.db, deleteAreaFromForm, context)

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, council } = await requireCouncil(request, params, 'council.manage')
  const formData = await readFormData(request)
  const answered = await dispatchIntent(
    formData,
    { create, save, delete: remove },
    { request, db, user, council, formData },
  )
  if (!('refused' in answered)) throw redirectTo({ repeated: false, ...answered })
  const outcome = answered.refused
  const { status, current, ...rest } = outcome
  return data(
    { ...rest, current: current ? { name: current.name, corners: formatAreaText(current.corners) } : undefined },
    { status },
  )
}

export const handle: SectionHandle<typeof loader> = { heading: 'councilAreas.title' }

export default function CouncilAreasPage() {
  const t = useT()
  const { council, areas, editing, mayManage, tiles, submissionKey } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const base = `/trygghet/${council.id}/omraden`
  const edited = areas.find((area) => area.id === (failed && failed.form !== 'new' ? failed.form : editing))
  return (
    <>
      {failed && failed.form !== 'new' && !edited ? (
        <FormMessage kind="error">{t('councilAreas.error.gone')}</FormMessage>
      ) : null}
      <p>{t('councilAreas.intro')}</p>
      <section className="council-section" aria-labelledby="council-areas-list">
        <h2 id="council-areas-list">{t('councilAreas.listHeading')}</h2>
        <AreaTable areas={areas} editLink={mayManage ? (id) => `${base}?andra=${id}#andra` : null} />
      </section>
      {mayManage && edited ? (
        <section className="council-section" id="andra" aria-labelledby="council-areas-edit">
          <h2 id="council-areas-edit">{t('councilAreas.editHeading', { name: edited.name })}</h2>
          <AreaEditor area={edited} state={failed && failed.form === edited.id ? failed : undefined} tiles={tiles} />
          <AreaDeleteForm area={edited} />
          <p>
            <Link to={base}>{t('councilAreas.cancel')}</Link>
          </p>
        </section>
      ) : null}
      {mayManage ? (
        <section className="council-section" aria-labelledby="council-areas-new">
          <h2 id="council-areas-new">{t('councilAreas.newHeading')}</h2>
          <AreaEditor state={failed?.form === 'new' ? failed : undefined} tiles={tiles} submissionKey={submissionKey} />
        </section>
      ) : null}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('councilAreas.meta.areas', { council: data?.council.name ?? t('council.meta.fallback') }),
  ),
]
