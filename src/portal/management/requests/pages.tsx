import type { PropsWithChildren } from '@kitajs/html';
import type { QueueRow } from '../../../db/repositories/request-queue.ts';
import type { BulkResult } from './service.ts';
import type { FormError, FormErrors } from '../../../lib/forms.ts';
import { formatDatePl, formatDateTimePl } from '../../../lib/text.ts';
import { isRequestStatus, REQUEST_STATUS_DISPLAY, REQUEST_STATUS_LABELS } from '../../../domain/status.ts';
import { ErrorSummary } from '../../../views/components/ErrorSummary.tsx';
import { summaryOf } from '../../../lib/input.ts';
import { Checkbox, CsrfField, SelectField, TextArea, TextField } from '../../../views/components/Field.tsx';
import { Notice } from '../../../views/components/Notice/Notice.tsx';
import { Pagination, PaginationSummary, type PagingProps } from '../../../views/components/Pagination/Pagination.tsx';
import { SummaryList } from '../../../views/components/SummaryList/SummaryList.tsx';
import { SignedInLayout, type SignedInFrame } from '../../../views/layouts/SignedInLayout.tsx';
import { managementMessages as m } from './messages.ts';
import { PAGE_SIZES, type QueueQueryT } from './schema.ts';
import type { PeselShown } from '../../auth/pesel-view.ts';
import { daysWaiting } from './service.ts';

export const QUEUE_PATH = '/zarzadzanie/wnioski';
export const BULK_PATH = '/zarzadzanie/wnioski/zatwierdz-zaznaczone';

const crumbsRoot = [
  { href: '/start', label: 'Strona główna' },
  { href: '/zarzadzanie', label: m.module },
  { href: QUEUE_PATH, label: m.queueTitle },
];

function statusText(s: string): string {
  return isRequestStatus(s) ? REQUEST_STATUS_DISPLAY[s] : s;
}

/** The query of the list as it is now, without defaults, for links and the paging form. */
export function queueQueryPairs(q: QueueQueryT): [string, string][] {
  const out: [string, string][] = [];
  if (q.status !== 'oczekujacy') out.push(['status', q.status]);
  if (q.rola) out.push(['rola', q.rola]);
  if (q.od.value) out.push(['od', q.od.value]);
  if (q.do.value) out.push(['do', q.do.value]);
  if (q.podpis) out.push(['podpis', q.podpis]);
  if (q.dluzej.value !== null) out.push(['dluzej', String(q.dluzej.value)]);
  if (q.rodzaj) out.push(['rodzaj', q.rodzaj]);
  if (q.woj) out.push(['woj', q.woj]);
  if (q.eskalowane) out.push(['eskalowane', q.eskalowane]);
  if (q.sort !== 'najstarsze') out.push(['sort', q.sort]);
  if (q.ile !== '25') out.push(['ile', q.ile]);
  if (q.strona > 1) out.push(['strona', String(q.strona)]);
  return out;
}

function SignedCell({ row }: { row: QueueRow }): JSX.Element {
  const text = row.safeFile ? m.signedFile : row.postal ? m.signedPost : m.signedMissing;
  return <span>{text}</span>;
}

export type QueueViewRow = QueueRow & { dueAt: Date | null; overdue: boolean; selectable: boolean };

/** "Termin decyzji" of a pending request, with the "eskalowany" badge once it has passed. */
function DueCell({ row }: { row: QueueViewRow }): JSX.Element {
  if (!row.dueAt) return <span>—</span>;
  return (
    <>
      <span safe>{formatDatePl(row.dueAt)}</span>
      {row.overdue ? (
        <>
          {' '}
          <span class="badge badge--error" data-qa="escalated" title={m.escalatedHint}>
            {m.escalated}
          </span>
        </>
      ) : (
        ''
      )}
    </>
  );
}

