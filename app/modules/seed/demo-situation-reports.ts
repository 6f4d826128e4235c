import type { Transaction } from '~/db/client.server'
import { eventSituationReports, type SituationReportContent } from '~/db/schema/events'

// The demo exercise's two frozen situation reports to Länsstyrelsen, written
// with the past's times like the rest of the demo (the app stamps frozen
// reports with the database's clock). Their log lines ("Lägesrapport N
// fastställd") are among the demo log's entries in demo-events.ts.

export const demoSituationReportTimes = ['09:30', '12:30'] as const

const contact = 'ISK Vårgårda kommun: 070-174 06 05'
const sender = 'Vårgårda kommun'

function reports(at: (time: string) => Date): SituationReportContent[] {
  return [
    {
      development: [
        'Sedan händelsens start (07:40):',
        '– 07:45 Fel i mellanspänningsnätet; hela tätorten strömlös.',
        '– 07:55 Utlarmning till Vårgårda kommun, Vårgårda Bostäder AB och Solör Bioenergi.',
        '– 08:15 Kommunen i stabsläge.',
        '– 08:20 Beslut: trygghetspunkt öppnas i Centrumskolan kl. 09.00.',
      ].join('\n'),
      state: [
        'Rapporterade samhällsviktiga verksamheter: på reserv 3, begränsad drift 1.',
        '',
        'Verksamheter per organisation:',
        '– Solör Bioenergi i Vårgårda AB – Fjärrvärmeproduktion: på reserv, reserven räcker till 18:05',
        '– Vårgårda Bostäder AB – Värme och varmvatten i hyresbostäderna: begränsad drift',
        '– Vårgårda kommun – Dricksvattenförsörjning: på reserv; Vård- och omsorgsboende Solgården: på reserv',
        '',
        'Öppna behov:',
        '– Vårgårda Bostäder AB (Värme och varmvatten i hyresbostäderna): reservkraft, stöd med information, mobilt reservkraftverk till undercentralen norr',
        '– Solör Bioenergi i Vårgårda AB (Fjärrvärmeproduktion): drivmedel',
        '',
        'Information till allmänheten:',
        '– Vårgårda kommun: Trygghetspunkt öppen i Centrumskolan från kl. 09.00.',
      ].join('\n'),
      expected: [
        '– Inom 24 timmar: fjärrvärmen slutar fungera kl. 18:05 om diesel inte levereras; omkring 2 400 personer berörs enligt registret.',
        '– Inom 72 timmar: dricksvattnet klarar sig på reserv i 48 timmar.',
      ].join('\n'),
      measures: [
        '– Beslut 08:20: Krisledningsgruppen i stabsläge; trygghetspunkt i Centrumskolan (Kommundirektören)',
        '– Uppgift: Ordna diesel till fjärrvärmeverkets reservkraft före kl. 16 (Vårgårda kommun, ej påbörjad)',
      ].join('\n'),
      sender,
      situationAt: at('09:30').toISOString(),
      nextReportAt: at('12:30').toISOString(),
      contact,
    },
    {
      development: [
        'Sedan föregående lägesrapport (09:30):',
        '– 11:40 Diesel levererad till fjärrvärmeverket.',
        '– 11:45 Fjärrvärmeproduktion: på reserv (14 h kvar). Diesel levererad; tanken full.',
      ].join('\n'),
      state: [
        'Rapporterade samhällsviktiga verksamheter: på reserv 3, begränsad drift 1.',
        '',
        'Verksamheter per organisation:',
        '– Solör Bioenergi i Vårgårda AB – Fjärrvärmeproduktion: på reserv, reserven räcker till 01:45',
        '– Vårgårda Bostäder AB – Värme och varmvatten i hyresbostäderna: begränsad drift',
        '– Vårgårda kommun – Dricksvattenförsörjning: på reserv; Vård- och omsorgsboende Solgården: på reserv',
        '',
        'Öppna behov:',
        '– Vårgårda Bostäder AB (Värme och varmvatten i hyresbostäderna): reservkraft, stöd med information, mobilt reservkraftverk till undercentralen norr',
        '',
        'Information till allmänheten:',
        '– Vårgårda kommun: Trygghetspunkt öppen i Centrumskolan från kl. 09.00.',
      ].join('\n'),
      expected: [
        '– Inom 24 timmar: inga fler verksamheter väntas sluta fungera; elnätsbolaget räknar med ström kl. 14.',
        '– Inom 72 timmar: ingen påverkan väntas om strömmen återkommer som planerat.',
      ].join('\n'),
      measures: [
        '– Beslut 08:20: Krisledningsgruppen i stabsläge; trygghetspunkt i Centrumskolan (Kommundirektören)',
        '– Uppgift: Ordna diesel till fjärrvärmeverkets reservkraft före kl. 16 (Vårgårda kommun, klar)',
      ].join('\n'),
      sender,
      situationAt: at('12:30').toISOString(),
      nextReportAt: at('15:30').toISOString(),
      contact,
    },
  ]
}

export async function insertDemoSituationReports(
  tx: Transaction,
  options: { eventId: string; at: (time: string) => Date; frozenBy: string },
) {
  await tx.insert(eventSituationReports).values(
    reports(options.at).map((content, index) => ({
      eventId: options.eventId,
      number: index + 1,
      content,
      frozenBy: options.frozenBy,
      frozenAt: options.at(demoSituationReportTimes[index]!),
    })),
  )
}
