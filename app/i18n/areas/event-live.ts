// Messages of an open event page's live updates: how the page keeps itself
// current, and what a screen reader hears when that changes.
export const sv = {
  'eventLive.static': 'Sidan uppdateras inte av sig själv.',
  'eventLive.live': 'Uppdateras automatiskt · senast kontakt med servern {time}',
  'eventLive.polling': 'Uppdateras var 15:e sekund · senast kontakt med servern {time}',
  'eventLive.offline': 'Ingen kontakt med servern sedan {time} – sidan försöker igen',
  'eventLive.offlineNever': 'Ingen kontakt med servern – sidan försöker igen',
  'eventLive.refresh': 'Uppdatera',
  'eventLive.announce.live': 'Kontakt med servern – sidan uppdateras automatiskt',
  'eventLive.announce.polling': 'Sidan uppdateras var 15:e sekund',
  'eventLive.announce.offline': 'Ingen kontakt med servern – sidan försöker igen',
}
