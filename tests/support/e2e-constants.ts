/** The demo users' password in the browser tests' server (DEMO_PASSWORD). */
export const DEMO_PASSWORD = 'e2e-demo-lösenord-2026'

export const demoUsers = {
  coordinator: 'karin.ek@example.org',
  partnerEditor: 'per.holm@example.org',
  otherPartnerEditor: 'lena.berg@example.org',
  councilMember: 'maria.sund@example.org',
  informant: 'johan.nystrom@example.org',
  viewer: 'erik.dahl@example.org',
} as const

export const demoOrganisations = {
  bostader: 'Vårgårda Bostäder AB',
  solor: 'Solör Bioenergi i Vårgårda AB',
} as const
