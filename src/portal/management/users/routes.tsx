import type { FastifyReply, FastifyRequest } from 'fastify';
import { isValidPesel } from '../../../domain/identifiers.ts';
import { frameOf, type SignedInApp } from '../../actor/scope.ts';
import { ctxOf } from '../../context.ts';
import { parseForm, summaryOf } from '../../http/input.ts';
import { usersMessages as m } from './messages.ts';
import { ActionPage, blockPath, revokePath, SearchPage, unblockPath, USERS_PATH, userPath, UserPage } from './pages.tsx';
import { BlockForm, DetailQuery, IdParams, ProfileParams, REASON_FIELDS, RevokeForm, RoleParams, SearchQuery, UnblockForm } from './schema.ts';

const NOTICES = {
  zablokowany: { tone: 'success', text: m.blocked },
  odblokowany: { tone: 'success', text: m.unblocked },
  odebrana: { tone: 'success', text: m.revoked },
  'bez-zmian': { tone: 'info', text: m.unchanged },
} as const;

/** "Zarządzanie → Użytkownicy": search, a user's page, block / unblock a profile, take a role back (signed-in scope). */
export async function managementUserRoutes(app: SignedInApp): Promise<void> {
  const s = () => app.deps.services.management.users;

  app.get(USERS_PATH, { schema: { querystring: SearchQuery } }, async (req, reply) => {
    const q = req.query;
    const ctx = ctxOf(req);
    const profile = ctx.actor.profile;
    const badPesel = q.pesel !== '' && !isValidPesel(q.pesel);
    const view = await s().search(ctx, {
      filters: { text: q.q, unit: q.jednostka, pesel: badPesel ? '' : q.pesel, status: q.status },
      page: q.strona,
      size: Number(q.ile),
    });
    const scopeText =
      view.scope.kind === 'all'
        ? m.scopeAll
        : view.scope.kind === 'voivodeship'
          ? m.scopeVoivodeship(profile?.unitName ?? '')
          : m.scopeVerifier(profile?.unitName ?? '');
    const errors = badPesel ? { pesel: m.peselInvalid } : undefined;
    return reply.html(
      SearchPage({
        frame: frameOf(req, reply),
        q,
        rows: view.rows,
        total: view.total,
        page: view.page,
        scopeText,
        readOnly: view.readOnly,
        peselShown: view.peselShown,
        ...(errors ? { errors, summary: summaryOf(errors, ['q', 'jednostka', 'pesel']) } : {}),
      }),
      errors ? 400 : 200,
    );
  });

  app.get(`${USERS_PATH}/:id`, { schema: { params: IdParams, querystring: DetailQuery } }, async (req, reply) => {
    const u = await s().detail(ctxOf(req), { userId: req.params.id });
    const w = req.query.wynik;
    // a notice only where the page shows that outcome (a link does not invent one)
    const shown =
      w === 'zablokowany'
        ? u.profiles.some((p) => p.blockedAt)
        : w === 'odblokowany'
          ? u.profiles.some((p) => !p.blockedAt)
          : w === 'odebrana'
            ? u.profiles.some((p) => p.requests.some((r) => r.status === 'odebrany'))
            : w !== '';
    return reply.html(UserPage({ frame: frameOf(req, reply), u, notice: w && shown ? NOTICES[w] : undefined }));
  });

  // ── block / unblock: a confirmation page with the reason, then the POST ──

  const profileActionPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    kind: 'block' | 'unblock',
    params: { id: string; profileId: string },
    form: { value?: string; errors?: Record<string, string> } = {},
  ) => {
    const d = await s().profileForAction(ctxOf(req), { userId: params.id, profileId: params.profileId, action: kind });
    // already blocked (or not blocked any more): nothing to confirm; the user's page shows the state
    if (!form.errors && Boolean(d.profile.blockedAt) === (kind === 'block')) return reply.redirect(`${userPath(params.id)}?wynik=bez-zmian`, 303);
    const action = kind === 'block' ? blockPath(params.id, params.profileId) : unblockPath(params.id, params.profileId);
    return reply.html(
      ActionPage({
        frame: frameOf(req, reply),
        kind,
        user: d.user,
        unitName: d.profile.unitName,
        action,
        value: form.value ?? '',
        ...(form.errors ? { errors: form.errors, summary: summaryOf(form.errors, REASON_FIELDS) } : {}),
      }),
      form.errors ? 400 : 200,
    );
  };

  for (const kind of ['block', 'unblock'] as const) {
    const path = `${USERS_PATH}/:id/profile/:profileId/${kind === 'block' ? 'zablokuj' : 'odblokuj'}`;
    app.get(path, { schema: { params: ProfileParams } }, async (req, reply) => profileActionPage(req, reply, kind, req.params));
    app.post(path, { schema: { params: ProfileParams } }, async (req, reply) => {
      const form = parseForm(kind === 'block' ? BlockForm : UnblockForm, req.body, REASON_FIELDS);
      if (!form.ok) return profileActionPage(req, reply, kind, req.params, { value: form.values.powod ?? '', errors: form.errors });
      const input = { userId: req.params.id, profileId: req.params.profileId, reason: form.data.powod };
      const r = kind === 'block' ? await s().block(ctxOf(req), input) : await s().unblock(ctxOf(req), input);
      const outcome = r === 'ok' ? (kind === 'block' ? 'zablokowany' : 'odblokowany') : 'bez-zmian';
      return reply.redirect(`${userPath(req.params.id)}?wynik=${outcome}`, 303);
    });
  }

  // ── take a role back ──

  const revokePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    params: { id: string; requestId: string },
    form: { value?: string; errors?: Record<string, string> } = {},
  ) => {
    const d = await s().roleForRevoke(ctxOf(req), { userId: params.id, requestId: params.requestId });
    return reply.html(
      ActionPage({
        frame: frameOf(req, reply),
        kind: 'revoke',
        user: d.user,
        unitName: d.profile.unitName,
        role: { name: d.request.roleName, number: d.request.number, approved: d.request.status === 'zatwierdzony' },
        action: revokePath(params.id, params.requestId),
        value: form.value ?? '',
        ...(form.errors ? { errors: form.errors, summary: summaryOf(form.errors, REASON_FIELDS) } : {}),
      }),
      form.errors ? 400 : 200,
    );
  };

  app.get(`${USERS_PATH}/:id/role/:requestId/odbierz`, { schema: { params: RoleParams } }, async (req, reply) => revokePage(req, reply, req.params));

  app.post(`${USERS_PATH}/:id/role/:requestId/odbierz`, { schema: { params: RoleParams } }, async (req, reply) => {
    const form = parseForm(RevokeForm, req.body, REASON_FIELDS);
    if (!form.ok) return revokePage(req, reply, req.params, { value: form.values.powod ?? '', errors: form.errors });
    const r = await s().revoke(ctxOf(req), { userId: req.params.id, requestId: req.params.requestId, reason: form.data.powod });
    return reply.redirect(`${userPath(req.params.id)}?wynik=${r === 'ok' ? 'odebrana' : 'bez-zmian'}`, 303);
  });
}
