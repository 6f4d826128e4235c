import { Link } from '@remix-run/react'
import { useSectionHeading, useSectionPage, type SectionHandle } from '~/components/ui/section-heading'
import { useT } from '~/i18n/i18n'
import type { OrganisationHeaderData } from '~/modules/organisations/organisation-header'

type PageData<Loader> = Parameters<Exclude<SectionHandle<Loader>['heading'], string>>[1]

/**
 * A page of an organisation's section names its heading, and says how the
 * header frames it (besides `narrow`, as every section's page may):
 * - `home`: the organisation's own page, where its editors find editing
 *   beside the name;
 * - `backTo`: a way back above the heading, to the place (a fragment of the
 *   organisation page) where this page's record is listed.
 */
export interface OrganisationPageHandle<Loader = unknown> extends SectionHandle<Loader> {
  home?: true
  backTo?: (data: PageData<Loader>) => string
}

export interface OrganisationPageFrame {
  narrow: boolean
  home: boolean
  /** The fragment the way back leads to; null for no way back. */
  backTo: string | null
}

/** How the open page of the section asks to be framed. */
export function useOrganisationPageFrame(): OrganisationPageFrame {
  const page = useSectionPage<OrganisationPageHandle>()
  const handle = page?.handle
  return {
    narrow: handle?.narrow === true,
    home: handle?.home === true,
    backTo: handle?.backTo && page?.data !== undefined ? handle.backTo(page.data as never) : null,
  }
}

/** The header of each of the organisation's pages: the page's heading and the links this user may open. */
export function OrganisationHeader({
  header,
  frame,
}: {
  header: OrganisationHeaderData
  frame: OrganisationPageFrame
}) {
  const t = useT()
  const heading = useSectionHeading()
  if (frame.home) {
    return (
      <div className="page__heading">
        <h1>{heading}</h1>
        {header.links.edit ? (
          <Link className="button" to={header.links.edit}>
            {t('organisations.edit')}
          </Link>
        ) : null}
      </div>
    )
  }
  return (
    <>
      {frame.backTo === null ? null : (
        <p>
          <Link to={`${header.links.page}#${frame.backTo}`}>
            {t('organisations.back', { organisation: header.name })}
          </Link>
        </p>
      )}
      <h1>{heading}</h1>
    </>
  )
}
