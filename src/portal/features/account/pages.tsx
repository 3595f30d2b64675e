import { isProfileStatus, isRequestStatus, PROFILE_STATUS_LABELS, REQUEST_STATUS_DISPLAY } from '../../../domain/status.ts';
import { decisionDueAt, isOverdue } from '../../../domain/decision-deadline.ts';
import { formatDatePl } from '../../../lib/text.ts';
import { CsrfField } from '../../../views/components/Field.tsx';
import { Notice } from '../../../views/components/Notice/Notice.tsx';
import { Pagination, PaginationSummary, type PagingProps } from '../../../views/components/Pagination/Pagination.tsx';
import { SummaryList } from '../../../views/components/SummaryList/SummaryList.tsx';
import { SignedInLayout, type SignedInFrame } from '../../../views/layouts/SignedInLayout.tsx';
import { accountMessages as m } from './messages.ts';
import type {
  AccountAttachment,
  AccountProfile,
  AccountRequest,
  AccountUnit,
  Direction,
  OtherSort,
  Page,
  PendingItem,
  PendingSort,
  UnfinishedItem,
} from './queries.ts';
import { DEFAULT_PARAMS, defaultDirection, PAGE_SIZES, type AccountParams } from './schema.ts';

const PENDING_ANCHOR = 'oczekujace-wnioski';
const OTHER_ANCHOR = 'pozostale-profile';
const UNFINISHED_ANCHOR = 'niezakonczone-wnioski';

/** Non-default parameters as query pairs, in a stable order. */
function queryPairs(p: AccountParams, skip: readonly (keyof AccountParams)[] = []): [string, string][] {
  const out: [string, string][] = [];
  const keys = Object.keys(DEFAULT_PARAMS) as (keyof AccountParams)[];
  for (const k of keys) {
    if (skip.includes(k)) continue;
    const value = p[k];
    const dflt = k === 'kierunek' ? defaultDirection(p.sortOczekujace) : k === 'kierunekPozostale' ? defaultDirection(p.sortPozostale) : DEFAULT_PARAMS[k];
    if (value !== dflt) out.push([k, String(value)]);
  }
  return out;
}

function accountHref(p: AccountParams, patch: Partial<AccountParams>, anchor: string): string {
  const q = new URLSearchParams(queryPairs({ ...p, ...patch })).toString();
  return `/moje-konto${q ? `?${q}` : ''}#${anchor}`;
}

/** Paging of one list of the page; the links keep the other list's sorting and paging. */
function paging(p: AccountParams, list: Page<unknown>, which: 'pending' | 'other'): PagingProps {
  const pending = which === 'pending';
  const pageParam = pending ? 'stronaOczekujace' : 'stronaPozostale';
  const sizeParam = pending ? 'naStronieOczekujace' : 'naStroniePozostale';
  return {
    path: '/moje-konto',
    query: queryPairs(p),
    pageParam,
    sizeParam,
    page: list.page,
    pageCount: list.pageCount,
    total: list.total,
    pageSize: p[sizeParam],
    pageSizes: PAGE_SIZES,
    anchor: pending ? PENDING_ANCHOR : OTHER_ANCHOR,
    label: `${pending ? m.pendingRequests : m.otherProfiles}: strony`,
    sizeId: `f-${sizeParam}`,
    totalQa: pending ? 'pending-total' : 'other-total',
  };
}

const FORMATS: Readonly<Record<string, string>> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG' };

/** "Nazwa_pliku.pdf (PDF, 72.01 KB)" */
export function describeFile(f: Pick<AccountAttachment, 'originalName' | 'contentType' | 'sizeBytes'>): string {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(f.originalName)?.[1]?.toUpperCase();
  const format = FORMATS[f.contentType] ?? (ext === 'JPEG' ? 'JPG' : ext) ?? (f.contentType.split('/')[1] ?? '').toUpperCase();
  const size = f.sizeBytes >= 1024 * 1024 ? `${(f.sizeBytes / (1024 * 1024)).toFixed(2)} MB` : `${(f.sizeBytes / 1024).toFixed(2)} KB`;
  return `${f.originalName} (${format}, ${size})`;
}

