// Messages of the council's other sources (imported statistics) and safety survey, in both languages.
export const sv = {} as const

export const en: Record<keyof typeof sv, string> = {}
