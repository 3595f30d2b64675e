import type { FormError, FormErrors } from '../../../lib/forms.ts';
import { formatDateTimePl } from '../../../lib/text.ts';
import { ErrorSummary } from '../../../views/components/ErrorSummary.tsx';
import { CsrfField, TextArea, TextField } from '../../../views/components/Field.tsx';
import { Notice } from '../../../views/components/Notice/Notice.tsx';
import { SummaryList } from '../../../views/components/SummaryList/SummaryList.tsx';
import { SignedInLayout, type SignedInFrame } from '../../../views/layouts/SignedInLayout.tsx';
import { announcementMessages as m } from './messages.ts';
import { announcementState, type AnnouncementRow, type AnnouncementState } from './service.ts';

export const ANNOUNCEMENTS_PATH = '/zarzadzanie/komunikaty';
export const NEW_PATH = `${ANNOUNCEMENTS_PATH}/nowy`;

const crumbs = [
  { href: '/start', label: 'Strona główna' },
  { href: '/zarzadzanie', label: m.module },
];

const STATE_LABELS: Record<AnnouncementState, string> = {
  draft: m.statusDraft,
  scheduled: m.statusScheduled,
  current: m.statusCurrent,
  ended: m.statusEnded,
  withdrawn: m.statusWithdrawn,
};

type RoleOption = { code: string; name: string };

function windowText(a: Pick<AnnouncementRow, 'publishedAt' | 'publishedUntil'>): string {
  return `${formatDateTimePl(a.publishedAt)} – ${a.publishedUntil ? formatDateTimePl(a.publishedUntil) : m.withoutEnd}`;
}

function audienceText(codes: readonly string[], options: readonly RoleOption[]): string {
  if (codes.length === 0) return m.audienceAll;
  return codes.map((c) => options.find((o) => o.code === c)?.name ?? c).join(', ');
}

