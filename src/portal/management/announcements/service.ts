import { randomUUID } from 'node:crypto';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { announcements, roles, users } from '../../../db/schema/index.ts';
import { notFound } from '../../../lib/errors.ts';
import { auditOf, type Ctx, type ServiceDeps } from '../../context.ts';
import { authorize, decide } from '../../policies/index.ts';
import type { AnnouncementInput } from './schema.ts';

export type AnnouncementRow = typeof announcements.$inferSelect;
export type AnnouncementState = 'draft' | 'scheduled' | 'current' | 'ended' | 'withdrawn';

/** Where an announcement stands now: withdrawn, before, within or after its publication window. */
export function announcementState(a: Pick<AnnouncementRow, 'publishedAt' | 'publishedUntil' | 'withdrawnAt'>, now: Date): AnnouncementState {
  if (a.withdrawnAt) return 'withdrawn';
  if (!a.publishedAt) return 'draft';
  if (a.publishedAt.getTime() > now.getTime()) return 'scheduled';
  if (a.publishedUntil && a.publishedUntil.getTime() <= now.getTime()) return 'ended';
  return 'current';
}

/** What an audit row keeps of an announcement (before / after). */
function snapshot(a: { title: string; body: string; publishedAt: Date | null; publishedUntil: Date | null; audienceRoles: string[] }) {
  return {
    title: a.title,
    body: a.body,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    publishedUntil: a.publishedUntil?.toISOString() ?? null,
    audienceRoles: a.audienceRoles,
  };
}

export type SaveOutcome = { kind: 'saved' | 'unchanged' | 'withdrawn'; title: string };

