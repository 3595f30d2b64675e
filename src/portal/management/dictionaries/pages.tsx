import type { PropsWithChildren } from '@kitajs/html';
import type { FormError, FormErrors } from '../../../lib/forms.ts';
import { formatDateTimePl } from '../../../lib/text.ts';
import type { legacyRoleMappings, permissions, roles, unitKinds } from '../../../db/schema/index.ts';
import { ErrorSummary } from '../../../views/components/ErrorSummary.tsx';
import { CsrfField, TextArea, TextField } from '../../../views/components/Field.tsx';
import { Notice } from '../../../views/components/Notice/Notice.tsx';
import { SignedInLayout, type SignedInFrame } from '../../../views/layouts/SignedInLayout.tsx';
import { dictionaryMessages as m } from './messages.ts';

export const DICT_PATH = '/zarzadzanie/slowniki';
export const KINDS_PATH = `${DICT_PATH}/rodzaje-jednostek`;
export const ROLES_PATH = `${DICT_PATH}/role`;
export const PERMISSIONS_PATH = `${DICT_PATH}/uprawnienia`;
export const MATRIX_PATH = `${DICT_PATH}/uprawnienia-rol`;
export const LEGACY_PATH = `${DICT_PATH}/role-ssoz1`;

type KindRow = typeof unitKinds.$inferSelect;
type RoleRow = typeof roles.$inferSelect;
type PermissionRow = typeof permissions.$inferSelect;
type LegacyRow = typeof legacyRoleMappings.$inferSelect;

const crumbs = [
  { href: '/start', label: 'Strona główna' },
  { href: '/zarzadzanie', label: m.module },
];
const dictCrumbs = [...crumbs, { href: DICT_PATH, label: m.title }];

export function classText(k: Pick<KindRow, 'isCentral' | 'isSupervising' | 'isReporting'>): string {
  return [k.isCentral ? m.classCentral : '', k.isSupervising ? m.classSupervising : '', k.isReporting ? m.classReporting : ''].filter(Boolean).join(', ');
}

const ROLE_CLASS: Record<string, string> = { central: m.classCentral, supervising: m.classSupervising, reporting: m.classReporting };

function origin(at: Date | null, by: string | null, editor: (id: string | null) => string): string {
  return at ? m.editedBy(editor(by) || '—', formatDateTimePl(at)) : m.shippedValue;
}

function EditLink(p: { href: string; what: string }): JSX.Element {
  return (
    <a href={p.href}>
      {m.edit}
      <span class="visually-hidden" safe>{`: ${p.what}`}</span>
    </a>
  );
}

const enc = (s: string) => encodeURIComponent(s);

/** "Przywróć wartości dostarczone z systemem" forms (only for an edited row the code ships), and a refused restore's message. */
export interface RestoreProps {
  restores?: { action: string; label: string }[] | undefined;
  problem?: string | undefined;
}

