import type { Locator, Page } from 'playwright-core'

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Chooses `name` in an organisation or person picker the way a keyboard user
 * does: types part of it in the combobox (labelled `searchLabel`), moves to
 * the suggestion with the arrow keys, and takes it with Enter. Then the
 * chosen item has its "Ta bort <name>" button.
 */
export async function pickInCombobox(
  scope: Page | Locator,
  searchLabel: string,
  name: string,
  typed: string = name,
): Promise<void> {
  const box = scope.getByRole('combobox', { name: searchLabel, exact: true })
  await box.fill(typed)
  // The option's name is the item's name, then a comma and its kind or organisation.
  const option = scope.getByRole('option', { name: new RegExp(`^${escapeRegExp(name)}(,|$)`) })
  await option.waitFor()
  const id = await option.getAttribute('id')
  for (let step = 0; step < 25 && (await box.getAttribute('aria-activedescendant')) !== id; step++) {
    await box.press('ArrowDown')
  }
  if ((await box.getAttribute('aria-activedescendant')) !== id) throw new Error(`no way to ${name} with the arrow keys`)
  await box.press('Enter')
  await scope.getByRole('button', { name: `Ta bort ${name}`, exact: true }).waitFor()
}
