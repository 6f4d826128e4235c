import { z } from 'zod'
import { tileSources } from '~/modules/http/request-safety'

const booleanFromString = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')

function isTileTemplate(value: string): boolean {
  try {
    tileSources(value)
    return true
  } catch {
    return false
  }
}

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .url('måste vara en URL som postgres://användare@värd:5432/databas')
    .refine((value) => /^postgres(ql)?:\/\//.test(value), 'måste börja med postgres://')
    .optional(),
  PGLITE_DIR: z.string().min(1).default('./data/pglite'),
  // The portal's own address: every link in a mail, every redirect and the Origin and Host checks use it, never a request header.
  PUBLIC_URL: z
    .string()
    .url('måste vara en URL som https://portal.example.org')
    .refine((value) => /^https?:\/\//.test(value), 'måste börja med https:// (eller http://)')
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SMTP_URL: z
    .string()
    .url('måste vara en URL som smtp://användare:lösen@värd:587')
    .refine((value) => /^smtps?:\/\//.test(value), 'måste börja med smtp:// eller smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Områdesansvarsportalen <noreply@example.org>'),
  // The organiser in a meeting's calendar part: where a calendar's "Accept" or "Decline" is mailed, so a mailbox someone reads.
  MEETING_ORGANIZER_EMAIL: z.string().email('måste vara en e-postadress, t.ex. beredskap@kommun.se').optional(),
  MUNICIPALITY_NAME: z.string().min(1).default('Vårgårda kommun'),
  // Where the accessibility statement tells people to write about accessibility problems.
  ACCESSIBILITY_CONTACT: z.string().email('måste vara en e-postadress').default('tillganglighet@example.org'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  COOKIE_SECURE: booleanFromString.optional(),
  // Signs the one-time notice cookie (app/modules/http/flash.server.ts). Unset, each process makes its own key;
  // several processes behind one address must share one, or a notice signed by one is dropped by another.
  COOKIE_SECRET: z.string().min(32, 'måste vara minst 32 tecken, t.ex. från `openssl rand -base64 32`').optional(),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  // An organisation whose data was last confirmed longer ago is listed on the staleness dashboard.
  STALE_AFTER_MONTHS: z.coerce.number().int().min(1).max(120).default(6),
  // How often each process looks for deliverables to remind of (30 and 7 days before their due date).
  MANDATE_REMINDER_INTERVAL_MS: z.coerce.number().int().min(100).max(24 * 3_600_000).default(3_600_000),
  // Unset: the demo loads into an empty database outside production only (npm start sets it for a local try-out).
  SEED_DEMO: booleanFromString.optional(),
  // Where a generated demo password is written (readable by the owner only); it is never printed.
  DEMO_PASSWORD_FILE: z.string().min(1).default('./data/demo-losenord.txt'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Any XYZ tile service: OpenStreetMap by default, Lantmäteriet's open topographic map with a key, a local server …
  MAP_TILE_URL: z
    .string()
    .refine(isTileTemplate, 'måste vara en adress med {z}, {x} och {y}, som https://tile.openstreetmap.org/{z}/{x}/{y}.png')
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  // HTML shown in the map's corner, as the tile service's terms require.
  MAP_TILE_ATTRIBUTION: z
    .string()
    .min(1)
    .default('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'),
})

const CheckedEnvSchema = EnvSchema.superRefine((env, context) => {
  if (env.NODE_ENV === 'production' && !env.PUBLIC_URL) {
    context.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['PUBLIC_URL'],
      message:
        'saknas. I produktion måste portalen veta sin egen adress, t.ex. PUBLIC_URL=https://portal.kommun.se ' +
        '(länkar i e-post och kontrollen av Host och Origin bygger på den). / ' +
        'is missing: in production the portal must know its own address, e.g. PUBLIC_URL=https://portal.example.org ' +
        '(mail links and the Host and Origin checks rest on it).',
    })
  }
})

export type Env = z.infer<typeof EnvSchema>

export class EnvError extends Error {}

/** Parses the environment; a wrong value names the variable and the reason. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  )
  const result = CheckedEnvSchema.safeParse(cleaned)
  if (result.success) return result.data
  const lines = result.error.issues.map(
    (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
  )
  throw new EnvError(`Felaktig miljövariabel:\n${lines.join('\n')}`)
}

let cached: Env | undefined

export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

/** Cookies get Secure (and the __Host- prefix) when the portal is served over https. */
export function cookiesAreSecure(env: Env = getEnv()): boolean {
  if (env.COOKIE_SECURE !== undefined) return env.COOKIE_SECURE
  return env.NODE_ENV === 'production' && (env.PUBLIC_URL?.startsWith('https://') ?? false)
}

/**
 * The portal's own origin, from PUBLIC_URL (required in production); outside
 * production without it, http://localhost on the configured port. Never
 * taken from a request: a forged Host header must not reach a mail link.
 */
export function portalOrigin(env: Env = getEnv()): string {
  return env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : `http://localhost:${env.PORT}`
}

/** The address part of a sender such as "Portalen <portal@example.org>". */
export function mailAddress(sender: string): string {
  return (/<([^>]+)>/.exec(sender)?.[1] ?? sender).trim()
}

/**
 * The meeting organiser's address in invitations and calendar feeds, which a
 * calendar's answer is mailed to: MEETING_ORGANIZER_EMAIL, or else the address
 * of MAIL_FROM. The answer that counts is given with the mail's link.
 */
export function meetingOrganizerEmail(env: Env = getEnv()): string {
  return env.MEETING_ORGANIZER_EMAIL ?? mailAddress(env.MAIL_FROM)
}

/** The demo loads into an empty database when asked, and by default outside production. */
export function seedsDemo(env: Env = getEnv()): boolean {
  return env.SEED_DEMO ?? env.NODE_ENV !== 'production'
}
