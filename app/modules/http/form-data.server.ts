import { badRequest } from './responses'

/**
 * The one way an action reads its form. A body that is no form (broken
 * multipart, a truncated upload) is the client's fault: 400 with the Swedish
 * error page, never a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData()
  } catch {
    throw badRequest()
  }
}
