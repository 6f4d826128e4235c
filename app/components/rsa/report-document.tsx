import type { ReactNode } from 'react'
import { formatDate, formatDateTime } from '~/i18n/format'
import { labelOf, useLocale, useT } from '~/i18n/i18n'
import type { MessageKey } from '~/i18n/sv'
import { reportParts, type ReportPart } from '~/modules/rsa/report'
import type { ReportData } from '~/modules/rsa/report.server'
import type { SerializeFrom } from '@remix-run/node'
import { CapabilityTable, FindingsList, RiskMatrix } from './compiled-views'
import { MeasureTable } from './measure-table'

type Report = SerializeFrom<ReportData>

const partHeadings: Record<ReportPart, MessageKey> = {
  area: 'rsa.part.area',
  process: 'rsa.part.process',
  services: 'rsa.part.services',
  dependencies: 'rsa.part.dependencies',
  risks: 'rsa.part.risks',
  vulnerabilities: 'rsa.part.vulnerabilities',
  measures: 'rsa.part.measures',
}

function Part({
  part,
  number,
  narrative,
  children,
}: {
  part: ReportPart
  number: number
  narrative: string | undefined
  children: ReactNode
}) {
  const t = useT()
  return (
    <section className="rsa-report__part" aria-labelledby={`part-${part}`}>
      <h2 id={`part-${part}`}>
        {number}. {t(partHeadings[part])}
      </h2>
      {narrative?.trim() ? (
        <div className="prewrap rsa-report__narrative">{narrative}</div>
      ) : (
        <p className="muted">{t('rsa.report.noNarrative')}</p>
      )}
      {children}
    </section>
  )
}

