import type { ManagedProfileRow, ProfileRequestRow, UserSearchRow } from '../../../db/repositories/user-admin.ts';
import { isProfileStatus, isRequestStatus, PROFILE_STATUS_LABELS, PROFILE_STATUSES, REQUEST_STATUS_DISPLAY } from '../../../domain/status.ts';
import type { FormError, FormErrors } from '../../../lib/forms.ts';
import { formatDatePl, formatDateTimePl } from '../../../lib/text.ts';
import { ErrorSummary } from '../../../views/components/ErrorSummary.tsx';
import { CsrfField, SelectField, TextArea, TextField } from '../../../views/components/Field.tsx';
import { Notice } from '../../../views/components/Notice/Notice.tsx';
import { Pagination, PaginationSummary, type PagingProps } from '../../../views/components/Pagination/Pagination.tsx';
import { SummaryList } from '../../../views/components/SummaryList/SummaryList.tsx';
import { SignedInLayout, type SignedInFrame } from '../../../views/layouts/SignedInLayout.tsx';
import { usersMessages as m } from './messages.ts';
import { PAGE_SIZES, type SearchQueryT } from './schema.ts';
import type { PeselShown } from '../../auth/pesel-view.ts';

export const USERS_PATH = '/zarzadzanie/uzytkownicy';
export const userPath = (userId: string) => `${USERS_PATH}/${userId}`;
export const blockPath = (userId: string, profileId: string) => `${userPath(userId)}/profile/${profileId}/zablokuj`;
export const unblockPath = (userId: string, profileId: string) => `${userPath(userId)}/profile/${profileId}/odblokuj`;
export const revokePath = (userId: string, requestId: string) => `${userPath(userId)}/role/${requestId}/odbierz`;

const crumbsRoot = [
  { href: '/start', label: 'Strona główna' },
  { href: '/zarzadzanie', label: m.module },
  { href: USERS_PATH, label: m.title },
];

const profileStatusText = (s: string) => (isProfileStatus(s) ? PROFILE_STATUS_LABELS[s] : s);
const requestStatusText = (s: string) => (isRequestStatus(s) ? REQUEST_STATUS_DISPLAY[s] : s);
const fullName = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;

/** The query of the search as it is now, without defaults, for links and the paging form (never the PESEL: see the route). */
export function searchQueryPairs(q: SearchQueryT): [string, string][] {
  const out: [string, string][] = [];
  if (q.q) out.push(['q', q.q]);
  if (q.jednostka) out.push(['jednostka', q.jednostka]);
  if (q.pesel) out.push(['pesel', q.pesel]);
  if (q.status) out.push(['status', q.status]);
  if (q.ile !== '25') out.push(['ile', q.ile]);
  if (q.strona > 1) out.push(['strona', String(q.strona)]);
  return out;
}

