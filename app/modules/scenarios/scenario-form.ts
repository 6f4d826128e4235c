import { z } from 'zod'
import { resources, scenarioStates } from '~/db/enums'
import { optionalText, requiredText, versionField } from '~/modules/forms/fields'
import { wellFormedIds, type PickerSpec, type PickerState } from '~/modules/organisations/picker'
import { parseDecimal } from '~/modules/registry/decimal'
import type { FailureScope } from './area'
import {
  ScenarioDefinitionSchema,
  MAX_AREA_POINTS,
  MAX_FAILURES,
  MAX_HORIZON_HOURS,
  type ScenarioDefinition,
  type ScenarioFailureDefinition,
} from './definition'

// The scenario builder's form: a name, the length of the scenario, and rows
// of failures (what fails, where, from which hour and for how long). Fields
// are named `f0.target`, `f0.scope` … per row; a row left without a target
// is ignored. Every message is an i18n key.

export const scopeKinds = ['everywhere', 'organisations', 'sites', 'area'] as const
export type ScopeKind = (typeof scopeKinds)[number]

/** Where something applies, as a form holds it: everywhere, picked organisations or sites, or a drawn area. */
export interface ScopeValues {
  scope: ScopeKind
  organisations: string[]
  sites: string[]
  /** One point per line: latitude and longitude. */
  area: string
}

export interface FailureRowValues extends ScopeValues {
  /** `resource:electricity`, `service:<id>`, or empty. */
  target: string
  start: string
  duration: string
}

export interface ScenarioFormValues {
  name: string
  description: string
  horizon: string
  restart: string
  state: string
  version: string
  failures: FailureRowValues[]
}

export type ScenarioFormErrors = Record<string, string>

export type ScenarioFormResult =
  | {
      ok: true
      data: {
        name: string
        description: string
        state: (typeof scenarioStates)[number]
        definition: ScenarioDefinition
      }
      version: number | null
    }
  | { ok: false; errors: ScenarioFormErrors }

export const emptyFailureRow = (): FailureRowValues => ({
  target: '',
  scope: 'everywhere',
  organisations: [],
  sites: [],
  area: '',
  start: '0',
  duration: '',
})

export const newScenarioValues = (): ScenarioFormValues => ({
  name: '',
  description: '',
  horizon: '72',
  restart: '0',
  state: 'draft',
  version: '',
  failures: [{ ...emptyFailureRow(), target: 'resource:electricity' }],
})

const text = (formData: FormData, name: string) => {
  const value = formData.get(name)
  return typeof value === 'string' ? value : ''
}
const texts = (formData: FormData, name: string) =>
  formData.getAll(name).filter((value): value is string => typeof value === 'string')

/** The pickers of one scope, under the fields they post: `f0.organisations`, `area.sites` … */
export interface ScopePickers {
  organisations: PickerState
  sites: PickerState
}

/**
 * The pickers of a scope (picker.server.ts): with the values' ids for a page
 * shown, or, without values, as the post chose.
 */
export function scopePickers(
  name: (field: keyof ScopeValues) => string,
  values?: ScopeValues,
): Record<string, PickerSpec> {
  return {
    [name('organisations')]: { kind: 'organisation', ids: values && wellFormedIds(values.organisations) },
    [name('sites')]: { kind: 'site', ids: values && wellFormedIds(values.sites) },
  }
}

/** A scope's values with the ids its pickers hold after a search or a network added without JavaScript. */
export function withPickedScope(
  values: ScopeValues,
  name: (field: keyof ScopeValues) => string,
  pickers: Record<string, PickerState>,
): ScopeValues {
  const ids = (field: 'organisations' | 'sites') =>
    pickers[name(field)]?.selected.map((item) => item.id) ?? values[field]
  return { ...values, organisations: ids('organisations'), sites: ids('sites') }
}

/** The field names of failure row `index`: `f0.target`, `f0.organisations` … */
export const failureFieldName =
  (index: number) =>
  (field: string): string =>
    `f${index}.${field}`

/** The pickers of every failure row; `posted` reads the ids from the post rather than the values. */
export function scenarioPickers(
  values: ScenarioFormValues,
  { posted = false }: { posted?: boolean } = {},
): Record<string, PickerSpec> {
  return Object.assign(
    {},
    ...values.failures.map((row, index) => scopePickers(failureFieldName(index), posted ? undefined : row)),
  ) as Record<string, PickerSpec>
}

