import { describe, expect, it } from 'vitest'
import { EventLiveStatus } from '../../app/components/events/event-live-status'
import { renderRoute } from '../support/render-route'

describe('the live-update line of an event page, as the server renders it', () => {
  it('is a plain sentence and a link that reloads the page, with an empty polite live region', async () => {
    const html = await renderRoute(() => <EventLiveStatus eventId="00000000-0000-4000-8000-000000000000" />, {
      loaderData: null,
    })
    expect(html).toContain('Sidan uppdateras inte av sig själv.')
    expect(html).toMatch(/<a href="\/">Uppdatera<\/a>/)
    expect(html).toContain('<p class="visually-hidden" aria-live="polite"></p>')
    expect(html).not.toContain('event-live-status__mark')
  })
})
