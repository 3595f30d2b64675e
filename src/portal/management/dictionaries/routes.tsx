import { frameOf, type SignedInApp } from '../../actor/scope.ts';
import { ctxOf } from '../../context.ts';
import { parseForm, summaryOf } from '../../http/input.ts';
import { dictionaryMessages as m } from './messages.ts';
import {
  DICT_PATH,
  DictionariesPage,
  KINDS_PATH,
  KindEditPage,
  LEGACY_PATH,
  LegacyEditPage,
  MATRIX_PATH,
  MatrixPage,
  NamedEditPage,
  PERMISSIONS_PATH,
  ROLES_PATH,
} from './pages.tsx';
import {
  CodeParams,
  KIND_FIELDS,
  KindForm,
  LEGACY_FIELDS,
  LegacyForm,
  LegacyParams,
  MatrixForm,
  NAMED_FIELDS,
  PermissionForm,
  ResultQuery,
  RoleForm,
} from './schema.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mapVersion, type EditOutcome, type Restorable } from './service.ts';

const done = (r: EditOutcome & { ok: true }) => `${DICT_PATH}?wynik=${r.changed ? 'zapisano' : 'bez-zmian'}`;
const RESTORE = 'przywroc';
const RESTORE_PERMISSIONS = 'przywroc-uprawnienia';