/** The values with the ids every row's pickers hold. */
export function withPickedScopes(values: ScenarioFormValues, pickers: Record<string, PickerState>): ScenarioFormValues {
  return {
    ...values,
    failures: values.failures.map((row, index) => ({
      ...row,
      ...withPickedScope(row, failureFieldName(index), pickers),
    })),
  }
}

/** The submitted values, as the form shows them again; `rows` says how many failure rows the form had. */
export function readScenarioForm(formData: FormData): ScenarioFormValues {
  const rows = Math.min(Math.max(Number(text(formData, 'rows')) || 1, 1), MAX_FAILURES)
  const failures: FailureRowValues[] = []
  for (let i = 0; i < rows; i++) {
    failures.push({
      target: text(formData, `f${i}.target`),
      ...readScopeValues(formData, (field) => `f${i}.${field}`),
      start: text(formData, `f${i}.start`),
      duration: text(formData, `f${i}.duration`),
    })
  }
  return {
    name: text(formData, 'name'),
    description: text(formData, 'description'),
    horizon: text(formData, 'horizon'),
    restart: text(formData, 'restart'),
    state: text(formData, 'state') || 'draft',
    version: text(formData, 'version'),
    failures,
  }
}

/** A scope's fields as submitted; `name` gives each field's name (`f0.scope`, `area.scope` …). */
export function readScopeValues(formData: FormData, name: (field: keyof ScopeValues) => string): ScopeValues {
  const scope = text(formData, name('scope'))
  return {
    scope: scopeKinds.find((kind) => kind === scope) ?? 'everywhere',
    organisations: texts(formData, name('organisations')),
    sites: texts(formData, name('sites')),
    area: text(formData, name('area')),
  }
}

/**
 * The scope the values describe, and a message (an i18n key) per field that
 * is wrong: no organisation or site picked, or an area that is no polygon.
 */
export function parseScopeValues(values: ScopeValues): {
  scope: ScenarioFailureDefinition['scope']
  errors: Partial<Record<'organisations' | 'sites' | 'area', string>>
} {
  const isUuid = (id: string) => z.string().uuid().safeParse(id).success
  if (values.scope === 'organisations') {
    const ids = values.organisations.filter(isUuid)
    return {
      scope: { kind: 'organisations', organisationIds: ids },
      errors: ids.length === 0 ? { organisations: 'scenario.error.pickOrganisations' } : {},
    }
  }
  if (values.scope === 'sites') {
    const ids = values.sites.filter(isUuid)
    return {
      scope: { kind: 'sites', siteIds: ids },
      errors: ids.length === 0 ? { sites: 'scenario.error.pickSites' } : {},
    }
  }
  if (values.scope === 'area') {
    const ring = parseAreaText(values.area)
    const wrong = !ring || ring.length < 3 || ring.length > MAX_AREA_POINTS
    return { scope: { kind: 'area', ring: ring ?? [] }, errors: wrong ? { area: 'scenario.error.area' } : {} }
  }
  return { scope: { kind: 'everywhere' }, errors: {} }
}

/** A stored scope as the form's values. */
export function scopeValuesOf(scope: FailureScope): ScopeValues {
  return {
    scope: scope.kind,
    organisations: scope.kind === 'organisations' ? [...scope.organisationIds] : [],
    sites: scope.kind === 'sites' ? [...scope.siteIds] : [],
    area: scope.kind === 'area' ? formatAreaText(scope.ring) : '',
  }
}

