import type { FormError, FormErrors } from '../../../lib/forms.ts';
import { formatDateTimePl } from '../../../lib/text.ts';
import { formatDeadlineDate } from '../../../domain/reporting/deadlines.ts';
import { DEADLINE_LEVEL_LABELS, DEADLINE_LEVELS, type DeadlineLevel } from '../../../domain/reporting/lifecycle.ts';
import { ErrorSummary } from '../../../views/components/ErrorSummary.tsx';
import { CsrfField, SelectField, TextArea, TextField } from '../../../views/components/Field.tsx';
import { Notice } from '../../../views/components/Notice/Notice.tsx';
import { SummaryList } from '../../../views/components/SummaryList/SummaryList.tsx';
import { SignedInLayout, type SignedInFrame } from '../../../views/layouts/SignedInLayout.tsx';
import { deadlineMessages as m } from './messages.ts';
import type { LevelDeadline, ScheduleRow } from './service.ts';
import { scheduleStamp } from '../../../domain/reporting/deadlines.ts';

export const DEADLINES_PATH = '/zarzadzanie/terminy';
export const schedulePath = (form: string, year: number): string => `${DEADLINES_PATH}/${encodeURIComponent(form)}/${year}`;

const crumbs = [
  { href: '/start', label: 'Strona główna' },
  { href: '/zarzadzanie', label: m.module },
];

function editedText(d: LevelDeadline): string {
  return d.editedAt ? m.editedBy(formatDateTimePl(d.editedAt), d.editedBy ?? m.unknownUser) : '';
}

function DeadlineCell(p: { level: DeadlineLevel; d: LevelDeadline | undefined }): JSX.Element {
  if (!p.d) {
    return (
      <td data-label={DEADLINE_LEVEL_LABELS[p.level]}>
        <span aria-hidden="true">{m.noDeadline}</span>
        <span class="visually-hidden">{m.noDeadlineHidden}</span>
      </td>
    );
  }
  const edited = editedText(p.d);
  return (
    <td data-label={DEADLINE_LEVEL_LABELS[p.level]} data-qa={`deadline-${p.level}`}>
      <span safe>{formatDeadlineDate(p.d.dueOn)}</span>
      {edited ? (
        <>
          <br />
          <span class="muted" safe>
            {edited}
          </span>
        </>
      ) : (
        ''
      )}
    </td>
  );
}

