import type { ProtectedValue, ScaleStep } from '~/db/schema/rsa'

// The usual defaults of a municipal RSA (MCF's guidance): a 5 × 5 matrix,
// consequence judged per protected value, and a four-step capability scale.
// Every analysis gets its own copy, which the coordinator may then edit.

export const defaultLikelihoodScale: ScaleStep[] = [
  { label: 'Mycket låg sannolikhet', description: 'Inträffar mer sällan än en gång på 1 000 år.' },
  { label: 'Låg sannolikhet', description: 'Inträffar en gång på 100–1 000 år.' },
  { label: 'Medelhög sannolikhet', description: 'Inträffar en gång på 10–100 år.' },
  { label: 'Hög sannolikhet', description: 'Inträffar en gång på 1–10 år.' },
  { label: 'Mycket hög sannolikhet', description: 'Inträffar minst en gång om året.' },
]

export const defaultConsequenceScale: ScaleStep[] = [
  { label: 'Mycket begränsade konsekvenser', description: 'Kortvarig störning; inga eller lindriga skador.' },
  { label: 'Begränsade konsekvenser', description: 'Störning i några dagar; enstaka skadade.' },
  {
    label: 'Allvarliga konsekvenser',
    description: 'Störning i en vecka; flera allvarligt skadade eller enstaka döda.',
  },
  {
    label: 'Mycket allvarliga konsekvenser',
    description: 'Störning i flera veckor; flera döda eller stora värden förstörda.',
  },
  {
    label: 'Katastrofala konsekvenser',
    description: 'Långvarig störning; många döda eller samhällets grundläggande funktioner slås ut.',
  },
]

export const defaultCapabilityScale: ScaleStep[] = [
  { label: 'God förmåga', description: 'Hanterar händelsen med befintliga resurser och planer.' },
  { label: 'God förmåga med viss brist', description: 'Hanterar händelsen, men med brister som bör åtgärdas.' },
  { label: 'Bristfällig förmåga', description: 'Hanterar händelsen bara delvis; stora brister.' },
  { label: 'Mycket bristfällig eller ingen förmåga', description: 'Kan inte hantera händelsen.' },
]

export const defaultProtectedValues: ProtectedValue[] = [
  { key: 'life_health', label: 'Liv och hälsa' },
  { key: 'functionality', label: 'Samhällets funktionalitet' },
  { key: 'democracy', label: 'Demokrati, rättssäkerhet och mänskliga fri- och rättigheter' },
  { key: 'economy', label: 'Ekonomiska och materiella värden' },
  { key: 'environment', label: 'Miljö' },
]

export const defaultEvents: { title: string; description: string }[] = [
  { title: 'Elavbrott', description: 'Omfattande och långvarigt avbrott i elförsörjningen.' },
  { title: 'Störning i dricksvattenförsörjningen', description: 'Förorenat vatten eller avbrott i leveransen.' },
  { title: 'IT-angrepp', description: 'Angrepp som slår ut eller manipulerar it-system.' },
  { title: 'Pandemi', description: 'Smitta som ger hög sjukfrånvaro och belastar vården.' },
  { title: 'Storm', description: 'Stormfällning, avbrott i el, tele och transporter.' },
  { title: 'Översvämning', description: 'Skyfall eller höga flöden i vattendrag.' },
  { title: 'Värmebölja', description: 'Långvarig värme som drabbar äldre och sjuka.' },
  { title: 'Brand i samhällsviktig verksamhet', description: 'Brand i en anläggning som samhället är beroende av.' },
  { title: 'Höjd beredskap', description: 'Civilt försvar under höjd beredskap.' },
]

/** A fresh copy, so that editing one analysis never changes the defaults of the next. */
export function defaultScales() {
  const copy = (steps: ScaleStep[]) => steps.map((step) => ({ ...step }))
  return {
    likelihoodScale: copy(defaultLikelihoodScale),
    consequenceScale: copy(defaultConsequenceScale),
    capabilityScale: copy(defaultCapabilityScale),
    protectedValues: defaultProtectedValues.map((value) => ({ ...value })),
  }
}
