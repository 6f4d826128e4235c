import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { locales } from '~/i18n/i18n'
import { serializeLocaleCookie } from '~/i18n/locale.server'
import { safeRedirect } from '~/modules/auth/guards.server'
import { parseForm } from '~/modules/forms/parse-form'
import { readFormData } from '~/modules/http/form-data.server'
import { badRequest } from '~/modules/http/responses'

const LocaleSchema = z.object({ locale: z.enum(locales), redirectTo: z.string().optional() })

export async function loader() {
  return redirect('/')
}

// Open to everyone, signed in or not: it only sets the language cookie.
export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(LocaleSchema, await readFormData(request))
  if (!parsed.ok) throw badRequest()
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { 'Set-Cookie': serializeLocaleCookie(parsed.data.locale) },
  })
}
