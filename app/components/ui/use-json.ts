import { useEffect, useState } from 'react'

/**
 * JSON fetched from one of the portal's resource routes once the page runs:
 * null while it loads, 'failed' if it cannot be had. A new URL aborts the
 * previous request, so a slow answer never overwrites a newer one.
 */
export function useJson<T>(url: string): T | 'failed' | null {
  const [data, setData] = useState<T | 'failed' | null>(null)
  useEffect(() => {
    const controller = new AbortController()
    setData(null)
    fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } })
      .then((response) => {
        if (!response.ok) throw new Error(`status ${response.status}`)
        return response.json() as Promise<T>
      })
      .then(setData)
      .catch(() => {
        if (!controller.signal.aborted) setData('failed')
      })
    return () => controller.abort()
  }, [url])
  return data
}
