// The part of fs-native-extensions (which ships no types) that the PGlite folder lock uses.
declare module 'fs-native-extensions' {
  /** An exclusive lock on the whole open file; false when another open file holds it. */
  export function tryLock(fd: number): boolean
  export function unlock(fd: number): void
}
