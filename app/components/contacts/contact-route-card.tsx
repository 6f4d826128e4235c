import type { ReactNode } from 'react'
import { formatDate, formatPhoneNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/i18n'
import { isPhoneChannel, type ContactRouteFields } from '~/modules/contacts/contact-route-values'
import { telHref } from '~/modules/text/phone'

export interface ContactRouteCardData extends ContactRouteFields {
  id: string
  lastCheck: { checkedAt: string; reached: boolean } | null
}

/**
 * A phone number that dials (+46, also from abroad) and never wraps inside
 * its grouping, an address that mails, anything else as text.
 */
export function ContactValue({ channel, value }: { channel: string; value: string }) {
  if (isPhoneChannel(channel)) {
    return (
      <a href={telHref(value)} className="phone-number">
        {formatPhoneNumber(value)}
      </a>
    )
  }
  if (channel === 'email') return <a href={`mailto:${value}`}>{value}</a>
  return <span className="prewrap">{value}</span>
}

/** One contact route: function, channel, value, label, availability, order, visibility and last test call. */
export function ContactRouteCard({
  route,
  crisis = false,
  actions,
}: {
  route: ContactRouteCardData
  crisis?: boolean
  actions?: ReactNode
}) {
  const t = useT()
  const locale = useLocale()
  const check = route.lastCheck
  return (
    <div className={crisis ? 'contact-route contact-route--crisis' : 'contact-route'}>
      <p className="contact-route__function">
        <strong>{t(`contactFunction.${route.function}`)}</strong>
        {route.visibility === 'restricted' ? (
          <span className="tag tag--restricted">{t('contacts.restricted')}</span>
        ) : null}
      </p>
      <p className="contact-route__value">
        <span className="contact-route__channel">{t(`contactChannel.${route.channel}`)}: </span>
        <ContactValue channel={route.channel} value={route.value} />
      </p>
      {route.label ? <p className="contact-route__label prewrap">{route.label}</p> : null}
      <p className="contact-route__meta">
        {t(`availability.${route.availability}`)} · {t('contacts.callOrder', { order: route.callOrder })}
      </p>
      <p
        className={
          check && !check.reached ? 'contact-route__check contact-route__check--failed' : 'contact-route__check'
        }
      >
        {check
          ? t(check.reached ? 'contacts.lastCheckReached' : 'contacts.lastCheckFailed', {
              date: formatDate(locale, check.checkedAt),
            })
          : t('contacts.noCheck')}
      </p>
      {actions ? <p className="contact-route__actions">{actions}</p> : null}
    </div>
  )
}
