import {
  actionItemStates,
  availabilities,
  contactChannels,
  contactFunctions,
  councilFollowUpAssessments,
  councilMeasureKinds,
  councilMeasureStates,
  councilRoles,
  councilStatisticKinds,
  callOutcomes,
  deliverableKinds,
  deliverableStates,
  grantCategories,
  trainingGoalMeasures,
  eventKinds,
  eventLevels,
  eventLogKinds,
  eventNeeds,
  eventTaskStates,
  serviceStatuses,
  meetingAnswers,
  meetingKinds,
  meetingStates,
  organisationKinds,
  reportStates,
  resources,
  roles,
  rsaAnswerStates,
  rsaMeasureStates,
  safetySurveyQuestions,
  scenarioStates,
  sectors,
  siteKinds,
  visibilities,
} from '~/db/enums'
import type { MessageKey } from '~/i18n/sv'
import { measureTypes } from '~/modules/council/measure-form'
import { evaluationQuestions } from '~/modules/meetings/evaluation'
import { eventEvaluationQuestions } from '~/modules/events/evaluation-form'
import { reportParts } from '~/modules/rsa/report'
import { stalenessReasons } from '~/modules/staleness/staleness'

// Every audited entity, the actions written for it and the fields its
// entries carry, each with how a reader sees its value. recordAudit accepts
// only what is listed here, and every code here needs a label in the i18n
// catalogues (checked at the bottom of this file), so the change log never
// shows a code to its reader.

/** The records an id in the log may name; each is shown by its name, if the reader may see it. */
export type RefTarget =
  | 'organisation'
  | 'user'
  | 'network'
  | 'site'
  | 'critical_service'
  | 'contact_route'
  | 'scenario'
  | 'meeting'
  | 'action_item'
  | 'rsa_analysis'
  | 'rsa_event'
  | 'rsa_measure'
  | 'council'
  | 'council_category'
  | 'council_area'
  | 'council_report'
  | 'situation_picture'
  | 'situation_picture_version'
  | 'council_measure'
  | 'event'
  | 'mandate_period'

export type FieldFormat =
  | { as: 'text' }
  /** A count or measure, in the reader's number format. */
  | { as: 'number' }
  /** A year or an order number: digits as they are. */
  | { as: 'plain' }
  | { as: 'percent' }
  | { as: 'bytes' }
  | { as: 'boolean' }
  | { as: 'instant' }
  /** A calendar day, `YYYY-MM-DD`. */
  | { as: 'date' }
  | { as: 'ref'; to: RefTarget }
  | { as: 'refs'; to: RefTarget }
  /** A code from a fixed list; a value outside it (free text) is shown as it is. */
  | { as: 'enum'; values: readonly string[]; label: (value: string) => MessageKey | undefined }
  | { as: 'enums'; values: readonly string[]; label: (value: string) => MessageKey | undefined }
  /** Addresses and other plain strings, as a list. */
  | { as: 'strings' }
  /** Scale steps or protected values: their labels, as a list. */
  | { as: 'labels' }
  /** Answers or texts by a coded key: `{ key: value }` as labelled lines. */
  | { as: 'keyed'; keys: readonly string[]; label: (key: string) => MessageKey | undefined; values: 'text' | 'number' }
  /** Consequences by protected value, whose labels the analysis holds. */
  | { as: 'consequences' }
  | { as: 'polygon' }
  | { as: 'scenario' }
  | { as: 'reminded' }
  /** Whether a text is there, never the text (an informant's feedback). */
  | { as: 'filled' }

function oneOf<const V extends string>(values: readonly V[], label: (value: V) => MessageKey): FieldFormat {
  return {
    as: 'enum',
    values,
    label: (value) => ((values as readonly string[]).includes(value) ? label(value as V) : undefined),
  }
}

function someOf<const V extends string>(values: readonly V[], label: (value: V) => MessageKey): FieldFormat {
  return {
    as: 'enums',
    values,
    label: (value) => ((values as readonly string[]).includes(value) ? label(value as V) : undefined),
  }
}

