import { Form } from '@remix-run/react'
import { CheckboxField, CodeOptions, Field, FormMessage } from '~/components/forms/field'
import { ItemPicker } from '~/components/forms/organisation-picker'
import { eventLevels } from '~/db/enums'
import { useT } from '~/i18n/i18n'
import type { EventFormErrors } from '~/modules/events/event-form'
import type { PickerState } from '~/modules/organisations/picker'
import { NetworkSelect } from './event-form'

/** The level of crisis management; a change is written in the log. */
export function LevelForm({ level, version, errors }: { level: string; version: number; errors: EventFormErrors }) {
  const t = useT()
  return (
    <section aria-labelledby="level-heading" className="panel">
      <h3 id="level-heading">{t('eventRoom.lead.level')}</h3>
      <Form method="post" className="stack" key={`level-${version}`}>
        <input type="hidden" name="version" value={version} />
        <Field label={t('eventRoom.level')} name="level" error={errors.level}>
          {(props) => (
            <select {...props} defaultValue={level}>
              <CodeOptions codes={eventLevels} prefix="event.level" />
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button" name="intent" value="level">
            {t('eventRoom.lead.levelSave')}
          </button>
        </div>
      </Form>
    </section>
  )
}

/** Who takes part: the organisations picked, and all members of a network added. */
export function TakingPartForm({
  picker,
  networkId,
  version,
  errors,
  networks,
}: {
  /** The organisations taking part, or as a search without JavaScript left them. */
  picker: PickerState
  /** The network chosen before a search without JavaScript; '' when none. */
  networkId: string
  version: number
  errors: EventFormErrors
  networks: { id: string; name: string }[]
}) {
  const t = useT()
  return (
    <section aria-labelledby="taking-part-heading" className="panel">
      <h3 id="taking-part-heading">{t('eventRoom.lead.takingPart')}</h3>
      <Form method="post" className="stack" key={`taking-part-${version}-${networkId}`}>
        <input type="hidden" name="version" value={version} />
        <NetworkSelect
          label={t('eventRoom.lead.addNetwork')}
          value={networkId}
          error={errors.networkId}
          networks={networks}
        />
        <ItemPicker
          state={picker}
          label={t('eventRoom.form.organisations')}
          hint={t('eventRoom.lead.takingPartHint')}
          error={errors.organisations}
          networks={networks}
        />
        <div className="actions">
          <button type="submit" className="button" name="intent" value="organisations">
            {t('eventRoom.lead.takingPartSave')}
          </button>
        </div>
      </Form>
    </section>
  )
}

/** Ending the event: asked to be confirmed, for it cannot be undone. */
export function EndForm({ version, errors }: { version: number; errors: EventFormErrors }) {
  const t = useT()
  return (
    <section aria-labelledby="end-heading" className="panel">
      <h3 id="end-heading">{t('eventRoom.lead.end')}</h3>
      <p>{t('eventRoom.lead.endText')}</p>
      <Form method="post" className="stack" key={`end-${version}`}>
        <input type="hidden" name="version" value={version} />
        <CheckboxField
          label={t('eventRoom.lead.confirmEnd')}
          name="confirm"
          value="yes"
          checked={false}
          error={errors.confirm}
        />
        <div className="actions">
          <button type="submit" className="button button--danger" name="intent" value="end">
            {t('eventRoom.lead.endSave')}
          </button>
        </div>
      </Form>
    </section>
  )
}

export type LeadOutcome =
  | { kind: 'saved'; what: 'level' | 'organisations' | 'end' | 'unchanged' }
  /** The taking-part picker's search or network without JavaScript: nothing saved, the choice kept. */
  | { kind: 'picking'; picker: PickerState; networkId: string }
  | {
      kind: 'invalid'
      form: 'level' | 'organisations' | 'end'
      errors: EventFormErrors
      /** The taking-part form's choice as posted. */
      picker?: PickerState
      networkId?: string
    }
  | { kind: 'conflict' }
  | { kind: 'ended' }

/** What the last post did, said once above the forms. */
export function LeadMessage({ outcome }: { outcome: LeadOutcome | undefined }) {
  const t = useT()
  if (!outcome || outcome.kind === 'picking') return null
  if (outcome.kind === 'conflict') return <FormMessage kind="error">{t('eventRoom.error.conflict')}</FormMessage>
  if (outcome.kind === 'ended') return <FormMessage kind="error">{t('eventRoom.error.ended')}</FormMessage>
  if (outcome.kind === 'invalid') return <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage>
  const text = {
    level: t('eventRoom.lead.levelSaved'),
    organisations: t('eventRoom.lead.takingPartSaved'),
    end: t('eventRoom.lead.ended'),
    unchanged: t('eventRoom.lead.unchanged'),
  }[outcome.what]
  return <FormMessage kind="success">{text}</FormMessage>
}
