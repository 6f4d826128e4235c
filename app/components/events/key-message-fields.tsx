import { Field, FieldGroup } from '~/components/forms/field'
import { useT } from '~/i18n/i18n'
import { KEY_MESSAGE_TEXT_MAX, WHERE_TO_TURN_MAX, type PlaceOption } from '~/modules/events/key-message-form'

/**
 * A key message's text, the places the public can turn to (ticked from the
 * registry's trygghetspunkter and nödvattenpunkter) and free text. `current`
 * is, after a conflict, what someone else saved meanwhile.
 */
export function KeyMessageFields({
  values,
  placeIds,
  errors,
  places,
  current,
}: {
  values: Record<string, string | undefined>
  placeIds: readonly string[]
  errors: Record<string, string>
  places: readonly PlaceOption[]
  current?: { text: string }
}) {
  const t = useT()
  return (
    <>
      <Field
        label={t('eventMessages.field.text')}
        name="text"
        error={errors.text}
        hint={t('eventMessages.field.textHint')}
        current={current?.text}
      >
        {(props) => (
          <textarea {...props} rows={4} maxLength={KEY_MESSAGE_TEXT_MAX} required defaultValue={values.text ?? ''} />
        )}
      </Field>
      {places.length > 0 ? (
        <FieldGroup
          legend={t('eventMessages.field.places')}
          className="key-message-form__places"
          error={errors.places}
          hint={t('eventMessages.field.placesHint')}
        >
          <ul className="key-message-form__choices">
            {places.map((place) => (
              <li key={place.id}>
                <label>
                  <input type="checkbox" name="places" value={place.id} defaultChecked={placeIds.includes(place.id)} />{' '}
                  {place.line}
                </label>
              </li>
            ))}
          </ul>
        </FieldGroup>
      ) : null}
      <Field
        label={t('eventMessages.field.whereToTurn')}
        name="whereToTurn"
        error={errors.whereToTurn}
        hint={t('eventMessages.field.whereToTurnHint')}
      >
        {(props) => (
          <textarea {...props} rows={3} maxLength={WHERE_TO_TURN_MAX} defaultValue={values.whereToTurn ?? ''} />
        )}
      </Field>
    </>
  )
}