function keyed<const V extends string>(
  keys: readonly V[],
  label: (key: V) => MessageKey,
  values: 'text' | 'number',
): FieldFormat {
  return {
    as: 'keyed',
    keys,
    values,
    label: (key) => ((keys as readonly string[]).includes(key) ? label(key as V) : undefined),
  }
}

const text = { as: 'text' } as const
const number = { as: 'number' } as const
const plain = { as: 'plain' } as const
const boolean = { as: 'boolean' } as const
const instant = { as: 'instant' } as const
const date = { as: 'date' } as const
const ref = (to: RefTarget) => ({ as: 'ref', to }) as const
const refs = (to: RefTarget) => ({ as: 'refs', to }) as const

const styrelClasses = ['1', '2', '3', '4', '5', '6', '7', '8'] as const
const styrelClass = oneOf(styrelClasses, (step) => `map.styrelClass.${step}`)

/** What an entry's own id names: one record, or the records of a composite id (`network:organisation`). */
interface Subject {
  of: readonly RefTarget[]
  separator?: string
}
const itself = (to: RefTarget): Subject => ({ of: [to] })
const parts = (separator: string, ...of: RefTarget[]): Subject => ({ of, separator })

interface EntitySpec {
  actions: readonly string[]
  fields: Record<string, FieldFormat>
  subject?: Subject
}

const contactRouteFields = {
  function: oneOf(contactFunctions, (value) => `contactFunction.${value}`),
  channel: oneOf(contactChannels, (value) => `contactChannel.${value}`),
  value: text,
  label: text,
  availability: oneOf(availabilities, (value) => `availability.${value}`),
  callOrder: plain,
  visibility: oneOf(visibilities, (value) => `visibility.${value}`),
}

const councilMeasureFields = {
  title: text,
  kind: oneOf(councilMeasureKinds, (value) => `councilMeasures.kind.${value}`),
  measureType: oneOf(measureTypes, (value) => `councilMeasures.type.${value}`),
  description: text,
  areaId: ref('council_area'),
  place: text,
  responsibleOrganisationId: ref('organisation'),
  startDate: date,
  expectedEffect: text,
  followUpDate: date,
  state: oneOf(councilMeasureStates, (value) => `councilMeasures.state.${value}`),
  situationPictureId: ref('situation_picture'),
}

