import { describe, expect, it } from 'vitest'
import { backupWeakness, effectiveBackup } from '../../app/modules/registry/backup'
import {
  DependencySchema,
  DependencyUpdateSchema,
  targetServiceProblem,
  targetShapeProblem,
} from '../../app/modules/registry/dependency-rules'

const SERVICE = '3f2c1a8e-8d43-4d52-9a51-0d8f7f1d2c11'

function parse(fields: Record<string, string>, schema = DependencySchema) {
  const result = schema.safeParse(fields)
  if (result.success) return { ok: true as const, data: result.data }
  return {
    ok: false as const,
    errors: Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message])),
  }
}

describe('what a dependency is on', () => {
  it('is a resource or a service, never both or neither', () => {
    expect(targetShapeProblem({ resource: 'electricity', dependsOnServiceId: null })).toBeNull()
    expect(targetShapeProblem({ resource: null, dependsOnServiceId: SERVICE })).toBeNull()
    expect(targetShapeProblem({ resource: null, dependsOnServiceId: null })).toBe('deps.target.neither')
    expect(targetShapeProblem({ resource: 'fuel', dependsOnServiceId: SERVICE })).toBe('deps.target.both')
  })

  it("is another organisation's service, not the own organisation's, and one that exists", () => {
    expect(targetServiceProblem('org-a', { organisationId: 'org-b' })).toBeNull()
    expect(targetServiceProblem('org-a', { organisationId: 'org-a' })).toBe('deps.target.ownService')
    expect(targetServiceProblem('org-a', null)).toBe('deps.target.unknown')
  })
})

describe('the dependency form', () => {
  it('accepts a resource with copes hours and a backup, with decimal commas', () => {
    const result = parse({
      resource: 'electricity',
      dependsOnServiceId: '',
      copesHours: '2,5',
      backupDescription: 'Reservkraftverk',
      backupHours: '48',
    })
    expect(result).toEqual({
      ok: true,
      data: {
        resource: 'electricity',
        dependsOnServiceId: null,
        copesHours: 2.5,
        backupDescription: 'Reservkraftverk',
        backupHours: 48,
      },
    })
  })

  it('accepts a service and no backup', () => {
    const result = parse({
      resource: '',
      dependsOnServiceId: SERVICE,
      copesHours: '0',
      backupDescription: '',
      backupHours: '',
    })
    expect(result).toEqual({
      ok: true,
      data: { resource: null, dependsOnServiceId: SERVICE, copesHours: 0, backupDescription: '', backupHours: null },
    })
  })

  it('refuses neither and both', () => {
    expect(parse({ resource: '', dependsOnServiceId: '', copesHours: '1' })).toEqual({
      ok: false,
      errors: { resource: 'deps.target.neither' },
    })
    expect(parse({ resource: 'fuel', dependsOnServiceId: SERVICE, copesHours: '1' })).toEqual({
      ok: false,
      errors: { resource: 'deps.target.both' },
    })
  })

  it('refuses unknown resources and malformed service ids', () => {
    expect(parse({ resource: 'coffee', copesHours: '1' }).ok).toBe(false)
    expect(parse({ dependsOnServiceId: 'not-a-uuid', copesHours: '1' })).toEqual({
      ok: false,
      errors: { dependsOnServiceId: 'validation.choose', resource: 'deps.target.neither' },
    })
  })

  it('needs copes hours of zero or more, and backup hours of zero or more', () => {
    expect(parse({ resource: 'fuel', copesHours: '' })).toEqual({
      ok: false,
      errors: { copesHours: 'validation.required' },
    })
    expect(parse({ resource: 'fuel', copesHours: '-1' })).toEqual({
      ok: false,
      errors: { copesHours: 'sites.number.hoursRange' },
    })
    expect(parse({ resource: 'fuel', copesHours: 'två' })).toEqual({
      ok: false,
      errors: { copesHours: 'sites.number.invalid' },
    })
    expect(parse({ resource: 'fuel', copesHours: '1', backupDescription: 'Tank', backupHours: '-3' })).toEqual({
      ok: false,
      errors: { backupHours: 'sites.number.hoursRange' },
    })
  })

  it('asks what the backup is when its hours are given', () => {
    expect(parse({ resource: 'fuel', copesHours: '1', backupHours: '24' })).toEqual({
      ok: false,
      errors: { backupDescription: 'deps.backup.describe' },
    })
  })

  it('needs a version when editing', () => {
    expect(parse({ resource: 'fuel', copesHours: '1' }, DependencyUpdateSchema).ok).toBe(false)
    expect(parse({ resource: 'fuel', copesHours: '1', version: '3' }, DependencyUpdateSchema).ok).toBe(true)
  })
})

describe('the one weak-backup rule', () => {
  const weakness = (
    dependency: { resource: 'electricity' | 'fuel' | null; backupHours: number | null },
    site: number | null,
    acceptable: number,
  ) => backupWeakness(effectiveBackup(dependency, site), acceptable)

  it('is weak without a backup with stated hours, whatever the service copes', () => {
    expect(weakness({ resource: 'fuel', backupHours: null }, null, 1)).toBe('none')
    expect(weakness({ resource: 'fuel', backupHours: 0 }, null, 1)).toBe('none')
    // Site backup power counts for electricity only.
    expect(weakness({ resource: 'fuel', backupHours: null }, 48, 12)).toBe('none')
  })

  it('is weak when the backup lasts less than the acceptable outage time, not when equal', () => {
    expect(weakness({ resource: 'electricity', backupHours: 12 }, null, 24)).toBe('short')
    expect(weakness({ resource: 'electricity', backupHours: 24 }, null, 24)).toBeNull()
    expect(weakness({ resource: 'electricity', backupHours: 48 }, null, 12)).toBeNull()
  })

  it("counts the sites' backup power for electricity without a backup of its own, and the dependency's own first", () => {
    expect(effectiveBackup({ resource: 'electricity', backupHours: null }, 30)).toEqual({ hours: 30, source: 'site' })
    expect(weakness({ resource: 'electricity', backupHours: null }, 8, 24)).toBe('short')
    expect(weakness({ resource: 'electricity', backupHours: null }, 24, 24)).toBeNull()
    expect(effectiveBackup({ resource: 'electricity', backupHours: 6 }, 30)).toEqual({ hours: 6, source: 'dependency' })
    expect(effectiveBackup({ resource: null, backupHours: null }, 30)).toEqual({ hours: 0, source: 'none' })
  })
})
