import { createContext, useContext } from 'react'

/** The request's CSP nonce; empty in the browser, where React does not need it. */
export const NonceContext = createContext('')

export function useNonce(): string {
  return useContext(NonceContext)
}
