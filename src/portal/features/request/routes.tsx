import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderApplicationPdf } from '../../../pdf/application.ts';
import { frameOf, type SignedInApp } from '../../actor/scope.ts';
import { ctxOf } from '../../context.ts';
import { parseForm, summaryOf } from '../../http/input.ts';
import type { Wizard } from '../../wizard/step-map.ts';
import type { UnitForRequest } from '../../../db/repositories/unit-search.ts';
import type { RoleDef } from '../../../domain/reference-data.ts';
import { feedbackSummary, readAttachmentsFeedback } from '../../../views/components/Attachments.tsx';
import { requestMessages as m } from './messages.ts';
import { DownloadPage, RolesPage, SummaryPage, UnitSearchPage, type Flow } from './pages.tsx';
import { ChooseUnitForm, DownloadQuery, FinishForm, IdParams, ProfileParams, ROLES_FIELDS, RolesForm, SearchQuery, SummaryForm, typedRoles } from './schema.ts';
import { NEW_PROFILE_WIZARD, type RequestDraftT } from './wizards.ts';

const NEW_PROFILE: Flow = { title: m.newProfileTitle, steps: m.newProfileSteps, rolesStep: 2, base: '/profil/wniosek', unitStep: '/profil/wniosek' };
const newRolesFlow = (profileId: string): Flow => ({
  title: m.newRolesTitle,
  steps: m.newRolesSteps,
  rolesStep: 1,
  base: `/profil/${profileId}/wniosek`,
  unitStep: null,
});
const flowOf = (w: Wizard<RequestDraftT>, profileId: string | null): Flow => (profileId && w !== NEW_PROFILE_WIZARD ? newRolesFlow(profileId) : NEW_PROFILE);

/**
 * The request wizards: "Wniosek o nowy profil w SSOZ II" (4 steps) and "Wniosek o nowe role do
 * profilu" (3 steps), as step maps (wizards.ts) over the draft store; the service authorises.
 */
