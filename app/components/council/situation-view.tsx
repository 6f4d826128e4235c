import { FormattedText } from '~/components/meetings/formatted-text'
import { formatDate, formatPosition } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { assessment, measureState } from '~/modules/council/situation-words'
import type { SituationSnapshot } from '~/modules/council/situation-snapshot'
import { SurveyTrend } from './survey-trend'
import { WeeklyCountTable } from './weekly-count-table'
import { WeeklyTrend } from './weekly-trend'

/**
 * A situation picture's four parts (mapping, other information, analysis,
 * measures), drawn from a snapshot: the live preview and a frozen version
 * look the same, and both print on A4.
 */
export function SituationView({ snapshot }: { snapshot: SituationSnapshot }) {
  const t = useT()
  const locale = useLocale()
  const categoryOrder = snapshot.trend.series.map((series) => series.categoryId)
  return (
    <div className="situation">
      <section className="council-section" aria-labelledby="part-mapping">
        <h2 id="part-mapping">{t('situation.part.mapping')}</h2>
        <p>{t('situation.totals', snapshot.totals)}</p>
        <WeeklyCountTable
          caption={t('situation.byArea')}
          nameHeading={t('situation.area')}
          rows={snapshot.byArea.map((row) => ({ ...row, name: row.name || t('situation.outside') }))}
        />
        <WeeklyCountTable
          caption={t('situation.byCategory')}
          nameHeading={t('situation.category')}
          rows={snapshot.byCategory}
        />
        <h3>{t('situation.trend')}</h3>
        <WeeklyTrend trend={snapshot.trend} categoryOrder={categoryOrder} />
        <h3>{t('situation.hotSpots', { metres: snapshot.hotSpotMetres })}</h3>
        {snapshot.hotSpots.length === 0 ? (
          <p>{t('situation.hotSpotsNone')}</p>
        ) : (
          <>
            <HotSpotPlot spots={snapshot.hotSpots} label={t('situation.hotSpotsPlot')} />
            <div className="table-wrap">
              <table className="table council-table">
                <caption className="visually-hidden">
                  {t('situation.hotSpots', { metres: snapshot.hotSpotMetres })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('situation.hotSpot.position')}</th>
                    <th scope="col" className="council-table__number">
                      {t('situation.hotSpot.count')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {snapshot.hotSpots.map((spot) => (
                    <tr key={`${spot.lat},${spot.lng}`}>
                      <td data-label={t('situation.hotSpot.position')}>{formatPosition(spot, locale)}</td>
                      <td data-label={t('situation.hotSpot.count')} className="council-table__number">
                        {spot.count}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section className="council-section" aria-labelledby="part-other">
        <h2 id="part-other">{t('situation.part.other')}</h2>
        {snapshot.otherInformation ? (
          <FormattedText text={snapshot.otherInformation} />
        ) : (
          <p>{t('situation.noOther')}</p>
        )}
        <h3>{t('situation.statistics')}</h3>
        {snapshot.statistics.length === 0 ? (
          <p>{t('situation.statisticsNone')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table council-table">
              <caption className="visually-hidden">{t('situation.statistics')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('situation.statistics.source')}</th>
                  <th scope="col">{t('situation.statistics.category')}</th>
                  <th scope="col">{t('situation.statistics.area')}</th>
                  <th scope="col" className="council-table__number">
                    {t('situation.statistics.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {snapshot.statistics.map((row, index) => (
                  <tr key={index}>
                    <td data-label={t('situation.statistics.source')}>{row.source}</td>
                    <td data-label={t('situation.statistics.category')}>{row.category}</td>
                    <td data-label={t('situation.statistics.area')}>{row.area ?? t('situation.wholeMunicipality')}</td>
                    <td data-label={t('situation.statistics.count')} className="council-table__number">
                      {row.count}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {snapshot.survey.years.length === 0 ? (
          <>
            <h3>{t('situation.survey')}</h3>
            <p>{t('situation.surveyNone')}</p>
          </>
        ) : (
          <SurveyTrend trend={snapshot.survey} headingLevel={3} />
        )}
      </section>

      <section className="council-section" aria-labelledby="part-analysis">
        <h2 id="part-analysis">{t('situation.part.analysis')}</h2>
        {snapshot.analysis ? <FormattedText text={snapshot.analysis} /> : <p>{t('situation.noAnalysis')}</p>}
      </section>

      <section className="council-section" aria-labelledby="part-measures">
        <h2 id="part-measures">{t('situation.part.measures')}</h2>
        {snapshot.measures.length === 0 ? (
          <p>{t('situation.measuresNone')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table council-table">
              <caption className="visually-hidden">{t('situation.part.measures')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('situation.measure.title')}</th>
                  <th scope="col">{t('situation.measure.place')}</th>
                  <th scope="col">{t('situation.measure.responsible')}</th>
                  <th scope="col">{t('situation.measure.period')}</th>
                  <th scope="col">{t('situation.measure.state')}</th>
                  <th scope="col">{t('situation.measure.assessment')}</th>
                </tr>
              </thead>
              <tbody>
                {snapshot.measures.map((measure, index) => (
                  <tr key={index}>
                    <td data-label={t('situation.measure.title')}>{measure.title}</td>
                    <td data-label={t('situation.measure.place')}>{measure.place || '–'}</td>
                    <td data-label={t('situation.measure.responsible')}>{measure.responsible}</td>
                    <td data-label={t('situation.measure.period')}>
                      {formatDate(locale, measure.startDate)} – {formatDate(locale, measure.followUpDate)}
                    </td>
                    <td data-label={t('situation.measure.state')}>{measureState(t, measure.state)}</td>
                    <td data-label={t('situation.measure.assessment')}>
                      {measure.assessment ? assessment(t, measure.assessment) : '–'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}

/** The hot-spot squares placed by position on a plain background: a picture for print, with the table beside it. */
function HotSpotPlot({ spots, label }: { spots: SituationSnapshot['hotSpots']; label: string }) {
  const lats = spots.map((spot) => spot.lat)
  const lngs = spots.map((spot) => spot.lng)
  const [minLat, maxLat, minLng, maxLng] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)]
  const width = 320
  const height = 200
  const pad = 16
  const top = Math.max(...spots.map((spot) => spot.count))
  const x = (lng: number) => pad + (maxLng === minLng ? 0.5 : (lng - minLng) / (maxLng - minLng)) * (width - 2 * pad)
  const y = (lat: number) => pad + (maxLat === minLat ? 0.5 : (maxLat - lat) / (maxLat - minLat)) * (height - 2 * pad)
  return (
    <svg className="situation-plot" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <rect x="0" y="0" width={width} height={height} fill="#f3f5f7" stroke="#c9d0d8" />
      {spots.map((spot) => (
        <circle
          key={`${spot.lat},${spot.lng}`}
          cx={x(spot.lng)}
          cy={y(spot.lat)}
          r={4 + 10 * (spot.count / top)}
          fill="#8a1c1c"
          fillOpacity={0.55}
          stroke="#5c1010"
        />
      ))}
    </svg>
  )
}
