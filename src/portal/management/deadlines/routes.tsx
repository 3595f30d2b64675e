import { frameOf, type SignedInApp } from '../../actor/scope.ts';
import { ctxOf } from '../../context.ts';
import { deadlineMessages as m } from './messages.ts';
import { DEADLINES_PATH, DeadlineFormPage, DeadlineListPage, valuesOf, type DeadlineValues } from './pages.tsx';
import { ListQuery, readDeadlineForm, ScheduleParams } from './schema.ts';
import { formValues } from '../../http/input.ts';

/** "Zarządzanie → Terminy sprawozdań": the schedule list with its filters and the edit of one form's year (signed-in scope). */
export async function managementDeadlineRoutes(app: SignedInApp): Promise<void> {
  const s = () => app.deps.services.management.deadlines;

  app.get(DEADLINES_PATH, { schema: { querystring: ListQuery } }, async (req, reply) => {
    const q = req.query;
    const view = await s().list(ctxOf(req), { ...(q.formularz ? { form: q.formularz } : {}), ...(q.rok ? { year: Number(q.rok) } : {}) });
    const notice = q.wynik === 'zapisano' ? m.saved : q.wynik === 'bez-zmian' ? m.unchanged : undefined;
    return reply.html(
      DeadlineListPage({
        frame: frameOf(req, reply),
        rows: view.rows,
        forms: view.forms,
        years: view.years,
        q: { formularz: q.formularz, rok: q.rok },
        notice,
      }),
    );
  });

  app.get(`${DEADLINES_PATH}/:form/:year`, { schema: { params: ScheduleParams } }, async (req, reply) => {
    const row = await s().get(ctxOf(req), req.params);
    return reply.html(DeadlineFormPage({ frame: frameOf(req, reply), row, values: valuesOf(row) }));
  });

  app.post(`${DEADLINES_PATH}/:form/:year`, { schema: { params: ScheduleParams } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const { form, year } = req.params;
    // authorised and found (403 / 404) before any form with errors is shown
    const row = await s().get(ctx, { form, year });
    const parsed = readDeadlineForm(req.body, year);
    if (!parsed.ok) {
      const v = parsed.values;
      const values: DeadlineValues = { jednostka: v.jednostka ?? '', nadzor: v.nadzor ?? '', cez: v.cez ?? '', zrodlo: v.zrodlo ?? '' };
      return reply.html(DeadlineFormPage({ frame: frameOf(req, reply), row, values, summary: parsed.summary, errors: parsed.errors }), 400);
    }
    const stan = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>).stan : undefined;
    const expected = typeof stan === 'string' && /^[0-9|-]{0,40}$/.test(stan) ? stan : null;
    const r = await s().save(ctx, { form, year, ...parsed.data, expected });
    if (r.kind === 'conflict') {
      const v = formValues(req.body);
      const values: DeadlineValues = { jednostka: v.jednostka ?? '', nadzor: v.nadzor ?? '', cez: v.cez ?? '', zrodlo: v.zrodlo ?? '' };
      return reply.html(DeadlineFormPage({ frame: frameOf(req, reply), row: await s().get(ctx, { form, year }), values, conflict: true }), 409);
    }
    const back = new URLSearchParams({ formularz: form, rok: String(year), wynik: r.kind === 'saved' ? 'zapisano' : 'bez-zmian' });
    return reply.redirect(`${DEADLINES_PATH}?${back.toString()}`, 303);
  });
}
