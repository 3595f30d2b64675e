import { frameOf, type SignedInApp } from '../../actor/scope.ts';
import { ctxOf } from '../../context.ts';
import { CSV_CONTENT_TYPE, csvDisposition } from '../../../lib/csv.ts';
import { auditMessages as m } from './messages.ts';
import { AUDIT_CSV_PATH, AUDIT_PATH, AuditPage } from './pages.tsx';
import { AuditQuery, type AuditQueryT } from './schema.ts';

function filtersOf(q: AuditQueryT) {
  return {
    person: q.osoba,
    action: q.akcja,
    source: q.zrodlo,
    outcome: q.wynik,
    subjectType: q.typ,
    subjectId: q.obiekt,
    unit: q.jednostka,
    from: q.od,
    to: q.do,
  };
}

/** "Zarządzanie → Dziennik zdarzeń": the log and its CSV export (signed-in scope). */
export async function managementAuditRoutes(app: SignedInApp): Promise<void> {
  const s = () => app.deps.services.management.audit;

  app.get(AUDIT_PATH, { schema: { querystring: AuditQuery } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const view = await s().list(ctx, { filters: filtersOf(req.query), page: req.query.strona, size: Number(req.query.ile) });
    const scopeText = view.scope.kind === 'all' ? m.scopeAll : m.scopeUnit(ctx.actor.profile?.unitName ?? '');
    return reply.html(AuditPage({ frame: frameOf(req, reply), q: req.query, rows: view.rows, total: view.total, scopeText }));
  });

  app.get(AUDIT_CSV_PATH, { schema: { querystring: AuditQuery } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const out = await s().csv(ctx, { filters: filtersOf(req.query) });
    const day = ctx.now.toISOString().slice(0, 10);
    return reply
      .type(CSV_CONTENT_TYPE)
      .header('Content-Disposition', csvDisposition(`dziennik-zdarzen-${day}.csv`))
      .header('Cache-Control', 'private, no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .send(out.body);
  });
}
