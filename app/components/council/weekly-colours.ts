// Categories' colours in the weekly picture's chart and map, in the
// categories' order. Each has a contrast of at least 3:1 against white, and
// the chart adds a dash pattern, so no line is told apart by colour alone.
export const categoryColours = [
  '#1f5fa8',
  '#b3261e',
  '#2e7d32',
  '#8a4f00',
  '#6a1b9a',
  '#00695c',
  '#ad1457',
  '#455a64',
  '#5d4037',
  '#3949ab',
] as const
export const categoryDashes = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4', '4 4', '6 2 2 2 2 2', '3 6', '12 3'] as const

export function colourOf(index: number): string {
  return categoryColours[index % categoryColours.length]!
}

export function dashOf(index: number): string {
  return categoryDashes[index % categoryDashes.length]!
}