/** The queue's table inside the "Zatwierdź zaznaczone" form when the verifier may approve several at once. */
function BulkForm(p: PropsWithChildren<{ on: boolean; csrf: string }>): JSX.Element {
  // the children are the table rendered here (each dynamic text escaped where it is written)
  const safeTable = p.children ?? '';
  if (!p.on) return <>{safeTable}</>;
  return (
    <form method="post" action={BULK_PATH} novalidate data-module="prevent-double-submit" data-qa="bulk-form">
      <CsrfField token={p.csrf} />
      {safeTable}
    </form>
  );
}

/** "Wnioski o role": the verifier's queue with filters, sorting and paging in the URL, and "Zatwierdź zaznaczone". */
export function QueuePage(p: {
  frame: SignedInFrame;
  q: QueueQueryT;
  rows: QueueViewRow[];
  total: number;
  waiting: number;
  scopeText: string;
  roleOptions: { code: string; name: string }[];
  kindOptions: { code: string; name: string }[];
  voivodeshipOptions: { code: string; name: string }[];
  canBulk: boolean;
  now: Date;
}): JSX.Element {
  const bulk = p.canBulk && p.rows.some((r) => r.selectable);
  const size = Number(p.q.ile);
  const pageCount = Math.max(1, Math.ceil(p.total / size));
  const paging: PagingProps = {
    path: QUEUE_PATH,
    query: queueQueryPairs(p.q),
    pageParam: 'strona',
    sizeParam: 'ile',
    page: Math.min(p.q.strona, pageCount),
    pageCount,
    total: p.total,
    pageSize: size,
    pageSizes: PAGE_SIZES,
    anchor: 'lista',
    label: m.pages,
    sizeId: 'f-ile',
    totalQa: 'queue-total',
  };
  // filters that could not be read: ignored by the list, said beside the field and in the summary
  const filterErrors: Record<string, string> = {};
  for (const [name, f] of [
    ['od', p.q.od],
    ['do', p.q.do],
    ['dluzej', p.q.dluzej],
  ] as const)
    if (f.error) filterErrors[name] = f.error;
  return (
    <SignedInLayout
      title={m.queueTitle}
      frame={p.frame}
      hasErrors={Object.keys(filterErrors).length > 0}
      breadcrumbs={[...crumbsRoot.slice(0, 2), { label: m.queueTitle }]}
    >
      <ErrorSummary errors={summaryOf(filterErrors, ['od', 'do', 'dluzej'])} title={m.filterErrorsTitle} />
      <p class="muted">{m.module}</p>
      <h1 data-qa="page-management-queue">{m.queueTitle}</h1>
      <p class="lead" safe>
        {p.scopeText}
      </p>
      <p data-qa="queue-waiting">
        {m.waitingCount}: <strong safe>{String(p.waiting)}</strong>
      </p>
      <form method="get" action={QUEUE_PATH} class="search-form filter-grid" role="search" aria-label={m.filters}>
        <SelectField
          name="status"
          label={m.status}
          value={p.q.status}
          options={[
            ['oczekujacy', REQUEST_STATUS_DISPLAY.oczekujacy],
            ['zatwierdzony', REQUEST_STATUS_DISPLAY.zatwierdzony],
            ['odrzucony', REQUEST_STATUS_DISPLAY.odrzucony],
            ['zarchiwizowany', REQUEST_STATUS_DISPLAY.zarchiwizowany],
            ['wszystkie', m.statusAll],
          ]}
        />
        <SelectField name="rola" label={m.role} value={p.q.rola} options={[['', m.roleAll], ...p.roleOptions.map((r) => [r.code, r.name] as const)]} />
        <TextField name="od" label={m.from} value={p.q.od.typed} hint={m.dateHint} maxlength={20} errors={filterErrors} />
        <TextField name="do" label={m.to} value={p.q.do.typed} hint={m.dateHint} maxlength={20} errors={filterErrors} />
        <SelectField
          name="podpis"
          label={m.signed}
          value={p.q.podpis}
          options={[
            ['', m.signedAny],
            ['plik', m.signedFile],
            ['poczta', m.signedPost],
            ['brak', m.signedMissing],
          ]}
        />
        <TextField name="dluzej" label={m.olderThan} value={p.q.dluzej.typed} inputmode="numeric" maxlength={10} errors={filterErrors} />
        <SelectField
          name="rodzaj"
          label={m.kindFilter}
          value={p.q.rodzaj}
          options={[['', m.kindAll], ...p.kindOptions.map((k) => [k.code, k.name] as const)]}
        />
        <SelectField
          name="woj"
          label={m.voivodeshipFilter}
          value={p.q.woj}
          options={[['', m.voivodeshipAll], ...p.voivodeshipOptions.map((v) => [v.code, v.name] as const)]}
        />
        <Checkbox name="eskalowane" label={m.escalatedOnly} checked={p.q.eskalowane === 'tak'} />
        <SelectField
          name="sort"
          label={m.sort}
          value={p.q.sort}
          options={[
            ['najstarsze', m.sortOldest],
            ['najnowsze', m.sortNewest],
            ['numer', m.sortNumber],
            ['jednostka', m.sortUnit],
          ]}
        />
        {p.q.ile !== '25' ? <input type="hidden" name="ile" value={p.q.ile} /> : ''}
        <div class="button-group">
          <button class="button" type="submit">
            {m.apply}
          </button>
          <a class="button button--secondary" href={QUEUE_PATH}>
            {m.clear}
          </a>
        </div>
      </form>
      <section id="lista" aria-labelledby="queue-list-title" data-qa="queue">
        <h2 id="queue-list-title">{m.queueTitle}</h2>
        <PaginationSummary {...paging} />
        {p.rows.length === 0 ? (
          <p data-qa="queue-empty">{m.none}</p>
        ) : (
          <BulkForm on={bulk} csrf={p.frame.csrf}>
            <div class="table-scroll" role="region" aria-label={m.tableRegion} tabindex="0">
              <table class="table" data-qa="queue-table">
                <caption class="visually-hidden">{m.queueTitle}</caption>
                <thead>
                  <tr>
                    {bulk ? <th scope="col">{m.select}</th> : ''}
                    <th scope="col">{m.number}</th>
                    <th scope="col">{m.applicant}</th>
                    <th scope="col">{m.unit}</th>
                    <th scope="col">{m.role}</th>
                    <th scope="col">{m.status}</th>
                    <th scope="col">{m.submitted}</th>
                    <th scope="col">{m.waited}</th>
                    <th scope="col">{m.due}</th>
                    <th scope="col">{m.signed}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.rows.map((r) => (
                    <tr data-qa={`queue-row-${r.number}`}>
                      {bulk ? (
                        <td data-label={m.select}>
                          {r.selectable ? (
                            <>
                              <input class="checkbox__input" type="checkbox" id={`bulk-${r.id}`} name="wniosek" value={r.id} data-qa="bulk-select" />
                              <label class="checkbox__label" for={`bulk-${r.id}`}>
                                <span class="visually-hidden" safe>
                                  {m.selectOne(r.number)}
                                </span>
                              </label>
                            </>
                          ) : (
                            <span class="visually-hidden">{m.notSelectable}</span>
                          )}
                        </td>
                      ) : (
                        ''
                      )}
                      <td data-label={m.number}>
                        <a href={`${QUEUE_PATH}/${r.id}`} safe>
                          {r.number}
                        </a>
                      </td>
                      <td data-label={m.applicant} safe>
                        {r.applicant}
                      </td>
                      <td data-label={m.unit} safe>
                        {`${r.unitName} (${r.kindCode}${r.voivodeship ? `, ${r.voivodeship}` : ''})`}
                      </td>
                      <td data-label={m.role} safe>
                        {r.roleName}
                      </td>
                      <td data-label={m.status} safe>
                        {statusText(r.status)}
                      </td>
                      <td data-label={m.submitted} safe>
                        {formatDatePl(r.submittedAt)}
                      </td>
                      <td data-label={m.waited}>{r.status === 'oczekujacy' ? m.days(daysWaiting(r.submittedAt, p.now)) : '—'}</td>
                      <td data-label={m.due}>
                        <DueCell row={r} />
                      </td>
                      <td data-label={m.signed}>
                        <SignedCell row={r} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {bulk ? (
              <div class="button-group" data-qa="bulk">
                <p class="field__hint">{m.bulkHint}</p>
                <button class="button" type="submit" data-qa="bulk-approve">
                  {m.bulkApprove}
                </button>
              </div>
            ) : (
              ''
            )}
          </BulkForm>
        )}
        <Pagination {...paging} />
      </section>
    </SignedInLayout>
  );
}

export interface DetailView {
  request: {
    id: string;
    number: string;
    status: string;
    submittedAt: Date;
    rejectReason: string | null;
    reminderOptOut: boolean;
    signedCopyConfirmedAt: Date | null;
  };
  user: { firstName: string; lastName: string; login: string | null };
  /** masked, or in full for Administrator CeZ */
  pesel: PeselShown;
  profile: { phone: string; email: string };
  unit: {
    name: string;
    kindCode: string;
    nip: string | null;
    regon: string | null;
    voivodeship: string | null;
    postalCode: string | null;
    locality: string | null;
    street: string | null;
    buildingNo: string | null;
  };
  kindName: string;
  role: { name: string; description: string };
  permissions: { code: string; name: string; description: string }[];
  verifier: { name: string } | null;
  cezName: string;
  fallbackFrom: string | null;
  files: { id: string; originalName: string; sizeBytes: number }[];
  history: { from: string | null; to: string; reason: string | null; at: Date; firstName: string | null; lastName: string | null }[];
  waitedDays: number | null;
  dueAt: Date | null;
  overdue: boolean;
  staleDays: number;
  canArchive: boolean;
  confirmedBy: string | null;
  canDecide: boolean;
  own: boolean;
  readOnly: boolean;
}

function who(h: { firstName: string | null; lastName: string | null }): string {
  return h.firstName ? `${h.firstName} ${h.lastName ?? ''}` : m.system;
}

function address(u: DetailView['unit']): string {
  const street = [u.street, u.buildingNo].filter(Boolean).join(' ');
  const place = [u.postalCode, u.locality].filter(Boolean).join(' ');
  return [street, place].filter(Boolean).join(', ');
}

function kib(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** One request as a verifier sees it, with "Zatwierdź" and "Odrzuć" when they may decide. */
export function DetailPage(p: {
  frame: SignedInFrame;
  d: DetailView;
  notice?: { tone: 'success' | 'error'; text: string } | undefined;
  values?: { potwierdzenie: boolean; powod: string; powodArchiwizacji?: string };
  summary?: FormError[];
  errors?: FormErrors;
}): JSX.Element {
  const d = p.d;
  const base = `${QUEUE_PATH}/${d.request.id}`;
  const title = m.detailTitle(d.request.number);
  return (
    <SignedInLayout title={title} frame={p.frame} hasErrors={!!p.summary?.length} breadcrumbs={[...crumbsRoot, { label: title }]}>
      <ErrorSummary errors={p.summary ?? []} />
      {p.notice ? <Notice tone={p.notice.tone} qa="decision-notice" text={p.notice.text} /> : ''}
      <p class="muted" safe>{`${m.module}: ${m.queueTitle}`}</p>
      <h1 data-qa="page-management-request" safe>
        {title}
      </h1>
      <SummaryList
        qa="request-summary"
        rows={[
          { label: m.status, value: statusText(d.request.status) },
          { label: m.submitted, value: formatDatePl(d.request.submittedAt) },
          ...(d.waitedDays !== null ? [{ label: m.waited, value: m.days(d.waitedDays) }] : []),
          ...(d.dueAt ? [{ label: m.due, value: `${formatDatePl(d.dueAt)}${d.overdue ? ` (${m.escalated})` : ''}` }] : []),
          ...(d.request.rejectReason ? [{ label: m.reason, value: d.request.rejectReason }] : []),
          { label: m.verifier, value: d.verifier?.name ?? '' },
        ]}
      />
      {d.waitedDays !== null ? (
        <p data-qa="waited" safe>
          {m.waitedFor(d.waitedDays)}
        </p>
      ) : (
        ''
      )}
      {d.overdue && d.dueAt ? <Notice tone="error" qa="overdue" text={m.overdueNotice(formatDatePl(d.dueAt))} /> : ''}
      {d.fallbackFrom ? <Notice tone="info" qa="routing-fallback" text={m.fallback(d.fallbackFrom, d.cezName)} /> : ''}

      <h2>{m.applicantData}</h2>
      <SummaryList
        qa="applicant"
        rows={[
          { label: m.firstLast, value: `${d.user.firstName} ${d.user.lastName}` },
          { label: m.login, value: d.user.login },
          { label: m.pesel, value: d.pesel.value ?? m.peselNone },
          { label: m.phone, value: d.profile.phone },
          { label: m.email, value: d.profile.email },
        ]}
      />
      {d.pesel.full ? (
        <p class="muted" data-qa="pesel-full">
          {m.peselFull}
        </p>
      ) : d.pesel.unreadable ? (
        <p class="muted" data-qa="pesel-unreadable">
          {m.peselUnreadable}
        </p>
      ) : (
        ''
      )}

      <h2>{m.unitData}</h2>
      <SummaryList
        qa="unit"
        rows={[
          { label: m.unitName, value: d.unit.name },
          { label: m.kind, value: `${d.unit.kindCode} — ${d.kindName}` },
          { label: m.nip, value: d.unit.nip },
          { label: m.regon, value: d.unit.regon },
          { label: m.voivodeship, value: d.unit.voivodeship },
          { label: m.address, value: address(d.unit) },
        ]}
      />

      <h2>{m.roleData}</h2>
      <p>
        <strong safe>{d.role.name}</strong>
      </p>
      <p safe>{d.role.description}</p>
      <h3>{m.permissions}</h3>
      <dl class="kv summary-list" data-qa="role-permissions">
        {d.permissions.map((x) => (
          <div>
            <dt safe>{x.name}</dt>
            <dd safe>{x.description}</dd>
          </div>
        ))}
      </dl>

      <h2>{m.documents}</h2>
      <p>
        <a href={`${base}/pdf`} data-qa="request-pdf">
          {m.pdf}
        </a>
      </p>
      <h3>{m.safeFiles}</h3>
      {d.files.length ? (
        <ul data-qa="safe-files">
          {d.files.map((f) => (
            <li>
              <a href={`${base}/pliki/${f.id}`} safe>
                {f.originalName}
              </a>{' '}
              <span class="muted" safe>{`(${kib(f.sizeBytes)})`}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p data-qa="no-safe-file">{m.noSafeFile}</p>
      )}
      {d.request.reminderOptOut ? <p data-qa="postal">{m.postal}</p> : ''}
      {d.request.signedCopyConfirmedAt ? (
        <p data-qa="copy-confirmed" safe>
          {m.confirmed(formatDateTimePl(d.request.signedCopyConfirmedAt), d.confirmedBy ?? '')}
        </p>
      ) : (
        ''
      )}

      <h2>{m.history}</h2>
      <table class="table" data-qa="status-history">
        <caption class="visually-hidden">{m.history}</caption>
        <thead>
          <tr>
            <th scope="col">{m.historyWhen}</th>
            <th scope="col">{m.historyStatus}</th>
            <th scope="col">{m.historyWho}</th>
            <th scope="col">{m.historyReason}</th>
          </tr>
        </thead>
        <tbody>
          {d.history.map((h) => (
            <tr>
              <td data-label={m.historyWhen} safe>
                {formatDateTimePl(h.at)}
              </td>
              <td data-label={m.historyStatus} safe>
                {isRequestStatus(h.to) ? REQUEST_STATUS_LABELS[h.to] : h.to}
              </td>
              <td data-label={m.historyWho} safe>
                {who(h)}
              </td>
              <td data-label={m.historyReason} safe>
                {h.reason ?? '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{m.decision}</h2>
      {d.own ? (
        <Notice tone="info" qa="own-request" text={m.ownRequest} />
      ) : d.readOnly ? (
        <Notice tone="info" qa="read-only" text={m.readOnly} />
      ) : !d.canDecide ? (
        <p data-qa="not-pending">{m.notPending}</p>
      ) : (
        <div class="card-grid" data-qa="decision">
          <section class="card" aria-labelledby="approve-title">
            <h3 id="approve-title">{m.approve}</h3>
            <form method="post" action={`${base}/zatwierdz`} novalidate data-module="prevent-double-submit">
              <CsrfField token={p.frame.csrf} />
              {d.files.length ? (
                ''
              ) : (
                <Checkbox name="potwierdzenie" label={m.confirmCopy} hint={m.confirmCopyHint} checked={p.values?.potwierdzenie ?? false} errors={p.errors} />
              )}
              <button class="button" type="submit" data-qa="approve">
                {m.approve}
              </button>
            </form>
          </section>
          <section class="card" aria-labelledby="reject-title">
            <h3 id="reject-title">{m.reject}</h3>
            <form method="post" action={`${base}/odrzuc`} novalidate data-module="prevent-double-submit">
              <CsrfField token={p.frame.csrf} />
              <TextArea name="powod" label={m.reason} hint={m.reasonHint} required rows={4} maxlength={1000} value={p.values?.powod ?? ''} errors={p.errors} />
              <button class="button button--warning" type="submit" data-qa="reject">
                {m.reject}
              </button>
            </form>
          </section>
        </div>
      )}
      {d.canArchive ? (
        <section class="card" aria-labelledby="archive-title" data-qa="archive">
          <h3 id="archive-title">{m.archive}</h3>
          <p safe>{m.archiveLead(d.staleDays)}</p>
          <form method="post" action={`${base}/archiwizuj`} novalidate data-module="prevent-double-submit">
            <CsrfField token={p.frame.csrf} />
            <TextArea
              name="powodArchiwizacji"
              label={m.archiveReason}
              hint={m.archiveReasonHint}
              rows={3}
              maxlength={1000}
              value={p.values?.powodArchiwizacji ?? ''}
              errors={p.errors}
            />
            <button class="button button--secondary" type="submit" data-qa="archive-submit">
              {m.archive}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
      <p>
        <a href={QUEUE_PATH}>{m.back}</a>
      </p>
    </SignedInLayout>
  );
}

/** The outcome of "Zatwierdź zaznaczone": what was approved, and each request that was not, with why. */
export function BulkResultPage(p: { frame: SignedInFrame; result: BulkResult | null }): JSX.Element {
  const r = p.result;
  return (
    <SignedInLayout title={m.bulkTitle} frame={p.frame} breadcrumbs={[...crumbsRoot, { label: m.bulkTitle }]}>
      <p class="muted" safe>{`${m.module}: ${m.queueTitle}`}</p>
      <h1 data-qa="page-bulk-result">{m.bulkTitle}</h1>
      {!r ? (
        <Notice tone="error" qa="bulk-none" text={m.bulkNone} />
      ) : (
        <>
          <Notice tone={r.approved.length ? 'success' : 'info'} qa="bulk-approved" text={m.bulkApproved(r.approved.length)} />
          {r.approved.length ? (
            <ul data-qa="bulk-approved-list">
              {r.approved.map((a) => (
                <li>
                  <a href={`${QUEUE_PATH}/${a.id}`} safe>
                    {a.number}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            ''
          )}
          {r.refused.length ? (
            <>
              <h2>{m.bulkRefused}</h2>
              <ul data-qa="bulk-refused">
                {r.refused.map((x) => (
                  <li data-qa={`bulk-refused-${x.reason}`}>
                    {x.number ? (
                      <a href={`${QUEUE_PATH}/${x.id}`} safe>
                        {x.number}
                      </a>
                    ) : (
                      <span>{m.bulkUnknown}</span>
                    )}
                    {': '}
                    <span>{m.bulkReasons[x.reason]}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
        </>
      )}
      <p>
        <a href={QUEUE_PATH}>{m.back}</a>
      </p>
    </SignedInLayout>
  );
}
