import { z } from 'zod';
import { queryEnum, queryInt, queryText } from '../../http/input.ts';

export const PAGE_SIZES = [25, 50, 100] as const;

/** 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM' (also with 'T') that exists, as Polish time; anything else is no filter. */
export function queryMoment() {
  return queryText(16).transform((s) => {
    const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(s);
    if (!m) return '';
    const date = m[1]!;
    const d = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) return '';
    if (m[2] === undefined) return date;
    return Number(m[2]) < 24 && Number(m[3]) < 60 ? `${date} ${m[2]}:${m[3]}` : '';
  });
}

/** The log's filters and paging, all in the URL (GET form: no JavaScript needed); a bad value is no filter. */
export const AuditQuery = z.object({
  osoba: queryText(100),
  akcja: queryText(60).transform((s) => (/^[a-z0-9_]+(\.[a-z0-9_]+)*(\.\*)?$/.test(s) ? s : '')),
  zrodlo: queryEnum(['', 'portal', 'ueoz'], ''),
  wynik: queryEnum(['', 'success', 'failure'], ''),
  typ: queryText(40).transform((s) => (/^[a-z_]+$/.test(s) ? s : '')),
  obiekt: queryText(100),
  jednostka: queryText(100),
  od: queryMoment(),
  do: queryMoment(),
  strona: queryInt(1),
  ile: queryEnum(['25', '50', '100'], '50'),
});
export type AuditQueryT = z.output<typeof AuditQuery>;

/** The query as it is now, without defaults and paging, for links, the CSV link and the paging form. */
export function auditFilterPairs(q: AuditQueryT): [string, string][] {
  const out: [string, string][] = [];
  for (const k of ['osoba', 'akcja', 'zrodlo', 'wynik', 'typ', 'obiekt', 'jednostka', 'od', 'do'] as const) if (q[k]) out.push([k, q[k]]);
  return out;
}
