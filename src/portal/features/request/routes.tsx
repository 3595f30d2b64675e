import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deleteDraft, getDraft, saveDraft, type DraftKind, type WizardDraft } from '../../../db/repositories/drafts.ts';
import { findUser } from '../../../db/repositories/users.ts';
import { hasUnitSearchFilter, searchUnits } from '../../../db/repositories/unit-search.ts';
import { listSubmissionAttachments } from '../../../db/repositories/attachments.ts';
import { profiles, requestSubmissions, unitKinds } from '../../../db/schema/index.ts';
import { checkContact } from '../../../domain/contact.ts';
import { notFound } from '../../../lib/errors.ts';
import { renderApplicationPdf } from '../../../pdf/application.ts';
import { signedInFrame } from '../../http/frame.ts';
import { feedbackSummary, readAttachmentsFeedback } from '../../../views/components/Attachments.tsx';
import { requireUser } from '../../session/guard.ts';
import { requestMessages as m } from './messages.ts';
import { DownloadPage, RolesPage, SummaryPage, UnitSearchPage, type Flow, type SearchParams } from './pages.tsx';
import { finishSubmission, getUnitForRequest, markPdfDownloaded, ownProfileInUnit, ownSubmission, pdfData, roleChoice, saveRequests } from './service.ts';

type ProfileParams = { Params: { profileId: string } };
type SubmissionParams = { Params: { id: string } };

const NEW_PROFILE: Flow = { title: m.newProfileTitle, steps: m.newProfileSteps, rolesStep: 2, base: '/profil/wniosek', unitStep: '/profil/wniosek' };
const newRolesFlow = (profileId: string): Flow => ({ title: m.newRolesTitle, steps: m.newRolesSteps, rolesStep: 1, base: `/profil/${profileId}/wniosek`, unitStep: null });

function searchParams(q: Record<string, unknown>): SearchParams {
  const str = (k: string, max: number) => (typeof q[k] === 'string' ? (q[k] as string).trim().slice(0, max) : '');
  const sort = str('sortuj', 10);
  const size = Number(str('naStronie', 4));
  return {
    rodzaj: str('rodzaj', 20), nip: str('nip', 20), regon: str('regon', 20), ksiega: str('ksiega', 30), nazwa: str('nazwa', 200),
    sortuj: sort === 'kind' || sort === 'nip' ? sort : 'name',
    kierunek: str('kierunek', 4) === 'desc' ? 'desc' : 'asc',
    strona: Math.max(1, Math.min(100_000, Number(str('strona', 6)) || 1)),
    naStronie: size === 25 || size === 50 || size === 100 ? size : 10,
  };
}

/**
 * The request wizards: "Wniosek o nowy profil w SSOZ II" (4 steps) and "Wniosek o nowe role do
 * profilu" (3 steps). Drafts live server-side; a step is refused until the previous one is done.
 */
