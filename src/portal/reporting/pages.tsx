import type { ReportArea } from '../../domain/reference-data.ts';
import { cellsOf, type FormDefinition, type ReportValues } from '../../domain/reporting/definition.ts';
import { REPORT_ACTION_LABELS, REPORT_STATUS_LABELS, type ReportStatus, type Timeliness } from '../../domain/reporting/lifecycle.ts';
import type { SurveyQuestion } from '../../domain/reporting/obligations.ts';
import type { ReportValidation } from '../../domain/reporting/rules.ts';
import type { FormError } from '../../lib/forms.ts';
import { formatDatePl, formatDateTimePl } from '../../lib/text.ts';
import { dayPl } from '../../lib/warsaw-time.ts';
import { ErrorSummary } from '../../views/components/ErrorSummary.tsx';
import { CsrfField, SelectField, TextArea, TextField } from '../../views/components/Field.tsx';
import { Notice } from '../../views/components/Notice/Notice.tsx';
import { Pagination, PaginationSummary, type PagingProps } from '../../views/components/Pagination/Pagination.tsx';
import { cellId } from '../../views/components/ReportForm/ids.ts';
import { ReportHeader, type ReportUnit } from '../../views/components/ReportForm/ReportHeader.tsx';
import { ReportSection, type RuleFlag } from '../../views/components/ReportForm/ReportSection.tsx';
import { RuleResultsList } from '../../views/components/ReportForm/RuleResultsList.tsx';
import { SummaryList } from '../../views/components/SummaryList/SummaryList.tsx';
import { SignedInLayout, type SignedInFrame } from '../../views/layouts/SignedInLayout.tsx';
import { reportingMessages as m } from './messages.ts';
import type { ListQueryT } from './schema.ts';

export const AREA_PATH: Readonly<Record<ReportArea, string>> = {
  niefinansowe: '/sprawozdania/niefinansowe',
  finansowe: '/sprawozdania/finansowe',
  karty_psychiatryczne: '/sprawozdania/karty-psychiatryczne',
};
export const SURVEY_PATH = '/sprawozdania/ankieta';
export const reportPath = (id: string) => `/sprawozdania/${id}`;
export const sectionPath = (id: string, section: string) => `/sprawozdania/${id}/dzial/${encodeURIComponent(section)}`;

const home = { href: '/start', label: 'Strona główna' };

function areaCrumb(area: ReportArea) {
  return { href: AREA_PATH[area], label: m.areaTitle[area] };
}

export function StatusBadge({ status }: { status: ReportStatus }): JSX.Element {
  const tone = status === 'zatwierdzone' ? 'badge--ok' : status === 'do_korekty' ? 'badge--error' : 'badge--pending';
  return (
    <span class={`badge ${tone}`} data-qa="report-status" safe>
      {REPORT_STATUS_LABELS[status]}
    </span>
  );
}

function TimelinessText({ t }: { t: Timeliness }): JSX.Element {
  const tone = t.kind === 'late' ? 'badge--error' : t.kind === 'on_time' ? 'badge--ok' : 'badge--pending';
  return t.kind === 'none' ? (
    <span safe>{t.label}</span>
  ) : (
    <span class={`badge ${tone}`} data-qa="report-timeliness" safe>
      {t.label}
    </span>
  );
}

/** The list query as it is now, without defaults, for links and the paging form. */
export function listQueryPairs(q: ListQueryT): [string, string][] {
  const out: [string, string][] = [];
  if (q.status !== 'wszystkie') out.push(['status', q.status]);
  if (q.formularz) out.push(['formularz', q.formularz]);
  if (q.rok) out.push(['rok', q.rok]);
  if (q.jednostka) out.push(['jednostka', q.jednostka]);
  if (q.terminowosc) out.push(['terminowosc', q.terminowosc]);
  if (q.sortuj !== 'termin') out.push(['sortuj', q.sortuj]);
  if (q.ile !== '25') out.push(['ile', q.ile]);
  if (q.strona > 1) out.push(['strona', String(q.strona)]);
  return out;
}

export interface ListRow {
  id: string;
  unitName: string;
  regon: string | null;
  form: string;
  formTitle: string;
  year: number;
  status: ReportStatus;
  version: number;
  dueOn: string | null;
  timeliness: Timeliness;
  opens: boolean;
  waitsForMe: boolean;
  filledOnBehalf: boolean;
}

