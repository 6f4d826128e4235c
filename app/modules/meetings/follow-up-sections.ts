import type { MeetingKind } from '~/db/enums'

export type FollowUpSection = 'minutes' | 'documents' | 'evaluation' | 'actionItems' | 'findings'

/**
 * The pages during and after a meeting, for the links between them. Every
 * reader of the meeting may open each of them (what a page lets them change
 * is the page's own check); findings belong to theme days only.
 */
export function followUpSections(meeting: { id: string; kind: MeetingKind }): { key: FollowUpSection; to: string }[] {
  const base = `/moten/${meeting.id}`
  const sections: { key: FollowUpSection; to: string; shown: boolean }[] = [
    { key: 'minutes', to: `${base}/protokoll`, shown: true },
    { key: 'documents', to: `${base}/dokument`, shown: true },
    { key: 'evaluation', to: `${base}/utvardering`, shown: true },
    { key: 'actionItems', to: `${base}/atgarder`, shown: true },
    { key: 'findings', to: `${base}/lardomar`, shown: meeting.kind === 'theme_day' },
  ]
  return sections.filter((section) => section.shown).map(({ key, to }) => ({ key, to }))
}
