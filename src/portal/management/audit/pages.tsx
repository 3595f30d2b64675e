import type { AuditRow } from '../../../db/repositories/audit-log.ts';
import { formatDateTimePl, plCollator } from '../../../lib/text.ts';
import { SelectField, TextField } from '../../../views/components/Field.tsx';
import { Pagination, PaginationSummary, type PagingProps } from '../../../views/components/Pagination/Pagination.tsx';
import { SignedInLayout, type SignedInFrame } from '../../../views/layouts/SignedInLayout.tsx';
import { ACTION_GROUPS, ACTION_LABELS, actionLabel, auditMessages as m, SUBJECT_TYPE_LABELS } from './messages.ts';
import { auditFilterPairs, PAGE_SIZES, type AuditQueryT } from './schema.ts';
import { AUDIT_CSV_MAX_ROWS, detailsText, outcomeText, sourceText } from './service.ts';

export const AUDIT_PATH = '/zarzadzanie/dziennik';
export const AUDIT_CSV_PATH = '/zarzadzanie/dziennik.csv';

function actionOptions(current: string): [string, string][] {
  const known: [string, string][] = [...Object.entries(ACTION_GROUPS), ...Object.entries(ACTION_LABELS).sort(([, a], [, b]) => plCollator.compare(a, b))];
  // an action written by a newer part of the system than this catalogue can still be filtered by its code
  if (current && !known.some(([v]) => v === current)) known.unshift([current, current]);
  return [['', m.actionAll], ...known];
}

function Person({ r }: { r: AuditRow }): JSX.Element {
  if (!r.personName && !r.personLogin) return <span class="muted">{m.system}</span>;
  return (
    <span>
      <span safe>{r.personName ?? ''}</span>
      {r.personLogin ? (
        <>
          {r.personName ? <br /> : ''}
          <span class="muted" safe>
            {r.personLogin}
          </span>
        </>
      ) : (
        ''
      )}
    </span>
  );
}

/** "Dziennik zdarzeń": filters in a GET form, the entries newest first, paging, the CSV link with the same filters. */
export function AuditPage(p: { frame: SignedInFrame; q: AuditQueryT; rows: AuditRow[]; total: number; scopeText: string }): JSX.Element {
  const size = Number(p.q.ile);
  const pageCount = Math.max(1, Math.ceil(p.total / size));
  const filters = auditFilterPairs(p.q);
  const paging: PagingProps = {
    path: AUDIT_PATH,
    query: [
      ...filters,
      ...(p.q.ile !== '50' ? [['ile', p.q.ile] as [string, string]] : []),
      ...(p.q.strona > 1 ? [['strona', String(p.q.strona)] as [string, string]] : []),
    ],
    pageParam: 'strona',
    sizeParam: 'ile',
    page: Math.min(p.q.strona, pageCount),
    pageCount,
    total: p.total,
    pageSize: size,
    pageSizes: PAGE_SIZES,
    anchor: 'zdarzenia',
    label: m.pages,
    sizeId: 'f-ile',
    totalQa: 'audit-total',
  };
  const csvHref = `${AUDIT_CSV_PATH}${filters.length ? `?${new URLSearchParams(filters).toString()}` : ''}`;
  return (
    <SignedInLayout
      title={m.title}
      frame={p.frame}
      breadcrumbs={[{ href: '/start', label: 'Strona główna' }, { href: '/zarzadzanie', label: m.module }, { label: m.title }]}
    >
      <p class="muted">{m.module}</p>
      <h1 data-qa="page-management-audit">{m.title}</h1>
      <p class="lead" safe>
        {p.scopeText}
      </p>
      <p class="muted">{m.appendOnly}</p>
      <form method="get" action={AUDIT_PATH} class="search-form" role="search" aria-label={m.filters}>
        <TextField name="osoba" label={m.person} hint={m.personHint} value={p.q.osoba} maxlength={100} />
        <SelectField name="akcja" label={m.action} value={p.q.akcja} options={actionOptions(p.q.akcja)} />
        <SelectField
          name="zrodlo"
          label={m.source}
          value={p.q.zrodlo}
          options={[
            ['', m.sourceAll],
            ['portal', m.sourcePortal],
            ['ueoz', m.sourceUeoz],
          ]}
        />
        <SelectField
          name="wynik"
          label={m.outcome}
          value={p.q.wynik}
          options={[
            ['', m.outcomeAll],
            ['success', m.outcomeSuccess],
            ['failure', m.outcomeFailure],
          ]}
        />
        <SelectField name="typ" label={m.subjectType} value={p.q.typ} options={[['', m.subjectTypeAll], ...Object.entries(SUBJECT_TYPE_LABELS)]} />
        <TextField name="obiekt" label={m.subjectId} hint={m.subjectIdHint} value={p.q.obiekt} maxlength={100} />
        <TextField name="jednostka" label={m.unit} hint={m.unitHint} value={p.q.jednostka} maxlength={100} />
        <TextField name="od" label={m.from} hint={m.dateHint} value={p.q.od} maxlength={16} />
        <TextField name="do" label={m.to} hint={m.dateHint} value={p.q.do} maxlength={16} />
        {p.q.ile !== '50' ? <input type="hidden" name="ile" value={p.q.ile} /> : ''}
        <div class="button-group">
          <button class="button" type="submit">
            {m.apply}
          </button>
          <a class="button button--secondary" href={AUDIT_PATH}>
            {m.clear}
          </a>
        </div>
      </form>
      <p>
        <a class="button button--secondary" href={csvHref} data-qa="audit-csv">
          {m.csv}
        </a>
        <span class="muted" safe>
          {` ${m.csvHint(AUDIT_CSV_MAX_ROWS)}`}
        </span>
      </p>
      <section id="zdarzenia" aria-labelledby="audit-list-title" data-qa="audit">
        <h2 id="audit-list-title">{m.list}</h2>
        <PaginationSummary {...paging} />
        {p.rows.length === 0 ? (
          <p data-qa="audit-empty">{m.none}</p>
        ) : (
          <table class="table" data-qa="audit-table">
            <caption class="visually-hidden">{m.list}</caption>
            <thead>
              <tr>
                <th scope="col">{m.when}</th>
                <th scope="col">{m.who}</th>
                <th scope="col">{m.what}</th>
                <th scope="col">{m.object}</th>
                <th scope="col">{m.result}</th>
                <th scope="col">{m.ip}</th>
                <th scope="col">{m.details}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr data-qa="audit-row">
                  <td data-label={m.when}>
                    <span safe>{formatDateTimePl(r.occurredAt)}</span>
                    <br />
                    <span class="muted" safe>
                      {`${sourceText(r.source)}${r.seq !== null ? `, nr ${r.seq}` : ''}`}
                    </span>
                  </td>
                  <td data-label={m.who}>
                    <Person r={r} />
                  </td>
                  <td data-label={m.what}>
                    <span safe>{actionLabel(r.action)}</span>
                    <br />
                    <code class="muted" safe>
                      {r.action}
                    </code>
                  </td>
                  <td data-label={m.object}>
                    {r.subjectType ? (
                      <>
                        <span safe>{SUBJECT_TYPE_LABELS[r.subjectType] ?? r.subjectType}</span>
                        <br />
                        <code class="muted" safe>
                          {r.subjectId ?? ''}
                        </code>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td data-label={m.result} safe>
                    {outcomeText(r.outcome)}
                  </td>
                  <td data-label={m.ip} safe>
                    {r.ip ?? '—'}
                  </td>
                  <td data-label={m.details} class="audit-details" safe>
                    {detailsText(r.details)}
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
