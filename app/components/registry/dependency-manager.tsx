import { Form, Link, useLocation } from '@remix-run/react'
import { Field, FormMessage } from '~/components/forms/field'
import { useT } from '~/i18n/i18n'
import { DependencyFields, type DependableServiceOption } from './dependency-fields'
import { DependencyList, useDependencyTarget, type DependencyItem } from './dependency-list'

export interface DependencyFormState {
  dependencyId: string | null
  errors: Record<string, string>
  values: Record<string, string>
  current: Record<string, string> | null
}

/**
 * A service's dependencies with their edit and remove controls, and one form
 * that adds a dependency or, when one is chosen (`?beroende=`), edits it.
 */
export function DependencyManager({
  dependencies,
  acceptableOutageHours,
  dependable,
  query,
  editing,
  formState,
  deleteError,
}: {
  dependencies: DependencyItem[]
  acceptableOutageHours: number
  dependable: { services: DependableServiceOption[]; more: boolean }
  query: string
  editing: { id: string; version: number; values: Record<string, string> } | null
  /** A rejected submission of the form below. */
  formState: DependencyFormState | null
  deleteError: string | null
}) {
  const t = useT()
  const location = useLocation()
  const targetOf = useDependencyTarget()
  const state = formState && formState.dependencyId === (editing?.id ?? null) ? formState : null
  const values = state?.values ?? editing?.values ?? {}
  const errors = state?.errors ?? {}
  const version = state?.values.version ?? (editing ? String(editing.version) : '')
  return (
    <section aria-labelledby="beroenden" className="registry-section">
      <h2 id="beroenden">{t('deps.title')}</h2>
      {deleteError ? <FormMessage kind="error">{t('deps.deleteConflict')}</FormMessage> : null}
      <DependencyList
        dependencies={dependencies}
        acceptableOutageHours={acceptableOutageHours}
        actions={(dependency) => (
          <>
            <Link to={`?beroende=${dependency.id}#beroende-formular`}>
              {t('deps.edit')}
              <span className="visually-hidden"> {t('deps.namedItem', { target: targetOf(dependency) })}</span>
            </Link>
            <Form method="post" action="?" className="inline-form">
              <input type="hidden" name="intent" value="deleteDependency" />
              <input type="hidden" name="dependencyId" value={dependency.id} />
              <input type="hidden" name="version" value={String(dependency.version)} />
              <button type="submit" className="button button--secondary button--small">
                {t('deps.delete')}
                <span className="visually-hidden"> {t('deps.namedItem', { target: targetOf(dependency) })}</span>
              </button>
            </Form>
          </>
        )}
      />

      <h3 id="beroende-formular" className="h3">
        {t(editing ? 'deps.editTitle' : 'deps.addTitle')}
      </h3>
      {dependable.more || query ? (
        <Form method="get" className="search-form">
          {editing ? <input type="hidden" name="beroende" value={editing.id} /> : null}
          <Field label={t('deps.search.label')} name="sok">
            {(props) => <input {...props} type="search" defaultValue={query} maxLength={200} />}
          </Field>
          <button type="submit" className="button button--secondary">
            {t('deps.search.submit')}
          </button>
          {dependable.more ? (
            <p className="field__hint">{t('deps.search.more', { count: dependable.services.length })}</p>
          ) : null}
        </Form>
      ) : null}
      {errors._form === 'deps.conflict' ? <FormMessage kind="error">{t('deps.conflict')}</FormMessage> : null}
      {Object.keys(errors).some((key) => key !== '_form') ? (
        <FormMessage kind="error">{t('validation.formInvalid')}</FormMessage>
      ) : null}
      {/* A new key after each navigation empties the form once a dependency is saved. */}
      <Form method="post" className="stack" noValidate key={`${editing?.id ?? 'new'}-${version}-${location.key}`}>
        <input type="hidden" name="intent" value={editing ? 'updateDependency' : 'addDependency'} />
        {editing ? (
          <>
            <input type="hidden" name="dependencyId" value={editing.id} />
            <input type="hidden" name="version" value={version} />
          </>
        ) : null}
        <DependencyFields
          values={values}
          errors={errors}
          services={dependable.services}
          current={state?.current ?? undefined}
        />
        <div className="actions">
          <button type="submit" className="button">
            {t(editing ? 'deps.save' : 'deps.add')}
          </button>
          {editing ? <Link to="?#beroenden">{t('common.cancel')}</Link> : null}
        </div>
      </Form>
    </section>
  )
}
