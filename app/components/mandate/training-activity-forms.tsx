import { Form } from '@remix-run/react'
import { CheckboxField, FieldGroup, FormMessage } from '~/components/forms/field'
import type { Option } from '~/components/forms/option-select'
import { useT } from '~/i18n/i18n'
import type { ActivityFormOutcome } from '~/modules/mandate/training-activity-actions.server'

// One exercise's part in the plan: what it trains, and who attended. Each
// form carries the ids it was loaded with, so a save over someone else's is
// refused (409) rather than silently replacing it.

function Checkboxes({
  legend,
  name,
  options,
  checked,
  current,
  empty,
}: {
  legend: string
  name: string
  options: readonly Option[]
  checked: readonly string[]
  current?: string
  empty: string
}) {
  return (
    <FieldGroup legend={legend} className="training-choices" current={current}>
      {options.length === 0 ? <p>{empty}</p> : null}
      {options.map((option) => (
        <CheckboxField
          key={option.id}
          label={option.name}
          name={name}
          value={option.id}
          checked={checked.includes(option.id)}
        />
      ))}
    </FieldGroup>
  )
}

export function TagsForm({
  groups,
  goals,
  saved,
  outcome,
}: {
  groups: readonly Option[]
  goals: readonly Option[]
  saved: { groupIds: string[]; goalIds: string[] }
  outcome: ActivityFormOutcome | undefined
}) {
  const t = useT()
  const answer = outcome?.form === 'tags' ? outcome : undefined
  const loaded = answer ? { groupIds: answer.loaded.groupIds!, goalIds: answer.loaded.goalIds! } : saved
  const checked = answer ? { groupIds: answer.posted.groupIds!, goalIds: answer.posted.goalIds! } : saved
  return (
    <section aria-labelledby="tags-heading">
      <h3 id="tags-heading">{t('trainingPlan.tags.heading')}</h3>
      {answer ? <FormMessage kind="error">{t(answer.notice)}</FormMessage> : null}
      <Form method="post" className="stack" key={`tags:${loaded.groupIds.join()}:${loaded.goalIds.join()}`}>
        <input type="hidden" name="intent" value="tags" />
        <input type="hidden" name="loadedGroups" value={loaded.groupIds.join(',')} />
        <input type="hidden" name="loadedGoals" value={loaded.goalIds.join(',')} />
        <Checkboxes
          legend={t('trainingPlan.tags.groups')}
          name="groupIds"
          options={groups}
          checked={checked.groupIds}
          current={answer ? answer.current.groupIds || t('trainingPlan.noneTagged') : undefined}
          empty={t('trainingPlan.groups.none')}
        />
        <Checkboxes
          legend={t('trainingPlan.tags.goals')}
          name="goalIds"
          options={goals}
          checked={checked.goalIds}
          current={answer ? answer.current.goalIds || t('trainingPlan.noneTagged') : undefined}
          empty={t('trainingPlan.goals.none')}
        />
        <div className="actions">
          <button type="submit" className="button">
            {t('trainingPlan.tags.save')}
          </button>
        </div>
      </Form>
    </section>
  )
}

export function AttendanceForm({
  tagged,
  others,
  saved,
  outcome,
  note,
}: {
  /** The people in the exercise's target groups. */
  tagged: readonly Option[]
  /** The plan's other people. */
  others: readonly Option[]
  saved: string[]
  outcome: ActivityFormOutcome | undefined
  /** Why attendance does not count yet (not held, cancelled), if it does not. */
  note: string | null
}) {
  const t = useT()
  const answer = outcome?.form === 'attendance' ? outcome : undefined
  const loaded = answer ? answer.loaded.personIds! : saved
  const checked = answer ? answer.posted.personIds! : saved
  const othersChecked = others.some((person) => checked.includes(person.id))
  return (
    <section aria-labelledby="attendance-heading">
      <h3 id="attendance-heading">{t('trainingPlan.attendance.heading')}</h3>
      <p>{t('trainingPlan.attendance.intro')}</p>
      {note ? <p className="training-note">{note}</p> : null}
      {answer ? <FormMessage kind="error">{t(answer.notice)}</FormMessage> : null}
      {tagged.length + others.length === 0 ? (
        <p>{t('trainingPlan.attendance.noPeople')}</p>
      ) : (
        <Form method="post" className="stack" key={`attendance:${loaded.join()}`}>
          <input type="hidden" name="intent" value="attendance" />
          <input type="hidden" name="loadedPeople" value={loaded.join(',')} />
          <Checkboxes
            legend={t('trainingPlan.attendance.tagged')}
            name="personIds"
            options={tagged}
            checked={checked}
            current={answer ? answer.current.personIds || t('trainingPlan.noneTagged') : undefined}
            empty={t('trainingPlan.attendance.noTagged')}
          />
          {others.length > 0 ? (
            <details open={othersChecked || tagged.length === 0}>
              <summary>{t('trainingPlan.attendance.others', { count: others.length })}</summary>
              <Checkboxes
                legend={t('trainingPlan.attendance.othersLegend')}
                name="personIds"
                options={others}
                checked={checked}
                empty=""
              />
            </details>
          ) : null}
          <div className="actions">
            <button type="submit" className="button">
              {t('trainingPlan.attendance.save')}
            </button>
          </div>
        </Form>
      )}
    </section>
  )
}
