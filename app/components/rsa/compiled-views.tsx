import { formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import type { ScaleStep } from '~/db/schema/rsa'
import type { Finding, RiskPlacement, Spread } from '~/modules/rsa/compile'
import { matrixGrid } from '~/modules/rsa/compile'

function useSpreadText() {
  const t = useT()
  const locale = useLocale()
  return (spread: Spread | null) =>
    spread
      ? spread.min === spread.max
        ? t('rsa.matrix.single', { median: formatNumber(locale, spread.median), count: spread.count })
        : t('rsa.matrix.spread', {
            median: formatNumber(locale, spread.median),
            min: spread.min,
            max: spread.max,
            count: spread.count,
          })
      : t('rsa.matrix.unknown')
}

/**
 * The risk matrix: likelihood across, consequence up, each event in the cell
 * of its median with the spread between organisations written beside it. It
 * is a real table (row and column headers name each cell), and the list
 * after it says the same in words.
 */
export function RiskMatrix({
  risks,
  likelihoodScale,
  consequenceScale,
}: {
  risks: RiskPlacement[]
  likelihoodScale: ScaleStep[]
  consequenceScale: ScaleStep[]
}) {
  const t = useT()
  const spreadText = useSpreadText()
  const rows = matrixGrid(risks, likelihoodScale.length, consequenceScale.length)
  const levels = likelihoodScale.length + consequenceScale.length
  return (
    <>
      <div className="table-wrap rsa-scroll" role="region" aria-label={t('rsa.matrix.caption')} tabIndex={0}>
        <table className="rsa-grid rsa-matrix">
          <caption>{t('rsa.matrix.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rsa.matrix.corner')}</th>
              {likelihoodScale.map((step, index) => (
                <th scope="col" key={index}>
                  {t('rsa.stepOption', { step: index + 1, label: step.label })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.consequence}>
                <th scope="row">
                  {t('rsa.stepOption', {
                    step: row.consequence,
                    label: consequenceScale[row.consequence - 1]?.label ?? '',
                  })}
                </th>
                {row.cells.map((cell) => {
                  // Colour follows likelihood + consequence; the text carries the meaning, never the colour alone.
                  const level = Math.min(4, Math.floor(((cell.likelihood + row.consequence) / levels) * 4))
                  return (
                    <td key={cell.likelihood} className={`rsa-matrix__cell rsa-matrix__cell--${level}`}>
                      {cell.events.length > 0 ? (
                        <ul>
                          {cell.events.map((event) => (
                            <li key={event.eventId}>
                              <span className="rsa-matrix__event">{event.title}</span>
                              <span className="rsa-matrix__spread">
                                {t('rsa.matrix.cellSpread', {
                                  likelihood: event.likelihood
                                    ? `${event.likelihood.min}–${event.likelihood.max}`
                                    : '–',
                                  consequence: event.consequence
                                    ? `${event.consequence.min}–${event.consequence.max}`
                                    : '–',
                                })}
                              </span>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="table rsa-risk-list">
          <caption>{t('rsa.matrix.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rsa.event')}</th>
              <th scope="col">{t('rsa.likelihood')}</th>
              <th scope="col">{t('rsa.consequence')}</th>
              <th scope="col">{t('rsa.matrix.cell')}</th>
            </tr>
          </thead>
          <tbody>
            {risks.map((risk) => (
              <tr key={risk.eventId}>
                <th scope="row">{risk.title}</th>
                <td>{spreadText(risk.likelihood)}</td>
                <td>{spreadText(risk.consequence)}</td>
                <td>
                  {risk.cell
                    ? t('rsa.matrix.cellText', { likelihood: risk.cell.likelihood, consequence: risk.cell.consequence })
                    : t('rsa.matrix.notPlaced')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

export function CapabilityTable({
  organisations,
  rows,
  capabilityScale,
}: {
  organisations: { id: string; name: string }[]
  rows: { eventId: string; title: string; capabilities: (number | null)[] }[]
  capabilityScale: ScaleStep[]
}) {
  const t = useT()
  return (
    <div className="table-wrap rsa-scroll" role="region" aria-label={t('rsa.capabilityCaption')} tabIndex={0}>
      <table className="rsa-grid rsa-capability">
        <caption>{t('rsa.capabilityCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rsa.event')}</th>
            {organisations.map((organisation) => (
              <th scope="col" key={organisation.id}>
                {organisation.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.eventId}>
              <th scope="row">{row.title}</th>
              {row.capabilities.map((step, index) => (
                <td key={organisations[index]!.id} className={step ? `rsa-capability--${step}` : undefined}>
                  {step ? t('rsa.stepOption', { step, label: capabilityScale[step - 1]?.label ?? '' }) : '–'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Per event, organisation by organisation: the vulnerabilities and gaps, or the measures, that the submitted answers name. */
export function FindingsList({
  findings,
  capabilityScale,
  show,
  headingLevel = 3,
}: {
  findings: Finding[]
  capabilityScale: ScaleStep[]
  show: 'vulnerabilities' | 'measures'
  headingLevel?: 3 | 4
}) {
  const Heading = headingLevel === 4 ? 'h4' : 'h3'
  const t = useT()
  const shown = findings.filter((finding) =>
    show === 'measures' ? finding.measures : finding.vulnerabilities || finding.gaps,
  )
  if (shown.length === 0) return <p>{show === 'measures' ? t('rsa.noMeasuresNamed') : t('rsa.noFindings')}</p>
  const events = [...new Set(shown.map((finding) => finding.eventTitle))]
  return (
    <>
      {events.map((eventTitle) => (
        <section key={eventTitle} className="rsa-findings">
          <Heading>{eventTitle}</Heading>
          <ul>
            {shown
              .filter((finding) => finding.eventTitle === eventTitle)
              .map((finding) => (
                <li key={finding.organisationId}>
                  <strong>{finding.organisationName}</strong>
                  {show === 'vulnerabilities' && finding.capability ? (
                    <span className="muted">
                      {' '}
                      (
                      {t('rsa.stepOption', {
                        step: finding.capability,
                        label: capabilityScale[finding.capability - 1]?.label ?? '',
                      })}
                      )
                    </span>
                  ) : null}
                  {show === 'vulnerabilities' ? (
                    <dl className="facts">
                      {finding.vulnerabilities ? (
                        <>
                          <dt>{t('rsa.answer.vulnerabilities')}</dt>
                          <dd className="prewrap">{finding.vulnerabilities}</dd>
                        </>
                      ) : null}
                      {finding.gaps ? (
                        <>
                          <dt>{t('rsa.answer.gaps')}</dt>
                          <dd className="prewrap">{finding.gaps}</dd>
                        </>
                      ) : null}
                    </dl>
                  ) : (
                    <p className="prewrap">{finding.measures}</p>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  )
}
