import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { listSubmissionAttachments } from '../../../db/repositories/attachments.ts';
import { applicationPdfData } from '../../../db/repositories/application-pdf.ts';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { createNumberedRequests, transition } from '../../../db/repositories/request-lifecycle.ts';
import { recomputeProfileStatus } from '../../../db/repositories/requests.ts';
import { findProfile, findSubmission } from '../../../db/repositories/subjects.ts';
import { getUnitForRequest, searchUnits, type UnitForRequest } from '../../../db/repositories/unit-search.ts';
import { profiles, requestSubmissions, roleRequests, roles, unitKinds, units, users } from '../../../db/schema/index.ts';
import { checkContact } from '../../../domain/contact.ts';
import type { RoleDef } from '../../../domain/reference-data.ts';
import { availableRoles } from '../../../domain/roles.ts';
import type { RequestStatus } from '../../../domain/status.ts';
import { submissionConfirmation } from '../../../mail/templates.ts';
import { auditOf, type Ctx, type ServiceDeps } from '../../context.ts';
import { authorize } from '../../policies/index.ts';
import { drafts, guardStep, type Wizard } from '../../wizard/step-map.ts';
import { requestMessages as m } from './messages.ts';
import type { SearchQueryT } from './schema.ts';
import { NEW_PROFILE_WIZARD, newRolesWizard, type RequestDraftT } from './wizards.ts';

export async function allRoles(db: DbOrTx): Promise<RoleDef[]> {
  const rows = await db.select().from(roles).orderBy(asc(roles.sortOrder));
  return rows.map((r) => ({ ...r, unitClass: r.unitClass as RoleDef['unitClass'], reportArea: r.reportArea as RoleDef['reportArea'] }));
}

/** The user's profile in a unit (one per unit), if any. */
async function profileInUnit(db: DbOrTx, userId: string, unitId: string) {
  const [p] = await db
    .select()
    .from(profiles)
    .where(and(eq(profiles.userId, userId), eq(profiles.unitId, unitId)));
  return p ?? null;
}

/** Role codes of a profile by state: approved ("Role, które już pełnisz") and asked for (saved or pending). */
async function rolesOfProfile(db: DbOrTx, profileId: string): Promise<{ held: Set<string>; pending: Set<string> }> {
  const rows = await db
    .select({ role: roleRequests.roleCode, status: roleRequests.status })
    .from(roleRequests)
    .where(and(eq(roleRequests.profileId, profileId), inArray(roleRequests.status, ['zapisany', 'oczekujacy', 'zatwierdzony'])));
  const held = new Set(rows.filter((r) => r.status === 'zatwierdzony').map((r) => r.role));
  const pending = new Set(rows.filter((r) => r.status !== 'zatwierdzony' && !held.has(r.role)).map((r) => r.role));
  return { held, pending };
}

export type Located = { wizard: Wizard<RequestDraftT>; profileId: string | null };
export type StepResult<T> = { ok: true; value: T } | { ok: false; redirect: string };