/** "Zarządzanie → Słowniki": the dictionaries and their edit forms (signed-in scope, SLOWNIKI_ZARZADZAJ). */
export async function managementDictionaryRoutes(app: SignedInApp): Promise<void> {
  const s = () => app.deps.services.management.dictionaries;
  /** "Przywróć …" for an edited row the code ships */
  const restore = (what: Restorable, key: string, edited: boolean, action: string, label: string = m.restore) =>
    edited && s().isShipped(what, key) ? [{ action, label }] : [];

  app.get(DICT_PATH, { schema: { querystring: ResultQuery } }, async (req, reply) => {
    const v = await s().overview(ctxOf(req));
    const w = req.query.wynik;
    const notice = w === 'zapisano' ? m.saved : w === 'przywrocono' ? m.restored : w === 'bez-zmian' ? m.unchanged : undefined;
    return reply.html(DictionariesPage({ frame: frameOf(req, reply), ...v, notice }));
  });

  // ── unit kinds ──
  const kindPage = async (req: FastifyRequest, reply: FastifyReply, code: string, problem?: string) => {
    const kind = await s().unitKind(ctxOf(req), { code });
    const values = { nazwa: kind.name, centralna: kind.isCentral, nadzorujaca: kind.isSupervising, sprawozdajaca: kind.isReporting };
    const restores = restore('unit_kind', kind.code, !!kind.editedAt, `${KINDS_PATH}/${kind.code}/${RESTORE}`);
    return reply.html(KindEditPage({ frame: frameOf(req, reply), kind, values, restores, problem }), problem ? 409 : 200);
  };
  app.get(`${KINDS_PATH}/:code`, { schema: { params: CodeParams } }, async (req, reply) => kindPage(req, reply, req.params.code));
  app.post(`${KINDS_PATH}/:code/${RESTORE}`, { schema: { params: CodeParams } }, async (req, reply) => {
    const kind = await s().unitKind(ctxOf(req), { code: req.params.code });
    const r = await s().restoreShipped(ctxOf(req), { what: 'unit_kind', key: kind.code });
    if (r.ok) return reply.redirect(`${DICT_PATH}?wynik=${r.changed ? 'przywrocono' : 'bez-zmian'}`, 303);
    return kindPage(req, reply, kind.code, Object.values(r.errors)[0]);
  });

  app.post(`${KINDS_PATH}/:code`, { schema: { params: CodeParams } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const kind = await s().unitKind(ctx, { code: req.params.code });
    const form = parseForm(KindForm, req.body, KIND_FIELDS);
    const input = form.ok
      ? {
          name: form.data.nazwa,
          isCentral: form.data.centralna === 'tak',
          isSupervising: form.data.nadzorujaca === 'tak',
          isReporting: form.data.sprawozdajaca === 'tak',
        }
      : null;
    const r = input ? await s().updateUnitKind(ctx, { code: kind.code, ...input }) : null;
    if (r?.ok) return reply.redirect(done(r), 303);
    const errors = r ? r.errors : !form.ok ? form.errors : {};
    const raw = !form.ok ? form.values : {};
    const values = input
      ? { nazwa: input.name, centralna: input.isCentral, nadzorujaca: input.isSupervising, sprawozdajaca: input.isReporting }
      : { nazwa: raw.nazwa ?? '', centralna: raw.centralna === 'tak', nadzorujaca: raw.nadzorujaca === 'tak', sprawozdajaca: raw.sprawozdajaca === 'tak' };
    const restores = restore('unit_kind', kind.code, !!kind.editedAt, `${KINDS_PATH}/${kind.code}/${RESTORE}`);
    return reply.html(KindEditPage({ frame: frameOf(req, reply), kind, values, errors, summary: summaryOf(errors, KIND_FIELDS), restores }), 400);
  });

  // ── roles and permissions (name, description) ──
  for (const kind of ['role', 'permission'] as const) {
    const path = kind === 'role' ? ROLES_PATH : PERMISSIONS_PATH;
    const load = (req: Parameters<typeof ctxOf>[0], code: string) => (kind === 'role' ? s().role(ctxOf(req), { code }) : s().permission(ctxOf(req), { code }));

    const restoresOf = (row: Awaited<ReturnType<typeof load>>) => [
      ...restore(kind, row.code, !!row.editedAt, `${path}/${row.code}/${RESTORE}`),
      ...('permissionsEditedAt' in row
        ? restore('role_permissions', row.code, !!row.permissionsEditedAt, `${path}/${row.code}/${RESTORE_PERMISSIONS}`, m.restorePermissions)
        : []),
    ];
    const page = async (req: FastifyRequest, reply: FastifyReply, code: string, problem?: string) => {
      const row = await load(req, code);
      const values = { nazwa: row.name, opis: row.description };
      return reply.html(
        NamedEditPage({ frame: frameOf(req, reply), kind, code: row.code, heading: row.name, values, restores: restoresOf(row), problem }),
        problem ? 409 : 200,
      );
    };
    app.get(`${path}/:code`, { schema: { params: CodeParams } }, async (req, reply) => page(req, reply, req.params.code));

    const restorable: [string, Restorable][] =
      kind === 'role'
        ? [
            [RESTORE, 'role'],
            [RESTORE_PERMISSIONS, 'role_permissions'],
          ]
        : [[RESTORE, 'permission']];
    for (const [suffix, what] of restorable) {
      app.post(`${path}/:code/${suffix}`, { schema: { params: CodeParams } }, async (req, reply) => {
        const row = await load(req, req.params.code);
        const r = await s().restoreShipped(ctxOf(req), { what, key: row.code });
        if (r.ok) return reply.redirect(`${DICT_PATH}?wynik=${r.changed ? 'przywrocono' : 'bez-zmian'}`, 303);
        return page(req, reply, row.code, Object.values(r.errors)[0]);
      });
    }

    app.post(`${path}/:code`, { schema: { params: CodeParams } }, async (req, reply) => {
      const ctx = ctxOf(req);
      const row = await load(req, req.params.code);
      const form = parseForm(kind === 'role' ? RoleForm : PermissionForm, req.body, NAMED_FIELDS);
      let errors: Record<string, string>;
      let values: { nazwa: string; opis: string };
      if (form.ok) {
        const input = { code: row.code, name: form.data.nazwa, description: form.data.opis };
        const r = kind === 'role' ? await s().updateRole(ctx, input) : await s().updatePermission(ctx, input);
        if (r.ok) return reply.redirect(done(r), 303);
        errors = r.errors;
        values = form.data;
      } else {
        errors = form.errors;
        values = { nazwa: form.values.nazwa ?? '', opis: form.values.opis ?? '' };
      }
      return reply.html(
        NamedEditPage({
          frame: frameOf(req, reply),
          kind,
          code: row.code,
          heading: row.name,
          values,
          errors,
          summary: summaryOf(errors, NAMED_FIELDS),
          restores: restoresOf(row),
        }),
        400,
      );
    });
  }

  // ── the role → permission map ──
  app.get(MATRIX_PATH, async (req, reply) => {
    const v = await s().overview(ctxOf(req));
    return reply.html(MatrixPage({ frame: frameOf(req, reply), roles: v.roles, permissions: v.permissions, checked: v.map, version: mapVersion(v.map) }));
  });

  app.post(MATRIX_PATH, async (req, reply) => {
    const ctx = ctxOf(req);
    const v = await s().overview(ctx);
    const form = parseForm(MatrixForm, req.body, []);
    const pairs = form.ok ? form.data.p : [];
    const r = await s().updateRolePermissions(ctx, { pairs, version: form.ok ? form.data.wersja : '' });
    if (r.ok) return reply.redirect(done(r), 303);
    const order = ['macierz', ...v.roles.map((x) => `rola-${x.code}`)];
    const conflict = r.errors.macierz === m.mapChanged;
    // after a conflict the form shows the map as it is now; otherwise what was ticked, to correct
    const now = conflict ? (await s().overview(ctx)).map : null;
    return reply.html(
      MatrixPage({
        frame: frameOf(req, reply),
        roles: v.roles,
        permissions: v.permissions,
        checked: now ?? new Set(pairs),
        version: mapVersion(now ?? v.map),
        errors: r.errors,
        summary: summaryOf(r.errors, order),
      }),
      conflict ? 409 : 400,
    );
  });

  // ── the SSOZ I role mapping ──
  const legacyRestores = (row: { legacyName: string; editedAt: Date | null }) =>
    restore('legacy_role_mapping', row.legacyName, !!row.editedAt, `${LEGACY_PATH}/${encodeURIComponent(row.legacyName)}/${RESTORE}`);
  app.get(`${LEGACY_PATH}/:name`, { schema: { params: LegacyParams } }, async (req, reply) => {
    const { row, roleOptions } = await s().legacyMapping(ctxOf(req), { legacyName: req.params.name });
    const values = { rola: row.roleCode ?? '', uwaga: row.note ?? '' };
    return reply.html(LegacyEditPage({ frame: frameOf(req, reply), row, roleOptions, values, restores: legacyRestores(row) }));
  });
  app.post(`${LEGACY_PATH}/:name/${RESTORE}`, { schema: { params: LegacyParams } }, async (req, reply) => {
    const { row } = await s().legacyMapping(ctxOf(req), { legacyName: req.params.name });
    const r = await s().restoreShipped(ctxOf(req), { what: 'legacy_role_mapping', key: row.legacyName });
    // a shipped mapping has no rule to break: restoring always succeeds
    return reply.redirect(`${DICT_PATH}?wynik=${r.ok && r.changed ? 'przywrocono' : 'bez-zmian'}`, 303);
  });

  app.post(`${LEGACY_PATH}/:name`, { schema: { params: LegacyParams } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const { row, roleOptions } = await s().legacyMapping(ctx, { legacyName: req.params.name });
    const form = parseForm(LegacyForm, req.body, LEGACY_FIELDS);
    let errors: Record<string, string>;
    let values: { rola: string; uwaga: string };
    if (form.ok) {
      const r = await s().updateLegacyMapping(ctx, { legacyName: row.legacyName, roleCode: form.data.rola || null, note: form.data.uwaga });
      if (r.ok) return reply.redirect(done(r), 303);
      errors = r.errors;
      values = form.data;
    } else {
      errors = form.errors;
      values = { rola: form.values.rola ?? '', uwaga: form.values.uwaga ?? '' };
    }
    return reply.html(
      LegacyEditPage({
        frame: frameOf(req, reply),
        row,
        roleOptions,
        values,
        errors,
        summary: summaryOf(errors, LEGACY_FIELDS),
        restores: legacyRestores(row),
      }),
      400,
    );
  });
}