/** "Słowniki": every dictionary as a table, each row with "Edytuj". */
export function DictionariesPage(p: {
  frame: SignedInFrame;
  kinds: KindRow[];
  roles: RoleRow[];
  permissions: PermissionRow[];
  map: ReadonlySet<string>;
  legacy: LegacyRow[];
  editor: (id: string | null) => string;
  notice?: string | undefined;
}): JSX.Element {
  const roleName = (code: string | null) => (code ? (p.roles.find((r) => r.code === code)?.name ?? code) : m.notCarried);
  return (
    <SignedInLayout title={m.title} frame={p.frame} breadcrumbs={[...crumbs, { label: m.title }]}>
      {p.notice ? <Notice tone="success" qa="dictionary-notice" text={p.notice} /> : ''}
      <p class="muted">{m.module}</p>
      <h1 data-qa="page-dictionaries">{m.title}</h1>
      <p class="lead">{m.lead}</p>
      <p>{m.shipped}</p>
      <nav aria-label={m.title}>
        <ul>
          <li>
            <a href="#rodzaje">{m.kinds}</a>
          </li>
          <li>
            <a href="#role">{m.rolesTitle}</a>
          </li>
          <li>
            <a href="#uprawnienia">{m.permissionsTitle}</a>
          </li>
          <li>
            <a href="#uprawnienia-rol">{m.matrixTitle}</a>
          </li>
          <li>
            <a href="#ssoz1">{m.legacyTitle}</a>
          </li>
        </ul>
      </nav>

      <h2 id="rodzaje">{m.kinds}</h2>
      <table class="table" data-qa="dict-kinds">
        <caption class="visually-hidden">{m.kinds}</caption>
        <thead>
          <tr>
            <th scope="col">{m.code}</th>
            <th scope="col">{m.name}</th>
            <th scope="col">{m.unitClass}</th>
            <th scope="col">{m.origin}</th>
            <th scope="col">{m.actions}</th>
          </tr>
        </thead>
        <tbody>
          {p.kinds.map((k) => (
            <tr data-qa={`kind-${k.code}`}>
              <td data-label={m.code} safe>
                {k.code}
              </td>
              <td data-label={m.name} safe>
                {k.name}
              </td>
              <td data-label={m.unitClass} safe>
                {classText(k)}
              </td>
              <td data-label={m.origin} safe>
                {origin(k.editedAt, k.editedBy, p.editor)}
              </td>
              <td data-label={m.actions}>
                <EditLink href={`${KINDS_PATH}/${k.code}`} what={k.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="role">{m.rolesTitle}</h2>
      <table class="table" data-qa="dict-roles">
        <caption class="visually-hidden">{m.rolesTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{m.name}</th>
            <th scope="col">{m.description}</th>
            <th scope="col">{m.roleClass}</th>
            <th scope="col">{m.origin}</th>
            <th scope="col">{m.actions}</th>
          </tr>
        </thead>
        <tbody>
          {p.roles.map((r) => (
            <tr data-qa={`role-${r.code}`}>
              <td data-label={m.name} safe>
                {r.name}
              </td>
              <td data-label={m.description} safe>
                {r.description}
              </td>
              <td data-label={m.roleClass} safe>
                {ROLE_CLASS[r.unitClass] ?? r.unitClass}
              </td>
              <td data-label={m.origin} safe>
                {origin(r.editedAt, r.editedBy, p.editor)}
              </td>
              <td data-label={m.actions}>
                <EditLink href={`${ROLES_PATH}/${r.code}`} what={r.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="uprawnienia">{m.permissionsTitle}</h2>
      <table class="table" data-qa="dict-permissions">
        <caption class="visually-hidden">{m.permissionsTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{m.code}</th>
            <th scope="col">{m.name}</th>
            <th scope="col">{m.businessDescription}</th>
            <th scope="col">{m.origin}</th>
            <th scope="col">{m.actions}</th>
          </tr>
        </thead>
        <tbody>
          {p.permissions.map((x) => (
            <tr data-qa={`permission-${x.code}`}>
              <td data-label={m.code}>
                <code safe>{x.code}</code>
              </td>
              <td data-label={m.name} safe>
                {x.name}
              </td>
              <td data-label={m.businessDescription} safe>
                {x.description}
              </td>
              <td data-label={m.origin} safe>
                {origin(x.editedAt, x.editedBy, p.editor)}
              </td>
              <td data-label={m.actions}>
                <EditLink href={`${PERMISSIONS_PATH}/${x.code}`} what={x.code} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="uprawnienia-rol">{m.matrixTitle}</h2>
      <table class="table" data-qa="dict-role-permissions">
        <caption class="visually-hidden">{m.matrixTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{m.rolesTitle}</th>
            <th scope="col">{m.permissionsTitle}</th>
            <th scope="col">{m.origin}</th>
          </tr>
        </thead>
        <tbody>
          {p.roles.map((r) => (
            <tr data-qa={`role-permissions-${r.code}`}>
              <th scope="row" safe>
                {r.name}
              </th>
              <td data-label={m.permissionsTitle} safe>
                {p.permissions
                  .filter((x) => p.map.has(`${r.code}:${x.code}`))
                  .map((x) => x.name)
                  .join(', ')}
              </td>
              <td data-label={m.origin} safe>
                {origin(r.permissionsEditedAt, r.permissionsEditedBy, p.editor)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a class="button" href={MATRIX_PATH} data-qa="edit-matrix">
          {m.editMatrix}
        </a>
      </p>

      <h2 id="ssoz1">{m.legacyTitle}</h2>
      <p>{m.legacyLead}</p>
      <table class="table" data-qa="dict-legacy">
        <caption class="visually-hidden">{m.legacyTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{m.legacyName}</th>
            <th scope="col">{m.legacyRole}</th>
            <th scope="col">{m.note}</th>
            <th scope="col">{m.origin}</th>
            <th scope="col">{m.actions}</th>
          </tr>
        </thead>
        <tbody>
          {p.legacy.map((l) => (
            <tr>
              <td data-label={m.legacyName} safe>
                {l.legacyName}
              </td>
              <td data-label={m.legacyRole} safe>
                {roleName(l.roleCode)}
              </td>
              <td data-label={m.note} safe>
                {l.note ?? '—'}
              </td>
              <td data-label={m.origin} safe>
                {origin(l.editedAt, l.editedBy, p.editor)}
              </td>
              <td data-label={m.actions}>
                <EditLink href={`${LEGACY_PATH}/${enc(l.legacyName)}`} what={l.legacyName} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </SignedInLayout>
  );
}

/** The frame of one edit form: breadcrumbs, error summary, heading, Save / Cancel. */
function EditShell(
  p: PropsWithChildren<{
    frame: SignedInFrame;
    title: string;
    action: string;
    summary?: FormError[] | undefined;
    qa: string;
    intro?: JSX.Element;
  }> &
    RestoreProps,
): JSX.Element {
  const safeChildren = p.children;
  const safeIntro = p.intro ?? '';
  const restores = p.restores ?? [];
  return (
    <SignedInLayout title={p.title} frame={p.frame} hasErrors={!!p.summary?.length} breadcrumbs={[...dictCrumbs, { label: p.title }]}>
      <ErrorSummary errors={p.summary ?? []} />
      {p.problem ? <Notice tone="error" qa="dictionary-problem" text={p.problem} /> : ''}
      <p class="muted" safe>{`${m.module}: ${m.title}`}</p>
      <h1 data-qa={p.qa} safe>
        {p.title}
      </h1>
      {safeIntro}
      <form method="post" action={p.action} novalidate data-module="prevent-double-submit">
        <CsrfField token={p.frame.csrf} />
        {safeChildren}
        <div class="button-group">
          <button class="button" type="submit" data-qa="dictionary-save">
            {m.save}
          </button>
          <a class="button button--secondary" href={DICT_PATH}>
            {m.cancel}
          </a>
        </div>
      </form>
      {restores.length ? (
        <section class="card" aria-labelledby="restore-title" data-qa="dictionary-restore">
          <h2 id="restore-title">{m.restoreTitle}</h2>
          <p>{m.restoreLead}</p>
          {restores.map((r) => (
            <form method="post" action={r.action} data-module="prevent-double-submit">
              <CsrfField token={p.frame.csrf} />
              <button class="button button--secondary" type="submit" safe>
                {r.label}
              </button>
            </form>
          ))}
        </section>
      ) : (
        ''
      )}
    </SignedInLayout>
  );
}

function Box(p: { name: string; label: string; checked: boolean; describedBy?: string | undefined }): JSX.Element {
  return (
    <div class="field field--checkbox">
      <input class="checkbox__input" type="checkbox" id={`f-${p.name}`} name={p.name} value="tak" checked={p.checked} aria-describedby={p.describedBy} />
      <label class="checkbox__label" for={`f-${p.name}`} safe>
        {p.label}
      </label>
    </div>
  );
}

export function KindEditPage(
  p: {
    frame: SignedInFrame;
    kind: KindRow;
    values: { nazwa: string; centralna: boolean; nadzorujaca: boolean; sprawozdajaca: boolean };
    summary?: FormError[] | undefined;
    errors?: FormErrors | undefined;
  } & RestoreProps,
): JSX.Element {
  const classError = p.errors?.klasa;
  return (
    <EditShell
      frame={p.frame}
      title={m.editKind(p.kind.code)}
      action={`${KINDS_PATH}/${p.kind.code}`}
      summary={p.summary}
      qa="page-dictionary-kind"
      restores={p.restores}
      problem={p.problem}
      intro={<p safe>{`${m.code}: ${p.kind.code}`}</p>}
    >
      <TextField name="nazwa" label={m.name} required maxlength={200} value={p.values.nazwa} errors={p.errors} />
      <div class={`field${classError ? ' field--error' : ''}`}>
        <fieldset id="f-klasa" aria-describedby={`f-klasa-hint${classError ? ' f-klasa-error' : ''}`}>
          <legend class="field__label">
            {m.unitClass}
            <span aria-hidden="true"> *</span>
          </legend>
          <p class="field__hint" id="f-klasa-hint">
            {m.classHint}
          </p>
          {classError ? (
            <p class="field__error" id="f-klasa-error">
              <span class="visually-hidden">Błąd: </span>
              <span safe>{classError}</span>
            </p>
          ) : (
            ''
          )}
          <Box name="centralna" label={m.classCentral} checked={p.values.centralna} />
          <Box name="nadzorujaca" label={m.classSupervising} checked={p.values.nadzorujaca} />
          <Box name="sprawozdajaca" label={m.classReporting} checked={p.values.sprawozdajaca} />
        </fieldset>
      </div>
    </EditShell>
  );
}

export function NamedEditPage(
  p: {
    frame: SignedInFrame;
    kind: 'role' | 'permission';
    code: string;
    heading: string;
    values: { nazwa: string; opis: string };
    summary?: FormError[] | undefined;
    errors?: FormErrors | undefined;
  } & RestoreProps,
): JSX.Element {
  const role = p.kind === 'role';
  return (
    <EditShell
      frame={p.frame}
      title={role ? m.editRole(p.heading) : m.editPermission(p.code)}
      action={`${role ? ROLES_PATH : PERMISSIONS_PATH}/${p.code}`}
      summary={p.summary}
      qa={role ? 'page-dictionary-role' : 'page-dictionary-permission'}
      restores={p.restores}
      problem={p.problem}
      intro={
        <p>
          {m.code}: <code safe>{p.code}</code>
        </p>
      }
    >
      <TextField name="nazwa" label={m.name} required maxlength={200} value={p.values.nazwa} errors={p.errors} />
      <TextArea
        name="opis"
        label={role ? m.description : m.businessDescription}
        required
        rows={5}
        maxlength={role ? 2000 : 1000}
        value={p.values.opis}
        errors={p.errors}
      />
    </EditShell>
  );
}

export function LegacyEditPage(
  p: {
    frame: SignedInFrame;
    row: LegacyRow;
    roleOptions: { code: string; name: string }[];
    values: { rola: string; uwaga: string };
    summary?: FormError[] | undefined;
    errors?: FormErrors | undefined;
  } & RestoreProps,
): JSX.Element {
  const roleError = p.errors?.rola;
  return (
    <EditShell
      frame={p.frame}
      title={m.editLegacy}
      action={`${LEGACY_PATH}/${enc(p.row.legacyName)}`}
      summary={p.summary}
      qa="page-dictionary-legacy"
      restores={p.restores}
      problem={p.problem}
      intro={<p safe>{`${m.legacyName}: ${p.row.legacyName}`}</p>}
    >
      <div class={`field${roleError ? ' field--error' : ''}`}>
        <label class="field__label" for="f-rola">
          {m.legacyRole}
        </label>
        {roleError ? (
          <p class="field__error" id="f-rola-error">
            <span class="visually-hidden">Błąd: </span>
            <span safe>{roleError}</span>
          </p>
        ) : (
          ''
        )}
        <select class="field__input" id="f-rola" name="rola" aria-describedby={roleError ? 'f-rola-error' : undefined}>
          <option value="" selected={p.values.rola === ''}>
            {m.notCarried}
          </option>
          {p.roleOptions.map((r) => (
            <option value={r.code} selected={p.values.rola === r.code} safe>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      <TextArea name="uwaga" label={m.note} hint={m.noteHint} rows={3} maxlength={500} value={p.values.uwaga} errors={p.errors} />
    </EditShell>
  );
}

/** "Uprawnienia ról": one checkbox per role and permission; works without JavaScript (a plain form). */
export function MatrixPage(p: {
  frame: SignedInFrame;
  roles: RoleRow[];
  permissions: PermissionRow[];
  checked: ReadonlySet<string>;
  /** the version of the map as it is in the database now (a change by someone else in between is caught) */
  version: string;
  summary?: FormError[] | undefined;
  errors?: FormErrors | undefined;
}): JSX.Element {
  const ownError = p.errors?.macierz;
  return (
    <EditShell frame={p.frame} title={m.matrixTitle} action={MATRIX_PATH} summary={p.summary} qa="page-dictionary-matrix" intro={<p>{m.matrixLead}</p>}>
      <>
        <input type="hidden" name="wersja" value={p.version} />
        {ownError ? (
          <p class="field__error" id="f-macierz" tabindex="-1">
            <span class="visually-hidden">Błąd: </span>
            <span safe>{ownError}</span>
          </p>
        ) : (
          ''
        )}
        {p.roles.map((r) => {
          const err = p.errors?.[`rola-${r.code}`];
          return (
            <div class={`field${err ? ' field--error' : ''}`}>
              <fieldset id={`f-rola-${r.code}`} data-qa={`matrix-${r.code}`} aria-describedby={err ? `f-rola-${r.code}-error` : undefined}>
                <legend class="field__label" safe>
                  {r.name}
                </legend>
                {err ? (
                  <p class="field__error" id={`f-rola-${r.code}-error`}>
                    <span class="visually-hidden">Błąd: </span>
                    <span safe>{err}</span>
                  </p>
                ) : (
                  ''
                )}
                <div class="matrix-row">
                  {p.permissions.map((x) => {
                    const id = `f-p-${r.code}-${x.code}`;
                    return (
                      <div class="field field--checkbox">
                        <input
                          class="checkbox__input"
                          type="checkbox"
                          id={id}
                          name="p"
                          value={`${r.code}:${x.code}`}
                          checked={p.checked.has(`${r.code}:${x.code}`)}
                        />
                        <label class="checkbox__label" for={id}>
                          <span safe>{x.name}</span> <code class="muted" safe>{`(${x.code})`}</code>
                        </label>
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            </div>
          );
        })}
      </>
    </EditShell>
  );
}