/** "Zarządzanie → Komunikaty": list, add, edit and withdraw announcements (KOMUNIKATY_ZARZADZAJ). */
export function managementAnnouncementService({ db }: ServiceDeps) {
  const roleOptions = () => db.select({ code: roles.code, name: roles.name }).from(roles).orderBy(asc(roles.sortOrder));

  return {
    roleOptions,

    async list(ctx: Ctx) {
      authorize(ctx.actor, 'announcement.list', { type: 'announcements' });
      const rows = await db
        .select()
        .from(announcements)
        .orderBy(sql`${announcements.publishedAt} desc nulls last`, desc(announcements.createdAt));
      return { rows, roleOptions: await roleOptions() };
    },

    /** The empty form: a fresh key (the new announcement's id) and the start set to now. */
    async newForm(ctx: Ctx) {
      authorize(ctx.actor, 'announcement.create', { type: 'announcements' });
      return { key: randomUUID(), roleOptions: await roleOptions() };
    },

    /**
     * "Opublikuj komunikat". The form's key is the new row's id: a second submit of the same form
     * (double click, back and resend) inserts nothing and writes no second audit entry.
     */
    async create(ctx: Ctx, input: AnnouncementInput): Promise<{ created: boolean }> {
      authorize(ctx.actor, 'announcement.create', { type: 'announcements' });
      return db.transaction(async (tx) => {
        const inserted = await tx
          .insert(announcements)
          .values({
            id: input.key,
            title: input.title,
            body: input.body,
            publishedAt: input.from,
            publishedUntil: input.until,
            audienceRoles: input.audience,
            createdBy: ctx.actor.userId,
            createdAt: ctx.now,
          })
          .onConflictDoNothing()
          .returning({ id: announcements.id });
        if (!inserted.length) return { created: false };
        await recordAudit(tx, {
          action: 'announcement.created',
          ...auditOf(ctx),
          subjectType: 'announcement',
          subjectId: input.key,
          details: { after: snapshot({ ...input, publishedAt: input.from, publishedUntil: input.until, audienceRoles: input.audience }) },
        });
        return { created: true };
      });
    },

    /** One announcement with who made, changed or withdrew it; `editable` unless withdrawn. */
    async get(ctx: Ctx, input: { id: string }) {
      authorize(ctx.actor, 'announcement.list', { type: 'announcements' });
      const created = alias(users, 'created');
      const updated = alias(users, 'updated');
      const withdrawn = alias(users, 'withdrawn');
      const [row] = await db
        .select({
          a: announcements,
          createdBy: sql<string | null>`${created.firstName} || ' ' || ${created.lastName}`,
          updatedBy: sql<string | null>`${updated.firstName} || ' ' || ${updated.lastName}`,
          withdrawnBy: sql<string | null>`${withdrawn.firstName} || ' ' || ${withdrawn.lastName}`,
        })
        .from(announcements)
        .leftJoin(created, eq(created.id, announcements.createdBy))
        .leftJoin(updated, eq(updated.id, announcements.updatedBy))
        .leftJoin(withdrawn, eq(withdrawn.id, announcements.withdrawnBy))
        .where(eq(announcements.id, input.id));
      if (!row) throw notFound();
      const subject = { type: 'announcement' as const, withdrawn: row.a.withdrawnAt !== null };
      authorize(ctx.actor, 'announcement.view', subject);
      return { ...row, editable: decide(ctx.actor, 'announcement.edit', subject) === 'allow', roleOptions: await roleOptions() };
    },

    /** "Zapisz komunikat": the new values, audited with before and after; nothing written when nothing changed. */
    async update(ctx: Ctx, input: { id: string } & Omit<AnnouncementInput, 'key'>): Promise<SaveOutcome> {
      authorize(ctx.actor, 'announcement.list', { type: 'announcements' });
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(announcements).where(eq(announcements.id, input.id)).for('update');
        if (!row) throw notFound();
        authorize(ctx.actor, 'announcement.view', { type: 'announcement', withdrawn: row.withdrawnAt !== null });
        if (row.withdrawnAt) return { kind: 'withdrawn', title: row.title };
        authorize(ctx.actor, 'announcement.edit', { type: 'announcement', withdrawn: false });
        const before = snapshot(row);
        const after = snapshot({ title: input.title, body: input.body, publishedAt: input.from, publishedUntil: input.until, audienceRoles: input.audience });
        if (JSON.stringify(before) === JSON.stringify(after)) return { kind: 'unchanged', title: row.title };
        await tx
          .update(announcements)
          .set({
            title: input.title,
            body: input.body,
            publishedAt: input.from,
            publishedUntil: input.until,
            audienceRoles: input.audience,
            updatedAt: ctx.now,
            updatedBy: ctx.actor.userId,
          })
          .where(eq(announcements.id, row.id));
        await recordAudit(tx, { action: 'announcement.updated', ...auditOf(ctx), subjectType: 'announcement', subjectId: row.id, details: { before, after } });
        return { kind: 'saved', title: input.title };
      });
    },

    /** "Wycofaj komunikat": no longer shown; a second submit changes nothing and writes no second audit entry. */
    async withdraw(ctx: Ctx, input: { id: string }): Promise<SaveOutcome> {
      authorize(ctx.actor, 'announcement.list', { type: 'announcements' });
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(announcements).where(eq(announcements.id, input.id)).for('update');
        if (!row) throw notFound();
        authorize(ctx.actor, 'announcement.view', { type: 'announcement', withdrawn: row.withdrawnAt !== null });
        if (row.withdrawnAt) return { kind: 'unchanged', title: row.title };
        authorize(ctx.actor, 'announcement.withdraw', { type: 'announcement', withdrawn: false });
        await tx.update(announcements).set({ withdrawnAt: ctx.now, withdrawnBy: ctx.actor.userId }).where(eq(announcements.id, row.id));
        await recordAudit(tx, {
          action: 'announcement.withdrawn',
          ...auditOf(ctx),
          subjectType: 'announcement',
          subjectId: row.id,
          details: { before: snapshot(row) },
        });
        return { kind: 'withdrawn', title: row.title };
      });
    },
  };
}
