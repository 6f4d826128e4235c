import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { translator } from '~/i18n/i18n'
import { getLocale } from '~/i18n/locale.server'
import { requireUser } from '~/modules/auth/guards.server'
import { requireUuid } from '~/modules/http/responses'
import { attachment } from '~/modules/directory/directory-export.server'
import { swedishDate } from '~/modules/directory/directory-filters'
import { requireReadableScenario } from '~/modules/scenarios/scenario-access.server'
import { scenarioCsv } from '~/modules/scenarios/scenario-export'
import { computeScenario } from '~/modules/scenarios/scenario-result.server'
import { scenarioOutcomes } from '~/modules/scenarios/scenario-view.server'

/** A scenario's result as CSV for Swedish Excel. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id)
  const user = await requireUser(request)
  const db = await getDb()
  const scenario = await requireReadableScenario(db, user, id)
  const locale = getLocale(request)
  const { outcomes } = await scenarioOutcomes(db, await computeScenario(db, scenario.definition))
  return attachment(scenarioCsv(translator(locale), locale, outcomes), {
    contentType: 'text/csv; charset=utf-8',
    filename: `scenario-${swedishDate(new Date())}.csv`,
  })
}