/** "Terminy sprawozdań": every form × reporting year with its deadline at each level. */
export function DeadlineListPage(p: {
  frame: SignedInFrame;
  rows: readonly ScheduleRow[];
  forms: readonly (readonly [string, string])[];
  years: readonly number[];
  q: { formularz: string; rok: string };
  notice?: string | undefined;
}): JSX.Element {
  return (
    <SignedInLayout title={m.title} frame={p.frame} breadcrumbs={[...crumbs, { label: m.title }]}>
      {p.notice ? <Notice tone="success" qa="deadline-notice" text={p.notice} /> : ''}
      <p class="muted">{m.module}</p>
      <h1 data-qa="page-deadlines">{m.title}</h1>
      <p class="lead">{m.lead}</p>
      <form method="get" action={DEADLINES_PATH} class="search-form" role="search" aria-label={m.filters} data-qa="deadline-filters">
        <SelectField
          name="formularz"
          label={m.filterForm}
          value={p.q.formularz}
          options={[['', m.all], ...p.forms.map(([code, title]) => [code, `${code} – ${title}`] as const)]}
        />
        <SelectField name="rok" label={m.filterYear} value={p.q.rok} options={[['', m.all], ...p.years.map((y) => [String(y), String(y)] as const)]} />
        <div class="button-group">
          <button class="button" type="submit">
            {m.apply}
          </button>
          <a class="button button--secondary" href={DEADLINES_PATH}>
            {m.clear}
          </a>
        </div>
      </form>
      {p.rows.length === 0 ? (
        <p data-qa="deadlines-empty">{m.none}</p>
      ) : (
        <table class="table" data-qa="deadlines-table">
          <caption class="visually-hidden">{m.title}</caption>
          <thead>
            <tr>
              <th scope="col">{m.colForm}</th>
              <th scope="col">{m.colYear}</th>
              {DEADLINE_LEVELS.map((l) => (
                <th scope="col" safe>
                  {DEADLINE_LEVEL_LABELS[l]}
                </th>
              ))}
              <th scope="col">{m.colActions}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr data-qa={`schedule-${r.form}-${r.year}`}>
                <th scope="row" data-label={m.colForm}>
                  <span safe>{r.form}</span>
                  <br />
                  <span class="muted" safe>
                    {r.title}
                  </span>
                </th>
                <td data-label={m.colYear} safe>
                  {String(r.year)}
                </td>
                {DEADLINE_LEVELS.map((l) => (
                  <DeadlineCell level={l} d={r.levels[l]} />
                ))}
                <td data-label={m.colActions}>
                  <a href={schedulePath(r.form, r.year)} data-qa="schedule-edit">
                    {m.change}
                    <span class="visually-hidden" safe>
                      {m.changeHidden(r.form, r.year)}
                    </span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SignedInLayout>
  );
}

export interface DeadlineValues {
  jednostka: string;
  nadzor: string;
  cez: string;
  zrodlo: string;
}

/** The form's values from the schedule as it stands (DD.MM.RRRR; the source is written anew with each change). */
export function valuesOf(row: ScheduleRow): DeadlineValues {
  const date = (l: DeadlineLevel) => (row.levels[l] ? formatDeadlineDate(row.levels[l].dueOn) : '');
  return { jednostka: date('jednostka'), nadzor: date('nadzor'), cez: date('cez'), zrodlo: '' };
}

/** "Zmień terminy": the three dates of one form and data year and the source of the change. */
export function DeadlineFormPage(p: {
  frame: SignedInFrame;
  row: ScheduleRow;
  values: DeadlineValues;
  summary?: FormError[] | undefined;
  errors?: FormErrors | undefined;
  /** a newer change was found on saving: the current dates above, the typed ones kept below */
  conflict?: boolean;
}): JSX.Element {
  const { row } = p;
  const heading = m.editHeading(row.form, row.year);
  const facts = DEADLINE_LEVELS.map((l) => {
    const d = row.levels[l];
    const edited = d ? editedText(d) : '';
    return {
      label: DEADLINE_LEVEL_LABELS[l],
      value: d ? `${formatDeadlineDate(d.dueOn)}${edited ? ` (${edited})` : ''}${d.source ? `. ${m.currentSource}: ${d.source}` : ''}` : m.noDeadline,
    };
  });
  return (
    <SignedInLayout
      title={`${heading} – ${m.title}`}
      frame={p.frame}
      hasErrors={!!p.summary?.length}
      breadcrumbs={[...crumbs, { href: DEADLINES_PATH, label: m.title }, { label: heading }]}
    >
      <ErrorSummary errors={p.summary ?? []} />
      <p class="muted" safe>{`${m.module}: ${m.title}`}</p>
      <h1 data-qa="page-deadline" safe>
        {heading}
      </h1>
      <p class="lead" safe>
        {row.title}
      </p>
      {p.conflict ? <Notice tone="warning" qa="deadline-conflict" text={m.conflict} /> : ''}
      <h2>{m.current}</h2>
      <SummaryList qa="deadline-current" rows={facts} />
      <h2>{m.editTitle}</h2>
      <form method="post" action={schedulePath(row.form, row.year)} novalidate data-module="prevent-double-submit" data-qa="deadline-form">
        <CsrfField token={p.frame.csrf} />
        <input type="hidden" name="stan" value={scheduleStamp(row.levels)} />
        <TextField
          name="jednostka"
          label={DEADLINE_LEVEL_LABELS.jednostka}
          hint={m.fieldHint(row.year)}
          required
          maxlength={20}
          value={p.values.jednostka}
          errors={p.errors}
        />
        <TextField
          name="nadzor"
          label={DEADLINE_LEVEL_LABELS.nadzor}
          hint={m.fieldHint(row.year)}
          required
          maxlength={20}
          value={p.values.nadzor}
          errors={p.errors}
        />
        <TextField
          name="cez"
          label={`${DEADLINE_LEVEL_LABELS.cez}${m.optional}`}
          hint={m.fieldCezHint(row.year)}
          maxlength={20}
          value={p.values.cez}
          errors={p.errors}
        />
        <TextArea name="zrodlo" label={m.fieldSource} hint={m.fieldSourceHint} required maxlength={500} rows={3} value={p.values.zrodlo} errors={p.errors} />
        <div class="button-group">
          <button class="button" type="submit" data-qa="deadline-save">
            {m.save}
          </button>
          <a class="button button--secondary" href={DEADLINES_PATH}>
            {m.cancel}
          </a>
        </div>
      </form>
      <p>
        <a href={DEADLINES_PATH}>{m.back}</a>
      </p>
    </SignedInLayout>
  );
}
