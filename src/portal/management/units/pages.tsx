import type { UnitSearchResult } from '../../../db/repositories/unit-search.ts';
import type { UnitKindRow, UnitRecord } from '../../../db/repositories/units.ts';
import { isProfileStatus, PROFILE_STATUS_LABELS } from '../../../domain/status.ts';
import type { FormError, FormErrors } from '../../../lib/forms.ts';
import { ErrorSummary } from '../../../views/components/ErrorSummary.tsx';
import { ContactFields, CsrfField, SelectField, TextField } from '../../../views/components/Field.tsx';
import { Notice } from '../../../views/components/Notice/Notice.tsx';
import { Pagination, PaginationSummary, type PagingProps } from '../../../views/components/Pagination/Pagination.tsx';
import { SummaryList } from '../../../views/components/SummaryList/SummaryList.tsx';
import { SignedInLayout, type SignedInFrame } from '../../../views/layouts/SignedInLayout.tsx';
import { unitMessages as m } from './messages.ts';
import { PAGE_SIZES, type UnitListQueryT } from './schema.ts';
import type { UnitValues } from './service.ts';

export const UNITS_PATH = '/zarzadzanie/jednostki';
export const ADD_PATH = `${UNITS_PATH}/nowa`;

const crumbsRoot = [
  { href: '/start', label: 'Strona główna' },
  { href: '/zarzadzanie', label: m.module },
  { href: UNITS_PATH, label: m.title },
];

/** The query of the list as it is now, without defaults, for links and the paging form. */
export function unitQueryPairs(q: UnitListQueryT): [string, string][] {
  const out: [string, string][] = [];
  for (const k of ['rodzaj', 'nazwa', 'nip', 'regon', 'ksiega', 'teryt', 'woj'] as const) if (q[k]) out.push([k, q[k]]);
  if (q.status !== 'aktywne') out.push(['status', q.status]);
  if (q.sortuj !== 'name') out.push(['sortuj', q.sortuj]);
  if (q.kierunek !== 'asc') out.push(['kierunek', q.kierunek]);
  if (q.ile !== '25') out.push(['ile', q.ile]);
  if (q.strona > 1) out.push(['strona', String(q.strona)]);
  return out;
}

function StatusBadge({ active }: { active: boolean }): JSX.Element {
  return <span class={`badge ${active ? 'badge--ok' : 'badge--error'}`}>{active ? m.active : m.inactive}</span>;
}