/** What is still missing before the report can be sent: answers not done, empty narrative parts, events not placed. */
export function MissingList({ report }: { report: Report }) {
  const t = useT()
  const { missing } = report
  const nothing =
    missing.organisations.length === 0 && missing.narrativeParts.length === 0 && missing.eventsWithoutRisk.length === 0
  return (
    <section className="rsa-missing" aria-labelledby="rsa-missing-heading">
      <h2 id="rsa-missing-heading">{t('rsa.missing.title')}</h2>
      {nothing ? (
        <p>{t('rsa.missing.nothing')}</p>
      ) : (
        <ul>
          {missing.organisations.map((organisation) => (
            <li key={organisation.id}>
              {t('rsa.missing.organisation', {
                name: organisation.name,
                done: organisation.submitted,
                total: report.compiled.events.length,
              })}
            </li>
          ))}
          {missing.narrativeParts.map((part) => (
            <li key={part}>
              {t('rsa.missing.narrative', { part: `${reportParts.indexOf(part) + 1}. ${t(partHeadings[part])}` })}
            </li>
          ))}
          {missing.eventsWithoutRisk.map((title) => (
            <li key={title}>{t('rsa.missing.event', { title })}</li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** The RSA report in MSBFS 2015:5's seven parts: the coordinator's text, then what the portal knows. */
/** What the participants' theme days revealed, per organisation: the effects and the needs. */
function ThemeDayFindings({ findings }: { findings: Report['themeDayFindings'] }) {
  const t = useT()
  const locale = useLocale()
  if (findings.length === 0) return null
  return (
    <>
      <h3>{t('rsa.report.themeDays')}</h3>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('rsa.report.themeDay')}</th>
              <th scope="col">{t('rsa.organisation')}</th>
              <th scope="col">{t('rsa.report.themeDayEffects')}</th>
              <th scope="col">{t('rsa.report.themeDayNeeds')}</th>
            </tr>
          </thead>
          <tbody>
            {findings.map((finding) => (
              <tr key={`${finding.meetingId}-${finding.organisationName}`}>
                <td>
                  {finding.meetingTitle}
                  <div className="muted">
                    {formatDate(locale, finding.meetingStartsAt)}
                    {finding.scenarioName ? ` · ${finding.scenarioName}` : ''}
                  </div>
                </td>
                <td>{finding.organisationName}</td>
                <td className="prewrap">{finding.effects}</td>
                <td className="prewrap">{finding.needs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

export function ReportDocument({ report, printedAt, today }: { report: Report; printedAt: string; today: string }) {
  const t = useT()
  const locale = useLocale()
  const { analysis, compiled, registry } = report
  const narrative = analysis.narrative as Record<string, string | undefined>
  const submittedOf = new Map(compiled.progress.map((row) => [row.organisationId, row.submitted]))
  return (
    <article className="rsa-report">
      <header className="rsa-report__cover">
        <p className="rsa-report__owner">{report.owner.name}</p>
        <h1>{t('rsa.report.title', { title: analysis.title })}</h1>
        <p>{t('rsa.periodValue', { start: analysis.periodStart, end: analysis.periodEnd })}</p>
        <p className="rsa-report__deadline">
          {t('rsa.report.deadline', { date: formatDate(locale, report.deadline) })}
        </p>
        <p className="muted">{t('rsa.report.printed', { date: formatDateTime(locale, printedAt) })}</p>
      </header>
      <MissingList report={report} />

      <Part part="area" number={1} narrative={narrative.area}>
        <h3>{t('rsa.report.network')}</h3>
        {report.owner.description ? <p>{report.owner.description}</p> : null}
        <ul className="rsa-report__actors">
          {compiled.participants.map((organisation) => (
            <li key={organisation.id}>{organisation.name}</li>
          ))}
        </ul>
      </Part>

      <Part part="process" number={2} narrative={narrative.process}>
        <h3>{t('rsa.report.method')}</h3>
        <p>
          {t('rsa.report.methodText', {
            likelihood: analysis.likelihoodScale.length,
            consequence: analysis.consequenceScale.length,
            capability: analysis.capabilityScale.length,
            values: analysis.protectedValues.map((value) => value.label.toLowerCase()).join('; '),
            events: compiled.events.length,
          })}
        </p>
        <h3>{t('rsa.report.workshops')}</h3>
        {report.workshops.length === 0 ? (
          <p>{t('rsa.report.noWorkshops')}</p>
        ) : (
          <ul>
            {report.workshops.map((workshop) => (
              <li key={workshop.id}>
                {formatDate(locale, workshop.startsAt)}: {workshop.title}
                {workshop.place ? `, ${workshop.place}` : ''}
              </li>
            ))}
          </ul>
        )}
        <table className="table rsa-report__table">
          <caption>{t('rsa.report.participantsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rsa.organisation')}</th>
              <th scope="col">{t('rsa.progress.done')}</th>
            </tr>
          </thead>
          <tbody>
            {compiled.participants.map((organisation) => (
              <tr key={organisation.id}>
                <th scope="row">{organisation.name}</th>
                <td>
                  {t('rsa.progress.count', {
                    done: submittedOf.get(organisation.id) ?? 0,
                    total: compiled.events.length,
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Part>

      <Part part="services" number={3} narrative={narrative.services}>
        <table className="table rsa-report__table">
          <caption>{t('rsa.report.servicesBySector', { count: registry.serviceCount })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rsa.report.sector')}</th>
              <th scope="col">{t('rsa.report.count')}</th>
            </tr>
          </thead>
          <tbody>
            {registry.servicesBySector.map((row) => (
              <tr key={row.sector}>
                <th scope="row">{t(`sector.${row.sector}`)}</th>
                <td>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {registry.services.length < registry.serviceCount ? (
          <p className="notice">
            {t('rsa.report.capped', { shown: registry.services.length, total: registry.serviceCount })}
          </p>
        ) : null}
        {registry.services.length > 0 ? (
          <table className="table rsa-report__table">
            <caption>{t('rsa.report.servicesList')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rsa.report.service')}</th>
                <th scope="col">{t('rsa.organisation')}</th>
                <th scope="col">{t('rsa.report.sector')}</th>
                <th scope="col">{t('rsa.report.outage')}</th>
              </tr>
            </thead>
            <tbody>
              {registry.services.map((service) => (
                <tr key={service.id}>
                  <th scope="row">{service.name}</th>
                  <td>{service.organisationName}</td>
                  <td>{t(`sector.${service.sector}`)}</td>
                  <td>{t('rsa.report.hours', { hours: service.acceptableOutageHours })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('rsa.report.noServices')}</p>
        )}
      </Part>

      <Part part="dependencies" number={4} narrative={narrative.dependencies}>
        <table className="table rsa-report__table">
          <caption>{t('rsa.report.dependenciesByResource', { count: registry.dependencyCount })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rsa.report.resource')}</th>
              <th scope="col">{t('rsa.report.count')}</th>
            </tr>
          </thead>
          <tbody>
            {registry.dependenciesByResource.map((row) => (
              <tr key={row.resource}>
                <th scope="row">
                  {row.resource === 'service'
                    ? t('rsa.report.otherService')
                    : labelOf(t, 'resource', row.resource)}
                </th>
                <td>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {registry.dependencies.length < registry.dependencyCount ? (
          <p className="notice">
            {t('rsa.report.capped', { shown: registry.dependencies.length, total: registry.dependencyCount })}
          </p>
        ) : null}
        {registry.dependencies.length > 0 ? (
          <table className="table rsa-report__table">
            <caption>{t('rsa.report.dependenciesList')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rsa.report.service')}</th>
                <th scope="col">{t('rsa.report.dependsOn')}</th>
                <th scope="col">{t('rsa.report.copes')}</th>
              </tr>
            </thead>
            <tbody>
              {registry.dependencies.map((dependency) => (
                <tr key={dependency.id}>
                  <th scope="row">
                    {dependency.serviceName} ({dependency.organisationName})
                  </th>
                  <td>
                    {dependency.resource
                      ? t(`resource.${dependency.resource}`)
                      : `${dependency.otherServiceName ?? ''} (${dependency.otherOrganisationName ?? ''})`}
                  </td>
                  <td>
                    {t('rsa.report.hours', { hours: dependency.copesHours })}
                    {dependency.backupHours !== null
                      ? ` · ${t('rsa.report.backup', { hours: dependency.backupHours })}`
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('rsa.report.noDependencies')}</p>
        )}
      </Part>

      <Part part="risks" number={5} narrative={narrative.risks}>
        <RiskMatrix
          risks={compiled.risks}
          likelihoodScale={analysis.likelihoodScale}
          consequenceScale={analysis.consequenceScale}
        />
      </Part>

      <Part part="vulnerabilities" number={6} narrative={narrative.vulnerabilities}>
        <CapabilityTable
          organisations={compiled.participants}
          rows={compiled.capabilities}
          capabilityScale={analysis.capabilityScale}
        />
        <FindingsList findings={compiled.findings} capabilityScale={analysis.capabilityScale} show="vulnerabilities" />
        <ThemeDayFindings findings={report.themeDayFindings} />
      </Part>

      <Part part="measures" number={7} narrative={narrative.measures}>
        <h3>{t('rsa.report.measuresNamed')}</h3>
        <FindingsList
          findings={compiled.findings}
          capabilityScale={analysis.capabilityScale}
          show="measures"
          headingLevel={4}
        />
        <h3>{t('rsa.report.actionPlan')}</h3>
        <MeasureTable measures={report.measures} today={today} editable={null} />
      </Part>
    </article>
  )
}
