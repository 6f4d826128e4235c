import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { translateMessage, useT, type Translate } from '~/i18n/i18n'
import {
  PICKER_NETWORK,
  PICKER_SEARCH,
  pickerNetworkUrl,
  pickerQueryName,
  type PickerItem,
  type PickerState,
} from '~/modules/organisations/picker'
import { ComboboxSearch, ItemText, resultMessage } from './picker-combobox'

export interface PickerNetwork {
  id: string
  name: string
}

interface PickerProps {
  /** From pickerStates() in the route's loader or action. */
  state: PickerState
  /** The legend: what is picked. */
  label: string
  hint?: string
  error?: string
  /** After a conflict: what is saved now, read out with the picker. */
  current?: string
  /** Shortcuts that add every member of a network (organisations only). */
  networks?: readonly PickerNetwork[]
  /** One item at most; a new choice replaces the old. */
  single?: boolean
  /**
   * A single picker that may be left empty (a filter): without JavaScript a
   * chosen radio button cannot be unticked, so this radio button, with no
   * value, chooses none.
   */
  noneLabel?: string
  /** Told when the user chooses an item or a network's members (not when the page is shown). */
  onChoose?: () => void
}

/**
 * The one way to pick organisations, people, sites or users: the chosen ones listed, each
 * removable, and a search that offers a few at a time, so the page never
 * holds the whole register. As the server renders it (and without
 * JavaScript) the chosen are checked boxes, and a Sök button posts the form
 * for hits (picker.server.ts). Once the page runs, the search is a combobox
 * (WAI-ARIA APG, list autocomplete) that asks a resource route as the user
 * types, and the chosen ids are hidden fields. Either way the form posts the
 * ids in its own field, repeated.
 */
// Set once the page has hydrated: a picker mounted later (a form re-rendered after a post) starts as the combobox.
let hydrated = false

export function ItemPicker(props: PickerProps) {
  // What the server chose is the starting point; a page whose saved choice changed starts again from it.
  return <Picker key={props.state.selected.map((item) => item.id).join(',')} {...props} />
}