/** "Sprawozdania niefinansowe": the reports in the profile's scope, filtered, sorted and paged by the URL. */
export function ReportListPage(p: {
  frame: SignedInFrame;
  area: ReportArea;
  q: ListQueryT;
  rows: ListRow[];
  total: number;
  counts: Record<ReportStatus | 'wszystkie', number> | null;
  options: { forms: { form: string; title: string }[]; years: number[] };
  verifier: boolean;
  surveyDue: boolean;
  /** Pracownik CeZ: finds reports, never opens their content */
  searchOnly?: boolean;
  notice?: string | undefined;
}): JSX.Element {
  const size = Number(p.q.ile);
  const path = AREA_PATH[p.area];
  const paging: PagingProps = {
    path,
    query: listQueryPairs(p.q),
    pageParam: 'strona',
    sizeParam: 'ile',
    page: p.q.strona,
    pageCount: Math.max(1, Math.ceil(p.total / size)),
    total: p.total,
    pageSize: size,
    pageSizes: [10, 25, 50, 100],
    anchor: 'lista',
    label: 'Sprawozdania: strony',
    sizeId: 'f-ile',
    totalQa: 'reports-total',
  };
  const title = m.areaTitle[p.area];
  const tabs: [ReportStatus | 'wszystkie', string][] = [
    ['do_wypelnienia', REPORT_STATUS_LABELS.do_wypelnienia],
    ['w_trakcie', 'w tym w trakcie wypełniania'],
    ['do_weryfikacji', REPORT_STATUS_LABELS.do_weryfikacji],
    ['do_korekty', REPORT_STATUS_LABELS.do_korekty],
    ['zatwierdzone', REPORT_STATUS_LABELS.zatwierdzone],
    ['wszystkie', m.all],
  ];
  return (
    <SignedInLayout title={title} frame={p.frame} breadcrumbs={[home, { label: title }]}>
      {p.notice ? <Notice tone="success" qa="reports-notice" text={p.notice} /> : ''}
      <h1 data-qa="page-reports">{title}</h1>
      {p.surveyDue ? (
        <Notice tone="info" qa="survey-due">
          <p>
            Przed rozpoczęciem pracy wypełnij <a href={SURVEY_PATH}>{m.surveyTitle}</a> — jej odpowiedzi przypiszą jednostce sprawozdania na ten rok.
          </p>
        </Notice>
      ) : (
        ''
      )}
      {p.searchOnly ? <Notice tone="info" qa="search-only" text={m.searchOnly} /> : ''}
      <nav class="tabs tabs--row" aria-label="Sprawozdania według statusu">
        <ul>
          {tabs.map(([s, label]) => (
            <li>
              <a href={`${path}${s === 'wszystkie' ? '' : `?status=${s}`}`} aria-current={p.q.status === s ? 'page' : undefined} data-qa={`tab-${s}`}>
                <span safe>{label}</span> (<span safe>{String(p.counts?.[s] ?? 0)}</span>)
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {p.verifier && !p.searchOnly ? <p class="muted">{m.verifierTabHint}</p> : ''}
      <form method="get" action={path} class="search-form" role="search" aria-label="Wyszukaj sprawozdania">
        <SelectField name="status" label="Status" value={p.q.status} options={tabs.map(([s, l]) => [s, l] as const)} />
        <SelectField
          name="formularz"
          label="Formularz"
          value={p.q.formularz}
          options={[['', 'Wszystkie formularze'], ...p.options.forms.map((f) => [f.form, `${f.form} – ${f.title}`] as const)]}
        />
        <SelectField
          name="rok"
          label="Rok sprawozdawczy"
          value={p.q.rok}
          options={[['', 'Wszystkie lata'], ...p.options.years.map((y) => [String(y), String(y)] as const)]}
        />
        <TextField name="jednostka" label="Jednostka (nazwa, REGON lub NIP)" value={p.q.jednostka} maxlength={200} />
        <SelectField
          name="terminowosc"
          label="Terminowość"
          value={p.q.terminowosc}
          options={[
            ['', 'Wszystkie'],
            ['po_terminie', 'Po terminie'],
            ['w_terminie', 'Wysłane w terminie'],
            ['oczekuje', 'Niewysłane, termin nie minął'],
          ]}
        />
        <SelectField
          name="sortuj"
          label="Sortuj według"
          value={p.q.sortuj}
          options={[
            ['termin', 'Termin przekazania (od najpóźniejszego)'],
            ['jednostka', 'Nazwa jednostki'],
            ['formularz', 'Formularz'],
            ['rok', 'Rok sprawozdawczy (od najnowszego)'],
            ['status', 'Status'],
          ]}
        />
        {p.q.ile !== '25' ? <input type="hidden" name="ile" value={p.q.ile} /> : ''}
        <div class="button-group">
          <button class="button" type="submit" data-qa="reports-search">
            Pokaż
          </button>
          <a class="button button--secondary" href={path}>
            Wyczyść
          </a>
        </div>
      </form>
      <section id="lista" aria-labelledby="reports-list-title" data-qa="reports">
        <h2 id="reports-list-title">Lista sprawozdań</h2>
        <PaginationSummary {...paging} />
        {p.rows.length === 0 ? (
          <p data-qa="reports-empty">{m.noReports}</p>
        ) : (
          <div class="table-scroll" role="region" aria-label={m.listTableRegion} tabindex="0">
            <table class="table" data-qa="reports-table">
              <caption class="visually-hidden">Lista sprawozdań</caption>
              <thead>
                <tr>
                  <th scope="col">Jednostka</th>
                  <th scope="col">Formularz</th>
                  <th scope="col">Rok</th>
                  <th scope="col">Status</th>
                  <th scope="col">Wersja</th>
                  <th scope="col">Termin przekazania</th>
                  <th scope="col">Terminowość</th>
                </tr>
              </thead>
              <tbody>
                {p.rows.map((r) => (
                  <tr data-qa={`report-row-${r.id}`}>
                    <td data-label="Jednostka">
                      <span safe>{r.unitName}</span>
                      {r.regon ? (
                        <span class="muted" safe>
                          {` REGON ${r.regon}`}
                        </span>
                      ) : (
                        ''
                      )}
                    </td>
                    <td data-label="Formularz">
                      {r.opens ? (
                        <a href={reportPath(r.id)}>
                          <abbr title={r.formTitle} safe>
                            {r.form}
                          </abbr>
                          <span safe>{` za ${r.year}`}</span>
                          <span class="visually-hidden" safe>{`, ${r.unitName}`}</span>
                        </a>
                      ) : (
                        <abbr title={r.formTitle} safe>
                          {r.form}
                        </abbr>
                      )}
                    </td>
                    <td data-label="Rok" safe>
                      {String(r.year)}
                    </td>
                    <td data-label="Status">
                      <StatusBadge status={r.status} />
                      {r.waitsForMe ? <span class="muted"> — czeka na Twoją weryfikację</span> : ''}
                    </td>
                    <td data-label="Wersja" safe>
                      {String(r.version)}
                    </td>
                    <td data-label="Termin przekazania" safe>
                      {dayPl(r.dueOn)}
                    </td>
                    <td data-label="Terminowość">
                      <TimelinessText t={r.timeliness} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination {...paging} />
      </section>
      {p.verifier ? <p class="muted">Terminowość liczona jest względem terminu przekazania sprawozdania przez jednostkę sprawozdającą.</p> : ''}
    </SignedInLayout>
  );
}

/** One question of the ankieta: "Tak" / "Nie" radios in a fieldset, its hint and its error (the summary links to `#f-<code>`). */
function YesNoQuestion(p: { q: SurveyQuestion; value: string | undefined; error: string | undefined; hint?: string }): JSX.Element {
  const id = `f-${p.q.code}`;
  const described = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <fieldset class="radios" id={id} aria-describedby={described}>
        <legend class="field__label">
          <span safe>{p.q.text}</span>
          <span aria-hidden="true"> *</span>
        </legend>
        {p.hint ? (
          <p class="field__hint" id={`${id}-hint`} safe>
            {p.hint}
          </p>
        ) : (
          ''
        )}
        {p.error ? (
          <p class="field__error" id={`${id}-error`}>
            <span class="visually-hidden">Błąd: </span>
            <span safe>{p.error}</span>
          </p>
        ) : (
          ''
        )}
        <div class="radio">
          <input type="radio" id={`${id}-T`} name={p.q.code} value="T" checked={p.value === 'T'} />
          <label for={`${id}-T`}>Tak</label>
        </div>
        <div class="radio">
          <input type="radio" id={`${id}-N`} name={p.q.code} value="N" checked={p.value === 'N'} />
          <label for={`${id}-N`}>Nie</label>
        </div>
      </fieldset>
    </div>
  );
}

/** "Ankieta przypisująca sprawozdania": one yes/no question per form its answers decide. */
export function SurveyPage(p: {
  frame: SignedInFrame;
  year: number;
  unitName: string;
  questions: SurveyQuestion[];
  values: Record<string, string>;
  errors?: Record<string, string> | undefined;
  summary?: FormError[] | undefined;
}): JSX.Element {
  return (
    <SignedInLayout title={m.surveyTitle} frame={p.frame} hasErrors={!!p.summary?.length} breadcrumbs={[home, { label: m.surveyTitle }]}>
      <ErrorSummary errors={p.summary ?? []} />
      <h1 data-qa="page-survey" safe>
        {`${m.surveyTitle} na rok ${p.year}`}
      </h1>
      <p class="lead">
        Jednostka <strong safe>{p.unitName}</strong>. Odpowiedz na pytania dotyczące roku <span safe>{String(p.year)}</span>. Na ich podstawie system przypisze
        jednostce sprawozdania do wypełnienia; odpowiedzi zobaczy jednostka nadzorująca, która w razie potrzeby może je skorygować.
      </p>
      <form method="post" action={SURVEY_PATH} novalidate>
        <CsrfField token={p.frame.csrf} />
        <input type="hidden" name="rok" value={String(p.year)} />
        {p.questions.map((q) => (
          <YesNoQuestion q={q} value={p.values[q.code]} error={p.errors?.[q.code]} hint={q.hint} />
        ))}
        <div class="button-group">
          <button class="button" type="submit" data-qa="survey-save">
            Zapisz ankietę
          </button>
        </div>
      </form>
    </SignedInLayout>
  );
}

/** Cells read by failing rules, for the red/amber marks of the form. */
export function ruleFlagsOf(v: Pick<ReportValidation, 'errors' | 'warnings'>): Record<string, RuleFlag> {
  const out: Record<string, { severity: 'blad' | 'ostrzezenie'; ruleCodes: string[] }> = {};
  for (const r of [...v.errors, ...v.warnings]) {
    for (const c of r.cells) {
      const f = (out[c] ??= { severity: r.severity, ruleCodes: [] });
      if (r.severity === 'blad') f.severity = 'blad';
      f.ruleCodes.push(r.code);
    }
  }
  return out;
}

export interface ReportPageData {
  report: {
    id: string;
    form: string;
    year: number;
    status: ReportStatus;
    version: number;
    revision: number;
    values: ReportValues;
    explanations: Record<string, string>;
    returnComment: string | null;
    cellComments: Record<string, string>;
    filledOnBehalf: boolean;
    pendingLevel: number | null;
    area: string;
    submittedAt: Date | null;
    approvedAt: Date | null;
    cancelledAt: Date | null;
  };
  def: FormDefinition;
  unit: ReportUnit & { id: string };
  previous: ReportValues | null;
  validation: ReportValidation;
  levels: { unitId: string; unitName: string; dueOn: string | null }[];
  dueOn: string | null;
  timeliness: Timeliness;
  events: {
    at: Date;
    action: string;
    toStatus: string;
    version: number;
    comment: string | null;
    onBehalf: boolean;
    actorName: string | null;
    actorUnitName: string | null;
  }[];
  versions: { version: number; approvedAt: Date; correctionReason: string | null }[];
  may: { fill: boolean; verify: boolean; reopen: boolean; onBehalf: boolean; verifierNotes: boolean; fourEyes: boolean };
}

/** Where a cell is: on its section's page (editable) or on the report page (read-only). */
function cellHrefFor(d: ReportPageData, editable: boolean) {
  const sectionOf = new Map(cellsOf(d.def).map((c) => [c.code, c.sectionCode]));
  return (code: string) => {
    const s = sectionOf.get(code);
    if (!s) return `#${cellId(code)}`;
    return editable ? `${sectionPath(d.report.id, s)}#${cellId(code)}` : `#${cellId(code)}`;
  };
}

function titleOf(d: ReportPageData): string {
  return `${d.def.form} za ${d.report.year}`;
}

function ReturnComments({ d }: { d: ReportPageData }): JSX.Element {
  const cells = Object.entries(d.report.cellComments);
  if (!d.report.returnComment && cells.length === 0) return '';
  // returned to the unit: everyone sees why; waiting for a verifier: only the verifier (a note from the level above)
  if (d.report.status !== 'do_korekty' && !(d.report.status === 'do_weryfikacji' && d.may.verify)) return '';
  const label = new Map(cellsOf(d.def).map((c) => [c.code, c.label]));
  const href = cellHrefFor(d, d.may.fill);
  return (
    <Notice tone={d.report.status === 'do_korekty' ? 'warning' : 'info'} qa="return-comments">
      <h2>{d.report.status === 'do_korekty' ? 'Uwagi weryfikującego — popraw sprawozdanie' : 'Zwrócone do weryfikacji na poprzednim poziomie — uwagi'}</h2>
      {d.report.returnComment ? <p safe>{d.report.returnComment}</p> : ''}
      {cells.length ? (
        <ul>
          {cells.map(([code, text]) => (
            <li>
              <a href={href(code)} safe>
                {label.get(code) ?? code}
              </a>
              : <span safe>{text}</span>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </Notice>
  );
}

function StatusFacts({ d }: { d: ReportPageData }): JSX.Element {
  const pending = d.report.status === 'do_weryfikacji' && d.report.pendingLevel !== null ? d.levels[d.report.pendingLevel] : undefined;
  return (
    <SummaryList
      qa="report-facts"
      rows={[
        { label: 'Status', safeValue: <StatusBadge status={d.report.status} /> },
        ...(pending ? [{ label: 'Weryfikuje teraz', value: pending.unitName }] : []),
        { label: 'Termin przekazania przez jednostkę', value: dayPl(d.dueOn) },
        { label: 'Terminowość', safeValue: <TimelinessText t={d.timeliness} /> },
        { label: 'Poziomy weryfikacji', value: d.levels.map((l, i) => `${i + 1}. ${l.unitName} (termin ${dayPl(l.dueOn)})`).join('; ') },
        ...(d.report.submittedAt ? [{ label: 'Ostatnio wysłane', value: formatDateTimePl(d.report.submittedAt) }] : []),
        ...(d.report.approvedAt ? [{ label: 'Zatwierdzone', value: formatDateTimePl(d.report.approvedAt) }] : []),
        ...(d.report.filledOnBehalf ? [{ label: 'Wypełnianie', value: m.filledOnBehalf }] : []),
      ]}
    />
  );
}

/** A return from a higher level to the one below: a matter between verifiers, not a return to the unit. */
const betweenVerifiers = (e: { action: string; toStatus: string }): boolean => e.action === 'return' && e.toStatus === 'do_weryfikacji';

function historyLabel(e: { action: string; toStatus: string }): string {
  if (betweenVerifiers(e)) return 'Zwrócono do weryfikacji na poprzednim poziomie';
  return REPORT_ACTION_LABELS[e.action as keyof typeof REPORT_ACTION_LABELS] ?? e.action;
}

function whoOf(e: { actorName: string | null; actorUnitName: string | null }): string {
  if (!e.actorName) return 'System';
  return e.actorUnitName ? `${e.actorName}, ${e.actorUnitName}` : e.actorName;
}

/** A report: identification, status and deadlines, the verifier's comments, every section, the decisions the actor may take, versions and history. */
export function ReportPage(p: {
  frame: SignedInFrame;
  d: ReportPageData;
  notice?: string | undefined;
  /** the page came back because the report changed meanwhile */
  warning?: string | undefined;
  verifyValues?: { decyzja: string; uwaga: string; cells: { komorka: string; tresc: string }[] } | undefined;
  verifyErrors?: Record<string, string> | undefined;
  reopenValues?: { powod: string } | undefined;
  reopenErrors?: Record<string, string> | undefined;
}): JSX.Element {
  const d = p.d;
  const title = titleOf(d);
  const summary: FormError[] = [
    ...Object.entries(p.verifyErrors ?? {}).map(([k, text]) => ({ href: `#f-${k}`, text })),
    ...Object.entries(p.reopenErrors ?? {}).map(([k, text]) => ({ href: `#f-${k}`, text })),
  ];
  const flags = ruleFlagsOf(d.validation);
  const cellOptions: [string, string][] = [['', 'Wybierz komórkę']];
  for (const c of cellsOf(d.def)) if (!c.na) cellOptions.push([c.code, `${c.code} — ${c.label}`]);
  const vv = p.verifyValues ?? { decyzja: '', uwaga: '', cells: [] };
  const cellRows = [0, 1, 2].map((i) => vv.cells[i] ?? { komorka: '', tresc: '' });
  return (
    <SignedInLayout title={title} frame={p.frame} hasErrors={summary.length > 0} breadcrumbs={[home, areaCrumb(d.report.area as ReportArea), { label: title }]}>
      <ErrorSummary errors={summary} />
      {p.notice ? <Notice tone="success" qa="report-notice" text={p.notice} /> : ''}
      {p.warning ? <Notice tone="warning" qa="report-warning" text={p.warning} /> : ''}
      {d.report.cancelledAt ? <Notice tone="info" qa="report-cancelled" text={m.cancelled} /> : ''}
      {d.may.fourEyes ? <Notice tone="info" qa="report-four-eyes" text={m.fourEyes} /> : ''}
      <h1 data-qa="page-report">
        <span safe>{`${d.def.form} – ${d.def.title}`}</span>
        <span class="muted" safe>{` (rok ${d.report.year}, ${d.unit.name})`}</span>
      </h1>
      <StatusFacts d={d} />
      <p>
        <a
          href={unitYearPath(d.unit.id, d.report.year)}
          data-qa="unit-year-link"
          safe
        >{`Ankieta i obowiązki sprawozdawcze jednostki na rok ${d.report.year}`}</a>
      </p>
      <ReturnComments d={d} />
      {d.may.fill ? (
        <section class="card" aria-labelledby="fill-title" data-qa="fill-actions">
          <h2 id="fill-title">Wypełnianie sprawozdania</h2>
          {d.may.onBehalf ? <p>{m.onBehalfNote}</p> : ''}
          <p>Wypełnij kolejne działy i zapisz każdy z nich. Sprawozdanie możesz uzupełniać w kilku podejściach — zapisane dane nie przepadną.</p>
          <ul>
            {d.def.sections.map((s) => (
              <li>
                <a href={sectionPath(d.report.id, s.code)} safe>
                  {s.title}
                </a>
              </li>
            ))}
          </ul>
          <p>
            <a class="button" href={`${reportPath(d.report.id)}/wyslij`} data-qa="report-check">
              Sprawdź i wyślij do weryfikacji
            </a>
          </p>
        </section>
      ) : (
        ''
      )}
      {d.may.verify ? (
        <p>
          <a href="#verify-title" data-qa="verify-jump">
            Przejdź do decyzji o sprawozdaniu
          </a>
        </p>
      ) : (
        ''
      )}
      <ReportHeader def={d.def} unit={d.unit} year={d.report.year} version={d.report.version} />
      {d.def.sections.map((s) => (
        <ReportSection
          def={d.def}
          section={s}
          values={d.report.values}
          readOnly={true}
          ruleFlags={d.report.status === 'do_weryfikacji' ? flags : undefined}
          cellComments={d.report.cellComments}
          previous={d.previous ?? undefined}
        />
      ))}
      {d.may.verify ? (
        <section class="card" aria-labelledby="verify-title" data-qa="verify-form">
          <h2 id="verify-title">Weryfikacja sprawozdania</h2>
          {Object.keys(d.report.explanations).length ? (
            <>
              <h3>Wyjaśnienia ostrzeżeń podane przez jednostkę</h3>
              <ul data-qa="explanations">
                {Object.entries(d.report.explanations).map(([code, text]) => (
                  <li>
                    <strong safe>{code}</strong> <span safe>{d.def.rules.find((r) => r.code === code)?.message ?? ''}</span>
                    <br />
                    <span class="muted">Wyjaśnienie jednostki: </span>
                    <span safe>{text}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
          <form method="post" action={`${reportPath(d.report.id)}/weryfikacja`} novalidate>
            <CsrfField token={p.frame.csrf} />
            <input type="hidden" name="rewizja" value={String(d.report.revision)} />
            <div class={`field${p.verifyErrors?.decyzja ? ' field--error' : ''}`}>
              <fieldset class="radios" id="f-decyzja">
                <legend class="field__label">
                  Decyzja<span aria-hidden="true"> *</span>
                </legend>
                {p.verifyErrors?.decyzja ? (
                  <p class="field__error" id="f-decyzja-error">
                    <span class="visually-hidden">Błąd: </span>
                    <span safe>{p.verifyErrors.decyzja}</span>
                  </p>
                ) : (
                  ''
                )}
                <div class="radio">
                  <input type="radio" id="f-decyzja-zatwierdz" name="decyzja" value="zatwierdz" checked={vv.decyzja === 'zatwierdz'} />
                  <label for="f-decyzja-zatwierdz">Zatwierdź sprawozdanie</label>
                </div>
                <div class="radio">
                  <input type="radio" id="f-decyzja-zwroc" name="decyzja" value="zwroc" checked={vv.decyzja === 'zwroc'} />
                  <label for="f-decyzja-zwroc">
                    {(d.report.pendingLevel ?? 0) > 0 ? 'Zwróć do poprzedniego poziomu weryfikacji' : 'Zwróć do korekty jednostce sprawozdającej'}
                  </label>
                </div>
              </fieldset>
            </div>
            <TextArea
              name="uwaga"
              label="Uwaga ogólna"
              value={vv.uwaga}
              rows={3}
              maxlength={2000}
              errors={p.verifyErrors ?? {}}
              hint="Wymagana przy zwrocie, jeśli nie wpiszesz uwagi do komórki."
            />
            <fieldset class="report-cell-comments">
              <legend class="field__label">Uwagi do komórek (opcjonalnie)</legend>
              {cellRows.map((c, i) => (
                <div class="field-row">
                  <SelectField name={`komorka${i + 1}`} label={`Komórka ${i + 1}`} value={c.komorka} options={cellOptions} errors={p.verifyErrors ?? {}} />
                  <TextField name={`tresc${i + 1}`} label={`Uwaga do komórki ${i + 1}`} value={c.tresc} maxlength={500} errors={p.verifyErrors ?? {}} />
                </div>
              ))}
            </fieldset>
            <div class="button-group">
              <button class="button" type="submit" data-qa="verify-submit">
                Zapisz decyzję
              </button>
            </div>
          </form>
        </section>
      ) : (
        ''
      )}
      {d.may.reopen ? (
        <section class="card" aria-labelledby="reopen-title" data-qa="reopen-form">
          <h2 id="reopen-title">Korekta zatwierdzonego sprawozdania</h2>
          <p>Otwarcie korekty tworzy nową wersję sprawozdania i zwraca je jednostce. Poprzednia wersja pozostaje zapisana.</p>
          <form method="post" action={`${reportPath(d.report.id)}/korekta`} novalidate>
            <CsrfField token={p.frame.csrf} />
            <input type="hidden" name="rewizja" value={String(d.report.revision)} />
            <TextArea name="powod" label="Powód korekty" required value={p.reopenValues?.powod ?? ''} rows={3} maxlength={1000} errors={p.reopenErrors ?? {}} />
            <button class="button button--secondary" type="submit" data-qa="reopen-submit">
              Otwórz korektę
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
      {d.versions.length ? (
        <section aria-labelledby="versions-title" data-qa="versions">
          <h2 id="versions-title">Wersje sprawozdania</h2>
          <ul>
            {d.versions.map((v) => (
              <li>
                <a href={`${reportPath(d.report.id)}/wersje/${v.version}`} safe>{`Wersja ${v.version}`}</a>
                <span safe>{` — zatwierdzona ${formatDatePl(v.approvedAt)}`}</span>
                {v.correctionReason ? <span safe>{`; następnie otwarto korektę (wersja ${v.version + 1}): ${v.correctionReason}`}</span> : ''}
              </li>
            ))}
          </ul>
          {d.report.version > 1 ? (
            <p>
              <a href={`${reportPath(d.report.id)}/roznice?od=${d.report.version - 1}&do=${d.report.version}`} data-qa="diff-link">
                Porównaj bieżącą wersję z poprzednią
              </a>
            </p>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="history-title" data-qa="history">
        <h2 id="history-title">Historia sprawozdania</h2>
        <div class="table-scroll" role="region" aria-label={m.historyTableRegion} tabindex="0">
          <table class="table">
            <caption class="visually-hidden">Historia sprawozdania</caption>
            <thead>
              <tr>
                <th scope="col">Data</th>
                <th scope="col">Operacja</th>
                <th scope="col">Status po operacji</th>
                <th scope="col">Wersja</th>
                <th scope="col">Kto</th>
                <th scope="col">Uwagi</th>
              </tr>
            </thead>
            <tbody>
              {d.events.map((e) => (
                <tr>
                  <td safe>{formatDateTimePl(e.at)}</td>
                  <td safe>{`${historyLabel(e)}${e.onBehalf ? ' (w imieniu jednostki)' : ''}`}</td>
                  <td safe>{REPORT_STATUS_LABELS[e.toStatus as ReportStatus] ?? e.toStatus}</td>
                  <td safe>{String(e.version)}</td>
                  <td safe>{whoOf(e)}</td>
                  <td class="pre-line" safe>
                    {betweenVerifiers(e) && !d.may.verifierNotes ? '' : (e.comment ?? '')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </SignedInLayout>
  );
}

/** One section to fill: the real table, last year's values as hints, "Zapisz" and "Zapisz i przejdź dalej". */
export function SectionPage(p: {
  frame: SignedInFrame;
  d: ReportPageData;
  sectionCode: string;
  values: ReportValues;
  cellErrors?: Record<string, string> | undefined;
  notice?: string | undefined;
  /** the page came back because the report changed meanwhile */
  warning?: string | undefined;
  /** with the warning: what this page typed that differs from the section as it is now */
  staleDiffs?: { code: string; typed: string; current: string }[] | undefined;
}): JSX.Element {
  const d = p.d;
  const i = d.def.sections.findIndex((s) => s.code === p.sectionCode);
  const s = d.def.sections[i]!;
  const next = d.def.sections[i + 1];
  const title = `${titleOf(d)}: ${s.title}`;
  // each message says which cell it is about: the summary's links must differ (WCAG 2.4.4)
  const label = new Map(cellsOf(d.def).map((c) => [c.code, c.label]));
  const errors = Object.entries(p.cellErrors ?? {}).map(([code, text]) => ({ href: `#${cellId(code)}`, text: `${label.get(code) ?? code}: ${text}` }));
  return (
    <SignedInLayout
      title={title}
      frame={p.frame}
      hasErrors={errors.length > 0}
      breadcrumbs={[home, areaCrumb(d.report.area as ReportArea), { href: reportPath(d.report.id), label: titleOf(d) }, { label: s.title }]}
    >
      <ErrorSummary errors={errors} title={errors.length ? m.cellsInvalid : undefined} />
      {p.notice ? <Notice tone="success" qa="section-notice" text={p.notice} /> : ''}
      {p.warning ? (
        <Notice tone="warning" qa="section-warning">
          <p safe>{p.warning}</p>
          {p.staleDiffs?.length ? (
            <>
              <p>{m.staleSectionChanged}</p>
              <ul data-qa="stale-diffs">
                {p.staleDiffs.map((x) => (
                  <li>
                    <a href={`#${cellId(x.code)}`} safe>
                      {label.get(x.code) ?? x.code}
                    </a>
                    <span safe>{`: Twój wpis „${x.typed || '(puste)'}”, obecnie „${x.current || '(puste)'}”`}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
        </Notice>
      ) : (
        ''
      )}
      <p class="muted" safe>{`${d.def.form} – ${d.def.title}; ${d.unit.name}; rok ${d.report.year}`}</p>
      <h1 data-qa="page-report-section" safe>{`Wypełnianie sprawozdania ${d.def.form} za ${d.report.year}`}</h1>
      {d.may.onBehalf ? <Notice tone="info" text={m.onBehalfNote} /> : ''}
      <ReturnComments d={d} />
      <nav class="tabs tabs--row" aria-label="Działy sprawozdania">
        <ul>
          {d.def.sections.map((x) => (
            <li>
              <a href={sectionPath(d.report.id, x.code)} aria-current={x.code === s.code ? 'page' : undefined} safe>
                {x.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="post" action={sectionPath(d.report.id, s.code)} novalidate>
        <CsrfField token={p.frame.csrf} />
        <input type="hidden" name="rewizja" value={String(d.report.revision)} />
        <ReportSection
          def={d.def}
          section={s}
          values={p.values}
          readOnly={false}
          cellErrors={p.cellErrors}
          cellComments={d.report.cellComments}
          previous={d.previous ?? undefined}
        />
        <div class="button-group">
          <button class="button" type="submit" name="po" value="zostan" data-qa="section-save">
            Zapisz
          </button>
          {next ? (
            <button class="button button--secondary" type="submit" name="po" value="dalej" data-qa="section-save-next">
              Zapisz i przejdź dalej
            </button>
          ) : (
            <button class="button button--secondary" type="submit" name="po" value="sprawdz" data-qa="section-save-check">
              Zapisz i sprawdź
            </button>
          )}
          <a class="button button--secondary" href={reportPath(d.report.id)}>
            Wróć do sprawozdania
          </a>
        </div>
      </form>
    </SignedInLayout>
  );
}

/** "Sprawdź": every cell and rule of the report; warnings explained here; "Wyślij do weryfikacji". */
export function SubmitPage(p: {
  frame: SignedInFrame;
  d: ReportPageData;
  validation: ReportValidation;
  explanations: Record<string, string>;
  explanationErrors?: Record<string, string> | undefined;
  refused?: boolean;
  /** the page came back because the report changed meanwhile */
  warning?: string | undefined;
}): JSX.Element {
  const d = p.d;
  const v = p.validation;
  const href = cellHrefFor(d, true);
  const label = new Map(cellsOf(d.def).map((c) => [c.code, c.label]));
  const summary: FormError[] = p.refused
    ? [
        ...v.cellIssues.map((i) => ({ href: href(i.code), text: `${label.get(i.code) ?? i.code}: ${i.message}` })),
        ...v.errors.map((e) => ({ href: `#rule-${e.code}`, text: `${e.code}: ${e.message}` })),
        ...Object.entries(p.explanationErrors ?? {}).map(([code, text]) => ({ href: `#explain-${code}`, text: `${code}: ${text}` })),
      ]
    : [];
  const title = `${titleOf(d)}: sprawdzenie i wysłanie`;
  return (
    <SignedInLayout
      title={title}
      frame={p.frame}
      hasErrors={summary.length > 0}
      breadcrumbs={[home, areaCrumb(d.report.area as ReportArea), { href: reportPath(d.report.id), label: titleOf(d) }, { label: 'Sprawdź i wyślij' }]}
    >
      <ErrorSummary errors={summary} title={summary.length ? m.cannotSubmit : undefined} />
      {p.warning ? <Notice tone="warning" qa="submit-warning" text={p.warning} /> : ''}
      <h1 data-qa="page-report-submit">Sprawdzenie i wysłanie sprawozdania</h1>
      <p class="lead" safe>{`${d.def.form} – ${d.def.title}; ${d.unit.name}; rok ${d.report.year}`}</p>
      {v.cellIssues.length ? (
        <section aria-labelledby="cell-issues-title" data-qa="cell-issues">
          <h2 id="cell-issues-title">Komórki do poprawienia</h2>
          <ul>
            {v.cellIssues.map((i) => (
              <li>
                <a href={href(i.code)} safe>
                  {label.get(i.code) ?? i.code}
                </a>
                : <span safe>{i.message}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {v.cellIssues.length === 0 && v.errors.length === 0 && v.warnings.length === 0 ? <Notice tone="success" qa="checks-ok" text={m.noChecksProblems} /> : ''}
      <form method="post" action={`${reportPath(d.report.id)}/wyslij`} novalidate>
        <CsrfField token={p.frame.csrf} />
        <input type="hidden" name="rewizja" value={String(d.report.revision)} />
        <RuleResultsList
          errors={v.errors}
          warnings={v.warnings}
          explanations={p.explanations}
          editable={true}
          hrefFor={href}
          explanationErrors={p.explanationErrors}
          explanationMaxLength={1000}
        />
        <div class="button-group">
          <button class="button" type="submit" data-qa="report-submit">
            Wyślij do weryfikacji
          </button>
          <a class="button button--secondary" href={reportPath(d.report.id)}>
            Wróć do sprawozdania
          </a>
        </div>
      </form>
    </SignedInLayout>
  );
}

/** One approved version, read-only. */
export function VersionPage(p: {
  frame: SignedInFrame;
  d: ReportPageData;
  version: { version: number; values: ReportValues; approvedAt: Date; correctionReason: string | null };
}): JSX.Element {
  const d = p.d;
  const title = `${titleOf(d)}: wersja ${p.version.version}`;
  return (
    <SignedInLayout
      title={title}
      frame={p.frame}
      breadcrumbs={[
        home,
        areaCrumb(d.report.area as ReportArea),
        { href: reportPath(d.report.id), label: titleOf(d) },
        { label: `Wersja ${p.version.version}` },
      ]}
    >
      <h1 data-qa="page-report-version" safe>
        {title}
      </h1>
      <p
        class="lead"
        safe
      >{`Zatwierdzona ${formatDateTimePl(p.version.approvedAt)}${p.version.correctionReason ? `; powód późniejszej korekty: ${p.version.correctionReason}` : ''}`}</p>
      <ReportHeader def={d.def} unit={d.unit} year={d.report.year} version={p.version.version} />
      {d.def.sections.map((s) => (
        <ReportSection def={d.def} section={s} values={p.version.values} readOnly={true} />
      ))}
    </SignedInLayout>
  );
}

/** "Różnice między wersjami": every cell whose value differs, old and new side by side. */
export function DiffPage(p: {
  frame: SignedInFrame;
  d: ReportPageData;
  from: number;
  to: number;
  rows: { code: string; label: string; before: string; after: string }[];
}): JSX.Element {
  const d = p.d;
  const title = `${titleOf(d)}: różnice między wersjami ${p.from} i ${p.to}`;
  return (
    <SignedInLayout
      title={title}
      frame={p.frame}
      breadcrumbs={[home, areaCrumb(d.report.area as ReportArea), { href: reportPath(d.report.id), label: titleOf(d) }, { label: 'Różnice między wersjami' }]}
    >
      <h1 data-qa="page-report-diff" safe>
        {title}
      </h1>
      <p>
        <a href={reportPath(d.report.id)}>Wróć do sprawozdania</a>
      </p>
      {p.rows.length === 0 ? (
        <p data-qa="diff-none">Wersje nie różnią się wartościami.</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="diff-caption" tabindex="0">
          <table class="table" data-qa="diff-table">
            <caption id="diff-caption" safe>
              {`Zmienione komórki: ${p.rows.length}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Komórka</th>
                <th scope="col" safe>
                  {`Wersja ${p.from}`}
                </th>
                <th scope="col" safe>
                  {`Wersja ${p.to}`}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <th scope="row">
                    <span safe>{r.code}</span>{' '}
                    <span class="muted" safe>
                      {r.label}
                    </span>
                  </th>
                  <td safe>{r.before || '—'}</td>
                  <td safe>{r.after || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SignedInLayout>
  );
}

export const unitYearPath = (unitId: string, year: number) => `/sprawozdania/jednostka/${unitId}/${year}`;

const ORIGIN_LABELS: Readonly<Record<string, string>> = {
  katalog: 'z rodzaju jednostki',
  ankieta: 'z odpowiedzi w ankiecie',
  korekta: 'z korekty jednostki nadzorującej',
};

/** A unit's ankieta and obligations for a year: the answers (who, when), the reports they gave, and the supervisors' correction. */
export function UnitYearPage(p: {
  frame: SignedInFrame;
  unit: { id: string; name: string };
  year: number;
  questions: SurveyQuestion[];
  survey: {
    answers: Record<string, string>;
    answeredAt: Date;
    answeredBy: string | null;
    correctedAt: Date | null;
    correctedBy: string | null;
    correctionReason: string | null;
  } | null;
  reports: { id: string; form: string; status: ReportStatus; origin: string; cancelledAt: Date | null }[];
  mayCorrect: boolean;
  values: Record<string, string>;
  errors?: Record<string, string> | undefined;
  notice?: string | undefined;
}): JSX.Element {
  const title = `Ankieta i obowiązki sprawozdawcze: ${p.unit.name}, rok ${p.year}`;
  const summary: FormError[] = Object.entries(p.errors ?? {}).map(([code, text]) => ({ href: `#f-${code}`, text }));
  const answer = (v: string | undefined) => (v === 'T' ? 'Tak' : v === 'N' ? 'Nie' : '—');
  const keptDespiteNo = (form: string) => {
    const q = p.questions.find((x) => x.form === form);
    return !!q && p.survey?.answers[q.code] === 'N';
  };
  return (
    <SignedInLayout
      title={title}
      frame={p.frame}
      hasErrors={summary.length > 0}
      breadcrumbs={[home, areaCrumb('niefinansowe'), { label: 'Ankieta i obowiązki' }]}
    >
      <ErrorSummary errors={summary} />
      {p.notice ? <Notice tone="success" qa="unit-year-notice" text={p.notice} /> : ''}
      <h1 data-qa="page-unit-year" safe>
        {title}
      </h1>
      <section aria-labelledby="survey-answers-title" data-qa="survey-answers">
        <h2 id="survey-answers-title">{m.surveyTitle}</h2>
        {p.questions.length === 0 ? (
          <p>Jednostka tego rodzaju nie wypełnia ankiety: jej obowiązki wynikają z rodzaju jednostki.</p>
        ) : !p.survey ? (
          <p data-qa="survey-unanswered">Jednostka nie wypełniła jeszcze ankiety na ten rok.</p>
        ) : (
          <SummaryList
            rows={[
              ...p.questions.map((q) => ({ label: q.text, value: answer(p.survey!.answers[q.code]) })),
              { label: 'Wypełniona', value: `${formatDateTimePl(p.survey.answeredAt)}${p.survey.answeredBy ? `, ${p.survey.answeredBy}` : ''}` },
              ...(p.survey.correctedAt
                ? [
                    { label: 'Skorygowana', value: `${formatDateTimePl(p.survey.correctedAt)}, ${p.survey.correctedBy ?? '—'}` },
                    { label: 'Uzasadnienie korekty', value: p.survey.correctionReason ?? '—' },
                  ]
                : []),
            ]}
          />
        )}
      </section>
      <section aria-labelledby="unit-reports-title" data-qa="unit-reports">
        <h2 id="unit-reports-title">Sprawozdania przypisane na ten rok</h2>
        {p.reports.length === 0 ? (
          <p>Brak przypisanych sprawozdań.</p>
        ) : (
          <ul>
            {p.reports.map((r) => (
              <li>
                <a href={reportPath(r.id)} safe>
                  {r.form}
                </a>
                <span
                  safe
                >{` — ${REPORT_STATUS_LABELS[r.status]}, ${ORIGIN_LABELS[r.origin] ?? r.origin}${r.cancelledAt ? '; obowiązek zdjęty' : keptDespiteNo(r.form) ? '; pozostawione mimo odpowiedzi „Nie” (jednostka już je wypełnia lub wysłała)' : ''}`}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {p.mayCorrect && p.questions.length ? (
        <section class="card" aria-labelledby="correct-title" data-qa="survey-correct">
          <h2 id="correct-title">Korekta obowiązków</h2>
          <p>
            Zmiana odpowiedzi na „Tak” przypisuje jednostce sprawozdanie; zmiana na „Nie” zdejmuje obowiązek, jeśli jednostka nie zaczęła go jeszcze wypełniać
            (sprawozdanie już wypełniane lub wysłane pozostaje).
          </p>
          <form method="post" action={unitYearPath(p.unit.id, p.year)} novalidate>
            <CsrfField token={p.frame.csrf} />
            {p.questions.map((q) => (
              <YesNoQuestion q={q} value={p.values[q.code]} error={p.errors?.[q.code]} />
            ))}
            <TextArea
              name="uzasadnienie"
              label="Uzasadnienie korekty"
              required
              rows={3}
              maxlength={500}
              value={p.values.uzasadnienie ?? ''}
              errors={p.errors ?? {}}
              hint="Np. jednostka nie udzielała świadczeń ambulatoryjnych od stycznia (pismo z dnia …)."
            />
            <button class="button" type="submit" data-qa="survey-correct-save">
              Zapisz korektę obowiązków
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </SignedInLayout>
  );
}
