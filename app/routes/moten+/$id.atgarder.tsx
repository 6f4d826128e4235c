import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { FormMessage } from '~/components/forms/field'
import { SubmissionKeyField } from '~/components/forms/submission-key-field'
import { ActionItemFields } from '~/components/meetings/action-item-fields'
import { ActionItemList } from '~/components/meetings/action-item-list'
import type { SectionHandle } from '~/components/ui/section-heading'
import { actionItemStates } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import { pageTitle } from '~/i18n/page-title'
import type { MessageKey } from '~/i18n/sv'
import { assertPermission } from '~/modules/auth/guards.server'
import { can } from '~/modules/auth/permissions'
import { enumField, uuidField, versionField } from '~/modules/forms/fields'
import { parseForm } from '~/modules/forms/parse-form'
import { newSubmissionKey } from '~/modules/forms/submission-key'
import { redirectTo, submissionOf, submitOnce } from '~/modules/forms/submit-once.server'
import { badRequest, forbidden, notFound } from '~/modules/http/responses'
import { ActionItemSchema } from '~/modules/meetings/action-item-form'
import { stockholmToday } from '~/modules/meetings/action-item-state'
import {
  changeActionItemState,
  createActionItem,
  getActionItem,
  listActionItems,
  openActionItemsOfEarlierMeetings,
  updateActionItem,
} from '~/modules/meetings/action-items.server'
import { meetingHeading, readableFollowUp, type FollowUpContext } from '~/modules/meetings/follow-up-page.server'
import { meetingOrganisationOptions } from '~/modules/meetings/minutes.server'
import { readFormData } from '~/modules/http/form-data.server'
import { dispatchIntent } from '~/modules/http/intents'
import { redirectWithNotice, saved } from '~/modules/http/flash.server'

const StateSchema = z.object({ id: uuidField, version: versionField, state: enumField(actionItemStates) })
const UpdateSchema = ActionItemSchema.extend({
  id: uuidField,
  version: versionField,
  state: enumField(actionItemStates),
})

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, meeting, manage } = await readableFollowUp(request, params)
  const items = await listActionItems(db, user, meeting.id)
  const editing = new URL(request.url).searchParams.get('andra')
  return {
    meeting: meetingHeading(meeting),
    today: stockholmToday(),
    items: items.map((item) => ({
      ...item,
      version: String(item.version),
      mayChangeState: can(user, 'actionItem.update', { organisationId: item.ownerOrganisationId }),
    })),
    earlier: await openActionItemsOfEarlierMeetings(db, user, meeting.id),
    organisations: manage ? await meetingOrganisationOptions(db, meeting.organisationIds) : [],
    editing: manage && items.some((item) => item.id === editing) ? editing : null,
    manage,
    submissionKey: newSubmissionKey(),
  }
}

interface ActionResult {
  form: string
  errors: Record<string, string>
  values: Record<string, string>
  notice?: MessageKey
}

interface ActionItemsAction extends FollowUpContext {
  request: Request
  formData: FormData
  back: string
}

const invited = (meeting: FollowUpContext['meeting'], organisationId: string) =>
  meeting.organisationIds.includes(organisationId)

function requireManage({ manage }: ActionItemsAction) {
  if (!manage) throw forbidden()
}

async function state({ user, db, meeting, formData, back }: ActionItemsAction) {
  const parsed = parseForm(StateSchema, formData)
  if (!parsed.ok) throw badRequest()
  const item = await getActionItem(db, meeting.id, parsed.data.id)
  if (!item) throw notFound()
  assertPermission(user, 'actionItem.update', { organisationId: item.ownerOrganisationId })
  const changed = await changeActionItemState(
    db,
    { actorId: user.id, meetingId: meeting.id, ...parsed.data },
    // Asked again of the locked row: an item given to another owner meanwhile is no longer this editor's.
    (locked) => can(user, 'actionItem.update', { organisationId: locked.ownerOrganisationId }),
  )
  if (changed.ok) throw redirectWithNotice(back, saved('meetingFollowUp.actions.stateSaved'))
  if (changed.error === 'notFound') throw forbidden()
  return data<ActionResult>(
    { form: `state:${item.id}`, errors: {}, values: {}, notice: 'meetingFollowUp.conflict' },
    { status: 409 },
  )
}

async function create(context: ActionItemsAction) {
  requireManage(context)
  const { user, db, meeting, request, formData, back } = context
  const parsed = parseForm(ActionItemSchema, formData)
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors }
  if (parsed.ok && !invited(meeting, parsed.data.ownerOrganisationId))
    errors.ownerOrganisationId = 'meetingFollowUp.actions.ownerNotInvited'
  if (!parsed.ok || Object.keys(errors).length > 0) {
    return data<ActionResult>({ form: 'create', errors, values: parsed.values }, { status: 400 })
  }
  const submitted = await submitOnce(db, submissionOf(request, formData, user.id), async (tx) => {
    await createActionItem(tx, { actorId: user.id, meetingId: meeting.id, ...parsed.data })
    return { location: back, notice: saved('meetingFollowUp.actions.added') }
  })
  throw redirectTo(submitted)
}

