import type { FastifyReply, FastifyRequest } from 'fastify';
import { frameOf, type SignedInApp } from '../../actor/scope.ts';
import { ctxOf } from '../../context.ts';
import { parseForm, summaryOf } from '../../http/input.ts';
import { unitMessages as m } from './messages.ts';
import { ADD_PATH, UNITS_PATH, UnitFormPage, UnitListPage, UnitPage, type FormValues } from './pages.tsx';
import { ADD_FIELDS, AddUnitForm, EDIT_FIELDS, EditUnitForm, IdParams, typedSupervisors, UnitListQuery, UnitViewQuery } from './schema.ts';
import { valuesOf } from './service.ts';

/** "Zarządzanie → Jednostki": search, a unit, "Edytuj dane jednostki" and "Dodaj jednostkę" (signed-in scope). */
export async function managementUnitRoutes(app: SignedInApp): Promise<void> {
  const s = () => app.deps.services.management.units;

  app.get(UNITS_PATH, { schema: { querystring: UnitListQuery } }, async (req, reply) => {
    const view = await s().search(ctxOf(req), req.query);
    return reply.html(UnitListPage({ frame: frameOf(req, reply), q: req.query, ...view }));
  });

  const addPage = async (req: FastifyRequest, reply: FastifyReply, values: FormValues, errors: Record<string, string>, token?: string) => {
    const f = await s().addForm(ctxOf(req));
    const summary = summaryOf(errors, ADD_FIELDS);
    return reply.html(
      UnitFormPage({
        frame: frameOf(req, reply),
        mode: { kind: 'add', token: token ?? f.token, scopeText: f.scopeText },
        kinds: f.kinds,
        candidates: f.candidates,
        values,
        summary,
        errors,
      }),
      summary.length ? 400 : 200,
    );
  };

  app.get(ADD_PATH, async (req, reply) => addPage(req, reply, { nadrzedne: [] }, {}));

  app.post(ADD_PATH, async (req, reply) => {
    const form = parseForm(AddUnitForm, req.body, ADD_FIELDS);
    if (!form.ok) {
      // authorised first, like the addition itself: no form with errors for someone who may not add;
      // the service's checks run on what was typed too, so every problem is reported at once
      const supervisors = typedSupervisors(req.body);
      const errors = await s().checkTypedAddition(ctxOf(req), { typed: form.values, supervisors, errors: form.errors });
      return addPage(req, reply, { ...form.values, nadrzedne: supervisors }, errors, keepToken(form.values.token));
    }
    const r = await s().add(ctxOf(req), { data: form.data });
    if (r.ok) return reply.redirect(`${UNITS_PATH}/${r.unitId}?wynik=dodano`, 303);
    return addPage(req, reply, { ...form.data }, r.errors, keepToken(form.data.token));
  });

  app.get(`${UNITS_PATH}/:id`, { schema: { params: IdParams, querystring: UnitViewQuery } }, async (req, reply) => {
    const rec = await s().view(ctxOf(req), { unitId: req.params.id });
    const q = req.query;
    const text =
      q.wynik === 'dodano'
        ? m.added
        : q.wynik === 'bez-zmian'
          ? m.unchanged
          : q.wynik === 'zapisano'
            ? q.zablokowano !== null && !rec.unit.isActive
              ? m.savedDeactivated(q.zablokowano)
              : q.przywrocono !== null && rec.unit.isActive
                ? m.savedReactivated(q.przywrocono)
                : m.saved
            : null;
    const notice = text ? ({ tone: q.wynik === 'bez-zmian' ? 'info' : 'success', text } as const) : undefined;
    return reply.html(UnitPage({ frame: frameOf(req, reply), rec, notice }));
  });

  const editPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    unitId: string,
    o: { values?: FormValues; errors?: Record<string, string>; notice?: string } = {},
    status = 200,
  ) => {
    const f = await s().editForm(ctxOf(req), { unitId });
    const current = valuesOf(f.rec);
    const values: FormValues = o.values ?? { ...current, status: f.rec.unit.isActive ? 'aktywna' : 'nieaktywna' };
    const errors = o.errors ?? {};
    return reply.html(
      UnitFormPage({
        frame: frameOf(req, reply),
        mode: { kind: 'edit', rec: f.rec },
        kinds: f.kinds,
        candidates: f.candidates,
        values,
        summary: summaryOf(errors, EDIT_FIELDS),
        errors,
        notice: o.notice,
      }),
      status,
    );
  };

  app.get(`${UNITS_PATH}/:id/edycja`, { schema: { params: IdParams } }, async (req, reply) => editPage(req, reply, req.params.id));

  app.post(`${UNITS_PATH}/:id/edycja`, { schema: { params: IdParams } }, async (req, reply) => {
    const unitId = req.params.id;
    const form = parseForm(EditUnitForm, req.body, EDIT_FIELDS);
    if (!form.ok) {
      // authorised first (404 / 403), then the edit's own checks on what was typed: every message at once
      const supervisors = typedSupervisors(req.body);
      const errors = await s().checkTypedEdit(ctxOf(req), { unitId, typed: form.values, supervisors, errors: form.errors });
      return editPage(req, reply, unitId, { values: { ...form.values, nadrzedne: supervisors }, errors }, 400);
    }
    const r = await s().update(ctxOf(req), { unitId, data: form.data });
    if (r.ok) {
      const extra = r.statusChange === 'deactivated' ? `&zablokowano=${r.blocked}` : r.statusChange === 'reactivated' ? `&przywrocono=${r.restored}` : '';
      return reply.redirect(`${UNITS_PATH}/${unitId}?wynik=${r.result === 'unchanged' ? 'bez-zmian' : 'zapisano'}${extra}`, 303);
    }
    if (r.stale) return editPage(req, reply, unitId, { notice: m.stale }, 409);
    return editPage(req, reply, unitId, { values: { ...form.data }, errors: r.errors }, 400);
  });
}

/** A form token comes back only in its own shape (a UUID); anything else gets a fresh one. */
function keepToken(t: string | undefined): string | undefined {
  return t && /^[0-9a-f-]{36}$/i.test(t) ? t : undefined;
}