export const auditVocabulary = {
  organisation: {
    actions: ['create', 'update', 'confirm', 'reminder'],
    fields: {
      name: text,
      kind: oneOf(organisationKinds, (value) => `kind.${value}`),
      description: text,
      confirmedAt: instant,
      reasons: someOf(stalenessReasons, (value) => `audit.value.reason.${value}`),
      recipients: { as: 'strings' },
    },
    subject: itself('organisation'),
  },
  contact_route: {
    actions: ['create', 'update', 'delete'],
    fields: contactRouteFields,
    subject: itself('contact_route'),
  },
  contact_check: {
    actions: ['create'],
    fields: { reached: boolean, routeId: ref('contact_route') },
  },
  site: {
    actions: ['create', 'update', 'delete'],
    fields: {
      name: text,
      kind: oneOf(siteKinds, (value) => `siteKind.${value}`),
      address: text,
      lat: number,
      lng: number,
      backupPowerHours: number,
      backupFuel: text,
      styrelClass,
      safetyPoint: boolean,
      emergencyWaterPoint: boolean,
    },
    subject: itself('site'),
  },
  critical_service: {
    actions: ['create', 'update', 'delete'],
    fields: {
      name: text,
      description: text,
      sector: oneOf(sectors, (value) => `sector.${value}`),
      acceptableOutageHours: number,
      styrelClass,
      peopleServed: number,
      hasContinuityPlan: boolean,
      continuityExercisedOn: date,
      siteIds: refs('site'),
    },
    subject: itself('critical_service'),
  },
  dependency: {
    actions: ['create', 'update', 'delete'],
    fields: {
      serviceId: ref('critical_service'),
      resource: oneOf(resources, (value) => `resource.${value}`),
      dependsOnServiceId: ref('critical_service'),
      copesHours: number,
      backupDescription: text,
      backupHours: number,
    },
  },
  network: {
    actions: ['create', 'update'],
    fields: { name: text, description: text, coordinatorOrganisationId: ref('organisation') },
    subject: itself('network'),
  },
  network_member: {
    actions: ['create', 'delete'],
    fields: { networkId: ref('network') },
    subject: parts(':', 'network', 'organisation'),
  },
  invitation: {
    actions: ['create'],
    fields: { email: text, role: oneOf(roles, (value) => `role.${value}`) },
  },
  membership: {
    actions: ['create', 'update'],
    fields: { role: oneOf(roles, (value) => `role.${value}`) },
    subject: parts(':', 'user', 'organisation'),
  },
  council_member: {
    actions: ['create', 'delete'],
    fields: { role: oneOf(councilRoles, (value) => `council.members.role.${value}`) },
    subject: parts(':', 'council', 'user'),
  },
  user: {
    actions: ['create', 'activate', 'deactivate', 'password_reset', 'password_change'],
    fields: { email: text, name: text, active: boolean },
    subject: itself('user'),
  },
  password_reset: { actions: ['create'], fields: {} },
  import: {
    actions: ['create'],
    fields: { fileName: text, rows: number, organisations: number, contactRoutes: number },
  },
  scenario: {
    actions: ['create', 'update', 'delete'],
    fields: {
      name: text,
      description: text,
      state: oneOf(scenarioStates, (value) => `scenario.state.${value}`),
      definition: { as: 'scenario' },
    },
    subject: itself('scenario'),
  },
  seed: { actions: ['create'], fields: { organisations: number, users: number } },
  second_factor: {
    actions: ['enrol', 'replace', 'remove', 'recovery_code_used', 'recovery_codes_renewed'],
    fields: {},
    subject: itself('user'),
  },
  action_item: {
    actions: ['create', 'update', 'state'],
    fields: {
      title: text,
      description: text,
      ownerOrganisationId: ref('organisation'),
      dueDate: date,
      state: oneOf(actionItemStates, (value) => `meetingFollowUp.actions.state.${value}`),
    },
    subject: itself('action_item'),
  },
  meeting_document: {
    actions: ['create', 'delete'],
    fields: { meetingId: ref('meeting'), filename: text, contentType: text, size: { as: 'bytes' }, sha256: text },
  },
  meeting: {
    actions: [
      'create',
      'update',
      'cancel',
      'remind',
      'minutes',
      'evaluation',
      'evaluation_shared',
      'evaluation_mailed',
    ],
    fields: {
      kind: oneOf(meetingKinds, (value) => `meeting.kind.${value}`),
      title: text,
      theme: text,
      description: text,
      agenda: text,
      startsAt: instant,
      endsAt: instant,
      place: text,
      videoLink: text,
      networkId: ref('network'),
      scenarioId: ref('scenario'),
      state: oneOf(meetingStates, (value) => `audit.value.meetingState.${value}`),
      sequence: plain,
      reminded: { as: 'reminded' },
      minutes: text,
      evaluationWorked: text,
      evaluationImprove: text,
      evaluationSharedAt: instant,
      recipients: { as: 'strings' },
    },
    subject: itself('meeting'),
  },
  meeting_attendance: {
    actions: ['create', 'delete'],
    fields: { meetingId: ref('meeting'), name: text, organisationId: ref('organisation') },
  },
  meeting_evaluation_response: {
    actions: ['create', 'update'],
    fields: {
      ratings: keyed(evaluationQuestions, (question) => `meetingFollowUp.evaluation.q.${question}`, 'number'),
      comment: text,
    },
  },
  meeting_answer: {
    actions: ['answer', 'answer_by_link'],
    fields: { answer: oneOf(meetingAnswers, (value) => `meeting.answer.${value}`), attendees: text },
    subject: parts('/', 'meeting'),
  },
  calendar_feed: { actions: ['create'], fields: {} },
  meeting_finding: { actions: ['create', 'update'], fields: { effects: text, needs: text } },
  rsa_analysis: {
    actions: ['create', 'update', 'share', 'unshare'],
    fields: {
      title: text,
      periodStart: plain,
      periodEnd: plain,
      likelihoodScale: { as: 'labels' },
      consequenceScale: { as: 'labels' },
      capabilityScale: { as: 'labels' },
      protectedValues: { as: 'labels' },
      narrative: keyed(reportParts, (part) => `rsa.part.${part}`, 'text'),
      resultsSharedAt: instant,
      participants: refs('organisation'),
    },
    subject: itself('rsa_analysis'),
  },
  rsa_event: {
    actions: ['create', 'update', 'move', 'delete'],
    fields: { title: text, description: text, position: plain },
    subject: itself('rsa_event'),
  },
  rsa_answer: {
    actions: ['create', 'update'],
    fields: {
      likelihood: plain,
      consequences: { as: 'consequences' },
      capability: plain,
      vulnerabilities: text,
      gaps: text,
      measures: text,
      state: oneOf(rsaAnswerStates, (value) => `rsa.answerState.${value}`),
    },
  },
  rsa_measure: {
    actions: ['create', 'update', 'delete'],
    fields: {
      title: text,
      description: text,
      ownerOrganisationId: ref('organisation'),
      dueDate: date,
      costEstimate: number,
      state: oneOf(rsaMeasureStates, (value) => `rsa.measureState.${value}`),
      eventId: ref('rsa_event'),
    },
    subject: itself('rsa_measure'),
  },
  rsa_follow_up: { actions: ['create'], fields: { year: plain, note: text } },
  situation_picture: {
    actions: ['create', 'update', 'freeze'],
    fields: {
      title: text,
      periodFrom: date,
      periodTo: date,
      analysis: text,
      otherInformation: text,
      number: plain,
      versionId: ref('situation_picture_version'),
    },
    subject: itself('situation_picture'),
  },
  council_report: {
    actions: ['create', 'accept', 'reject', 'merge', 'feedback'],
    fields: {
      categoryId: ref('council_category'),
      state: oneOf(reportStates, (value) => `council.state.${value}`),
      mergedIntoId: ref('council_report'),
      feedback: { as: 'filled' },
    },
    subject: itself('council_report'),
  },
  safety_survey_result: {
    actions: ['create', 'update', 'delete'],
    fields: {
      councilId: ref('council'),
      year: plain,
      areaId: ref('council_area'),
      question: oneOf(safetySurveyQuestions, (value) => `councilSources.question.${value}`),
      share: { as: 'percent' },
    },
  },
  council_import: {
    actions: ['create', 'delete'],
    fields: {
      councilId: ref('council'),
      kind: oneOf(councilStatisticKinds, (value) => `councilSources.kind.${value}`),
      source: text,
      fileName: text,
      rows: number,
      months: text,
      replacedRows: number,
    },
  },
  council_measure: {
    actions: ['create', 'update'],
    fields: councilMeasureFields,
    subject: itself('council_measure'),
  },
  council_measure_follow_up: {
    actions: ['create'],
    fields: {
      measureId: ref('council_measure'),
      followedUpOn: date,
      assessment: oneOf(councilFollowUpAssessments, (value) => `councilMeasures.assessment.${value}`),
      note: text,
    },
  },
  council_area: {
    actions: ['create', 'update', 'delete'],
    fields: { councilId: ref('council'), name: text, polygon: { as: 'polygon' } },
    subject: itself('council_area'),
  },
  council_retention: {
    actions: ['purge'],
    fields: { deleted: number, archived: number, before: instant },
    subject: itself('council'),
  },
  council_category: {
    actions: ['create', 'update'],
    fields: { name: text, active: boolean },
    subject: itself('council_category'),
  },
  council: {
    actions: ['create', 'update'],
    fields: { name: text, networkId: ref('network'), retentionMonths: number, coarsenMetres: number },
    subject: itself('council'),
  },
  // The event room: each entry's id is the event's, so the log reads as the event's history.
  event: {
    actions: ['create', 'update', 'end', 'callout'],
    fields: {
      kind: oneOf(eventKinds, (value) => `event.kind.${value}`),
      title: text,
      description: text,
      level: oneOf(eventLevels, (value) => `event.level.${value}`),
      startedAt: instant,
      endedAt: instant,
      lostResources: someOf(resources, (value) => `resource.${value}`),
      area: { as: 'polygon' },
      organisationIds: refs('organisation'),
      networkId: ref('network'),
      recipients: { as: 'strings' },
    },
    subject: itself('event'),
  },
  event_status_report: {
    actions: ['create'],
    fields: {
      organisationId: ref('organisation'),
      serviceId: ref('critical_service'),
      status: oneOf(serviceStatuses, (value) => `event.status.${value}`),
      backupHoursLeft: number,
      expectedRestorationAt: instant,
      note: text,
      needs: someOf(eventNeeds, (value) => `event.need.${value}`),
      needsOther: text,
      via: text,
    },
    subject: itself('event'),
  },
  event_log_entry: {
    actions: ['create'],
    fields: {
      kind: oneOf(eventLogKinds, (value) => `event.logKind.${value}`),
      text,
      decidedBy: text,
      mandate: text,
      taskOrganisationId: ref('organisation'),
      taskDueAt: instant,
      taskState: oneOf(eventTaskStates, (value) => `event.taskState.${value}`),
      counterpart: text,
      correctsId: plain,
      refersToId: plain,
    },
    subject: itself('event'),
  },
  event_key_message: {
    actions: ['create', 'update', 'withdraw'],
    fields: { organisationId: ref('organisation'), text, whereToTurn: text, messageVersion: plain },
    subject: itself('event'),
  },
  event_call: {
    actions: ['create'],
    fields: {
      organisationId: ref('organisation'),
      contactRouteId: ref('contact_route'),
      outcome: oneOf(callOutcomes, (value) => `event.callOutcome.${value}`),
      note: text,
    },
    subject: itself('event'),
  },
  // Situation reports (lägesrapporter): the draft's edits, the freezing of a number and its mailing; entityId = the event's id.
  event_situation_report: {
    actions: ['update', 'freeze', 'mail'],
    fields: {
      reportNumber: plain,
      development: text,
      situationState: text,
      expectedDevelopment: text,
      measuresTaken: text,
      sender: text,
      situationAt: instant,
      nextReportAt: instant,
      contact: text,
      recipients: { as: 'strings' },
    },
    subject: itself('event'),
  },
  // The evaluation after an event or exercise (entityId = the event's id).
  event_evaluation: {
    actions: ['open', 'summary', 'share', 'answer', 'finding', 'finding_to_measure'],
    fields: {
      organisationId: ref('organisation'),
      ratings: keyed(eventEvaluationQuestions, (question) => `eventEvaluation.q.${question}`, 'number'),
      evaluationWorked: text,
      evaluationImprove: text,
      evaluationDidNotWork: text,
      evaluationChange: text,
      evaluationSharedAt: instant,
      text,
      rsaMeasureId: ref('rsa_measure'),
    },
    subject: itself('event'),
  },
  // The mandate period: every entry's id is the period's, so the log reads as the period's history.
  mandate_period: {
    actions: ['create', 'update', 'share', 'unshare'],
    fields: {
      title: text,
      startYear: plain,
      endYear: plain,
      organisationId: ref('organisation'),
      trainingValidMonths: number,
      calendarSharedAt: instant,
    },
    subject: itself('mandate_period'),
  },
  mandate_deliverable: {
    actions: ['create', 'update', 'delete', 'document_add', 'document_remove', 'remind'],
    fields: {
      kind: oneOf(deliverableKinds, (value) => `mandate.kind.${value}`),
      title: text,
      description: text,
      year: plain,
      dueDate: date,
      ownerUserId: ref('user'),
      ownerOrganisationId: ref('organisation'),
      state: oneOf(deliverableStates, (value) => `mandate.state.${value}`),
      adoptedBy: text,
      adoptedOn: date,
      decisionReference: text,
      notes: text,
      filename: text,
      recipients: { as: 'strings' },
      daysBefore: number,
    },
    subject: itself('mandate_period'),
  },
  grant_entry: {
    actions: ['create', 'update', 'delete'],
    fields: {
      year: plain,
      category: oneOf(grantCategories, (value) => `grant.category.${value}`),
      title: text,
      occurredOn: date,
      meetingId: ref('meeting'),
      hours: number,
      cost: number,
      notes: text,
    },
    subject: itself('mandate_period'),
  },
  // The training and exercise plan: target groups, people, goals, what a meeting trains and who took part.
  training_plan: {
    actions: [
      'group_create',
      'group_update',
      'group_delete',
      'person_create',
      'person_update',
      'person_delete',
      'goal_create',
      'goal_update',
      'goal_delete',
      'tags',
      'attendance',
    ],
    fields: {
      name: text,
      description: text,
      function: text,
      organisationId: ref('organisation'),
      userId: ref('user'),
      title: text,
      measure: oneOf(trainingGoalMeasures, (value) => `training.measure.${value}`),
      targetCount: number,
      targetGroups: { as: 'strings' },
      goals: { as: 'strings' },
      people: { as: 'strings' },
      meetingId: ref('meeting'),
    },
    subject: itself('mandate_period'),
  },
} as const satisfies Record<string, EntitySpec>

