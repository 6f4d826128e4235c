import { useForm, type DefaultValue, type FormMetadata } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { useMemo } from 'react'
import type { z } from 'zod'
import { parseSubmission, type FormReply } from '~/modules/forms/submission'

// The browser's half of docs/decisions/031: the form a route renders, checked
// as the user types with the schema its action parses with. Our components
// (Field, OptionSelect, ItemPicker …) keep their own labels, ids and
// aria-describedby; they take only a field's name and message from Conform,
// so the page is the same with or without JavaScript.

type ObjectSchema = z.ZodType<unknown, z.ZodTypeDef, Record<string, unknown>>

/**
 * Conform's `useForm` over `schema`: the action's reply (`lastResult`) shows
 * its messages and keeps the input of a page rendered without JavaScript; in
 * the browser a field is checked when it loses focus and, once it has a
 * message, again as the user types. `id` is the form element's id, which
 * Conform finds the form by.
 */
export function useSchemaForm<S extends ObjectSchema>(
  schema: S,
  options: { id: string; lastResult?: FormReply | null; defaultValue?: DefaultValue<z.input<S>> },
) {
  const constraint = useMemo(() => getZodConstraint(schema), [schema])
  return useForm<z.input<S>, z.output<S>>({
    id: options.id,
    lastResult: options.lastResult,
    defaultValue: options.defaultValue,
    constraint,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseSubmission(formData, schema),
  })
}

/** The form element's part: `<Form method="post" {...formProps(form)}>`. */
export function formProps(form: Pick<FormMetadata, 'id' | 'onSubmit' | 'noValidate'>) {
  return { id: form.id, onSubmit: form.onSubmit, noValidate: form.noValidate }
}

/**
 * A Conform field as Field, NumberField, OptionSelect and CheckboxField take
 * it: its name and its first message (an i18n key); an ItemPicker takes the
 * message alone (`error={field.errors?.[0]}`). The value a control starts
 * with is `field.defaultValue ?? ''`: what the user sent after a refused
 * post, else the form's `defaultValue`.
 */
export function fieldProps(field: { name: string; errors?: string[] }): { name: string; error: string | undefined } {
  return { name: field.name, error: field.errors?.[0] }
}

/** The form's own message (an issue without a field, a conflict), as an i18n key. */
export function formError(form: { errors?: string[] }): string | undefined {
  return form.errors?.[0]
}
