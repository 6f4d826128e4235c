import { and, asc, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { portalOrigin } from '../../app/config/env.server'
import { auditLog } from '../../app/db/schema/audit'
import { outbox } from '../../app/db/schema/mail'
import { mandateDeliverables, mandateReminders } from '../../app/db/schema/mandate'
import { addDays } from '../../app/modules/council/weekly'
import { createMailer, type Mailer } from '../../app/modules/mail/mailer.server'
import { stockholmToday } from '../../app/modules/mandate/deliverable-state'
import { scheduleMandateReminders, sendDeliverableReminders } from '../../app/modules/mandate/reminders.server'
import { makeOrganisation, makeUser } from '../support/factories'
import { makeDeliverable, makePeriod } from '../support/mandate-deliverables'
import { useTestDatabase } from '../support/test-db'

// Morning of 1 June 2027 in Stockholm: "today" for every run below unless a test moves it.
const NOW = new Date('2027-06-01T06:00:00Z')
const TODAY = '2027-06-01'
const DAY_MS = 86_400_000

describe('mandate deliverable reminders', () => {
  const db = useTestDatabase()
  const mailer = createMailer({ from: 'Portalen <noreply@example.org>' })
  let periodId: string
  let owner: { id: string; email: string }
  const coordinatorEmails = ['karin.ek@example.org', 'olle.sam@example.org']

  beforeEach(async () => {
    const municipality = await makeOrganisation(db(), { kind: 'municipality' })
    for (const email of coordinatorEmails)
      await makeUser(db(), { role: 'coordinator', organisationId: municipality.id, email })
    await makeUser(db(), {
      role: 'coordinator',
      organisationId: municipality.id,
      email: 'slutat@example.org',
      active: false,
    })
    owner = await makeUser(db(), { role: 'partner_editor', email: 'Anna.Lund@Example.org', name: 'Anna Lund' })
    periodId = (await makePeriod(db(), { title: 'Mandatperiod 2027–2030', organisationId: municipality.id })).id
  })

  const mails = () => db().select().from(outbox).orderBy(asc(outbox.to))
  const recipientsOf = async () => (await mails()).map((mail) => mail.to)
  const reminders = () => db().select().from(mandateReminders)
  const remindAudits = () =>
    db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'mandate_deliverable'), eq(auditLog.action, 'remind')))
  const dueIn = (
    days: number,
    fields: { title?: string; state?: 'done' | 'in_progress'; owner?: string | null } = {},
  ) =>
    makeDeliverable(db(), {
      periodId,
      title: fields.title ?? 'Kriskommunikationsplan',
      dueDate: addDays(TODAY, days),
      ownerUserId: fields.owner === undefined ? owner.id : fields.owner,
      state: fields.state,
    })

  it('mails the owner and every active coordinator once, 7 days before, and audits it', async () => {
    const deliverable = await dueIn(7)
    const run = await sendDeliverableReminders(db(), mailer, NOW)
    expect(run).toMatchObject({ reminded: 1, mails: 3, busy: false, errors: [] })
    expect(await recipientsOf()).toEqual(['anna.lund@example.org', ...coordinatorEmails])
    const [mail] = await mails()
    expect(mail!.subject).toBe('Påminnelse: Kriskommunikationsplan ska vara klar 8 juni 2027')
    expect(mail!.text).toContain('om 7 dagar')
    expect(mail!.text).toContain('Ansvarig: Anna Lund')
    expect(mail!.text).toContain(`${portalOrigin()}/mandatperiod/${periodId}/leveranser/${deliverable.id}`)
    expect(await reminders()).toMatchObject([{ deliverableId: deliverable.id, dueDate: '2027-06-08', daysBefore: 7 }])
    const audits = await remindAudits()
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({ entityId: periodId, userId: null })
    expect(audits[0]!.changes).toEqual({
      title: { before: null, after: 'Kriskommunikationsplan' },
      dueDate: { before: null, after: '2027-06-08' },
      daysBefore: { before: null, after: 7 },
      recipients: { before: null, after: ['anna.lund@example.org', ...coordinatorEmails] },
    })

    const again = await sendDeliverableReminders(db(), mailer, new Date(NOW.getTime() + 3_600_000))
    expect(again).toMatchObject({ reminded: 0, mails: 0 })
    expect(await mails()).toHaveLength(3)
    expect(await remindAudits()).toHaveLength(1)
  })

  it('sends each reminder once when two runs race on two connections', async () => {
    await dueIn(7)
    await dueIn(3, { title: 'Rutin för krisstöd (Posom)' })
    const runs = await Promise.all([
      sendDeliverableReminders(db(), mailer, NOW),
      sendDeliverableReminders(db(), mailer, NOW),
    ])
    expect(runs.every((run) => run.errors.length === 0)).toBe(true)
    expect(runs.reduce((sum, run) => sum + run.reminded, 0)).toBe(2)
    const sent = await mails()
    expect(sent).toHaveLength(6)
    for (const subject of new Set(sent.map((mail) => mail.subject))) {
      expect(sent.filter((mail) => mail.subject === subject).map((mail) => mail.to)).toEqual([
        'anna.lund@example.org',
        ...coordinatorEmails,
      ])
    }
    expect(await reminders()).toHaveLength(2)
    expect(await remindAudits()).toHaveLength(2)
  })

  it('does not remind of a done deliverable, an undated one, one past its date or one further than 30 days', async () => {
    await dueIn(7, { state: 'done' })
    await makeDeliverable(db(), { periodId, dueDate: null, ownerUserId: owner.id })
    await dueIn(-1)
    await dueIn(31)
    expect(await sendDeliverableReminders(db(), mailer, NOW)).toMatchObject({ reminded: 0, mails: 0 })
    expect(await mails()).toEqual([])
    expect(await reminders()).toEqual([])
  })

  it('sends the 30-day reminder within a month, then the 7-day one within a week, and nothing more', async () => {
    const deliverable = await dueIn(30, { state: 'in_progress' })
    await sendDeliverableReminders(db(), mailer, NOW)
    expect(await reminders()).toMatchObject([{ deliverableId: deliverable.id, daysBefore: 30 }])
    expect((await mails())[0]!.text).toContain('om 30 dagar')
    expect((await mails())[0]!.text).toContain('Status: Pågår')

    await sendDeliverableReminders(db(), mailer, new Date(NOW.getTime() + 10 * DAY_MS))
    expect(await reminders()).toHaveLength(1)
    await sendDeliverableReminders(db(), mailer, new Date(NOW.getTime() + 23 * DAY_MS))
    expect((await reminders()).map((row) => row.daysBefore).sort()).toEqual([30, 7])
    for (const days of [24, 29, 30, 31])
      await sendDeliverableReminders(db(), mailer, new Date(NOW.getTime() + days * DAY_MS))
    expect(await reminders()).toHaveLength(2)
    expect(await mails()).toHaveLength(6)
  })

  it('gives a deliverable created 5 days before its due date only the 7-day reminder', async () => {
    await dueIn(5)
    await sendDeliverableReminders(db(), mailer, NOW)
    await sendDeliverableReminders(db(), mailer, new Date(NOW.getTime() + DAY_MS))
    expect((await reminders()).map((row) => row.daysBefore)).toEqual([7])
  })

  it('reminds again of a deliverable whose due date was moved', async () => {
    const deliverable = await dueIn(7)
    await sendDeliverableReminders(db(), mailer, NOW)
    await db()
      .update(mandateDeliverables)
      .set({ dueDate: addDays(TODAY, 6) })
      .where(eq(mandateDeliverables.id, deliverable.id))
    await sendDeliverableReminders(db(), mailer, NOW)
    expect((await reminders()).map((row) => row.dueDate).sort()).toEqual(['2027-06-07', '2027-06-08'])
    expect(await mails()).toHaveLength(6)
    expect((await mails()).filter((mail) => mail.subject.endsWith('7 juni 2027'))).toHaveLength(3)
  })

  it('leaves out an inactive owner, and mails an owner who is also a coordinator once', async () => {
    const gone = await makeUser(db(), { role: 'partner_editor', email: 'borta@example.org', active: false })
    await dueIn(7, { owner: gone.id })
    const coordinatorOwner = await makeUser(db(), { role: 'coordinator', email: 'Samordnare@example.org' })
    await dueIn(4, { owner: coordinatorOwner.id, title: 'Plan för hantering av extraordinära händelser' })
    await sendDeliverableReminders(db(), mailer, NOW)
    const sent = await mails()
    const byTitle = (title: string) =>
      sent
        .filter((mail) => mail.subject.includes(title))
        .map((mail) => mail.to)
        .sort()
    expect(byTitle('Kriskommunikationsplan')).toEqual([...coordinatorEmails, 'samordnare@example.org'].sort())
    expect(byTitle('extraordinära')).toEqual([...coordinatorEmails, 'samordnare@example.org'].sort())
  })

  it('rolls a reminder back when its mail cannot be sent, and sends it on the next run', async () => {
    await dueIn(7)
    let calls = 0
    const failing: Mailer = {
      async send(executor, message) {
        if (++calls === 2) throw new Error('SMTP-servern svarar inte')
        return mailer.send(executor, message)
      },
    }
    const failed = await sendDeliverableReminders(db(), failing, NOW)
    expect(failed).toMatchObject({ reminded: 0, mails: 0 })
    expect(failed.errors).toHaveLength(1)
    expect(await mails()).toEqual([])
    expect(await reminders()).toEqual([])
    expect(await remindAudits()).toEqual([])

    expect(await sendDeliverableReminders(db(), mailer, NOW)).toMatchObject({ reminded: 1, mails: 3, errors: [] })
    expect(await mails()).toHaveLength(3)
  })
  it('runs by itself on its interval in the app process, and its stop waits for a run in progress', async () => {
    await makeDeliverable(db(), {
      periodId,
      title: 'Rutin för tjänsteperson i beredskap (TiB)',
      dueDate: addDays(stockholmToday(), 7),
      ownerUserId: owner.id,
    })
    const logged: string[] = []
    const log = {
      info: (_: object, message: string) => logged.push(message),
      error: (_: object, message: string) => logged.push(`error: ${message}`),
    }
    const stop = scheduleMandateReminders(async () => db(), log, 50)
    try {
      const deadline = Date.now() + 10_000
      while ((await mails()).length < 3 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50))
      await new Promise((resolve) => setTimeout(resolve, 300))
    } finally {
      await stop()
    }
    expect(await recipientsOf()).toEqual(['anna.lund@example.org', ...coordinatorEmails])
    expect(logged).toEqual(['mandate reminders sent'])
  })
})