type Vocabulary = typeof auditVocabulary
export type AuditEntity = keyof Vocabulary
export type AuditActionOf<E extends AuditEntity> = Vocabulary[E]['actions'][number]
export type AuditFieldOf<E extends AuditEntity> = keyof Vocabulary[E]['fields'] & string
export type AuditField = { [E in AuditEntity]: AuditFieldOf<E> }[AuditEntity]

export const auditEntities = Object.keys(auditVocabulary) as AuditEntity[]

export function isAuditEntity(entity: string): entity is AuditEntity {
  return Object.hasOwn(auditVocabulary, entity)
}

export function isActionOf<E extends AuditEntity>(entity: E, action: string): action is AuditActionOf<E> {
  return (auditVocabulary[entity].actions as readonly string[]).includes(action)
}

export function fieldFormat(entity: AuditEntity, field: string): FieldFormat | undefined {
  const fields: Record<string, FieldFormat> = auditVocabulary[entity].fields
  return Object.hasOwn(fields, field) ? fields[field] : undefined
}

export function subjectOf(entity: AuditEntity, entityId: string): { to: RefTarget; id: string }[] {
  const spec: EntitySpec = auditVocabulary[entity]
  if (!spec.subject) return []
  const ids = spec.subject.separator ? entityId.split(spec.subject.separator) : [entityId]
  return spec.subject.of.flatMap((to, index) => (ids[index] ? [{ to, id: ids[index] }] : []))
}

type EventKey = { [E in AuditEntity]: `audit.event.${E}.${AuditActionOf<E>}` }[AuditEntity]
type FieldKey = `audit.field.${AuditField}`
type RefKey = `audit.ref.${RefTarget}`

export const eventLabel = <E extends AuditEntity>(entity: E, action: AuditActionOf<E>): MessageKey =>
  `audit.event.${entity}.${action}` as EventKey
export const fieldLabel = (field: AuditField): MessageKey => `audit.field.${field}` as FieldKey
/** What a record is called when its name is not there to show ("a meeting"). */
export const refLabel = (target: RefTarget): MessageKey => `audit.ref.${target}` as RefKey

// A code without a label fails the typecheck here, and the error names the missing keys.
type Unlabelled = Exclude<EventKey | FieldKey | RefKey, MessageKey>
export const everyCodeLabelled: [Unlabelled] extends [never] ? true : Unlabelled = true