/** "Jednostki": the registry search (the wizard's), with status and place filters, paging in the URL. */
export function UnitListPage(p: {
  frame: SignedInFrame;
  q: UnitListQueryT;
  kinds: UnitKindRow[];
  voivodeships: { code: string; name: string }[];
  result: UnitSearchResult;
  scopeText: string;
  canAdd: boolean;
}): JSX.Element {
  const r = p.result;
  const size = Number(p.q.ile);
  const paging: PagingProps = {
    path: UNITS_PATH,
    query: unitQueryPairs(p.q),
    pageParam: 'strona',
    sizeParam: 'ile',
    page: r.page,
    pageCount: r.pageCount,
    total: r.total,
    pageSize: size,
    pageSizes: PAGE_SIZES,
    anchor: 'lista',
    label: m.pages,
    sizeId: 'f-ile',
    totalQa: 'units-total',
  };
  return (
    <SignedInLayout title={m.title} frame={p.frame} breadcrumbs={[...crumbsRoot.slice(0, 2), { label: m.title }]}>
      <p class="muted">{m.module}</p>
      <h1 data-qa="page-management-units">{m.title}</h1>
      <p class="lead" safe>
        {p.scopeText}
      </p>
      {p.canAdd ? (
        <p>
          <a class="button button--secondary" href={ADD_PATH} data-qa="unit-add">
            {m.add}
          </a>
        </p>
      ) : (
        ''
      )}
      <form method="get" action={UNITS_PATH} class="search-form" role="search" aria-label={m.search}>
        <p class="field__hint">{m.lead}</p>
        <SelectField
          name="rodzaj"
          label={m.kind}
          value={p.q.rodzaj}
          options={[['', m.kindAll], ...p.kinds.map((k) => [k.code, `${k.code} — ${k.name}`] as const)]}
        />
        <TextField name="nazwa" label={m.name} value={p.q.nazwa} maxlength={200} hint={m.nameHint} />
        <TextField name="nip" label={m.nip} value={p.q.nip} inputmode="numeric" maxlength={13} />
        <TextField name="regon" label={m.regon} value={p.q.regon} inputmode="numeric" maxlength={17} />
        <TextField name="ksiega" label={m.book} value={p.q.ksiega} maxlength={30} />
        <TextField name="teryt" label={m.teryt} value={p.q.teryt} inputmode="numeric" maxlength={7} hint={m.terytHint} />
        <SelectField
          name="woj"
          label={m.voivodeship}
          value={p.q.woj}
          options={[['', m.voivodeshipAll], ...p.voivodeships.map((v) => [v.code, v.name] as const)]}
        />
        <SelectField
          name="status"
          label={m.status}
          value={p.q.status}
          options={[
            ['aktywne', m.statusActive],
            ['nieaktywne', m.statusInactive],
            ['wszystkie', m.statusAll],
          ]}
        />
        <SelectField
          name="sortuj"
          label={m.sort}
          value={p.q.sortuj}
          options={[
            ['name', m.sortName],
            ['kind', m.sortKind],
            ['nip', m.sortNip],
          ]}
        />
        <SelectField
          name="kierunek"
          label={m.direction}
          value={p.q.kierunek}
          options={[
            ['asc', m.asc],
            ['desc', m.desc],
          ]}
        />
        {p.q.ile !== '25' ? <input type="hidden" name="ile" value={p.q.ile} /> : ''}
        <div class="button-group">
          <button class="button" type="submit" data-qa="unit-search">
            {m.apply}
          </button>
          <a class="button button--secondary" href={UNITS_PATH}>
            {m.clear}
          </a>
        </div>
      </form>
      <section id="lista" aria-labelledby="units-list-title" data-qa="units">
        <h2 id="units-list-title">{m.results}</h2>
        <PaginationSummary {...paging} />
        {r.rows.length === 0 ? (
          <p data-qa="units-empty">{m.none}</p>
        ) : (
          <table class="table" data-qa="units-table">
            <caption class="visually-hidden">{m.results}</caption>
            <thead>
              <tr>
                <th scope="col">{m.kind}</th>
                <th scope="col">{m.name}</th>
                <th scope="col">{m.nip}</th>
                <th scope="col">{m.regon}</th>
                <th scope="col">{m.book}</th>
                <th scope="col">{m.locality}</th>
                <th scope="col">{m.voivodeship}</th>
                <th scope="col">{m.status}</th>
              </tr>
            </thead>
            <tbody>
              {r.rows.map((u) => (
                <tr data-qa={`unit-row-${u.id}`}>
                  <td data-label={m.kind} safe>
                    {u.kindCode}
                  </td>
                  <td data-label={m.name}>
                    <a href={`${UNITS_PATH}/${u.id}`} safe>
                      {u.name}
                    </a>
                  </td>
                  <td data-label={m.nip} safe>
                    {u.nip ?? '—'}
                  </td>
                  <td data-label={m.regon} safe>
                    {u.regon ?? '—'}
                  </td>
                  <td data-label={m.book} safe>
                    {u.registryBookNo ?? '—'}
                  </td>
                  <td data-label={m.locality} safe>
                    {u.locality ?? '—'}
                  </td>
                  <td data-label={m.voivodeship} safe>
                    {u.voivodeship ?? '—'}
                  </td>
                  <td data-label={m.status}>
                    <StatusBadge active={u.isActive} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pagination {...paging} />
      </section>
    </SignedInLayout>
  );
}

function addressOf(u: UnitRecord['unit']): string {
  const street = [u.street, u.buildingNo].filter(Boolean).join(' ');
  const place = [u.postalCode, u.locality].filter(Boolean).join(' ');
  return [street, place].filter(Boolean).join(', ');
}

export function unitClassText(k: UnitKindRow): string {
  const parts = [k.isCentral ? m.classes.central : '', k.isSupervising ? m.classes.supervising : '', k.isReporting ? m.classes.reporting : ''].filter(Boolean);
  return parts.join(' i ');
}

function profileSummary(counts: Record<string, number>): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (!total) return '0';
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${isProfileStatus(s) ? PROFILE_STATUS_LABELS[s].toLowerCase() : s}: ${n}`);
  return `${total} (${parts.join(', ')})`;
}

/** One unit: its data, supervising units, status and profiles; "Edytuj dane jednostki" where the actor may. */
export function UnitPage(p: {
  frame: SignedInFrame;
  rec: UnitRecord & { canEdit: boolean; otherVoivodeship: boolean };
  notice?: { tone: 'success' | 'info'; text: string } | undefined;
}): JSX.Element {
  const { unit: u, kind } = p.rec;
  return (
    <SignedInLayout title={u.name} frame={p.frame} breadcrumbs={[...crumbsRoot, { label: u.name }]}>
      {p.notice ? <Notice tone={p.notice.tone} qa="unit-notice" text={p.notice.text} /> : ''}
      <p class="muted" safe>{`${m.module}: ${m.title}`}</p>
      <h1 data-qa="page-management-unit" safe>
        {u.name}
      </h1>
      <h2>{m.unitData}</h2>
      <SummaryList
        qa="unit-data"
        rows={[
          { label: m.name, value: u.name },
          { label: m.kind, value: `${kind.code} — ${kind.name}` },
          { label: m.unitClass, value: unitClassText(kind) },
          { label: m.status, safeValue: <StatusBadge active={u.isActive} /> },
          { label: m.nip, value: u.nip },
          { label: m.regon, value: u.regon },
          { label: m.book, value: u.registryBookNo },
          { label: m.teryt, value: u.teryt },
        ]}
      />
      <h2>{m.address}</h2>
      <SummaryList
        qa="unit-address"
        rows={[
          { label: m.address, value: addressOf(u) },
          { label: 'Gmina', value: u.gmina },
          { label: 'Powiat', value: u.powiat },
          { label: m.voivodeship, value: u.voivodeship },
        ]}
      />
      <h2>{m.contact}</h2>
      <SummaryList
        qa="unit-contact"
        rows={[
          { label: m.phone, value: u.phone },
          { label: m.email, value: u.email },
        ]}
      />
      <h2>{m.supervisors}</h2>
      {p.rec.supervisors.length ? (
        <ul data-qa="unit-supervisors">
          {p.rec.supervisors.map((s) => (
            <li>
              <a href={`${UNITS_PATH}/${s.id}`} safe>
                {s.name}
              </a>{' '}
              <span class="muted" safe>{`(${s.kindCode}${s.isActive ? '' : `, ${m.inactive.toLowerCase()}`})`}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p data-qa="unit-no-supervisors">{m.noSupervisors}</p>
      )}
      <h2>{m.profiles}</h2>
      <SummaryList qa="unit-profiles" rows={[{ label: m.profilesCount, value: profileSummary(p.rec.profileCounts) }]} />
      {p.rec.canEdit ? (
        <p>
          <a class="button" href={`${UNITS_PATH}/${u.id}/edycja`} data-qa="unit-edit">
            {m.edit}
          </a>
        </p>
      ) : (
        <Notice tone="info" qa="unit-read-only" text={p.rec.otherVoivodeship ? m.otherVoivodeship : m.readOnlyNotice} />
      )}
      <p>
        <a href={UNITS_PATH}>{m.back}</a>
      </p>
    </SignedInLayout>
  );
}

/** The fields of a unit's form as typed (strings; the ticked supervising units as a list). */
export type FormValues = Readonly<Record<string, string | string[] | undefined>>;

function SupervisorsField(p: {
  candidates: { id: string; name: string; kindCode: string }[];
  selected: readonly string[];
  error?: string | undefined;
  selfId?: string;
}) {
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <fieldset id="f-nadrzedne" aria-describedby={p.error ? 'f-nadrzedne-error f-nadrzedne-hint' : 'f-nadrzedne-hint'}>
        <legend class="field__label">{m.supervisors}</legend>
        <p class="field__hint" id="f-nadrzedne-hint">
          {m.supervisorsHint}
        </p>
        {p.error ? (
          <p class="field__error" id="f-nadrzedne-error">
            <span class="visually-hidden">Błąd: </span>
            <span safe>{p.error}</span>
          </p>
        ) : (
          ''
        )}
        {p.candidates
          .filter((c) => c.id !== p.selfId)
          .map((c, i) => (
            <div class="field--checkbox">
              <input class="checkbox__input" type="checkbox" id={`f-nadrzedne-${i}`} name="nadrzedne" value={c.id} checked={p.selected.includes(c.id)} />
              <label class="checkbox__label" for={`f-nadrzedne-${i}`} safe>
                {`${c.name} (${c.kindCode})`}
              </label>
            </div>
          ))}
      </fieldset>
    </div>
  );
}

/** "Edycja danych jednostki" and "Dodaj jednostkę": one form, the identifiers only when adding. */
export function UnitFormPage(p: {
  frame: SignedInFrame;
  mode: { kind: 'edit'; rec: UnitRecord } | { kind: 'add'; token: string; scopeText: string };
  kinds: UnitKindRow[];
  candidates: { id: string; name: string; kindCode: string }[];
  values: FormValues;
  summary?: FormError[];
  errors?: FormErrors;
  notice?: string | undefined;
}): JSX.Element {
  const edit = p.mode.kind === 'edit' ? p.mode.rec : null;
  const title = edit ? m.editTitle(edit.unit.name) : m.addTitle;
  const action = edit ? `${UNITS_PATH}/${edit.unit.id}/edycja` : ADD_PATH;
  const v = (k: keyof UnitValues | 'nip' | 'regon' | 'ksiega' | 'status'): string => {
    const x = p.values[k];
    return typeof x === 'string' ? x : '';
  };
  const ticked = Array.isArray(p.values.nadrzedne) ? p.values.nadrzedne : [];
  const e = p.errors ?? {};
  const profiles = edit ? Object.values(edit.profileCounts).reduce((a, b) => a + b, 0) : 0;
  // the service already narrowed the kinds to those the actor may give (a central unit keeps its own)
  const kindOptions = edit ? p.kinds : [{ code: '', name: '' } as UnitKindRow, ...p.kinds];
  const crumbs = edit
    ? [...crumbsRoot, { href: `${UNITS_PATH}/${edit.unit.id}`, label: edit.unit.name }, { label: m.edit }]
    : [...crumbsRoot, { label: m.addTitle }];
  return (
    <SignedInLayout title={title} frame={p.frame} hasErrors={!!p.summary?.length} breadcrumbs={crumbs}>
      <ErrorSummary errors={p.summary ?? []} />
      {p.notice ? <Notice tone="error" qa="unit-stale" text={p.notice} /> : ''}
      <p class="muted" safe>{`${m.module}: ${m.title}`}</p>
      <h1 data-qa={edit ? 'page-management-unit-edit' : 'page-management-unit-add'} safe>
        {title}
      </h1>
      <p>{m.fieldsRequired}</p>
      {p.mode.kind === 'add' && p.mode.scopeText ? <p safe>{m.scopeVoivodeship(p.mode.scopeText)}</p> : ''}
      <form method="post" action={action} novalidate data-module="prevent-double-submit" data-qa="unit-form">
        <CsrfField token={p.frame.csrf} />
        {p.mode.kind === 'add' ? <input type="hidden" name="token" value={p.mode.token} /> : ''}
        {edit ? <input type="hidden" name="wersja" value={edit.unit.updatedAt.toISOString()} /> : ''}
        <h2>{m.unitData}</h2>
        <SelectField
          name="rodzaj"
          label={m.kind}
          required
          value={v('rodzaj')}
          errors={e}
          options={kindOptions.map((k) => [k.code, k.code ? `${k.code} — ${k.name}` : '— wybierz —'] as const)}
        />
        <TextField name="nazwa" label={m.name} required value={v('nazwa')} errors={e} maxlength={500} />
        <h2>{m.identifiers}</h2>
        {edit ? (
          <>
            <SummaryList
              qa="unit-identifiers"
              rows={[
                { label: m.nip, value: edit.unit.nip },
                { label: m.regon, value: edit.unit.regon },
                { label: m.book, value: edit.unit.registryBookNo },
              ]}
            />
            <p class="muted">{m.identifiersFixed}</p>
          </>
        ) : (
          <>
            <TextField name="nip" label={m.nip} required value={v('nip')} errors={e} inputmode="numeric" maxlength={20} hint="np. 525-157-53-09" />
            <TextField name="regon" label={m.regon} required value={v('regon')} errors={e} inputmode="numeric" maxlength={20} hint="9 lub 14 cyfr" />
            <TextField name="ksiega" label={m.book} value={v('ksiega')} errors={e} inputmode="numeric" maxlength={40} hint={m.bookHint} />
          </>
        )}
        <h2>{m.addressSection}</h2>
        <TextField name="teryt" label={m.terytForm} required value={v('teryt')} errors={e} inputmode="numeric" maxlength={20} hint={m.terytFormHint} />
        <TextField name="miejscowosc" label={m.locality} required value={v('miejscowosc')} errors={e} maxlength={100} />
        <TextField name="kod" label={m.postalCode} required value={v('kod')} errors={e} maxlength={20} hint={m.postalHint} autocomplete="off" />
        <TextField name="ulica" label={m.street} value={v('ulica')} errors={e} maxlength={200} hint={m.streetHint} />
        <TextField name="nr" label={m.building} required value={v('nr')} errors={e} maxlength={30} />
        <h2>{m.contact}</h2>
        <ContactFields values={{ phone: v('phone'), email: v('email') }} errors={e} />
        <h2>{m.supervisors}</h2>
        <SupervisorsField candidates={p.candidates} selected={ticked} error={e.nadrzedne} {...(edit ? { selfId: edit.unit.id } : {})} />
        {edit ? (
          <>
            <h2>{m.statusField}</h2>
            <div class={`field${e.status ? ' field--error' : ''}`}>
              <fieldset class="radios" id="f-status" aria-describedby="f-status-hint">
                <legend class="field__label">
                  {m.statusField}
                  <span aria-hidden="true"> *</span>
                </legend>
                <p class="field__hint" id="f-status-hint" safe>
                  {m.statusHint(profiles)}
                </p>
                {e.status ? (
                  <p class="field__error" id="f-status-error">
                    <span class="visually-hidden">Błąd: </span>
                    <span safe>{e.status}</span>
                  </p>
                ) : (
                  ''
                )}
                <div class="radio">
                  <input type="radio" id="f-status-aktywna" name="status" value="aktywna" checked={v('status') === 'aktywna'} />
                  <label for="f-status-aktywna">{m.active}</label>
                </div>
                <div class="radio">
                  <input type="radio" id="f-status-nieaktywna" name="status" value="nieaktywna" checked={v('status') === 'nieaktywna'} />
                  <label for="f-status-nieaktywna">{m.inactive}</label>
                </div>
              </fieldset>
            </div>
          </>
        ) : (
          ''
        )}
        <div class="button-group">
          <button class="button" type="submit" data-qa="unit-save">
            {edit ? m.save : m.create}
          </button>
          <a class="button button--secondary" href={edit ? `${UNITS_PATH}/${edit.unit.id}` : UNITS_PATH}>
            {m.cancel}
          </a>
        </div>
      </form>
    </SignedInLayout>
  );
}