export async function requestRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.deps.database.db;
  const now = () => app.deps.now();
  const meta = (req: FastifyRequest) => ({ ip: req.ip, requestId: req.id });
  const uid = (req: FastifyRequest) => req.session!.userId!;
  const opts = { preHandler: requireUser };

  /** The flow of this path and its draft, or a redirect when the step is out of order. */
  async function context(req: FastifyRequest, reply: FastifyReply, profileId: string | null, need: 'roles' | 'summary') {
    const kind: DraftKind = profileId ? 'new_roles' : 'new_profile';
    const flow = profileId ? newRolesFlow(profileId) : NEW_PROFILE;
    let draft = await getDraft(db(), uid(req), kind);
    if (profileId) {
      // adding roles: the profile must be the user's own; a draft of another profile is replaced
      const unitId = await ownProfileUnit(req, profileId);
      if (!unitId) throw notFound();
      if (!draft || draft.data.profileId !== profileId) {
        await saveDraft(db(), uid(req), kind, 'roles', { profileId, unitId }, now());
        draft = await getDraft(db(), uid(req), kind);
      }
    }
    if (!draft?.data.unitId) {
      await reply.redirect(NEW_PROFILE.base, 303);
      return null;
    }
    if (need === 'summary' && draft.step !== 'summary') {
      await reply.redirect(`${flow.base}/role`, 303);
      return null;
    }
    const unit = await getUnitForRequest(db(), draft.data.unitId);
    if (!unit) throw notFound();
    return { flow, draft: draft as WizardDraft, unit, kind };
  }

  async function ownProfileUnit(req: FastifyRequest, profileId: string): Promise<string | null> {
    if (!/^[0-9a-f-]{36}$/i.test(profileId)) return null;
    const [p] = await db().select({ unitId: profiles.unitId }).from(profiles).where(and(eq(profiles.id, profileId), eq(profiles.userId, uid(req))));
    return p?.unitId ?? null;
  }

  // ── step 1 (new profile): Wybór jednostki ──
  app.get(NEW_PROFILE.base, opts, async (req, reply) => {
    const params = searchParams(req.query as Record<string, unknown>);
    const filter = { kindCode: params.rodzaj || undefined, nip: params.nip || undefined, regon: params.regon || undefined, registryBookNo: params.ksiega || undefined, name: params.nazwa || undefined };
    const searched = Object.values(filter).some(Boolean);
    const result = searched && hasUnitSearchFilter(filter)
      ? await searchUnits(db(), { ...filter, sort: params.sortuj, direction: params.kierunek, page: params.strona, pageSize: params.naStronie })
      : null;
    const kinds = await db().select({ code: unitKinds.code, name: unitKinds.name }).from(unitKinds).orderBy(asc(unitKinds.sortOrder));
    return reply.html(UnitSearchPage({ frame: await signedInFrame(app, req, reply), flow: NEW_PROFILE, kinds, params: { ...params, strona: result?.page ?? 1 }, result, searched }));
  });

  app.post(`${NEW_PROFILE.base}/jednostka`, opts, async (req, reply) => {
    const unitId = String((req.body as Record<string, unknown>).unitId ?? '');
    const unit = /^[0-9a-f-]{36}$/i.test(unitId) ? await getUnitForRequest(db(), unitId) : null;
    if (!unit) return reply.redirect(NEW_PROFILE.base, 303);
    // one profile per unit: a unit where the user already has one leads to requesting more roles there
    const existing = await ownProfileInUnit(db(), uid(req), unit.id);
    if (existing) return reply.redirect(`/profil/${existing.id}/wniosek/role`, 303);
    const draft = await getDraft(db(), uid(req), 'new_profile');
    const keep = draft?.data.unitId === unit.id ? draft.data : {};
    await saveDraft(db(), uid(req), 'new_profile', 'roles', { ...keep, unitId: unit.id }, now());
    return reply.redirect(`${NEW_PROFILE.base}/role`, 303);
  });

  // ── roles + contact data ──
  const rolesGet = async (req: FastifyRequest, reply: FastifyReply, profileId: string | null) => {
    const c = await context(req, reply, profileId, 'roles');
    if (!c) return;
    const choice = await roleChoice(db(), uid(req), c.unit);
    const user = await findUser(db(), uid(req));
    const existing = await ownProfileInUnit(db(), uid(req), c.unit.id);
    const values = {
      roleCodes: c.draft.data.roleCodes ?? [],
      phone: c.draft.data.phone ?? existing?.phone ?? '',
      email: c.draft.data.email ?? existing?.email ?? user?.email ?? '',
    };
    return reply.html(RolesPage({ frame: await signedInFrame(app, req, reply), flow: c.flow, unit: c.unit, offered: choice.offered, held: choice.held, values }));
  };

  const rolesPost = async (req: FastifyRequest, reply: FastifyReply, profileId: string | null) => {
    const c = await context(req, reply, profileId, 'roles');
    if (!c) return;
    const body = req.body as Record<string, unknown>;
    if (body.akcja === 'anuluj') {
      await deleteDraft(db(), c.draft.id);
      return reply.redirect(profileId ? '/start' : '/witaj', 303);
    }
    const choice = await roleChoice(db(), uid(req), c.unit);
    const offered = new Set(choice.offered.map((r) => r.code));
    const raw = body.roles;
    const roleCodes = [...new Set((Array.isArray(raw) ? raw : raw ? [raw] : []).map(String))].filter((r) => offered.has(r));
    const contact = checkContact(body);
    const errors: Record<string, string> = contact.ok ? {} : { ...contact.errors };
    if (roleCodes.length === 0) errors.roles = m.rolesRequired;
    if (!contact.ok || errors.roles) {
      const typed = contact.ok ? { phone: contact.phone, email: contact.email } : contact.typed;
      const summary = (['roles', 'phone', 'email'] as const).filter((f) => errors[f]).map((f) => ({ href: `#f-${f}`, text: errors[f] as string }));
      return reply.html(
        RolesPage({ frame: await signedInFrame(app, req, reply), flow: c.flow, unit: c.unit, offered: choice.offered, held: choice.held, values: { roleCodes, ...typed }, summary, errors }),
        400,
      );
    }
    await saveDraft(db(), uid(req), c.kind, 'summary', { ...c.draft.data, roleCodes, phone: contact.phone, email: contact.email }, now());
    return reply.redirect(`${c.flow.base}/podsumowanie`, 303);
  };

  // ── summary: Zweryfikuj dane → Zapisz wniosek ──
  const summaryRender = async (req: FastifyRequest, reply: FastifyReply, c: NonNullable<Awaited<ReturnType<typeof context>>>, errors?: Record<string, string>) => {
    const choice = await roleChoice(db(), uid(req), c.unit);
    const roles = choice.catalogue.filter((r) => c.draft.data.roleCodes?.includes(r.code));
    const summary = errors?.statement ? [{ href: '#f-statement', text: errors.statement }] : [];
    return reply.html(
      SummaryPage({ frame: await signedInFrame(app, req, reply), flow: c.flow, unit: c.unit, roles, phone: c.draft.data.phone ?? '', email: c.draft.data.email ?? '', summary, ...(errors ? { errors } : {}) }),
      errors ? 400 : 200,
    );
  };

  const summaryGet = async (req: FastifyRequest, reply: FastifyReply, profileId: string | null) => {
    const c = await context(req, reply, profileId, 'summary');
    if (!c) return;
    return summaryRender(req, reply, c);
  };

  const summaryPost = async (req: FastifyRequest, reply: FastifyReply, profileId: string | null) => {
    const body = req.body as Record<string, unknown>;
    const kind: DraftKind = profileId ? 'new_roles' : 'new_profile';
    if (!(await getDraft(db(), uid(req), kind))) {
      // "Zapisz wniosek" sent again after it succeeded (reload, back button): show what was saved
      const [recent] = await db()
        .select({ id: requestSubmissions.id })
        .from(requestSubmissions)
        .where(and(eq(requestSubmissions.userId, uid(req)), isNull(requestSubmissions.finishedAt), gt(requestSubmissions.createdAt, new Date(now().getTime() - 30 * 60_000))))
        .orderBy(desc(requestSubmissions.createdAt))
        .limit(1);
      if (recent) return reply.redirect(`/wnioski/${recent.id}`, 303);
    }
    const c = await context(req, reply, profileId, 'summary');
    if (!c) return;
    if (body.akcja === 'anuluj') {
      await deleteDraft(db(), c.draft.id);
      return reply.redirect(profileId ? '/start' : '/witaj', 303);
    }
    if (body.statement !== 'tak') return summaryRender(req, reply, c, { statement: m.statementRequired });
    const r = await saveRequests(db(), { outbox: app.deps.outbox, portalUrl: app.deps.config.publicUrl }, {
      draftId: c.draft.id, userId: uid(req), unitId: c.unit.id, roleCodes: c.draft.data.roleCodes ?? [], phone: c.draft.data.phone ?? '', email: c.draft.data.email ?? '', now: now(), meta: meta(req),
    });
    if (!r.ok) {
      await saveDraft(db(), uid(req), c.kind, 'roles', c.draft.data, now());
      return reply.redirect(`${c.flow.base}/role`, 303);
    }
    return reply.redirect(`/wnioski/${r.submissionId}`, 303);
  };

  app.get(`${NEW_PROFILE.base}/role`, opts, (req, reply) => rolesGet(req, reply, null));
  app.post(`${NEW_PROFILE.base}/role`, opts, (req, reply) => rolesPost(req, reply, null));
  app.get(`${NEW_PROFILE.base}/podsumowanie`, opts, (req, reply) => summaryGet(req, reply, null));
  app.post(`${NEW_PROFILE.base}/podsumowanie`, opts, (req, reply) => summaryPost(req, reply, null));
  app.get<ProfileParams>('/profil/:profileId/wniosek/role', opts, (req, reply) => rolesGet(req, reply, req.params.profileId));
  app.post<ProfileParams>('/profil/:profileId/wniosek/role', opts, (req, reply) => rolesPost(req, reply, req.params.profileId));
  app.get<ProfileParams>('/profil/:profileId/wniosek/podsumowanie', opts, (req, reply) => summaryGet(req, reply, req.params.profileId));
  app.post<ProfileParams>('/profil/:profileId/wniosek/podsumowanie', opts, (req, reply) => summaryPost(req, reply, req.params.profileId));

  // ── last step: Pobranie wniosku ──
  const downloadPage = async (req: FastifyRequest<SubmissionParams>, reply: FastifyReply, errors?: Record<string, string>, delivery?: string) => {
    const own = await ownSubmission(db(), uid(req), req.params.id);
    if (!own) throw notFound();
    const isNewProfile = own.requests.length > 0 && (await isFirstSubmissionOfProfile(own.submission.profileId, own.submission.id));
    const flow = isNewProfile ? NEW_PROFILE : newRolesFlow(own.submission.profileId);
    // files refused by an upload from this step (attachments feature) are listed with this step's errors
    const fileFeedback = readAttachmentsFeedback(req.query, req.session?.data, own.submission.id);
    const summary = [...(errors ? (['pdf', 'delivery'] as const).filter((f) => errors[f]).map((f) => ({ href: `#f-${f}`, text: errors[f] as string })) : []), ...feedbackSummary(fileFeedback)];
    const files = await listSubmissionAttachments(db(), own.submission.id);
    const added = Number((req.query as Record<string, unknown>).zalaczono) || 0;
    return reply.html(
      DownloadPage({
        frame: await signedInFrame(app, req, reply), title: flow.title, steps: flow.steps, submissionId: own.submission.id,
        requests: own.requests.map((r) => ({ number: r.number, roleName: r.roleName })), downloaded: Boolean(own.submission.pdfDownloadedAt), summary, ...(errors ? { errors } : {}),
        files, maxMb: Math.round(app.deps.config.attachmentMaxBytes / 1024 / 1024), added, fileFeedback, ...(delivery ? { delivery } : {}),
      }),
      errors ? 400 : 200,
    );
  };

  async function isFirstSubmissionOfProfile(profileId: string, submissionId: string): Promise<boolean> {
    const [first] = await db().select({ id: requestSubmissions.id }).from(requestSubmissions).where(eq(requestSubmissions.profileId, profileId)).orderBy(asc(requestSubmissions.createdAt)).limit(1);
    return first?.id === submissionId;
  }

  app.get<SubmissionParams>('/wnioski/:id', opts, (req, reply) => downloadPage(req, reply));

  app.get<SubmissionParams>('/wnioski/:id/pdf', opts, async (req, reply) => {
    const d = await pdfData(db(), uid(req), req.params.id, now(), app.deps.config.publicUrl);
    if (!d) throw notFound();
    const pdf = await renderApplicationPdf(d.data);
    await markPdfDownloaded(db(), { userId: uid(req), submissionId: d.own.submission.id, now: now(), meta: meta(req) });
    const first = d.own.requests[0]?.number.replace('/', '-') ?? 'wniosek';
    return reply
      .type('application/pdf')
      .header('Content-Disposition', `attachment; filename="Wniosek_${first}.pdf"`)
      .header('Cache-Control', 'private, no-store')
      .send(pdf);
  });

  app.post<SubmissionParams>('/wnioski/:id/zakoncz', opts, async (req, reply) => {
    const delivery = (req.body as Record<string, unknown>).delivery;
    if (delivery !== 'later' && delivery !== 'now') return downloadPage(req, reply, { delivery: m.deliveryRequired });
    const r = await finishSubmission(db(), { userId: uid(req), submissionId: req.params.id, delivery, now: now(), meta: meta(req) });
    if (r === 'not_found') throw notFound();
    if (r === 'pdf_missing') return downloadPage(req, reply, { pdf: m.pdfRequired }, delivery);
    if (r === 'file_missing') return downloadPage(req, reply, { delivery: m.fileRequired }, delivery);
    return reply.redirect('/moje-konto?zlozono=1', 303);
  });
}
