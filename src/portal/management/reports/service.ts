import {
  activeUsersByUnitKind,
  decisionTimes,
  requestsByMonth,
  requestsByRole,
  requestsByStatus,
  requestsByVoivodeship,
  type ReportScope,
} from '../../../db/repositories/reports.ts';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { REQUEST_STATUS_DISPLAY, REQUEST_STATUSES } from '../../../domain/status.ts';
import { toCsv, type CsvCell } from '../../../lib/csv.ts';
import { auditOf, type Ctx, type ServiceDeps } from '../../context.ts';
import { authorize, reportScope } from '../../policies/index.ts';
import { reportMessages as m } from './messages.ts';

export const REPORT_KEYS = ['statusy', 'role', 'wojewodztwa', 'miesiace', 'czas-decyzji', 'uzytkownicy'] as const;
export type ReportKey = (typeof REPORT_KEYS)[number];

/** One report as the page and the CSV show it: a title, column headers and rows; `chart` = which column the bars show. */
export interface ReportTable {
  key: ReportKey;
  title: string;
  note?: string;
  columns: string[];
  rows: CsvCell[][];
  /** the row label column and the charted value column */
  chart: { label: number; value: number; unit?: string };
  /** a "Razem" row under the table (sum of the value column) */
  total: boolean;
}

/** the by-month report shows at most this many months (the newest ones with requests) */
export const MONTHS_SHOWN = 24;

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

async function buildReport(db: ServiceDeps['db'], scope: ReportScope, key: ReportKey): Promise<ReportTable> {
  switch (key) {
    case 'statusy': {
      const found = new Map((await requestsByStatus(db, scope)).map((r) => [r.key, r.count]));
      const rows = REQUEST_STATUSES.filter((s) => s !== 'zapisany').map((s) => [REQUEST_STATUS_DISPLAY[s], found.get(s) ?? 0]);
      return { key, title: m.byStatus, columns: [m.status, m.count], rows, chart: { label: 0, value: 1 }, total: true };
    }
    case 'role': {
      const rows = (await requestsByRole(db, scope)).map((r) => [r.label, r.count]);
      return { key, title: m.byRole, columns: [m.role, m.count], rows, chart: { label: 0, value: 1 }, total: true };
    }
    case 'wojewodztwa': {
      const rows = (await requestsByVoivodeship(db, scope)).map((r) => [r.key ? r.label : m.noVoivodeship, r.count]);
      return { key, title: m.byVoivodeship, columns: [m.voivodeship, m.count], rows, chart: { label: 0, value: 1 }, total: true };
    }
    case 'miesiace': {
      // the newest MONTHS_SHOWN months with requests; what is older is named in the note, so "Razem" is the table's own sum
      const all = await requestsByMonth(db, scope);
      const older = all.slice(0, Math.max(0, all.length - MONTHS_SHOWN));
      const rows = all.slice(older.length).map((r) => [r.label, r.count]);
      const olderCount = older.reduce((acc, r) => acc + r.count, 0);
      const note = older.length ? `${m.monthNote(MONTHS_SHOWN)} ${m.monthOlder(older.length, olderCount)}` : m.monthNote(MONTHS_SHOWN);
      return { key, title: m.byMonth, note, columns: [m.month, m.count], rows, chart: { label: 0, value: 1 }, total: true };
    }
    case 'czas-decyzji': {
      const rows = (await decisionTimes(db, scope)).map((r) => [r.unitName, r.decided, round1(r.medianDays), round1(r.p90Days)]);
      return {
        key,
        title: m.decisionTime,
        note: m.decisionNote,
        columns: [m.unit, m.decided, m.median, m.p90],
        rows,
        chart: { label: 0, value: 2, unit: 'dni' },
        total: false,
      };
    }
    case 'uzytkownicy': {
      const rows = (await activeUsersByUnitKind(db, scope)).map((r) => [r.label, r.count]);
      return { key, title: m.activeUsers, note: m.usersNote, columns: [m.unitKind, m.users], rows, chart: { label: 0, value: 1 }, total: false };
    }
  }
}

/** "Zarządzanie → Raporty": the reports in the actor's scope, on screen and as CSV (each export audited). */
export function managementReportService({ db }: ServiceDeps) {
  function scopeOf(ctx: Ctx): ReportScope {
    authorize(ctx.actor, 'management.open', { type: 'management', submodule: 'reports' });
    const scope = reportScope(ctx.actor);
    if (!scope) throw new Error('reports without a scope');
    return scope;
  }

  return {
    async overview(ctx: Ctx): Promise<{ scope: ReportScope; reports: ReportTable[] }> {
      const scope = scopeOf(ctx);
      const reports: ReportTable[] = [];
      for (const key of REPORT_KEYS) reports.push(await buildReport(db, scope, key));
      return { scope, reports };
    },

    async csv(ctx: Ctx, input: { key: ReportKey }): Promise<{ body: string; title: string }> {
      const scope = scopeOf(ctx);
      const r = await buildReport(db, scope, input.key);
      await recordAudit(db, {
        action: 'management.report_exported',
        ...auditOf(ctx),
        details: { report: input.key, scope: scope.kind === 'all' ? 'all' : scope.unitId },
      });
      return { body: toCsv(r.columns, r.rows), title: r.title };
    },
  };
}
