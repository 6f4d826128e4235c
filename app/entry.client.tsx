import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { provideCatalogue } from './i18n/i18n'

async function hydrate() {
  // An English page needs the English messages before it hydrates (see i18n.ts).
  if (document.documentElement.lang === 'en') {
    const { en } = await import('./i18n/en')
    provideCatalogue('en', en)
  }
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    )
  })
}

void hydrate()