async function update(context: ActionItemsAction) {
  requireManage(context)
  const { user, db, meeting, formData, back } = context
  const parsed = parseForm(UpdateSchema, formData)
  const form = `update:${parsed.values.id ?? ''}`
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors }
  if (parsed.ok && !invited(meeting, parsed.data.ownerOrganisationId))
    errors.ownerOrganisationId = 'meetingFollowUp.actions.ownerNotInvited'
  if (!parsed.ok || Object.keys(errors).length > 0)
    return data<ActionResult>({ form, errors, values: parsed.values }, { status: 400 })
  const updated = await updateActionItem(db, { actorId: user.id, meetingId: meeting.id, ...parsed.data })
  if (updated.ok) throw redirectWithNotice(back, saved('meetingFollowUp.actions.saved'))
  if (updated.error === 'notFound') throw notFound()
  return data<ActionResult>(
    {
      form,
      errors: {},
      values: { ...parsed.values, version: String(updated.current.version) },
      notice: 'meetingFollowUp.conflict',
    },
    { status: 409 },
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await readableFollowUp(request, params)
  const formData = await readFormData(request)
  const back = `/moten/${context.meeting.id}/atgarder`
  return dispatchIntent(formData, { state, create, update }, { ...context, request, formData, back })
}

export const handle: SectionHandle<typeof loader> = {
  heading: (t, data) => t('meetingFollowUp.actions.title', { title: data.meeting.title }),
}

export default function ActionItemsPage() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const base = `/moten/${loaded.meeting.id}/atgarder`
  const create = actionData?.form === 'create' ? actionData : undefined
  const editingId = actionData?.form.startsWith('update:') ? actionData.form.slice('update:'.length) : loaded.editing

  return (
    <>
      <p>{t('meetingFollowUp.actions.intro')}</p>

      <section aria-labelledby="items-heading">
        <h2 id="items-heading">{t('meetingFollowUp.actions.heading')}</h2>
        <ActionItemList
          items={loaded.items}
          today={loaded.today}
          empty={t('meetingFollowUp.actions.none')}
          renderActions={(item) => {
            const result =
              actionData?.form === `state:${item.id}` || actionData?.form === `update:${item.id}`
                ? actionData
                : undefined
            if (loaded.manage && editingId === item.id) {
              const values = result?.values ?? {
                title: item.title,
                description: item.description,
                ownerOrganisationId: item.ownerOrganisationId,
                dueDate: item.dueDate ?? '',
                state: item.state,
                version: item.version,
              }
              return (
                <Form
                  method="post"
                  action={base}
                  className="stack follow-up-form"
                  noValidate
                  key={`edit-${values.version}-${result?.notice ?? ''}`}
                >
                  {result?.notice ? <FormMessage kind="error">{t(result.notice)}</FormMessage> : null}
                  <input type="hidden" name="id" value={item.id} />
                  <input type="hidden" name="version" value={values.version} />
                  <ActionItemFields
                    values={values}
                    errors={result?.errors ?? {}}
                    organisations={loaded.organisations}
                    withState
                  />
                  <div className="actions">
                    <button type="submit" className="button" name="intent" value="update">
                      {t('meetingFollowUp.actions.save')}
                    </button>
                    <Link to={base}>{t('common.cancel')}</Link>
                  </div>
                </Form>
              )
            }
            return (
              <>
                {result?.notice ? <FormMessage kind="error">{t(result.notice)}</FormMessage> : null}
                {item.mayChangeState ? (
                  <Form method="post" action={base} className="actions" key={`state-${item.version}`}>
                    <input type="hidden" name="id" value={item.id} />
                    <input type="hidden" name="version" value={item.version} />
                    <label htmlFor={`state-${item.id}`} className="visually-hidden">
                      {t('meetingFollowUp.actions.changeStateOf', { title: item.title })}
                    </label>
                    <select id={`state-${item.id}`} name="state" defaultValue={item.state} className="input--short">
                      {actionItemStates.map((state) => (
                        <option key={state} value={state}>
                          {t(`meetingFollowUp.actions.state.${state}`)}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="button button--secondary" name="intent" value="state">
                      {t('meetingFollowUp.actions.changeState')}
                    </button>
                  </Form>
                ) : null}
                {loaded.manage ? (
                  <p>
                    <Link
                      to={`${base}?andra=${item.id}`}
                      aria-label={t('meetingFollowUp.actions.editOf', { title: item.title })}
                    >
                      {t('meetingFollowUp.actions.edit')}
                    </Link>
                  </p>
                ) : null}
              </>
            )
          }}
        />
      </section>

      {loaded.manage ? (
        <section aria-labelledby="new-item-heading">
          <h2 id="new-item-heading">{t('meetingFollowUp.actions.addHeading')}</h2>
          {create ? <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage> : null}
          <Form method="post" className="stack follow-up-form" noValidate key={`create-${loaded.items.length}`}>
            <SubmissionKeyField value={loaded.submissionKey} />
            <ActionItemFields
              values={create?.values ?? {}}
              errors={create?.errors ?? {}}
              organisations={loaded.organisations}
            />
            <button type="submit" className="button" name="intent" value="create">
              {t('meetingFollowUp.actions.add')}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="earlier-heading">
        <h2 id="earlier-heading">{t('meetingFollowUp.actions.earlierHeading')}</h2>
        <ActionItemList
          items={loaded.earlier}
          today={loaded.today}
          showMeeting
          empty={t('meetingFollowUp.actions.noneOpen')}
        />
      </section>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) =>
    t('meetingFollowUp.meta.actions', { meeting: data?.meeting.title ?? t('meeting.meta.fallback') }),
  ),
]
