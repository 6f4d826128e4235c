// Messages of this area, in both languages; keys are prefixed with the area.
export const sv = {}

export const en: Record<keyof typeof sv, string> = {}
