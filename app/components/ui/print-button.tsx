import { ClientOnly } from './client-only'

/** Prints the page. window.print needs JavaScript: without it the browser's own print command remains. */
export function PrintButton({ label }: { label: string }) {
  return (
    <ClientOnly>
      {() => (
        <button type="button" className="button" onClick={() => window.print()}>
          {label}
        </button>
      )}
    </ClientOnly>
  )
}
