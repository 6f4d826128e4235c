// English messages of the area; the Swedish ones, and the keys, are in ../a11y.ts.
import type { Translation } from '../../plural'
import type { sv } from '../a11y'

export const en: Translation<typeof sv> = {
  'a11y.footerLink': 'Accessibility statement',
  'a11y.title': 'Accessibility of the Area Responsibility Portal',
  'a11y.intro':
    '{municipality} runs the Area Responsibility Portal. We want as many people as possible to be able to use it. This page describes how the portal complies with the Swedish act (2018:1937) on accessibility of digital public services, its known shortcomings, and how you can report problems to us so that we can fix them.',
  'a11y.how.title': 'How accessible is the portal?',
  'a11y.how.text':
    'The portal partially complies with the act on accessibility of digital public services. Most of it works with a keyboard, a screen reader, magnification and on a small phone screen. The shortcomings are in the maps, the dependency graph and the PDF files; they are described below, with how to reach the same information another way.',
  'a11y.help.title': 'What can you do if you cannot use parts of the portal?',
  'a11y.help.text':
    'If you need content from the portal in another format, or cannot use a feature, contact us and we will help you. Write to {contact}. We answer within two working days.',
  'a11y.report.title': 'Report accessibility problems',
  'a11y.report.text':
    'We keep working to improve accessibility. If you find problems not described on this page, or think we do not meet the requirements of the law, tell us at {contact} so that we know about the problem.',
  'a11y.supervision.title': 'Supervision',
  'a11y.supervision.text':
    'The Agency for Digital Government (Digg) supervises the act on accessibility of digital public services. If you are not satisfied with how we handle your comments, you can',
  'a11y.supervision.link': 'report a lack of accessibility to Digg',
  'a11y.technical.title': 'Technical information about the portal’s accessibility',
  'a11y.technical.text':
    'The portal partially complies with WCAG 2.1 level AA (EN 301 549), because of the shortcomings described below.',
  'a11y.gaps.title': 'Content that is not accessible',
  'a11y.gaps.map':
    'The maps (the site map, the scenarios’ impact map, the situation picture’s map and the map where an informant drops a pin) can be panned and zoomed with the keyboard, but the places in the map image cannot be reached with a keyboard or a screen reader (WCAG 2.1.1, 1.1.1). The same information is available as text: the directory and the organisation pages list the sites, a scenario’s result is a table, the weekly picture shows counts per area in a table, and a report can take an area from a list or the phone’s position instead of a pin.',
  'a11y.gaps.graph':
    'The dependency graph is a picture (WCAG 1.1.1, 2.1.1). The same dependencies are listed in a table below the graph and on each service’s page.',
  'a11y.gaps.pdf':
    'The PDF files (the RSA report and the situation picture’s versions) have no tags for screen readers (WCAG 1.3.1). The same content is a web page in the portal, and the web page is the authoritative version.',
  'a11y.gaps.mapTiles':
    'The map images come from an external map service; we cannot change their contrast or text (WCAG 1.4.3).',
  'a11y.tested.title': 'How we tested the portal',
  'a11y.tested.text':
    'We reviewed the portal ourselves. On every change, automated tests open every page each role can reach and check it with axe (WCAG 2.1 A and AA) and that it fits the width of the window without sideways scrolling, on a wide screen (1280 pixels) and a small phone (360 pixels). The main flows (signing in, changing a contact route, sending a report as an informant, answering a meeting invitation) are tested with the keyboard alone, and several flows on a small phone screen.',
  'a11y.tested.dates':
    'The latest assessment was made on 27 November 2026. The statement was last updated on 27 November 2026.',
  'a11y.meta.title': 'Accessibility statement',
}
