import type { LoaderFunctionArgs } from '@remix-run/node'
import { translator } from '~/i18n/i18n'
import { getLocale } from '~/i18n/locale.server'
import { requireCouncil } from '~/modules/council/council-access.server'
import { renderSituationPdf } from '~/modules/council/situation-pdf.server'
import { getPicture, getVersion, versionNumber } from '~/modules/council/situation.server'
import { notFound, requireUuid } from '~/modules/http/responses'

/** A frozen situation picture as a PDF file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, council } = await requireCouncil(request, params, 'council.read')
  const picture = await getPicture(db, council.id, requireUuid(params.pictureId))
  if (!picture) throw notFound()
  const found = await getVersion(db, picture.id, versionNumber(params.number))
  if (!found) throw notFound()
  const locale = getLocale(request)
  const pdf = await renderSituationPdf(
    { ...found.current, previous: found.previous?.snapshot ?? null },
    translator(locale),
    locale,
  )
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="lagesbild-${picture.periodFrom}-${picture.periodTo}-v${found.current.number}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
