import { Form, Link, useNavigation } from '@remix-run/react'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { contactValueText, isCrisisRoute } from '~/modules/contacts/contact-route-values'
import { ContactRouteCard, type ContactRouteCardData } from './contact-route-card'

export interface ContactOverviewData {
  routes: ContactRouteCardData[]
  confirmedAt: string | null
  confirmedByName: string | null
}

/**
 * The first thing on an organisation page: how to reach it. The ISK and the
 * routes that answer around the clock come first and stand out, because that
 * is what a coordinator looks for in a crisis.
 */
export function ContactRoutesSection({
  organisationId,
  contacts,
  canEdit,
}: {
  organisationId: string
  contacts: ContactOverviewData
  canEdit: boolean
}) {
  const t = useT()
  const locale = useLocale()
  const navigation = useNavigation()
  const crisis = contacts.routes.filter(isCrisisRoute)
  const others = contacts.routes.filter((route) => !isCrisisRoute(route))
  const base = `/organisationer/${organisationId}`
  const confirmAction = `${base}/bekrafta`
  const confirming = navigation.state !== 'idle' && navigation.formAction === confirmAction

  const list = (routes: ContactRouteCardData[], prominent: boolean) => (
    <ul className={prominent ? 'contact-list contact-list--crisis' : 'contact-list'}>
      {routes.map((route) => {
        const what = `${t(`contactFunction.${route.function}`)}: ${contactValueText(route)}`
        return (
          <li key={route.id}>
            <ContactRouteCard
              route={route}
              crisis={prominent}
              actions={
                canEdit ? (
                  <>
                    <Link to={`${base}/kontaktvagar/${route.id}`}>
                      {t('contacts.edit')}
                      <span className="visually-hidden"> {what}</span>
                    </Link>
                    <Link to={`${base}/kontaktvagar/${route.id}/provsamtal`}>
                      {t('contacts.check')}
                      <span className="visually-hidden"> {what}</span>
                    </Link>
                  </>
                ) : null
              }
            />
          </li>
        )
      })}
    </ul>
  )

  return (
    <section aria-labelledby="kontaktvagar" className="contact-section">
      <h2 id="kontaktvagar">{t('contacts.title')}</h2>
      <p className="contact-section__confirmed">
        {contacts.confirmedAt
          ? contacts.confirmedByName
            ? t('contacts.confirmedBy', {
                date: formatDateTime(locale, contacts.confirmedAt),
                name: contacts.confirmedByName,
              })
            : t('contacts.confirmedAt', { date: formatDateTime(locale, contacts.confirmedAt) })
          : t('contacts.neverConfirmed')}
      </p>
      {contacts.routes.length === 0 ? <p>{t('contacts.none')}</p> : null}
      {contacts.routes.length > 0 && !contacts.routes.some((route) => route.function === 'isk') ? (
        <p className="contact-section__missing">{t('contacts.noIsk')}</p>
      ) : null}
      {contacts.routes.length > 0 && !contacts.routes.some((route) => route.availability === 'always') ? (
        <p className="contact-section__missing">{t('contacts.noAlways')}</p>
      ) : null}
      {crisis.length > 0 ? (
        <>
          <h3 className="h3">{t('contacts.crisisHeading')}</h3>
          {list(crisis, true)}
        </>
      ) : null}
      {others.length > 0 ? (
        <>
          <h3 className="h3">{t('contacts.otherHeading')}</h3>
          {list(others, false)}
        </>
      ) : null}
      {contacts.routes.some((route) => route.visibility === 'restricted') ? (
        <p className="muted">{t('contacts.restrictedExplained')}</p>
      ) : null}
      {canEdit ? (
        <div className="contact-section__tools">
          <Link className="button button--secondary" to={`${base}/kontaktvagar/ny`}>
            {t('contacts.add')}
          </Link>
          <Form method="post" action={confirmAction} className="contact-section__confirm">
            <p className="field__hint">{t('contacts.confirmHint')}</p>
            <button type="submit" className="button" disabled={confirming}>
              {t('contacts.confirm')}
            </button>
          </Form>
        </div>
      ) : null}
    </section>
  )
}