/** "Użytkownicy": the search with its filters and paging in the URL. */
export function SearchPage(p: {
  frame: SignedInFrame;
  q: SearchQueryT;
  rows: UserSearchRow[];
  total: number;
  page: number;
  scopeText: string;
  readOnly: boolean;
  peselShown: string | null;
  summary?: FormError[];
  errors?: FormErrors;
}): JSX.Element {
  const size = Number(p.q.ile);
  const pageCount = Math.max(1, Math.ceil(p.total / size));
  const paging: PagingProps = {
    path: USERS_PATH,
    query: searchQueryPairs(p.q),
    pageParam: 'strona',
    sizeParam: 'ile',
    page: Math.min(p.page, pageCount),
    pageCount,
    total: p.total,
    pageSize: size,
    pageSizes: PAGE_SIZES,
    anchor: 'lista',
    label: m.pages,
    sizeId: 'f-ile',
    totalQa: 'users-total',
  };
  const hasErrors = !!p.summary?.length;
  return (
    <SignedInLayout title={m.title} frame={p.frame} hasErrors={hasErrors} breadcrumbs={[...crumbsRoot.slice(0, 2), { label: m.title }]}>
      <ErrorSummary errors={p.summary ?? []} />
      <p class="muted">{m.module}</p>
      <h1 data-qa="page-management-users">{m.title}</h1>
      <p class="lead">{m.lead}</p>
      <p data-qa="users-scope" safe>
        {p.scopeText}
      </p>
      {p.readOnly ? <Notice tone="info" qa="read-only" text={m.readOnly} /> : ''}
      <form method="get" action={USERS_PATH} class="search-form" role="search" aria-label={m.filters} novalidate>
        <TextField name="q" label={m.text} value={p.q.q} maxlength={100} />
        <TextField name="jednostka" label={m.unit} hint={m.unitHint} value={p.q.jednostka} maxlength={200} />
        <TextField
          name="pesel"
          label={m.pesel}
          hint={m.peselHint}
          value={p.q.pesel}
          inputmode="numeric"
          maxlength={11}
          autocomplete="off"
          {...(p.errors ? { errors: p.errors } : {})}
        />
        <SelectField
          name="status"
          label={m.status}
          value={p.q.status}
          options={[['', m.statusAll], ...PROFILE_STATUSES.map((s) => [s, PROFILE_STATUS_LABELS[s]] as const)]}
        />
        {p.q.ile !== '25' ? <input type="hidden" name="ile" value={p.q.ile} /> : ''}
        <div class="button-group">
          <button class="button" type="submit" data-qa="users-search">
            {m.search}
          </button>
          <a class="button button--secondary" href={USERS_PATH}>
            {m.clear}
          </a>
        </div>
      </form>
      <section id="lista" aria-labelledby="users-list-title" data-qa="users">
        <h2 id="users-list-title">{m.results}</h2>
        {hasErrors ? (
          ''
        ) : (
          <>
            {p.peselShown ? (
              <p data-qa="pesel-searched" safe>
                {m.peselSearched(p.peselShown)}
              </p>
            ) : (
              ''
            )}
            <PaginationSummary {...paging} />
            {p.rows.length === 0 ? (
              <p data-qa="users-empty">{m.none}</p>
            ) : (
              <table class="table" data-qa="users-table">
                <caption class="visually-hidden">{m.results}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.name}</th>
                    <th scope="col">{m.login}</th>
                    <th scope="col">{m.email}</th>
                    <th scope="col">{m.profiles}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.rows.map((u) => (
                    <tr data-qa={`user-row-${u.login ?? u.id}`}>
                      <td data-label={m.name}>
                        <a href={userPath(u.id)} safe>
                          {fullName(u)}
                        </a>
                      </td>
                      <td data-label={m.login} safe>
                        {u.login ?? '—'}
                      </td>
                      <td data-label={m.email} safe>
                        {u.email ?? '—'}
                      </td>
                      <td data-label={m.profiles}>
                        <ul>
                          {u.profiles.map((x) => (
                            <li safe>{`${x.unitName} (${profileStatusText(x.status)})`}</li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <Pagination {...paging} />
          </>
        )}
      </section>
    </SignedInLayout>
  );
}

export interface UserView {
  user: {
    id: string;
    firstName: string;
    lastName: string;
    login: string | null;
    email: string | null;
    createdAt: Date;
    lastLoginAt: Date | null;
  };
  /** masked, or in full for Administrator CeZ */
  pesel: PeselShown;
  own: boolean;
  readOnly: boolean;
  profiles: (ManagedProfileRow & {
    canBlock: boolean;
    canUnblock: boolean;
    roles: (ProfileRequestRow & { canRevoke: boolean })[];
    requests: ProfileRequestRow[];
    history: { action: string; at: Date; reason: string | null; roleName: string | null; who: string | null }[];
  })[];
}

function historyText(h: { action: string; roleName: string | null }): string {
  if (h.action === 'management.profile_blocked') return m.eventBlocked;
  if (h.action === 'management.profile_unblocked') return m.eventUnblocked;
  return m.eventRevoked(h.roleName ?? '');
}

function ProfileSection({ u, p, index }: { u: UserView; p: UserView['profiles'][number]; index: number }): JSX.Element {
  const titleId = `profile-${index}-title`;
  return (
    <section class="card" aria-labelledby={titleId} data-qa={`profile-${p.id}`}>
      <h2 id={titleId} safe>
        {m.profileTitle(p.unitName)}
      </h2>
      <SummaryList
        qa={`profile-summary-${p.id}`}
        rows={[
          { label: m.profileStatus, value: profileStatusText(p.status) },
          { label: m.statusSince, value: formatDateTimePl(p.statusChangedAt) },
          ...(p.blockedAt ? [{ label: m.blockedReason, value: p.blockedReason }] : []),
          { label: m.kind, value: `${p.unitKindCode} — ${p.unitKindName}` },
          { label: m.nip, value: p.unitNip },
          { label: m.regon, value: p.unitRegon },
          { label: m.voivodeship, value: p.unitVoivodeship },
          { label: m.phone, value: p.phone },
          { label: m.contactEmail, value: p.email },
        ]}
      />
      {!p.unitActive ? <Notice tone="warning" qa="unit-inactive" text={m.unitInactive} /> : ''}
      {p.canBlock || p.canUnblock ? (
        <p>
          {p.canBlock ? (
            <a class="button button--warning" href={blockPath(u.user.id, p.id)} data-qa="block-link">
              {m.block}
            </a>
          ) : (
            <a class="button" href={unblockPath(u.user.id, p.id)} data-qa="unblock-link">
              {m.unblock}
            </a>
          )}
        </p>
      ) : (
        ''
      )}

      <h3>{m.roles}</h3>
      {p.roles.length === 0 ? (
        <p data-qa="no-roles">{m.noRoles}</p>
      ) : (
        <table class="table" data-qa={`roles-${p.id}`}>
          <caption class="visually-hidden" safe>{`${m.roles}: ${p.unitName}`}</caption>
          <thead>
            <tr>
              <th scope="col">{m.role}</th>
              <th scope="col">{m.requestStatus}</th>
              <th scope="col">{m.assignedAt}</th>
              <th scope="col">{m.requestNumber}</th>
              <th scope="col">{m.actions}</th>
            </tr>
          </thead>
          <tbody>
            {p.roles.map((r) => (
              <tr>
                <td data-label={m.role} safe>
                  {r.roleName}
                </td>
                <td data-label={m.requestStatus} safe>
                  {requestStatusText(r.status)}
                </td>
                <td data-label={m.assignedAt} safe>
                  {formatDatePl(r.assignedAt)}
                </td>
                <td data-label={m.requestNumber} safe>
                  {r.number}
                </td>
                <td data-label={m.actions}>
                  {r.canRevoke ? (
                    <a href={revokePath(u.user.id, r.id)} data-qa={`revoke-${r.number}`}>
                      {m.revoke}
                      <span class="visually-hidden" safe>{` ${r.roleName}`}</span>
                    </a>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{m.requests}</h3>
      {p.requests.length === 0 ? (
        <p>{m.noRequests}</p>
      ) : (
        <table class="table" data-qa={`requests-${p.id}`}>
          <caption class="visually-hidden" safe>{`${m.requests}: ${p.unitName}`}</caption>
          <thead>
            <tr>
              <th scope="col">{m.requestNumber}</th>
              <th scope="col">{m.role}</th>
              <th scope="col">{m.requestStatus}</th>
              <th scope="col">{m.submitted}</th>
              <th scope="col">{m.changed}</th>
            </tr>
          </thead>
          <tbody>
            {p.requests.map((r) => (
              <tr data-qa={`request-${r.number}`}>
                <td data-label={m.requestNumber} safe>
                  {r.number}
                </td>
                <td data-label={m.role} safe>
                  {r.roleName}
                </td>
                <td data-label={m.requestStatus} safe>
                  {requestStatusText(r.status)}
                </td>
                <td data-label={m.submitted} safe>
                  {formatDatePl(r.submittedAt)}
                </td>
                <td data-label={m.changed} safe>
                  {formatDatePl(r.statusChangedAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {p.history.length ? (
        <>
          <h3>{m.history}</h3>
          <table class="table" data-qa={`history-${p.id}`}>
            <caption class="visually-hidden" safe>{`${m.history}: ${p.unitName}`}</caption>
            <thead>
              <tr>
                <th scope="col">{m.historyWhen}</th>
                <th scope="col">{m.historyWhat}</th>
                <th scope="col">{m.historyWho}</th>
                <th scope="col">{m.historyReason}</th>
              </tr>
            </thead>
            <tbody>
              {p.history.map((h) => (
                <tr>
                  <td data-label={m.historyWhen} safe>
                    {formatDateTimePl(h.at)}
                  </td>
                  <td data-label={m.historyWhat} safe>
                    {historyText(h)}
                  </td>
                  <td data-label={m.historyWho} safe>
                    {h.who ?? '—'}
                  </td>
                  <td data-label={m.historyReason} safe>
                    {h.reason ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        ''
      )}
    </section>
  );
}

/** A user's page: their data, and each profile in the actor's scope with its roles, requests and history. */
export function UserPage(p: { frame: SignedInFrame; u: UserView; notice?: { tone: 'success' | 'info'; text: string } | undefined }): JSX.Element {
  const u = p.u;
  const title = m.userTitle(fullName(u.user));
  return (
    <SignedInLayout title={title} frame={p.frame} breadcrumbs={[...crumbsRoot, { label: fullName(u.user) }]}>
      {p.notice ? <Notice tone={p.notice.tone} qa="action-notice" text={p.notice.text} /> : ''}
      <p class="muted" safe>{`${m.module}: ${m.title}`}</p>
      <h1 data-qa="page-management-user" safe>
        {title}
      </h1>
      {u.own ? <Notice tone="info" qa="own-user" text={m.ownUser} /> : u.readOnly ? <Notice tone="info" qa="read-only" text={m.readOnly} /> : ''}
      <h2>{m.userData}</h2>
      <SummaryList
        qa="user-data"
        rows={[
          { label: m.name, value: fullName(u.user) },
          { label: m.login, value: u.user.login },
          { label: m.email, value: u.user.email },
          { label: m.peselRow, value: u.pesel.value ?? m.peselNone },
          { label: m.createdAt, value: formatDatePl(u.user.createdAt) },
          { label: m.lastLogin, value: u.user.lastLoginAt ? formatDateTimePl(u.user.lastLoginAt) : m.never },
        ]}
      />
      {u.pesel.full ? (
        <p class="muted" data-qa="pesel-full">
          {m.peselFull}
        </p>
      ) : u.pesel.unreadable ? (
        <p class="muted" data-qa="pesel-unreadable">
          {m.peselUnreadable}
        </p>
      ) : (
        ''
      )}
      {u.profiles.map((x, i) => (
        <ProfileSection u={u} p={x} index={i} />
      ))}
      <p>
        <a href={USERS_PATH}>{m.back}</a>
      </p>
    </SignedInLayout>
  );
}

/** The confirmation page of "Zablokuj profil", "Odblokuj profil" or "Odbierz rolę": one form with the reason. */
export function ActionPage(p: {
  frame: SignedInFrame;
  kind: 'block' | 'unblock' | 'revoke';
  user: { id: string; firstName: string; lastName: string };
  unitName: string;
  role?: { name: string; number: string; approved: boolean };
  action: string;
  value?: string;
  summary?: FormError[];
  errors?: FormErrors;
}): JSX.Element {
  const name = fullName(p.user);
  const title = p.kind === 'block' ? m.blockTitle : p.kind === 'unblock' ? m.unblockTitle : m.revokeTitle;
  const lead =
    p.kind === 'block'
      ? m.blockLead(p.unitName, name)
      : p.kind === 'unblock'
        ? m.unblockLead(p.unitName, name)
        : m.revokeLead(p.role?.name ?? '', p.role?.number ?? '', p.unitName, name);
  const label = p.kind === 'block' ? m.blockReason : p.kind === 'unblock' ? m.unblockReason : m.revokeReason;
  const closed = p.kind === 'revoke' && !p.role?.approved;
  return (
    <SignedInLayout
      title={title}
      frame={p.frame}
      hasErrors={!!p.summary?.length}
      breadcrumbs={[...crumbsRoot, { href: userPath(p.user.id), label: name }, { label: title }]}
    >
      <ErrorSummary errors={p.summary ?? []} />
      <p class="muted" safe>{`${m.module}: ${m.title}`}</p>
      <h1 data-qa={`page-management-user-${p.kind}`}>{title}</h1>
      {closed ? (
        <Notice tone="info" qa="not-approved" text={m.notApproved} />
      ) : (
        <>
          <p class="lead" safe>
            {lead}
          </p>
          <form method="post" action={p.action} novalidate data-module="prevent-double-submit">
            <CsrfField token={p.frame.csrf} />
            <TextArea
              name="powod"
              label={label}
              hint={m.reasonHint}
              required
              rows={4}
              maxlength={1000}
              value={p.value ?? ''}
              {...(p.errors ? { errors: p.errors } : {})}
            />
            <div class="button-group">
              <button class={p.kind === 'unblock' ? 'button' : 'button button--warning'} type="submit" data-qa={`confirm-${p.kind}`}>
                {title}
              </button>
              <a class="button button--secondary" href={userPath(p.user.id)}>
                {m.cancel}
              </a>
            </div>
          </form>
        </>
      )}
      <p>
        <a href={userPath(p.user.id)}>{m.backToUser}</a>
      </p>
    </SignedInLayout>
  );
}