export async function requestRoutes(app: SignedInApp): Promise<void> {
  const s = () => app.deps.services.requests;

  // ── step 1 (new profile): Wybór jednostki ──
  app.get(NEW_PROFILE.base, { schema: { querystring: SearchQuery } }, async (req, reply) => {
    const { kinds, result } = await s().searchUnits(ctxOf(req), req.query);
    return reply.html(
      UnitSearchPage({ frame: frameOf(req, reply), flow: NEW_PROFILE, kinds, params: { ...req.query, strona: result.page }, result, searched: true }),
    );
  });

  app.post(`${NEW_PROFILE.base}/jednostka`, async (req, reply) => {
    const form = parseForm(ChooseUnitForm, req.body, ['unitId']);
    return reply.redirect(await s().chooseUnit(ctxOf(req), { unitId: form.ok ? form.data.unitId : '' }), 303);
  });

  // ── roles + contact data ──
  const rolesGet = async (req: FastifyRequest, reply: FastifyReply, profileId: string | null) => {
    const step = await s().rolesStep(ctxOf(req), { profileId });
    if (!step.ok) return reply.redirect(step.redirect, 303);
    return reply.html(
      RolesPage({
        frame: frameOf(req, reply),
        flow: flowOf(step.wizard, profileId),
        unit: step.unit,
        offered: step.offered,
        held: step.held,
        pending: step.pending,
        values: step.values,
      }),
    );
  };

  const rolesPost = async (req: FastifyRequest, reply: FastifyReply, profileId: string | null) => {
    const form = parseForm(RolesForm, req.body, ROLES_FIELDS);
    if (form.ok && form.data.akcja === 'anuluj') {
      await s().cancel(ctxOf(req), { profileId });
      return reply.redirect(profileId ? '/start' : '/witaj', 303);
    }
    const ctx = ctxOf(req);
    type Shown = { wizard: Wizard<RequestDraftT>; unit: UnitForRequest; offered: RoleDef[]; held: RoleDef[]; pending: RoleDef[] };
    const again = (r: Shown, errors: Record<string, string>, values: { roleCodes: string[]; phone: string; email: string }) =>
      reply.html(
        RolesPage({
          frame: frameOf(req, reply),
          flow: flowOf(r.wizard, profileId),
          unit: r.unit,
          offered: r.offered,
          held: r.held,
          pending: r.pending,
          values,
          summary: summaryOf(errors, ROLES_FIELDS),
          errors,
        }),
        400,
      );
    if (form.ok) {
      const r = await s().saveRoles(ctx, { profileId, roleCodes: form.data.roles, phone: form.data.phone, email: form.data.email });
      if (!r.ok) return reply.redirect(r.redirect, 303);
      if (r.saved) return reply.redirect(r.next, 303);
      return again(r, r.errors, r.values);
    }
    // refused at the boundary (e.g. a control character): the form again, as typed, nothing saved
    const step = await s().rolesStep(ctx, { profileId });
    if (!step.ok) return reply.redirect(step.redirect, 303);
    return again(step, form.errors, { roleCodes: typedRoles(req.body), phone: form.values.phone ?? '', email: form.values.email ?? '' });
  };

  // ── summary: Zweryfikuj dane → Zapisz wniosek ──
  const summaryGet = async (req: FastifyRequest, reply: FastifyReply, profileId: string | null, errors?: Record<string, string>) => {
    const step = await s().summaryStep(ctxOf(req), { profileId });
    if (!step.ok) return reply.redirect(step.redirect, 303);
    return reply.html(
      SummaryPage({
        frame: frameOf(req, reply),
        flow: flowOf(step.wizard, profileId),
        unit: step.unit,
        roles: step.roles,
        phone: step.phone,
        email: step.email,
        draftId: step.draftId,
        summary: summaryOf(errors ?? {}, ['statement']),
        ...(errors ? { errors } : {}),
      }),
      errors ? 400 : 200,
    );
  };

  const summaryPost = async (req: FastifyRequest, reply: FastifyReply, profileId: string | null) => {
    const form = parseForm(SummaryForm, req.body, ['statement']);
    const data = form.ok ? form.data : { akcja: undefined, statement: undefined, draftId: form.values.draftId ?? '' };
    // "Zapisz wniosek" sent again after it succeeded (reload, back button): show what was saved
    const saved = await s().savedFromDraft(ctxOf(req), { draftId: data.draftId });
    if (saved) return reply.redirect(`/wnioski/${saved}`, 303);
    if (data.akcja === 'anuluj') {
      await s().cancel(ctxOf(req), { profileId });
      return reply.redirect(profileId ? '/start' : '/witaj', 303);
    }
    if (data.statement !== 'tak') return summaryGet(req, reply, profileId, { statement: m.statementRequired });
    const r = await s().save(ctxOf(req), { profileId });
    return reply.redirect(r.ok ? `/wnioski/${r.submissionId}` : r.redirect, 303);
  };

  app.get(`${NEW_PROFILE.base}/role`, (req, reply) => rolesGet(req, reply, null));
  app.post(`${NEW_PROFILE.base}/role`, (req, reply) => rolesPost(req, reply, null));
  app.get(`${NEW_PROFILE.base}/podsumowanie`, (req, reply) => summaryGet(req, reply, null));
  app.post(`${NEW_PROFILE.base}/podsumowanie`, (req, reply) => summaryPost(req, reply, null));
  app.get('/profil/:profileId/wniosek/role', { schema: { params: ProfileParams } }, (req, reply) => rolesGet(req, reply, req.params.profileId));
  app.post('/profil/:profileId/wniosek/role', { schema: { params: ProfileParams } }, (req, reply) => rolesPost(req, reply, req.params.profileId));
  app.get('/profil/:profileId/wniosek/podsumowanie', { schema: { params: ProfileParams } }, (req, reply) => summaryGet(req, reply, req.params.profileId));
  app.post('/profil/:profileId/wniosek/podsumowanie', { schema: { params: ProfileParams } }, (req, reply) => summaryPost(req, reply, req.params.profileId));

  // ── last step: Pobranie wniosku ──
  const downloadPage = async (req: FastifyRequest, reply: FastifyReply, id: string, added: number, errors?: Record<string, string>, delivery?: string) => {
    const d = await s().download(ctxOf(req), { submissionId: id });
    const flow = d.isNewProfile ? NEW_PROFILE : newRolesFlow(d.submission.profileId);
    // files refused by an upload from this step (attachments feature) are listed with this step's errors
    const fileFeedback = readAttachmentsFeedback(req.query, req.session?.data, d.submission.id);
    return reply.html(
      DownloadPage({
        frame: frameOf(req, reply),
        title: flow.title,
        steps: flow.steps,
        submissionId: d.submission.id,
        requests: d.requests.map((r) => ({ number: r.number, roleName: r.roleName })),
        downloaded: Boolean(d.submission.pdfDownloadedAt),
        summary: [...summaryOf(errors ?? {}, ['pdf', 'delivery']), ...feedbackSummary(fileFeedback)],
        ...(errors ? { errors } : {}),
        files: d.files,
        finished: Boolean(d.submission.finishedAt),
        maxMb: Math.round(app.deps.config.attachmentMaxBytes / 1024 / 1024),
        added,
        fileFeedback,
        ...(delivery ? { delivery } : {}),
      }),
      errors ? 400 : 200,
    );
  };

  app.get('/wnioski/:id', { schema: { params: IdParams, querystring: DownloadQuery } }, (req, reply) =>
    downloadPage(req, reply, req.params.id, req.query.zalaczono),
  );

  app.get('/wnioski/:id/pdf', { schema: { params: IdParams } }, async (req, reply) => {
    const d = await s().pdf(ctxOf(req), { submissionId: req.params.id });
    const pdf = await renderApplicationPdf(d.data);
    return reply
      .type('application/pdf')
      .header('Content-Disposition', `attachment; filename="${d.fileName}"`)
      .header('Cache-Control', 'private, no-store')
      .send(pdf);
  });

  app.post('/wnioski/:id/zakoncz', { schema: { params: IdParams } }, async (req, reply) => {
    const form = parseForm(FinishForm, req.body, ['delivery']);
    const delivery = form.ok ? form.data.delivery : undefined;
    if (!delivery) return downloadPage(req, reply, req.params.id, 0, { delivery: m.deliveryRequired });
    const r = await s().finish(ctxOf(req), { submissionId: req.params.id, delivery });
    if (r === 'pdf_missing') return downloadPage(req, reply, req.params.id, 0, { pdf: m.pdfRequired }, delivery);
    if (r === 'file_missing') return downloadPage(req, reply, req.params.id, 0, { delivery: m.fileRequired }, delivery);
    return reply.redirect('/moje-konto?zlozono=1', 303);
  });
}
