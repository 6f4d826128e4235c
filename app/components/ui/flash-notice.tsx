import { useLocation } from '@remix-run/react'
import { useRef } from 'react'
import { useT } from '~/i18n/i18n'
import type { Notice } from '~/modules/http/notice'

/**
 * The notice a redirect left for this page ("Sparat."), at the top of the
 * main content. The region is always there, so a screen reader announces a
 * notice that arrives with a client-side navigation. The cookie is read once:
 * when the page's data is fetched again (a live update, a filter), the notice
 * stays until the user goes to another page.
 */
export function FlashNotice({ notice }: { notice: Notice | null }) {
  const t = useT()
  const location = useLocation()
  const kept = useRef<{ key: string; notice: Notice } | null>(null)
  if (notice) kept.current = { key: location.key, notice }
  else if (kept.current && kept.current.key !== location.key) kept.current = null
  const shown = kept.current?.notice
  return (
    <div className="flash" role="status">
      {shown ? <p className={`notice notice--${shown.kind}`}>{t(shown.message, shown.values)}</p> : null}
    </div>
  )
}
