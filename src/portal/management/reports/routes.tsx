import { frameOf, type SignedInApp } from '../../actor/scope.ts';
import { ctxOf } from '../../context.ts';
import { CSV_CONTENT_TYPE, csvDisposition } from '../../../lib/csv.ts';
import { reportMessages as m } from './messages.ts';
import { REPORTS_PATH, ReportsPage } from './pages.tsx';
import { ReportCsvParams } from './schema.ts';

/** "Zarządzanie → Raporty": the reports page and each report as CSV (signed-in scope). */
export async function managementReportRoutes(app: SignedInApp): Promise<void> {
  const s = () => app.deps.services.management.reports;

  app.get(REPORTS_PATH, async (req, reply) => {
    const ctx = ctxOf(req);
    const view = await s().overview(ctx);
    const scopeText = view.scope.kind === 'all' ? m.scopeAll : m.scopeUnit(ctx.actor.profile?.unitName ?? '');
    return reply.html(ReportsPage({ frame: frameOf(req, reply), scopeText, reports: view.reports }));
  });

  app.get(`${REPORTS_PATH}/:raport.csv`, { schema: { params: ReportCsvParams } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const out = await s().csv(ctx, { key: req.params.raport });
    return reply
      .type(CSV_CONTENT_TYPE)
      .header('Content-Disposition', csvDisposition(`raport-${req.params.raport}-${ctx.now.toISOString().slice(0, 10)}.csv`))
      .header('Cache-Control', 'private, no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .send(out.body);
  });
}