/** The request wizards' steps; every method authorises, GETs never write. */
export function requestService({ db, outbox, config }: ServiceDeps) {
  /** The wizard of this path: new profile, or new roles for one's own profile (not blocked). */
  async function locate(
    ctx: Ctx,
    profileId: string | null,
  ): Promise<{ wizard: Wizard<RequestDraftT>; unit: UnitForRequest | null; draft: Awaited<ReturnType<typeof drafts.get<RequestDraftT>>> }> {
    if (!profileId) {
      const draft = await drafts.get(db, NEW_PROFILE_WIZARD, ctx.actor.userId);
      return { wizard: NEW_PROFILE_WIZARD, draft, unit: draft?.data.unitId ? await getUnitForRequest(db, draft.data.unitId) : null };
    }
    const p = await findProfile(db, profileId);
    authorize(ctx.actor, 'profile.requestRoles', p?.subject);
    const wizard = newRolesWizard(p.profile.id);
    const stored = await drafts.get(db, wizard, ctx.actor.userId);
    // a draft of another profile is not this one's (it stays until this one is saved)
    const draft = stored?.data.profileId === p.profile.id ? stored : null;
    return { wizard, draft, unit: await getUnitForRequest(db, p.profile.unitId) };
  }

  async function offer(userId: string, unit: UnitForRequest) {
    const catalogue = await allRoles(db);
    const profile = await profileInUnit(db, userId, unit.id);
    const { held, pending } = profile ? await rolesOfProfile(db, profile.id) : { held: new Set<string>(), pending: new Set<string>() };
    return {
      offered: availableRoles(unit, catalogue, new Set([...held, ...pending])),
      held: catalogue.filter((r) => held.has(r.code)),
      pending: catalogue.filter((r) => pending.has(r.code)),
      catalogue,
      profile,
    };
  }

  return {
    /** Step 1: the whole registry at once ("Wszystkich pozycji …"), narrowed by what was typed. */
    async searchUnits(_ctx: Ctx, q: SearchQueryT) {
      const kinds = await db.select({ code: unitKinds.code, name: unitKinds.name }).from(unitKinds).orderBy(asc(unitKinds.sortOrder));
      const result = await searchUnits(
        db,
        {
          kindCode: q.rodzaj || undefined,
          nip: q.nip || undefined,
          regon: q.regon || undefined,
          registryBookNo: q.ksiega || undefined,
          name: q.nazwa || undefined,
          sort: q.sortuj,
          direction: q.kierunek,
          page: q.strona,
          pageSize: q.naStronie,
        },
        { listAll: true },
      );
      return { kinds, result };
    },

    /** "Wybierz": a unit where the user already has a profile leads to asking for more roles there. */
    async chooseUnit(ctx: Ctx, input: { unitId: string }): Promise<string> {
      const unit = await getUnitForRequest(db, input.unitId);
      if (!unit) return NEW_PROFILE_WIZARD.steps[0]!.path;
      const existing = await profileInUnit(db, ctx.actor.userId, unit.id);
      if (existing) return `/profil/${existing.id}/wniosek/role`;
      const draft = await drafts.get(db, NEW_PROFILE_WIZARD, ctx.actor.userId);
      const keep = draft?.data.unitId === unit.id ? draft.data : {};
      await drafts.save(db, NEW_PROFILE_WIZARD, ctx.actor.userId, 'roles', { ...keep, unitId: unit.id }, ctx.now);
      return NEW_PROFILE_WIZARD.steps[1]!.path;
    },

    /** "Wybierz role i podaj dane kontaktowe": what the page shows (no writes). */
    async rolesStep(ctx: Ctx, input: { profileId: string | null }) {
      const loc = await locate(ctx, input.profileId);
      const guard = guardStep(loc.wizard, 'roles', loc.draft?.data ?? null);
      if (!guard.ok || !loc.unit) return { ok: false as const, redirect: guard.ok ? NEW_PROFILE_WIZARD.steps[0]!.path : guard.redirect };
      const o = await offer(ctx.actor.userId, loc.unit);
      const d = loc.draft?.data;
      const values = { roleCodes: d?.roleCodes ?? [], phone: d?.phone ?? o.profile?.phone ?? '', email: d?.email ?? o.profile?.email ?? ctx.actor.email ?? '' };
      return {
        ok: true as const,
        wizard: loc.wizard,
        unit: loc.unit,
        offered: o.offered,
        held: o.held,
        pending: o.pending,
        values,
        draftId: loc.draft?.id ?? null,
      };
    },

    /** "Dalej": roles from the offer and valid contact data go to the draft; otherwise the errors. */
    async saveRoles(ctx: Ctx, input: { profileId: string | null; roleCodes: string[]; phone: string; email: string }) {
      const step = await this.rolesStep(ctx, { profileId: input.profileId });
      if (!step.ok) return step;
      const offered = new Set(step.offered.map((r) => r.code));
      const roleCodes = [...new Set(input.roleCodes)].filter((r) => offered.has(r));
      const contact = checkContact(input);
      const errors: Record<string, string> = contact.ok ? {} : { ...contact.errors };
      if (roleCodes.length === 0) errors.roles = m.rolesRequired;
      if (!contact.ok || errors.roles) {
        const typed = contact.ok ? { phone: contact.phone, email: contact.email } : contact.typed;
        return { ...step, saved: false as const, errors, values: { roleCodes, ...typed } };
      }
      const base = input.profileId ? { profileId: input.profileId, unitId: step.unit.id } : { unitId: step.unit.id };
      await drafts.save(db, step.wizard, ctx.actor.userId, 'summary', { ...base, roleCodes, phone: contact.phone, email: contact.email }, ctx.now);
      return { ...step, saved: true as const, next: step.wizard.steps.find((s) => s.id === 'summary')!.path };
    },

    /** "Anuluj": the draft of this wizard is dropped. */
    async cancel(ctx: Ctx, input: { profileId: string | null }): Promise<void> {
      const loc = await locate(ctx, input.profileId);
      if (loc.draft) await drafts.remove(db, loc.draft.id);
    },

    /** "Zweryfikuj dane" (no writes). */
    async summaryStep(ctx: Ctx, input: { profileId: string | null }) {
      const loc = await locate(ctx, input.profileId);
      const guard = guardStep(loc.wizard, 'summary', loc.draft?.data ?? null);
      if (!guard.ok || !loc.unit || !loc.draft) return { ok: false as const, redirect: guard.ok ? NEW_PROFILE_WIZARD.steps[0]!.path : guard.redirect };
      const catalogue = await allRoles(db);
      const d = loc.draft.data;
      return {
        ok: true as const,
        wizard: loc.wizard,
        unit: loc.unit,
        draftId: loc.draft.id,
        roles: catalogue.filter((r) => d.roleCodes?.includes(r.code)),
        phone: d.phone ?? '',
        email: d.email ?? '',
      };
    },

    /** A "Zapisz wniosek" sent again after it succeeded (reload, back button, double click): its submission. */
    async savedFromDraft(ctx: Ctx, input: { draftId: string }): Promise<string | null> {
      if (!input.draftId) return null;
      const [s] = await db
        .select({ id: requestSubmissions.id })
        .from(requestSubmissions)
        .where(and(eq(requestSubmissions.idempotencyKey, `wizard:${input.draftId}`), eq(requestSubmissions.userId, ctx.actor.userId)));
      return s?.id ?? null;
    },

    /**
     * "Zapisz wniosek": one request per role, numbered, routed to its verifying unit, status
     * `zapisany` (pending only after "Zakończ"), in one transaction. The draft id is the idempotency
     * key: a double submit returns the submission made the first time and creates nothing more.
     */
    async save(ctx: Ctx, input: { profileId: string | null }): Promise<{ ok: true; submissionId: string } | { ok: false; redirect: string }> {
      const step = await this.summaryStep(ctx, input);
      if (!step.ok) return step;
      const userId = ctx.actor.userId;
      return db.transaction(async (tx) => {
        const key = `wizard:${step.draftId}`;
        // serialise this user's submissions, then look for this draft's submission: a double submit
        // that waited here for the first one finds it and returns it instead of failing the checks below
        await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
        const [done] = await tx.select({ id: requestSubmissions.id }).from(requestSubmissions).where(eq(requestSubmissions.idempotencyKey, key));
        if (done) return { ok: true, submissionId: done.id } as const;
        const unit = await getUnitForRequest(tx, step.unit.id);
        const rolesPath = step.wizard.steps.find((s) => s.id === 'roles')!.path;
        if (!unit) return { ok: false, redirect: NEW_PROFILE_WIZARD.steps[0]!.path } as const;
        let profile = await profileInUnit(tx, userId, unit.id);
        const asked = profile ? await rolesOfProfile(tx, profile.id) : { held: new Set<string>(), pending: new Set<string>() };
        const offered = new Map(availableRoles(unit, await allRoles(tx), new Set([...asked.held, ...asked.pending])).map((r) => [r.code, r]));
        const chosen = step.roles.map((r) => offered.get(r.code));
        if (chosen.length === 0 || chosen.some((r) => !r)) {
          await drafts.save(
            tx,
            step.wizard,
            userId,
            'roles',
            { ...(input.profileId ? { profileId: input.profileId } : {}), unitId: unit.id, phone: step.phone, email: step.email },
            ctx.now,
          );
          return { ok: false, redirect: rolesPath } as const;
        }
        if (!profile) {
          const [created] = await tx
            .insert(profiles)
            .values({
              userId,
              unitId: unit.id,
              phone: step.phone,
              email: step.email,
              status: 'nieaktywowany',
              createdAt: ctx.now,
              updatedAt: ctx.now,
              statusChangedAt: ctx.now,
            })
            .returning();
          profile = created ?? null;
        } else {
          await tx.update(profiles).set({ phone: step.phone, email: step.email, updatedAt: ctx.now }).where(eq(profiles.id, profile.id));
        }
        if (!profile) throw new Error('profile insert failed');
        const [submission] = await tx
          .insert(requestSubmissions)
          .values({
            idempotencyKey: key,
            userId,
            profileId: profile.id,
            source: 'wizard',
            contactPhone: step.phone,
            contactEmail: step.email,
            createdAt: ctx.now,
          })
          .returning({ id: requestSubmissions.id });
        if (!submission) throw new Error('submission insert failed');
        const numbers = await createNumberedRequests(tx, { submissionId: submission.id, profileId: profile.id, unit, roles: chosen as RoleDef[] }, 'zapisany', {
          by: userId,
          at: ctx.now,
          ip: ctx.ip,
          requestId: ctx.requestId,
        });
        await recomputeProfileStatus(tx, profile.id, ctx.now);
        await drafts.remove(tx, step.draftId);
        await recordAudit(tx, {
          action: 'request.submitted',
          ...auditOf(ctx),
          subjectType: 'submission',
          subjectId: submission.id,
          details: { numbers, unitId: unit.id, roles: chosen.map((r) => r!.code) },
        });
        return { ok: true, submissionId: submission.id } as const;
      });
    },

    /** Step "Pobranie wniosku" of one's own submission. */
    async download(ctx: Ctx, input: { submissionId: string }) {
      const s = await findSubmission(db, input.submissionId);
      authorize(ctx.actor, 'submission.view', s?.subject);
      const requests = await submissionRequests(db, s.submission.id);
      const [first] = await db
        .select({ id: requestSubmissions.id })
        .from(requestSubmissions)
        .where(eq(requestSubmissions.profileId, s.submission.profileId))
        .orderBy(asc(requestSubmissions.createdAt))
        .limit(1);
      const files = await listSubmissionAttachments(db, s.submission.id);
      return { submission: s.submission, requests, isNewProfile: first?.id === s.submission.id, files };
    },

    /** Everything the PDF needs (the verifying unit printed is that of the first request); the first download is recorded. */
    async pdf(ctx: Ctx, input: { submissionId: string }) {
      const s = await findSubmission(db, input.submissionId);
      authorize(ctx.actor, 'submission.view', s?.subject);
      const pdf = await applicationPdfData(db, s.submission.id, { printedAt: ctx.now, systemUrl: config.publicUrl });
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(requestSubmissions)
          .set({ pdfDownloadedAt: ctx.now })
          .where(and(eq(requestSubmissions.id, s.submission.id), isNull(requestSubmissions.pdfDownloadedAt)))
          .returning({ id: requestSubmissions.id });
        if (row) await recordAudit(tx, { action: 'request.pdf_downloaded', ...auditOf(ctx), subjectType: 'submission', subjectId: row.id });
      });
      return pdf;
    },

    /**
     * "Zakończ", "aby wniosek uzyskał status oczekującego": the saved requests become pending through
     * the lifecycle, the confirmation e-mail goes out with the commit. A second "Zakończ" changes nothing.
     */
    async finish(ctx: Ctx, input: { submissionId: string; delivery: 'now' | 'later' }): Promise<'ok' | 'pdf_missing' | 'file_missing'> {
      return db.transaction(async (tx) => {
        const s = await findSubmission(tx, input.submissionId);
        authorize(ctx.actor, 'submission.finish', s?.subject);
        const [locked] = await tx.select().from(requestSubmissions).where(eq(requestSubmissions.id, s.submission.id)).for('update');
        if (!locked || locked.finishedAt) return 'ok';
        if (!locked.pdfDownloadedAt) return 'pdf_missing';
        if (input.delivery === 'now' && (await listSubmissionAttachments(tx, locked.id)).length === 0) return 'file_missing';
        await tx.update(requestSubmissions).set({ finishedAt: ctx.now, deliveryChoice: input.delivery }).where(eq(requestSubmissions.id, locked.id));
        const requests = await submissionRequests(tx, locked.id);
        const lines: { roleName: string; number: string }[] = [];
        for (const r of requests) {
          if (r.status !== 'zapisany') continue;
          const moved = await transition(tx, r.id, 'oczekujacy', { by: ctx.actor.userId, at: ctx.now, ip: ctx.ip, requestId: ctx.requestId });
          if (moved.ok) lines.push({ roleName: r.roleName, number: r.number });
        }
        if (lines.length) {
          const [unit] = await tx
            .select({ name: units.name })
            .from(profiles)
            .innerJoin(units, eq(units.id, profiles.unitId))
            .where(eq(profiles.id, locked.profileId));
          const [verifier] = await tx.select({ name: units.name, email: units.email }).from(units).where(eq(units.id, requests[0]!.verifyingUnitId));
          await outbox.enqueue(tx, {
            channel: 'email',
            to: locked.contactEmail,
            ...submissionConfirmation({
              unitName: unit?.name ?? '',
              requests: lines,
              verifier: { name: verifier?.name ?? '', email: verifier?.email ?? '' },
              portalUrl: config.publicUrl,
            }),
          });
        }
        await recordAudit(tx, {
          action: 'request.finished',
          ...auditOf(ctx),
          subjectType: 'submission',
          subjectId: locked.id,
          details: { delivery: input.delivery, numbers: lines.map((l) => l.number) },
        });
        return 'ok';
      });
    },
  };
}

async function submissionRequests(db: DbOrTx, submissionId: string) {
  const rows = await db
    .select({
      id: roleRequests.id,
      number: roleRequests.number,
      status: roleRequests.status,
      roleName: roles.name,
      roleDescription: roles.description,
      verifyingUnitId: roleRequests.verifyingUnitId,
    })
    .from(roleRequests)
    .innerJoin(roles, eq(roles.code, roleRequests.roleCode))
    .where(eq(roleRequests.submissionId, submissionId))
    .orderBy(asc(roleRequests.year), asc(roleRequests.seq));
  return rows.map((r) => ({ ...r, status: r.status as RequestStatus }));
}