function profileStatusLabel(s: string): string {
  return isProfileStatus(s) ? PROFILE_STATUS_LABELS[s] : s;
}

function ProfileStatusBadge({ status }: { status: string }): JSX.Element {
  const tone = status === 'aktywny' ? 'ok' : status === 'nieaktywowany' ? 'pending' : 'error';
  return (
    <span class={`badge badge--${tone}`}>
      <span class={`status-dot status-dot--${tone}`} aria-hidden="true"></span>
      <span safe>{profileStatusLabel(status)}</span>
    </span>
  );
}

function RequestStatusBadge({ status }: { status: string }): JSX.Element {
  const tone = status === 'zatwierdzony' ? 'ok' : status === 'oczekujacy' ? 'pending' : 'error';
  return (
    <span class={`badge badge--${tone}`} safe>
      {isRequestStatus(status) ? REQUEST_STATUS_DISPLAY[status] : status}
    </span>
  );
}

function UnitIds({ unit }: { unit: AccountUnit }): JSX.Element {
  return (
    <SummaryList
      qa="unit-data"
      rows={[
        { label: m.nip, value: unit.nip },
        { label: m.regon, value: unit.regon },
        { label: m.registryBookNo, value: unit.registryBookNo },
      ]}
    />
  );
}

/** "Sortuj: A | B": the current sort toggles its direction, another starts from its default. */
function SortLinks<S extends PendingSort | OtherSort>(p: {
  current: S;
  dir: Direction;
  options: readonly (readonly [S, string])[];
  href: (sort: S, dir: Direction) => string;
  qa: string;
}): JSX.Element {
  return (
    <p class="list-sort" data-qa={p.qa}>
      {m.sortBy}{' '}
      {p.options.map(([sort, label], i) => {
        const active = sort === p.current;
        const next = active ? (p.dir === 'asc' ? 'desc' : 'asc') : defaultDirection(sort);
        return (
          <>
            {i > 0 ? <span aria-hidden="true"> | </span> : ''}
            <a href={p.href(sort, next)} aria-current={active ? 'true' : undefined} data-sort={sort}>
              {active ? <strong safe>{label}</strong> : <span safe>{label}</span>}
            </a>
            {active ? <span class="muted" safe>{` (${p.dir === 'asc' ? m.ascending : m.descending})`}</span> : ''}
          </>
        );
      })}
    </p>
  );
}

// ───────────────────────── Aktywne profile ─────────────────────────

