import { useEffect } from 'react'
import { useMap } from 'react-leaflet'

/** Leaflet's container is focusable (arrow keys pan, + and − zoom): give it a role and a name. */
export function MapAccessibility({ label }: { label: string }) {
  const map = useMap()
  useEffect(() => {
    const container = map.getContainer()
    container.setAttribute('role', 'region')
    container.setAttribute('aria-label', label)
  }, [map, label])
  return null
}
