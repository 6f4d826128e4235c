import { Form } from '@remix-run/react'
import { useRef } from 'react'
import { Field } from '~/components/forms/field'
import { useT } from '~/i18n/i18n'
import type { GraphScopeKind, GraphScopeView, NamedRef } from '~/modules/dependency-graph/graph-view'

/**
 * A GET form: the scope lives in the URL, works without JavaScript and can
 * be linked. The radio button chooses; picking a network or an organisation
 * in its list also ticks its radio button (when JavaScript runs).
 */
export function ScopeForm({
  scope,
  networks,
  organisations,
}: {
  scope: GraphScopeView
  networks: NamedRef[]
  organisations: NamedRef[]
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
        defaultChecked={scope.kind === kind}
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
        <div className="graph-scope__choice">
          {radio('organisation')}
          <Field label={t('graph.scope.organisationSelect')} name="organisation">
            {(props) => (
              <select
                {...props}
                defaultValue={scope.kind === 'organisation' ? scope.organisation.id : undefined}
                onChange={() => choose('organisation')}
              >
                {organisations.map((organisation) => (
                  <option key={organisation.id} value={organisation.id}>
                    {organisation.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
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