/** `open`: the details start expanded (after "Zapisz" in "Edytuj dane kontaktowe" they show the saved values). */
function ActiveProfile({ profile, csrf, open }: { profile: AccountProfile; csrf: string; open: boolean }): JSX.Element {
  const id = `profil-${profile.id}`;
  const u = profile.unit;
  const approved = profile.requests.filter((r) => r.status === 'zatwierdzony');
  return (
    <article class="card" data-qa={`profile-${profile.id}`} aria-label={u.name}>
      <SummaryList
        rows={[
          { label: m.unitName, value: u.name },
          { label: m.kind, value: u.kindCode },
          { label: m.status, safeValue: <ProfileStatusBadge status={profile.status} /> },
        ]}
      />
      <form method="post" action={`/profil/${profile.id}/pracuj`} class="button-group">
        <CsrfField token={csrf} />
        <button class="button" type="submit" data-qa="work-in-profile">
          <span>{m.workInProfile}</span>
          <span class="visually-hidden" safe>{`: ${u.name}`}</span>
        </button>
      </form>
      <details class="expander" data-qa="profile-details" open={open}>
        <summary>
          <span>{m.profileDetails}</span>
          <span class="visually-hidden" safe>{`: ${u.name}`}</span>
        </summary>
        <div>
          <nav class="tabs" aria-label={`${m.tabsLabel}: ${u.name}`}>
            <ul>
              <li>
                <a href={`#${id}-role`}>{m.tabRoles}</a>
              </li>
              <li>
                <a href={`#${id}-jednostka`}>{m.tabUnit}</a>
              </li>
              <li>
                <a href={`#${id}-kontakt`}>{m.tabContact}</a>
              </li>
              <li>
                <a href={`#${id}-wnioski`}>{m.tabRequests}</a>
              </li>
            </ul>
          </nav>

          <div id={`${id}-role`} data-qa="active-roles">
            <h3>{m.tabRoles}</h3>
            {approved.length === 0 ? (
              <p>{m.noActiveRoles}</p>
            ) : (
              <table class="table">
                <caption class="visually-hidden" safe>{`${m.tabRoles}: ${u.name}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.roleInUnit}</th>
                    <th scope="col">{m.assignedFrom}</th>
                    <th scope="col">{m.requestNumber}</th>
                  </tr>
                </thead>
                <tbody>
                  {approved.map((r) => (
                    <tr>
                      <td data-label={m.roleInUnit} safe>
                        {r.roleName}
                      </td>
                      <td data-label={m.assignedFrom} safe>
                        {formatDatePl(r.assignedAt)}
                      </td>
                      <td data-label={m.requestNumber} safe>
                        {r.number}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p>
              <a class="button button--secondary" href={`/profil/${profile.id}/wniosek/role`} data-qa="request-other-roles">
                {m.requestOtherRoles}
              </a>
            </p>
          </div>

          <div id={`${id}-jednostka`}>
            <h3>{m.tabUnit}</h3>
            <SummaryList
              qa="unit-data"
              rows={[
                { label: m.nip, value: u.nip },
                { label: m.regon, value: u.regon },
                { label: m.registryBookNo, value: u.registryBookNo },
                { label: m.voivodeship, value: u.voivodeship },
                { label: m.powiat, value: u.powiat },
                { label: m.gmina, value: u.gmina },
                { label: m.locality, value: u.locality },
                { label: m.postalCode, value: u.postalCode },
                { label: m.street, value: u.street },
                { label: m.buildingNo, value: u.buildingNo },
              ]}
            />
          </div>

          <div id={`${id}-kontakt`}>
            <h3>{m.tabContact}</h3>
            <SummaryList
              qa="contact-data"
              rows={[
                { label: m.phone, value: profile.phone },
                { label: m.email, value: profile.email },
              ]}
              action={{ href: `/profil/${profile.id}/dane-kontaktowe`, text: m.editContact, qa: 'edit-contact', module: 'dialog-link' }}
            />
          </div>

          <div id={`${id}-wnioski`} data-qa="submitted-requests">
            <h3>{m.tabRequests}</h3>
            {profile.requests.length === 0 ? (
              <p>{m.noRequests}</p>
            ) : (
              <table class="table">
                <caption class="visually-hidden" safe>{`${m.tabRequests}: ${u.name}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.requestNumber}</th>
                    <th scope="col">{m.requestedRole}</th>
                    <th scope="col">{m.requestStatus}</th>
                    <th scope="col">{m.submittedOn}</th>
                  </tr>
                </thead>
                <tbody>
                  {profile.requests.map((r) => (
                    <tr>
                      <td data-label={m.requestNumber} safe>
                        {r.number}
                      </td>
                      <td data-label={m.requestedRole} safe>
                        {r.roleName}
                      </td>
                      <td data-label={m.requestStatus}>
                        <RequestStatusBadge status={r.status} />
                        {r.status === 'odrzucony' && r.rejectReason ? (
                          <p class="muted" data-qa={`reject-reason-${r.number}`}>
                            {m.rejectReason} <span safe>{r.rejectReason}</span>
                          </p>
                        ) : (
                          ''
                        )}
                      </td>
                      <td data-label={m.submittedOn} safe>
                        {formatDatePl(r.submittedAt)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </div>
      </details>
    </article>
  );
}

// ───────────────────────── Niezakończone wnioski ─────────────────────────

/** A submission saved with "Zapisz wniosek" and not finished: its unit, roles, numbers and the way back to "Zakończ". */
function UnfinishedSubmission({ item }: { item: UnfinishedItem }): JSX.Element {
  const u = item.profile.unit;
  return (
    <article class="card" data-qa={`unfinished-${item.submissionId}`} aria-label={`${m.unfinishedRequests}: ${u.name}`}>
      <SummaryList
        rows={[
          { label: m.unitName, value: u.name },
          { label: m.kind, value: u.kindCode },
          { label: m.requestedRoles, value: item.roleNames.join(', ') },
          { label: m.requestNumbers, value: item.numbers.join(', ') },
          { label: m.savedOn, value: formatDatePl(item.savedAt) },
        ]}
      />
      <p>
        <a class="button" href={`/wnioski/${item.submissionId}`} data-qa="finish-request">
          <span>{m.finishRequest}</span>
          <span class="visually-hidden" safe>{` ${item.numbers.join(', ')}`}</span>
        </a>
      </p>
    </article>
  );
}

// ───────────────────────── Oczekujące wnioski ─────────────────────────

/** Files of a request; safe ones with "Pobierz" and, while the request is pending, "Usuń" (plain forms). */
function FileList({ files, qa, csrf, actions }: { files: AccountAttachment[]; qa: string; csrf: string; actions: boolean }): JSX.Element {
  return (
    <ol data-qa={qa}>
      {files.map((f) => (
        <li>
          <span safe>{describeFile(f)}</span>
          {actions ? (
            <>
              {' '}
              <a href={`/wnioski/${f.submissionId}/zalaczniki/${f.id}`}>
                {m.fileDownload}
                <span class="visually-hidden" safe>{`: ${f.originalName}`}</span>
              </a>{' '}
              <form method="post" action={`/wnioski/${f.submissionId}/zalaczniki/${f.id}/usun`} class="inline-form">
                <CsrfField token={csrf} />
                <input type="hidden" name="powrot" value="konto" />
                <button class="button button--link" type="submit">
                  {m.fileDelete}
                  <span class="visually-hidden" safe>{`: ${f.originalName}`}</span>
                </button>
              </form>
            </>
          ) : (
            ''
          )}
        </li>
      ))}
    </ol>
  );
}

/**
 * The decided requests of a profile that is not active, with their outcome ("Odrzucony wniosek będzie
 * widoczny wśród pozycji w obszarze Pozostałe profile"): number, role, status and the reason of a rejection.
 */
function DecidedRequests({ requests }: { requests: readonly AccountRequest[] }): JSX.Element {
  const decided = requests.filter((r) => r.status !== 'oczekujacy' && r.status !== 'zapisany');
  if (decided.length === 0) return <span class="muted">{m.noDecidedRequests}</span>;
  return (
    <ul class="plain-list">
      {decided.map((r) => (
        <li data-qa={`decided-${r.number}`}>
          <strong safe>{r.number}</strong> <span safe>{r.roleName}</span> <RequestStatusBadge status={r.status} />
          {r.status === 'odrzucony' && r.rejectReason ? (
            <p class="muted" data-qa={`reject-reason-${r.number}`}>
              {m.rejectReason} <span safe>{r.rejectReason}</span>
            </p>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  );
}

function PendingRequest({ item, csrf, decisionDays, now }: { item: PendingItem; csrf: string; decisionDays: number; now: Date }): JSX.Element {
  const r = item.request;
  const u = item.profile.unit;
  const qa = `request-${r.number.replace(/\//g, '-')}`;
  return (
    <article class="card" data-qa={qa} aria-label={`${m.requestNumber} ${r.number}`}>
      {item.missingAttachment ? (
        <p>
          <span class="badge badge--pending" data-qa="no-attachments">
            {m.noAttachments}
          </span>
        </p>
      ) : (
        ''
      )}
      <SummaryList
        rows={[
          { label: m.unitName, value: u.name },
          { label: m.kind, value: u.kindCode },
          { label: m.requestedRole, value: r.roleName },
          { label: m.requestNumber, value: r.number },
          { label: m.submittedOn, value: formatDatePl(r.submittedAt) },
          {
            label: m.decisionDue,
            value: `${formatDatePl(decisionDueAt(r.submittedAt, decisionDays))}${isOverdue(r, now, decisionDays) ? ` ${m.decisionOverdue}` : ''}`,
          },
        ]}
      />
      <details class="expander" data-qa="request-details">
        <summary>
          <span>{m.requestDetails}</span>
          <span class="visually-hidden" safe>{` ${r.number}`}</span>
        </summary>
        <div>
          <h3>{m.confirmation}</h3>
          <form method="post" action={`/wnioski/${r.id}/bez-przypomnien`} class="opt-out-form" data-qa="reminder-opt-out">
            <CsrfField token={csrf} />
            <div class="field field--checkbox">
              <input class="checkbox__input" type="checkbox" id={`optout-${r.id}`} name="optOut" value="tak" checked={r.reminderOptOut} />
              <label class="checkbox__label" for={`optout-${r.id}`}>
                {m.optOut}
              </label>
            </div>
            <button class="button button--secondary" type="submit">
              {m.optOutSave}
              <span class="visually-hidden" safe>{` ${r.number}`}</span>
            </button>
          </form>
          <ul>
            <li>
              <a href={`/wnioski/${r.submissionId}/zalaczniki`} data-qa="attach-signed">
                {m.attachSigned}
              </a>
            </li>
            <li>
              <a href={`/wnioski/${r.submissionId}/pdf`} data-qa="download-pdf">
                {m.downloadPdf}
              </a>
            </li>
          </ul>
          <details class="expander" data-qa="instructions">
            <summary>{m.showInstructions}</summary>
            <div>
              <p>{m.instructionsIntro}</p>
              <p>{m.instructionsHow}</p>
              <ol>
                {m.instructions.map((s) => (
                  <li>{s}</li>
                ))}
              </ol>
              <p>{m.instructionsFormats}</p>
            </div>
          </details>
          {item.unsafeRemoved ? (
            <Notice
              tone="error"
              role="none"
              qa="unsafe-removed"
              title={m.unsafeRemovedTitle}
              titleLevel={3}
              titleId={`unsafe-removed-${r.id}`}
              text={m.unsafeRemovedBody}
            />
          ) : (
            ''
          )}
          {item.scanningFiles.length ? (
            <>
              <h3>{m.pendingScanFiles}</h3>
              <FileList files={item.scanningFiles} qa="scanning-files" csrf={csrf} actions={false} />
            </>
          ) : (
            ''
          )}
          {item.cleanFiles.length ? (
            <>
              <h3>{m.cleanFiles}</h3>
              <FileList files={item.cleanFiles} qa="clean-files" csrf={csrf} actions />
            </>
          ) : (
            ''
          )}
          <h3>{m.tabUnit}</h3>
          <UnitIds unit={u} />
          <h3>{m.contactInUnit}</h3>
          <SummaryList
            qa="contact-data"
            rows={[
              { label: m.phone, value: item.profile.phone },
              { label: m.email, value: item.profile.email },
            ]}
          />
          <p>
            <a class="button button--secondary" href={`/wnioski/${r.id}/wycofaj`} data-qa="withdraw">
              {m.withdraw}
            </a>
          </p>
        </div>
      </details>
    </article>
  );
}

// ───────────────────────── the page ─────────────────────────

export function AccountPage(p: {
  frame: SignedInFrame;
  params: AccountParams;
  active: AccountProfile[];
  unfinished: UnfinishedItem[];
  pending: Page<PendingItem>;
  other: Page<AccountProfile>;
  /** days from "Zakończ" to the decision due date of a pending request ("Termin decyzji") */
  decisionDays: number;
  now: Date;
  /** confirmation of the action that led here (withdrawal, saved contact data, finished application) */
  notice?: string | undefined;
  /** the active profile whose details start open (the one whose contact data was just saved) */
  openProfileId?: string | undefined;
}): JSX.Element {
  const { params } = p;
  const pendingPaging = paging(params, p.pending, 'pending');
  const otherPaging = paging(params, p.other, 'other');
  return (
    <SignedInLayout title={m.title} frame={p.frame} breadcrumbs={[{ href: '/start', label: 'Strona główna' }, { label: m.title }]}>
      {p.notice ? <Notice tone="success" qa="account-notice" text={p.notice} /> : ''}
      <h1 data-qa="page-account">{m.title}</h1>
      <p class="lead">{m.lead}</p>
      <div class="button-group">
        <a class="button" href="/profil/wniosek" data-qa="new-profile">
          {m.newProfile}
        </a>
        <a class="button button--secondary" href="/profil/przeniesienie" data-qa="transfer">
          {m.transfer}
        </a>
      </div>

      <section aria-labelledby="aktywne-profile-h" id="aktywne-profile" data-qa="active-profiles">
        <h2 id="aktywne-profile-h">{m.activeProfiles}</h2>
        {p.active.length === 0 ? (
          <p data-qa="active-empty">{m.emptyActive}</p>
        ) : (
          p.active.map((x) => <ActiveProfile profile={x} csrf={p.frame.csrf} open={x.id === p.openProfileId} />)
        )}
      </section>

      {p.unfinished.length ? (
        <section aria-labelledby={`${UNFINISHED_ANCHOR}-h`} id={UNFINISHED_ANCHOR} data-qa="unfinished-requests">
          <h2 id={`${UNFINISHED_ANCHOR}-h`}>{m.unfinishedRequests}</h2>
          <p>{m.unfinishedLead}</p>
          {p.unfinished.map((item) => (
            <UnfinishedSubmission item={item} />
          ))}
        </section>
      ) : (
        ''
      )}

      <section aria-labelledby={`${PENDING_ANCHOR}-h`} id={PENDING_ANCHOR} data-qa="pending-requests">
        <h2 id={`${PENDING_ANCHOR}-h`}>{m.pendingRequests}</h2>
        {p.pending.total === 0 ? (
          <p data-qa="pending-empty">{m.emptyPending}</p>
        ) : (
          <>
            <SortLinks
              qa="pending-sort"
              current={params.sortOczekujace}
              dir={params.kierunek}
              options={
                [
                  ['numer', m.sortNumber],
                  ['jednostka', m.sortUnit],
                ] as const
              }
              href={(sort, dir) => accountHref(params, { sortOczekujace: sort, kierunek: dir, stronaOczekujace: 1 }, PENDING_ANCHOR)}
            />
            <PaginationSummary {...pendingPaging} />
            {p.pending.rows.map((item) => (
              <PendingRequest item={item} csrf={p.frame.csrf} decisionDays={p.decisionDays} now={p.now} />
            ))}
            <Pagination {...pendingPaging} />
          </>
        )}
      </section>

      <section aria-labelledby={`${OTHER_ANCHOR}-h`} id={OTHER_ANCHOR} data-qa="other-profiles">
        <h2 id={`${OTHER_ANCHOR}-h`}>{m.otherProfiles}</h2>
        {p.other.total === 0 ? (
          <p data-qa="other-empty">{m.emptyOther}</p>
        ) : (
          <>
            <SortLinks
              qa="other-sort"
              current={params.sortPozostale}
              dir={params.kierunekPozostale}
              options={
                [
                  ['zmiana', m.sortStatusChange],
                  ['jednostka', m.sortUnit],
                ] as const
              }
              href={(sort, dir) => accountHref(params, { sortPozostale: sort, kierunekPozostale: dir, stronaPozostale: 1 }, OTHER_ANCHOR)}
            />
            <PaginationSummary {...otherPaging} />
            <table class="table">
              <caption class="visually-hidden">{m.otherProfiles}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.unitName}</th>
                  <th scope="col">{m.kind}</th>
                  <th scope="col">{m.status}</th>
                  <th scope="col">{m.createdOn}</th>
                  <th scope="col">{m.profileRequests}</th>
                </tr>
              </thead>
              <tbody>
                {p.other.rows.map((x) => (
                  <tr data-qa={`other-profile-${x.id}`}>
                    <td data-label={m.unitName} safe>
                      {x.unit.name}
                    </td>
                    <td data-label={m.kind} safe>
                      {x.unit.kindCode}
                    </td>
                    <td data-label={m.status}>
                      <ProfileStatusBadge status={x.status} />
                    </td>
                    <td data-label={m.createdOn} safe>
                      {formatDatePl(x.createdAt)}
                    </td>
                    <td data-label={m.profileRequests}>
                      <DecidedRequests requests={x.requests} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination {...otherPaging} />
          </>
        )}
      </section>
    </SignedInLayout>
  );
}
