import { exportAuditLog, listAuditLog, type AuditFilters, type AuditRow } from '../../../db/repositories/audit-log.ts';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { toCsv, type CsvCell } from '../../../lib/csv.ts';
import { formatDateTimePl } from '../../../lib/text.ts';
import { auditOf, type Ctx, type ServiceDeps } from '../../context.ts';
import { auditLogScope, authorize } from '../../policies/index.ts';
import { actionLabel, auditMessages as m, SUBJECT_TYPE_LABELS } from './messages.ts';

/** The most rows one CSV export holds (a bigger log is exported in parts, by time). */
export const AUDIT_CSV_MAX_ROWS = 50_000;

function scopeOf(ctx: Ctx) {
  authorize(ctx.actor, 'management.open', { type: 'management', submodule: 'audit' });
  const scope = auditLogScope(ctx.actor);
  if (!scope) throw new Error('audit log without a scope');
  return scope;
}

export function outcomeText(o: string): string {
  return o === 'success' ? m.outcomeSuccess : o === 'failure' ? m.outcomeFailure : o;
}

export function sourceText(s: string): string {
  return s === 'ueoz' ? m.sourceUeoz : m.sourcePortal;
}

/** The entry's details as one line of "key: value", for the page and the CSV. */
export function detailsText(d: Record<string, unknown>): string {
  return Object.entries(d)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}

function csvLine(r: AuditRow): CsvCell[] {
  return [
    r.occurredAt.toISOString(),
    formatDateTimePl(r.occurredAt),
    sourceText(r.source),
    r.seq,
    r.personName,
    r.personLogin,
    actionLabel(r.action),
    r.action,
    outcomeText(r.outcome),
    r.subjectType ? (SUBJECT_TYPE_LABELS[r.subjectType] ?? r.subjectType) : null,
    r.subjectId,
    r.ip,
    r.requestId,
    detailsText(r.details),
  ];
}

/** "Zarządzanie → Dziennik zdarzeń": the log, filtered and paged, and its CSV export (each export audited). */
export function managementAuditService({ db }: ServiceDeps) {
  return {
    async list(ctx: Ctx, input: { filters: AuditFilters; page: number; size: number }) {
      const scope = scopeOf(ctx);
      const list = await listAuditLog(db, scope, input.filters, { page: input.page, size: input.size });
      return { ...list, scope };
    },

    async csv(ctx: Ctx, input: { filters: AuditFilters }): Promise<{ body: string; rows: number; truncated: boolean }> {
      const scope = scopeOf(ctx);
      const { rows, truncated } = await exportAuditLog(db, scope, input.filters, AUDIT_CSV_MAX_ROWS);
      // who took a copy of the log, and of which part of it
      await recordAudit(db, {
        action: 'management.audit_exported',
        ...auditOf(ctx),
        details: { rows: rows.length, truncated, filters: Object.fromEntries(Object.entries(input.filters).filter(([, v]) => v !== '')) },
      });
      return { body: toCsv(m.csvHeader, rows.map(csvLine)), rows: rows.length, truncated };
    },
  };
}
