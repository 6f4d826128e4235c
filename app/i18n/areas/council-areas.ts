// Messages of the council's areas and weekly picture, in both languages.
export const sv = {} as const

export const en: Record<keyof typeof sv, string> = {}
