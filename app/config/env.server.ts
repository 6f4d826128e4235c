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
  PUBLIC_URL: z.string().url('måste vara en URL som https://portal.example.org').optional(),
  SMTP_URL: z
    .string()
    .url('måste vara en URL som smtp://användare:lösen@värd:587')
    .refine((value) => /^smtps?:\/\//.test(value), 'måste börja med smtp:// eller smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Områdesansvarsportalen <noreply@example.org>'),
  MUNICIPALITY_NAME: z.string().min(1).default('Vårgårda kommun'),
  // Where the accessibility statement tells people to write about accessibility problems.
  ACCESSIBILITY_CONTACT: z.string().email('måste vara en e-postadress').default('tillganglighet@example.org'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  COOKIE_SECURE: booleanFromString.optional(),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  // An organisation whose data was last confirmed longer ago is listed on the staleness dashboard.
  STALE_AFTER_MONTHS: z.coerce.number().int().min(1).max(120).default(6),
  SEED_DEMO: booleanFromString.default('true'),
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

export type Env = z.infer<typeof EnvSchema>

export class EnvError extends Error {}

/** Parses the environment; a wrong value names the variable and the reason. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  )
  const result = EnvSchema.safeParse(cleaned)
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
