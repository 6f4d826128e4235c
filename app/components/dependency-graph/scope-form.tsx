import { Form } from '@remix-run/react'
import { useRef } from 'react'
import { Field } from '~/components/forms/field'
import { ItemPicker } from '~/components/forms/organisation-picker'
import { useT } from '~/i18n/i18n'
import type { GraphScopeKind, GraphScopeView, NamedRef } from '~/modules/dependency-graph/graph-view'
import type { PickerState } from '~/modules/organisations/picker'

/**
 * A GET form: the scope lives in the URL, works without JavaScript and can
 * be linked. The radio button chooses; picking a network in its list or an
 * organisation in the picker also ticks its radio button (when JavaScript
 * runs). Without JavaScript the picker's search is a GET too, which shows
 * the page again with the hits as radio buttons.
 */
export function ScopeForm({
  scope,
  checked,
  networks,
  organisationPicker,
}: {
  scope: GraphScopeView
  /** The radio button the URL asked for: after a search without JavaScript, not yet what is shown. */
  checked: GraphScopeKind
  networks: NamedRef[]
  organisationPicker: PickerState
}) {
  const t = useT()
  const radios = useRef<Partial<Record<GraphScopeKind, HTMLInputElement | null>>>({})
  const choose = (kind: GraphScopeKind) => {
    const radio = radios.current[kind]
    if (radio) radio.checked = true
  }
  const radio = (kind: GraphScopeKind) => (
    <div className="registry-choice">
      <input
        type="radio"
        id={`graph-scope-${kind}`}
        name="scope"
        value={kind}
        defaultChecked={checked === kind}
        ref={(element) => {
          radios.current[kind] = element
        }}
      />
      <label htmlFor={`graph-scope-${kind}`}>{t(`graph.scope.${kind}`)}</label>
    </div>
  )
  return (
    <Form method="get" className="graph-scope">
      <fieldset className="registry-fieldset">
        <legend>{t('graph.scope.legend')}</legend>
        {radio('area')}
        <div className="graph-scope__choice">
          {radio('network')}
          <Field label={t('graph.scope.networkSelect')} name="network">
            {(props) => (
              <select
                {...props}
                defaultValue={scope.kind === 'network' ? scope.network.id : undefined}
                onChange={() => choose('network')}
              >
                {networks.map((network) => (
                  <option key={network.id} value={network.id}>
                    {network.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="graph-scope__choice graph-scope__choice--picker">
          {radio('organisation')}
          <ItemPicker
            state={organisationPicker}
            label={t('graph.scope.organisationSelect')}
            single
            onChoose={() => choose('organisation')}
          />
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button">
          {t('graph.scope.show')}
        </button>
      </div>
    </Form>
  )
}
