import { z } from 'zod';
import { nextWarsawDay, parseWarsawDateTime } from '../../../lib/warsaw-time.ts';
import { UUID_RE } from '../../../lib/ids.ts';
import { choice, parseForm, stringList, summaryOf, text, type ParsedForm } from '../../http/input.ts';
import { announcementMessages as m } from './messages.ts';

export { IdParams } from '../../http/input.ts';

export const ListQuery = z.object({
  wynik: z.preprocess((v) => (typeof v === 'string' && ['dodany', 'zapisany', 'bez-zmian', 'wycofany'].includes(v) ? v : ''), z.string()),
});

export const ANNOUNCEMENT_FIELDS = ['tytul', 'tresc', 'od', 'do', 'odbiorcy', 'role'] as const;

const AnnouncementForm = z.object({
  klucz: z.preprocess((v) => (typeof v === 'string' && UUID_RE.test(v) ? v : ''), z.string()),
  tytul: text({ max: 200, required: m.titleRequired, label: m.fieldTitle }),
  tresc: text({ max: 4000, multiline: true, required: m.bodyRequired, label: m.fieldBody }),
  od: text({ max: 16, required: m.fromRequired, label: m.fieldFrom }),
  do: text({ max: 16, label: m.fieldUntil }),
  odbiorcy: choice(['wszyscy', 'role']),
  role: stringList(100),
});

export interface AnnouncementInput {
  /** the form's key: the id of a new announcement, so a second submit of the same form adds nothing */
  key: string;
  title: string;
  body: string;
  from: Date;
  until: Date | null;
  /** empty: every user */
  audience: string[];
}

/**
 * The announcement form → input, or the form again with Polish messages: title and body required
 * (with lengths), dates in Warsaw time, the end after the start, roles from the list when the
 * audience is chosen by role.
 */
export function readAnnouncementForm(body: unknown, roleCodes: readonly string[]): ParsedForm<AnnouncementInput> & { roles: string[] } {
  const parsed = parseForm(AnnouncementForm, body, ANNOUNCEMENT_FIELDS);
  const raw = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>).role : undefined;
  const roles = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((x): x is string => typeof x === 'string');
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  const d = parsed.ok ? parsed.data : null;
  // the checks between fields run on what was typed even when another field has an error, so one
  // submit shows every message
  const typed = d ?? {
    od: (parsed.ok ? '' : parsed.values.od) ?? '',
    do: (parsed.ok ? '' : parsed.values.do) ?? '',
    odbiorcy: parsed.ok ? undefined : parsed.values.odbiorcy,
  };
  let from: Date | null = null;
  let until: Date | null = null;
  if (!errors.od && typed.od) {
    const f = parseWarsawDateTime(typed.od);
    if (!f) errors.od = m.badDate;
    else from = f.at;
  }
  if (!errors.do && typed.do) {
    const u = parseWarsawDateTime(typed.do);
    if (!u) errors.do = m.badDate;
    else until = u.dateOnly ? nextWarsawDay(u.at) : u.at;
  }
  if (from && until && until.getTime() <= from.getTime()) errors.do = m.untilBeforeFrom;
  const audience = typed.odbiorcy === 'wszyscy' || typed.odbiorcy === 'role' ? typed.odbiorcy : undefined;
  if (!audience) errors.odbiorcy = m.audienceRequired;
  if (audience === 'role') {
    if (roles.length === 0) errors.role = m.rolesRequired;
    else if (roles.some((r) => !roleCodes.includes(r))) errors.role = m.rolesUnknown;
  }
  if (!d || Object.keys(errors).length) {
    const values = parsed.ok ? { tytul: d!.tytul, tresc: d!.tresc, od: d!.od, do: d!.do, odbiorcy: d!.odbiorcy ?? '', klucz: d!.klucz } : parsed.values;
    return { ok: false, values, errors, summary: summaryOf(errors, ANNOUNCEMENT_FIELDS), roles };
  }
  return {
    ok: true,
    roles,
    data: {
      key: d.klucz,
      title: d.tytul,
      body: d.tresc,
      from: from!,
      until,
      audience: audience === 'role' ? [...new Set(roles)].sort() : [],
    },
  };
}