function Picker({
  state,
  label,
  hint,
  error,
  current,
  networks = [],
  single = false,
  noneLabel,
  onChoose,
}: PickerProps) {
  const t = useT()
  const id = useId()
  const [enhanced, setEnhanced] = useState(hydrated)
  useEffect(() => {
    hydrated = true
    setEnhanced(true)
  }, [])
  const [selected, setSelected] = useState<PickerItem[]>(state.selected)
  const [notice, setNotice] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const ids = { hint: `${id}-hint`, error: `${id}-error`, current: `${id}-current`, selected: `${id}-selected` }
  const describedBy = [hint && ids.hint, error && ids.error, current !== undefined && ids.current].filter(Boolean)
  const showNetworks = networks.length > 0 && state.kind === 'organisation' && !single

  const choose = (item: PickerItem) => {
    setSelected((now) => (single ? [item] : now.some((other) => other.id === item.id) ? now : [...now, item]))
    setNotice(t(single ? 'picker.replaced' : 'picker.added', { name: item.name }))
    onChoose?.()
  }
  const remove = (item: PickerItem) => {
    setSelected((now) => now.filter((other) => other.id !== item.id))
    setNotice(t('picker.removed', { name: item.name }))
    inputRef.current?.focus()
  }
  const addNetwork = async (network: PickerNetwork) => {
    try {
      const response = await fetch(pickerNetworkUrl(network.id), { headers: { Accept: 'application/json' } })
      if (!response.ok) throw new Error(`status ${response.status}`)
      const { items } = (await response.json()) as { items: PickerItem[] }
      const known = new Set(selected.map((item) => item.id))
      const fresh = items.filter((item) => !known.has(item.id))
      setSelected((now) => [...now, ...fresh.filter((item) => !now.some((other) => other.id === item.id))])
      setNotice(t('picker.networkAdded', { count: fresh.length, name: network.name }))
      if (fresh.length > 0) onChoose?.()
    } catch {
      setNotice(t('picker.failed'))
    }
  }

  return (
    <fieldset
      className={error ? 'picker field--error' : 'picker'}
      aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
    >
      <legend>{label}</legend>
      {hint ? (
        <p className="field__hint" id={ids.hint}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={ids.error}>
          {translateMessage(t, error)}
        </p>
      ) : null}
      <div className="picker__selected">
        <p className="picker__heading" id={ids.selected}>
          {t('picker.selected', { count: selected.length })}
        </p>
        {selected.length === 0 ? (
          <p className="muted picker__none">{t('picker.noneSelected')}</p>
        ) : (
          <ul className="picker__list" aria-labelledby={ids.selected}>
            {selected.map((item) =>
              enhanced ? (
                <li key={item.id} className="picker__item">
                  <input type="hidden" name={state.field} value={item.id} />
                  <ItemText item={item} />
                  <button type="button" className="button button--secondary button--small" onClick={() => remove(item)}>
                    {t('picker.remove')}
                    <span className="visually-hidden"> {item.name}</span>
                  </button>
                </li>
              ) : (
                <Choice key={item.id} field={state.field} item={item} single={single} checked />
              ),
            )}
            {single && noneLabel && !enhanced ? <NoChoice field={state.field} label={noneLabel} /> : null}
          </ul>
        )}
      </div>
      {enhanced ? (
        <ComboboxSearch
          kind={state.kind}
          chosen={selected}
          onChoose={choose}
          notice={notice}
          clearNotice={() => setNotice(null)}
          inputRef={inputRef}
        />
      ) : (
        <StaticSearch state={state} label={label} single={single} t={t} />
      )}
      {showNetworks ? (
        <div className="picker__networks">
          <p className="picker__heading" id={`${id}-networks`}>
            {t('picker.networks')}
          </p>
          <ul className="picker__network-list" aria-labelledby={`${id}-networks`}>
            {networks.map((network) => (
              <li key={network.id}>
                {enhanced ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => void addNetwork(network)}
                  >
                    {t('picker.addNetwork', { name: network.name })}
                  </button>
                ) : (
                  <button
                    type="submit"
                    className="button button--secondary button--small"
                    name={PICKER_NETWORK}
                    value={`${state.field}:${network.id}`}
                    formNoValidate
                  >
                    {t('picker.addNetwork', { name: network.name })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {current !== undefined ? (
        <p className="field__current" id={ids.current}>
          {t('organisations.currentValue', { value: current || '–' })}
        </p>
      ) : null}
    </fieldset>
  )
}

/** A chosen item (checked) or a hit to choose (unchecked), as a box to tick, or a radio button when one is picked. */
function Choice({
  field,
  item,
  single,
  checked,
}: {
  field: string
  item: PickerItem
  single: boolean
  checked: boolean
}) {
  const id = `${useId()}-choice`
  return (
    <li className="picker__item picker__item--choice">
      <input type={single ? 'radio' : 'checkbox'} id={id} name={field} value={item.id} defaultChecked={checked} />
      <label htmlFor={id}>
        <ItemText item={item} />
      </label>
    </li>
  )
}

/** The radio button that chooses none, in a single picker that may be left empty. */
function NoChoice({ field, label }: { field: string; label: string }) {
  const id = `${useId()}-none`
  return (
    <li className="picker__item picker__item--choice">
      <input type="radio" id={id} name={field} value="" />
      <label htmlFor={id}>{label}</label>
    </li>
  )
}

/** Without JavaScript: a search field and a button that posts the form; the hits come back as boxes to tick. */
function StaticSearch({
  state,
  label,
  single,
  t,
}: {
  state: PickerState
  label: string
  single: boolean
  t: Translate
}) {
  const id = useId()
  const results = state.results
  let message: ReactNode = null
  if (state.added) message = t('picker.networkAdded', { count: state.added.count, name: state.added.name })
  else if (results !== null) message = resultMessage(t, state.tooShort ? 'short' : 'done', results.length, state.query)
  return (
    <>
      <div className="picker__search">
        <label htmlFor={`${id}-query`}>{t(`picker.search.${state.kind}`)}</label>
        <p className="field__hint" id={`${id}-hint`}>
          {t('picker.searchHintStatic')}
        </p>
        <div className="picker__search-row">
          <input
            id={`${id}-query`}
            type="search"
            name={pickerQueryName(state.field)}
            defaultValue={state.query}
            autoComplete="off"
            aria-describedby={`${id}-hint`}
          />
          <button
            type="submit"
            className="button button--secondary"
            name={PICKER_SEARCH}
            value={state.field}
            formNoValidate
          >
            {t('picker.searchButton')}
            <span className="visually-hidden"> – {label}</span>
          </button>
        </div>
      </div>
      <p className="picker__status" role="status">
        {message}
      </p>
      {results && results.length > 0 ? (
        <fieldset className="picker__results">
          <legend>{t('picker.resultsFor', { query: state.query })}</legend>
          <p className="field__hint">{t(single ? 'picker.resultsHintSingle' : 'picker.resultsHint')}</p>
          <ul className="picker__list">
            {results.map((item) => (
              <Choice key={item.id} field={state.field} item={item} single={single} checked={false} />
            ))}
          </ul>
        </fieldset>
      ) : null}
    </>
  )
}
