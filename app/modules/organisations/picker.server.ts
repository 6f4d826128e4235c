import type { Database } from '~/db/client.server'
import { translator } from '~/i18n/i18n'
import { getLocale } from '~/i18n/locale.server'
import { itemsById, networkMemberItems, searchable, searchItems } from './organisation-search.server'
import {
  normalisePickerQuery,
  pickedIds,
  pickerQueryName,
  readPickerPost,
  wellFormedIds,
  type PickerFields,
  type PickerSpec,
  type PickerState,
} from './picker'

export interface Pickers<F extends string> {
  /**
   * The post was the picker's own (a search, or a network's members added,
   * made without JavaScript): the action answers with the form as typed and
   * these pickers, and saves nothing.
   */
  picking: boolean
  pickers: Record<F, PickerState>
}

/**
 * The pickers of one form, keyed by their form fields: for a loader, from
 * the ids it gives; for an action, from the post, which may be the picker's
 * own search or network shortcut. Every form with a picker calls this, in
 * its loader and before anything else in its action (after the permission
 * check, which also decides who may search), so a search without JavaScript
 * works the same on every form. A GET form's loader passes its URL's search
 * parameters as `formData`: there the search is a GET, and `picking` only
 * says that one was asked for.
 */
export async function pickerStates<F extends string>(
  db: Database,
  request: Request,
  specs: Record<F, PickerSpec>,
  formData?: PickerFields,
): Promise<Pickers<F>> {
  const t = translator(getLocale(request))
  const post = formData ? readPickerPost(formData) : null
  const entries = await Promise.all(
    (Object.entries(specs) as [F, PickerSpec][]).map(async ([field, spec]): Promise<[F, PickerState]> => {
      // Ids given are checked too: a form's values may come from a post.
      let ids = spec.ids ? wellFormedIds(spec.ids) : formData ? pickedIds(formData, field) : []
      if (spec.single) ids = ids.slice(-1)
      const state: PickerState = {
        field,
        kind: spec.kind,
        selected: [],
        query: '',
        results: null,
        tooShort: false,
        added: null,
      }
      // Enter in any picker's search field presses the form's first Sök button: every typed query is searched.
      const query = post && 'query' in post ? normalisePickerQuery(formData?.get(pickerQueryName(field))) : ''
      if (post && 'query' in post && (post.field === field || query !== '')) {
        state.query = query
        state.tooShort = !searchable(query)
        state.results = await searchItems(db, t, spec.kind, query, { exclude: ids })
      }
      if (
        post?.field === field &&
        'networkId' in post &&
        post.networkId &&
        spec.kind === 'organisation' &&
        !spec.single
      ) {
        const network = await networkMemberItems(db, t, post.networkId)
        if (network) {
          const fresh = network.items.filter((item) => !ids.includes(item.id))
          ids.push(...fresh.map((item) => item.id))
          state.added = { name: network.name, count: fresh.length }
        }
      }
      state.selected = await itemsById(db, t, spec.kind, ids)
      return [field, state]
    }),
  )
  return { picking: post !== null, pickers: Object.fromEntries(entries) as Record<F, PickerState> }
}
