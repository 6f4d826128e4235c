import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { getDb } from '~/db/app-db.server'
import { getSession } from '~/modules/auth/guards.server'
import { signedOutRedirect } from '~/modules/auth/sign-in.server'
import { invalidateSession } from '~/modules/auth/sessions.server'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const current = await getSession(request)
  if (current) await invalidateSession(await getDb(), current.session.id)
  return signedOutRedirect('/logga-in', { kind: 'info', message: 'login.signedOut' })
}
