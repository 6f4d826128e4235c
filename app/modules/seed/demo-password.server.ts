import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * A generated demo password goes to a file only its owner may read, never to
 * the console: under a service manager the console is a log that others read.
 * A password chosen with DEMO_PASSWORD is known already and is not written.
 */
export async function storeDemoPassword(options: {
  password: string
  chosen: boolean
  file: string
}): Promise<string | null> {
  if (options.chosen) return null
  await mkdir(path.dirname(options.file), { recursive: true })
  await writeFile(options.file, `${options.password}\n`, { mode: 0o600 })
  return options.file
}

/** What the start prints: who to sign in as, and where the password is, never the password. */
export function demoSeededMessage(coordinatorEmail: string, passwordFile: string | null): string {
  return [
    '',
    'Demonätverket är inläst. Logga in som samordnare:',
    `  E-post:   ${coordinatorEmail}`,
    passwordFile
      ? `  Lösenord: i filen ${passwordFile} (bara du kan läsa den; samma lösenord för alla demoanvändare)`
      : '  Lösenord: det du angav i DEMO_PASSWORD (samma för alla demoanvändare)',
    '',
  ].join('\n')
}
