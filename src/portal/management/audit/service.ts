import { exportAuditLog, listAuditLog, type AuditFilters, type AuditRow } from '../../../db/repositories/audit-log.ts';
import { recordAudit } from '../../../db/repositories/audit.ts';
import { toCsv, type CsvCell } from '../../../lib/csv.ts';
import { formatDateTimePl } from '../../../lib/text.ts';
import { auditOf, type Ctx, type ServiceDeps } from '../../context.ts';
import { auditLogScope, authorize } from '../../policies/index.ts';
import { actionLabel, auditMessages as m, DETAIL_LABELS, detailWords, SUBJECT_TYPE_LABELS } from './messages.ts';

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

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:\d\d)$/;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A key's Polish name; inside a path ("Po › tytuł") it starts with a small letter, acronyms (NIP) stay. */
function keyLabel(k: string, nested: boolean): string {
  const l = Object.hasOwn(DETAIL_LABELS, k) ? DETAIL_LABELS[k]! : k;
  return nested && /^\p{Lu}\p{Ll}/u.test(l) ? l.charAt(0).toLocaleLowerCase('pl') + l.slice(1) : l;
}

/** One value for people: tak/nie, a moment in Polish time, a list joined by commas; null when there is nothing to show. */
function valueText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? detailWords.yes : detailWords.no;
  if (typeof v === 'string') {
    if (v === '') return detailWords.empty;
    if (ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v))) return formatDateTimePl(new Date(v));
    return v;
  }
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) {
    const items = v.map((x) => (isPlainObject(x) ? `(${detailParts(x, [], true).join(', ')})` : valueText(x))).filter((x): x is string => x !== null);
    return items.length ? items.join(', ') : detailWords.none;
  }
  if (isPlainObject(v) && isChange(v)) return `${valueText(v.from) ?? '—'} → ${valueText(v.to) ?? '—'}`;
  if (isPlainObject(v)) return detailParts(v, [], true).join(', ') || null;
  return JSON.stringify(v);
}

/** `{ from, to }` of a changed field reads "old → new". */
function isChange(v: Record<string, unknown>): boolean {
  const keys = Object.keys(v);
  return keys.length === 2 && 'from' in v && 'to' in v;
}

/** "Label: value" parts; nested objects become a path ("Po › tytuł: …"); null values are left out. */
function detailParts(d: Record<string, unknown>, path: string[], nested: boolean): string[] {
  return Object.entries(d).flatMap(([k, v]) => {
    const label = [...path, keyLabel(k, nested || path.length > 0)];
    if (isPlainObject(v) && !isChange(v)) return detailParts(v, label, true);
    const text = valueText(v);
    return text === null ? [] : [`${label.join(' › ')}: ${text}`];
  });
}

/** The entry's details as one line of "Etykieta: wartość" in Polish, for the page and the CSV (both escape it). */
export function detailsText(d: Record<string, unknown>): string {
  return isPlainObject(d) ? detailParts(d, [], false).join('; ') : (valueText(d) ?? '');
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
