import { useEffect, useId, useState, type KeyboardEvent, type RefObject } from 'react'
import { useT, type Translate } from '~/i18n/i18n'
import {
  PICKER_QUERY_MIN,
  PICKER_RESULT_LIMIT,
  pickerSearchUrl,
  type PickerItem,
  type PickerKind,
} from '~/modules/organisations/picker'

// The organisation picker's search once the page runs (organisation-picker.tsx).

/** An item's name and, after a comma, its kind or organisation: read out the same as it is seen. */
export function ItemText({ item }: { item: PickerItem }) {
  return (
    <span className="picker__name">
      {item.name}
      {item.kindLabel ? <span className="picker__detail">, {item.kindLabel}</span> : null}
    </span>
  )
}

export type SearchStatus = 'idle' | 'short' | 'loading' | 'done' | 'failed'

export type ComboboxStep =
  | { kind: 'move'; active: number }
  | { kind: 'choose'; active: number }
  | { kind: 'close' }
  | { kind: 'clear' }
  | { kind: 'none' }

/**
 * What a key does in the combobox (WAI-ARIA APG, list autocomplete without
 * automatic selection): the arrows open the list and move round it, Enter
 * chooses the option moved to, Escape closes the list or else empties the
 * field. `none` is a key the combobox swallows (Enter with nothing moved
 * to); null is a key left to the browser.
 */
export function comboboxKey(
  key: string,
  { open, active, count, typed }: { open: boolean; active: number; count: number; typed: boolean },
): ComboboxStep | null {
  switch (key) {
    case 'ArrowDown':
      if (count === 0) return { kind: 'none' }
      return { kind: 'move', active: !open || active + 1 >= count ? 0 : active + 1 }
    case 'ArrowUp':
      if (count === 0) return { kind: 'none' }
      return { kind: 'move', active: !open || active <= 0 ? count - 1 : active - 1 }
    case 'Enter':
      return open && active >= 0 && active < count ? { kind: 'choose', active } : { kind: 'none' }
    case 'Escape':
      if (open) return { kind: 'close' }
      return typed ? { kind: 'clear' } : null
    default:
      return null
  }
}

export function resultMessage(t: Translate, status: SearchStatus, count: number, query: string): string {
  if (status === 'short') return t('picker.tooShort')
  if (status === 'failed') return t('picker.failed')
  if (status !== 'done') return ''
  if (count === 0) return t('picker.noResults', { query })
  if (count >= PICKER_RESULT_LIMIT) return t('picker.countLimited', { count })
  return t('picker.count', { count })
}

/**
 * The hits for what is typed, a moment after the typing stops; a newer query
 * aborts the older request, so a slow answer never replaces a newer one.
 */
function useSearch(kind: PickerKind, query: string): { status: SearchStatus; items: PickerItem[] } {
  const [result, setResult] = useState<{ status: SearchStatus; items: PickerItem[] }>({ status: 'idle', items: [] })
  useEffect(() => {
    const typed = query.trim()
    if (typed === '') return setResult({ status: 'idle', items: [] })
    if (typed.length < PICKER_QUERY_MIN) return setResult({ status: 'short', items: [] })
    const controller = new AbortController()
    const timer = setTimeout(() => {
      setResult((now) => ({ status: 'loading', items: now.items }))
      fetch(pickerSearchUrl(kind, typed), { signal: controller.signal, headers: { Accept: 'application/json' } })
        .then((response) => {
          if (!response.ok) throw new Error(`status ${response.status}`)
          return response.json() as Promise<{ items: PickerItem[] }>
        })
        .then((data) => setResult({ status: 'done', items: data.items }))
        .catch(() => {
          if (!controller.signal.aborted) setResult({ status: 'failed', items: [] })
        })
    }, 250)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [kind, query])
  return result
}

/** The combobox: type, move through the suggestions with the arrow keys, Enter chooses, Escape closes. */
export function ComboboxSearch({
  kind,
  chosen,
  onChoose,
  notice,
  clearNotice,
  inputRef,
}: {
  kind: PickerKind
  chosen: PickerItem[]
  onChoose: (item: PickerItem) => void
  notice: string | null
  clearNotice: () => void
  inputRef: RefObject<HTMLInputElement>
}) {
  const t = useT()
  const id = useId()
  const listId = `${id}-listbox`
  const optionId = (item: PickerItem) => `${id}-option-${item.id}`
  const [query, setQuery] = useState('')
  const [closed, setClosed] = useState(false)
  const [active, setActive] = useState(-1)
  const search = useSearch(kind, query)
  const chosenIds = new Set(chosen.map((item) => item.id))
  const options = search.items.filter((item) => !chosenIds.has(item.id))
  const open = !closed && query.trim() !== '' && options.length > 0 && search.status === 'done'
  const activeItem = open && active >= 0 ? options[active] : undefined
  const activeId = activeItem ? optionId(activeItem) : undefined

  useEffect(() => setActive(-1), [search.items])
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' })
  }, [activeId])

  const choose = (item: PickerItem) => {
    onChoose(item)
    setQuery('')
    setActive(-1)
    inputRef.current?.focus()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = comboboxKey(event.key, { open, active, count: options.length, typed: query !== '' })
    if (!step) return
    // Enter in the search chooses; it never sends the whole form half filled in.
    event.preventDefault()
    if (step.kind === 'move') {
      setClosed(false)
      setActive(step.active)
    } else if (step.kind === 'choose') {
      const item = options[step.active]
      if (item) choose(item)
    } else if (step.kind === 'close') {
      setClosed(true)
      setActive(-1)
    } else if (step.kind === 'clear') {
      setQuery('')
    }
  }

  const message = notice ?? resultMessage(t, search.status, options.length, query.trim())
  return (
    <div className="picker__search picker__combobox">
      <label htmlFor={`${id}-query`}>{t(`picker.search.${kind}`)}</label>
      <p className="field__hint" id={`${id}-hint`}>
        {t('picker.searchHint')}
      </p>
      <input
        ref={inputRef}
        id={`${id}-query`}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setClosed(false)
          clearNotice()
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setClosed(true)}
        onFocus={() => setClosed(false)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t('picker.suggestions')}
        className="picker__options"
        hidden={!open}
        // The input keeps the focus while an option is clicked, so the list does not close under the pointer.
        onMouseDown={(event) => event.preventDefault()}
      >
        {open
          ? options.map((item, index) => (
              <li
                key={item.id}
                id={optionId(item)}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'picker__option picker__option--active' : 'picker__option'}
                onClick={() => choose(item)}
              >
                <ItemText item={item} />
              </li>
            ))
          : null}
      </ul>
      <p className="picker__status" role="status">
        {message}
      </p>
    </div>
  )
}