/** "Komunikaty": every announcement with its window, audience and status. */
export function AnnouncementListPage(p: {
  frame: SignedInFrame;
  rows: AnnouncementRow[];
  roleOptions: RoleOption[];
  now: Date;
  notice?: string | undefined;
}): JSX.Element {
  return (
    <SignedInLayout title={m.title} frame={p.frame} breadcrumbs={[...crumbs, { label: m.title }]}>
      {p.notice ? <Notice tone="success" qa="announcement-notice" text={p.notice} /> : ''}
      <p class="muted">{m.module}</p>
      <h1 data-qa="page-announcements">{m.title}</h1>
      <p class="lead">{m.lead}</p>
      <p>
        <a class="button" href={NEW_PATH} data-qa="announcement-add">
          {m.add}
        </a>
      </p>
      {p.rows.length === 0 ? (
        <p data-qa="announcements-empty">{m.none}</p>
      ) : (
        <table class="table" data-qa="announcements-table">
          <caption class="visually-hidden">{m.title}</caption>
          <thead>
            <tr>
              <th scope="col">{m.colTitle}</th>
              <th scope="col">{m.colWindow}</th>
              <th scope="col">{m.colAudience}</th>
              <th scope="col">{m.colStatus}</th>
              <th scope="col">{m.colActions}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((a) => {
              const state = announcementState(a, p.now);
              return (
                <tr data-qa={`announcement-${a.id}`}>
                  <td data-label={m.colTitle} safe>
                    {a.title}
                  </td>
                  <td data-label={m.colWindow} safe>
                    {windowText(a)}
                  </td>
                  <td data-label={m.colAudience} safe>
                    {audienceText(a.audienceRoles, p.roleOptions)}
                  </td>
                  <td data-label={m.colStatus} safe>
                    {STATE_LABELS[state]}
                  </td>
                  <td data-label={m.colActions}>
                    <a href={`${ANNOUNCEMENTS_PATH}/${a.id}`}>
                      {state === 'withdrawn' ? m.show : m.edit}
                      <span class="visually-hidden" safe>{`: ${a.title}`}</span>
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </SignedInLayout>
  );
}

export interface AnnouncementValues {
  klucz?: string;
  tytul: string;
  tresc: string;
  od: string;
  do: string;
  odbiorcy: string;
  role: readonly string[];
}

/** The fields of a new or edited announcement. */
function AnnouncementFields(p: { values: AnnouncementValues; errors?: FormErrors | undefined; roleOptions: readonly RoleOption[] }): JSX.Element {
  const v = p.values;
  const audienceError = p.errors?.odbiorcy;
  const rolesError = p.errors?.role;
  return (
    <>
      <TextField name="tytul" label={m.fieldTitle} required maxlength={200} value={v.tytul} errors={p.errors} />
      <TextArea name="tresc" label={m.fieldBody} required maxlength={4000} rows={6} value={v.tresc} errors={p.errors} />
      <TextField name="od" label={m.fieldFrom} hint={m.fieldFromHint} required maxlength={16} value={v.od} errors={p.errors} />
      <TextField name="do" label={m.fieldUntil} hint={m.fieldUntilHint} maxlength={16} value={v.do} errors={p.errors} />
      <div class={`field${audienceError ? ' field--error' : ''}`}>
        <fieldset class="radios" id="f-odbiorcy" aria-describedby={audienceError ? 'f-odbiorcy-error' : undefined}>
          <legend class="field__label">
            {m.fieldAudience}
            <span aria-hidden="true"> *</span>
          </legend>
          {audienceError ? (
            <p class="field__error" id="f-odbiorcy-error">
              <span class="visually-hidden">Błąd: </span>
              <span safe>{audienceError}</span>
            </p>
          ) : (
            ''
          )}
          <div class="radio">
            <input type="radio" id="f-odbiorcy-wszyscy" name="odbiorcy" value="wszyscy" checked={v.odbiorcy === 'wszyscy'} />
            <label for="f-odbiorcy-wszyscy">{m.audienceAll}</label>
          </div>
          <div class="radio">
            <input type="radio" id="f-odbiorcy-role" name="odbiorcy" value="role" checked={v.odbiorcy === 'role'} />
            <label for="f-odbiorcy-role">{m.audienceRoles}</label>
          </div>
        </fieldset>
      </div>
      <div class={`field${rolesError ? ' field--error' : ''}`}>
        <fieldset id="f-role" aria-describedby={`f-role-hint${rolesError ? ' f-role-error' : ''}`}>
          <legend class="field__label">{m.fieldRoles}</legend>
          <p class="field__hint" id="f-role-hint">
            {m.fieldRolesHint}
          </p>
          {rolesError ? (
            <p class="field__error" id="f-role-error">
              <span class="visually-hidden">Błąd: </span>
              <span safe>{rolesError}</span>
            </p>
          ) : (
            ''
          )}
          {p.roleOptions.map((r) => (
            <div class="field field--checkbox">
              <input class="checkbox__input" type="checkbox" id={`f-role-${r.code}`} name="role" value={r.code} checked={v.role.includes(r.code)} />
              <label class="checkbox__label" for={`f-role-${r.code}`} safe>
                {r.name}
              </label>
            </div>
          ))}
        </fieldset>
      </div>
    </>
  );
}

/** "Nowy komunikat" / "Edycja komunikatu" (and a withdrawn one, read-only). */
export function AnnouncementFormPage(p: {
  frame: SignedInFrame;
  mode: 'new' | 'edit' | 'view';
  id?: string;
  values: AnnouncementValues;
  roleOptions: readonly RoleOption[];
  summary?: FormError[] | undefined;
  errors?: FormErrors | undefined;
  notice?: { tone: 'success' | 'info' | 'error'; text: string } | undefined;
  facts?: { label: string; value: string }[];
}): JSX.Element {
  const title = p.mode === 'new' ? m.newTitle : p.mode === 'edit' ? m.editTitle : m.viewTitle;
  const action = p.mode === 'new' ? NEW_PATH : `${ANNOUNCEMENTS_PATH}/${p.id}`;
  return (
    <SignedInLayout
      title={title}
      frame={p.frame}
      hasErrors={!!p.summary?.length}
      breadcrumbs={[...crumbs, { href: ANNOUNCEMENTS_PATH, label: m.title }, { label: title }]}
    >
      <ErrorSummary errors={p.summary ?? []} />
      {p.notice ? <Notice tone={p.notice.tone} qa="announcement-notice" text={p.notice.text} /> : ''}
      <p class="muted" safe>{`${m.module}: ${m.title}`}</p>
      <h1 data-qa="page-announcement">{title}</h1>
      {p.facts?.length ? <SummaryList qa="announcement-facts" rows={p.facts} /> : ''}
      {p.mode === 'view' ? (
        <SummaryList
          qa="announcement-view"
          rows={[
            { label: m.fieldTitle, value: p.values.tytul },
            { label: m.fieldBody, value: p.values.tresc },
            { label: m.fieldFrom, value: p.values.od },
            { label: m.fieldUntil, value: p.values.do },
            { label: m.colAudience, value: audienceText(p.values.odbiorcy === 'role' ? p.values.role : [], p.roleOptions) },
          ]}
        />
      ) : (
        <form method="post" action={action} novalidate data-module="prevent-double-submit" data-qa="announcement-form">
          <CsrfField token={p.frame.csrf} />
          {p.mode === 'new' ? <input type="hidden" name="klucz" value={p.values.klucz ?? ''} /> : ''}
          <AnnouncementFields values={p.values} errors={p.errors} roleOptions={p.roleOptions} />
          <div class="button-group">
            <button class="button" type="submit" data-qa="announcement-save">
              {p.mode === 'new' ? m.publish : m.save}
            </button>
            <a class="button button--secondary" href={ANNOUNCEMENTS_PATH}>
              {m.cancel}
            </a>
          </div>
        </form>
      )}
      {p.mode === 'edit' ? (
        <section aria-labelledby="withdraw-title" class="card">
          <h2 id="withdraw-title">{m.withdraw}</h2>
          <p>{m.withdrawLead}</p>
          <form method="post" action={`${ANNOUNCEMENTS_PATH}/${p.id}/wycofaj`} data-module="prevent-double-submit">
            <CsrfField token={p.frame.csrf} />
            <button class="button button--warning" type="submit" data-qa="announcement-withdraw">
              {m.withdraw}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
      <p>
        <a href={ANNOUNCEMENTS_PATH}>{m.back}</a>
      </p>
    </SignedInLayout>
  );
}
