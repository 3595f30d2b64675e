import { z } from 'zod';
import { queryEnum, requiredChoice, queryInt, queryText, stringList, text } from '../../http/input.ts';
import { unitMessages as m } from './messages.ts';

export { IdParams } from '../../http/input.ts';

export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** The search, its filters, sort and paging, all in the URL (a GET form: no JavaScript needed). */
export const UnitListQuery = z.object({
  rodzaj: queryText(32),
  nazwa: queryText(200),
  nip: queryText(20),
  regon: queryText(20),
  ksiega: queryText(30),
  teryt: queryText(10),
  woj: queryText(2).transform((s) => (/^\d{2}$/.test(s) ? s : '')),
  status: queryEnum(['aktywne', 'nieaktywne', 'wszystkie'], 'aktywne'),
  sortuj: queryEnum(['name', 'kind', 'nip'], 'name'),
  kierunek: queryEnum(['asc', 'desc'], 'asc'),
  strona: queryInt(1),
  ile: queryEnum(['10', '25', '50', '100'], '25'),
});
export type UnitListQueryT = z.output<typeof UnitListQuery>;

/** "?wynik=…" after a change: the notice on the unit's page. */
export const UnitViewQuery = z.object({
  wynik: queryEnum(['', 'zapisano', 'dodano', 'bez-zmian'], ''),
  zablokowano: queryText(6).transform((s) => (/^\d{1,5}$/.test(s) ? Number(s) : null)),
  przywrocono: queryText(6).transform((s) => (/^\d{1,5}$/.test(s) ? Number(s) : null)),
});

const common = {
  nazwa: text({ max: 500, required: m.nameRequired, label: m.name }),
  rodzaj: text({ max: 32, required: m.kindRequired, label: m.kind }),
  teryt: text({ max: 20, required: m.terytRequired, label: m.terytForm }),
  miejscowosc: text({ max: 100, required: m.localityRequired, label: m.locality }),
  kod: text({ max: 20, required: m.postalRequired, label: m.postalCode }),
  ulica: text({ max: 200, label: m.street }),
  nr: text({ max: 30, required: m.buildingRequired, label: m.building }),
  phone: text({ max: 40, required: m.phoneRequired, label: m.phone }),
  email: text({ max: 260, required: m.emailRequired, label: m.email }),
  nadrzedne: stringList(60),
};

/** "Edycja danych jednostki": name, kind, address, contact, supervising units, status; `wersja` detects a concurrent edit. */
export const EditUnitForm = z.object({
  ...common,
  status: requiredChoice(['aktywna', 'nieaktywna'], m.statusRequired),
  wersja: text({ max: 40 }),
});
export const EDIT_FIELDS = ['nazwa', 'rodzaj', 'teryt', 'miejscowosc', 'kod', 'ulica', 'nr', 'phone', 'email', 'nadrzedne', 'status'] as const;

/** "Dodaj jednostkę": also NIP, REGON and the registry book number; `token` makes a double submit one unit. */
export const AddUnitForm = z.object({
  ...common,
  nip: text({ max: 20, required: m.nipRequired, label: m.nip }),
  regon: text({ max: 20, required: m.regonRequired, label: m.regon }),
  ksiega: text({ max: 40, label: m.book }),
  token: text({ max: 64 }),
});
export const ADD_FIELDS = ['rodzaj', 'nazwa', 'nip', 'regon', 'ksiega', 'teryt', 'miejscowosc', 'kod', 'ulica', 'nr', 'phone', 'email', 'nadrzedne'] as const;

export type EditUnitInput = z.output<typeof EditUnitForm>;
export type AddUnitInput = z.output<typeof AddUnitForm>;

/** The supervising units ticked in a form refused at the boundary, to tick them again. */
export function typedSupervisors(body: unknown): string[] {
  const raw = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>).nadrzedne : undefined;
  return stringList(60).parse(raw);
}