/** "58.03 12.8", "58,03; 12,8" or "58.03, 12.8" on each line; null when a line is neither. */
export function parseAreaText(value: string): [number, number][] | null {
  const lines = value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  const points: [number, number][] = []
  for (const line of lines) {
    const match =
      /^(-?\d+(?:[.,]\d+)?)\s*[;\s]\s*(-?\d+(?:[.,]\d+)?)$/.exec(line) ??
      /^(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)$/.exec(line)
    const lat = match ? parseDecimal(match[1]!) : null
    const lng = match ? parseDecimal(match[2]!) : null
    if (lat === null || lng === null || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null
    points.push([lat, lng])
  }
  return points
}

/** The polygon as the form's text: one point per line. */
export function formatAreaText(ring: readonly (readonly [number, number])[]): string {
  return ring.map(([lat, lng]) => `${lat.toFixed(5)} ${lng.toFixed(5)}`).join('\n')
}

const HEADER = z.object({
  name: requiredText(200),
  description: optionalText(4000),
  state: z.enum(scenarioStates, { errorMap: () => ({ message: 'validation.choose' }) }),
})

function hoursOf(value: string, { max, allowEmpty }: { max: number; allowEmpty: boolean }): number | null | 'invalid' {
  if (value.trim() === '') return allowEmpty ? null : 'invalid'
  const parsed = parseDecimal(value)
  return parsed === null || parsed < 0 || parsed > max ? 'invalid' : parsed
}

/** Checks the values; messages go to the field they concern (`f0.area`, `horizon` …). */
export function parseScenarioForm(values: ScenarioFormValues, options: { needsVersion: boolean }): ScenarioFormResult {
  const errors: ScenarioFormErrors = {}
  const header = HEADER.safeParse(values)
  if (!header.success) {
    for (const issue of header.error.issues) errors[String(issue.path[0])] ??= issue.message
  }
  let version: number | null = null
  if (options.needsVersion) {
    const parsed = versionField.safeParse(values.version)
    if (parsed.success) version = parsed.data
    else errors._form = 'validation.formInvalid'
  }
  const horizonValue = hoursOf(values.horizon, { max: MAX_HORIZON_HOURS, allowEmpty: false })
  const horizon =
    typeof horizonValue === 'number' && Number.isInteger(horizonValue) && horizonValue >= 1 ? horizonValue : null
  if (horizon === null) errors.horizon = 'scenario.error.horizon'
  const restart = hoursOf(values.restart || '0', { max: MAX_HORIZON_HOURS, allowEmpty: false })
  if (restart === 'invalid' || restart === null) errors.restart = 'scenario.error.hours'

  const failures: ScenarioFailureDefinition[] = []
  values.failures.forEach((row, i) => {
    if (row.target === '') return
    const field = (name: string) => `f${i}.${name}`
    const [kind, key] = row.target.split(':', 2)
    const resource = resources.find((candidate) => kind === 'resource' && candidate === key)
    const serviceId = kind === 'service' && z.string().uuid().safeParse(key).success ? key! : null
    if (!resource && !serviceId) errors[field('target')] = 'validation.choose'

    const start = hoursOf(row.start || '0', { max: MAX_HORIZON_HOURS, allowEmpty: false })
    if (typeof start !== 'number') errors[field('start')] = 'scenario.error.hours'
    else if (horizon !== null && start >= horizon) errors[field('start')] = 'scenario.error.startAfterEnd'
    const duration = hoursOf(row.duration, { max: MAX_HORIZON_HOURS, allowEmpty: true })
    if (duration === 'invalid' || duration === 0) errors[field('duration')] = 'scenario.error.duration'

    const { scope, errors: scopeErrors } = parseScopeValues(row)
    for (const [key, message] of Object.entries(scopeErrors)) errors[field(key)] = message
    if (errors[field('target')] || errors[field('start')] || errors[field('duration')]) return
    failures.push({
      target: resource ? { resource } : { serviceId: serviceId! },
      scope,
      startHour: start as number,
      durationHours: duration as number | null,
    })
  })
  if (values.failures.every((row) => row.target === '')) errors['f0.target'] = 'scenario.error.noFailure'

  if (!header.success || Object.keys(errors).length > 0 || horizon === null) return { ok: false, errors }
  // The stored shape's own limits (how many organisations or sites a scope names …), on the field they concern.
  const definition = ScenarioDefinitionSchema.safeParse({ failures, horizonHours: horizon, restartHours: restart })
  if (!definition.success) {
    for (const issue of definition.error.issues) {
      const [group, row, part, key] = issue.path
      const field =
        group === 'failures' && part === 'scope'
          ? `f${String(row)}.${key === 'siteIds' ? 'sites' : key === 'ring' ? 'area' : 'organisations'}`
          : '_form'
      errors[field] ??= field === '_form' ? 'validation.formInvalid' : 'scenario.error.tooMany'
    }
    return { ok: false, errors }
  }
  return { ok: true, version, data: { ...header.data, definition: definition.data } }
}

/** A saved scenario as the form's values, for editing. */
export function scenarioValues(scenario: {
  name: string
  description: string
  state: string
  version: number
  definition: ScenarioDefinition
}): ScenarioFormValues {
  return {
    name: scenario.name,
    description: scenario.description,
    horizon: String(scenario.definition.horizonHours),
    restart: String(scenario.definition.restartHours),
    state: scenario.state,
    version: String(scenario.version),
    failures: scenario.definition.failures.map((failure) => ({
      target:
        'resource' in failure.target ? `resource:${failure.target.resource}` : `service:${failure.target.serviceId}`,
      ...scopeValuesOf(failure.scope),
      start: String(failure.startHour),
      duration: failure.durationHours === null ? '' : String(failure.durationHours),
    })),
  }
}
