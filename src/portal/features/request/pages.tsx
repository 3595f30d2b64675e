import type { UnitForRequest, UnitSearchResult } from '../../../db/repositories/unit-search.ts';
import type { RoleDef } from '../../../domain/reference-data.ts';
import type { FormError, FormErrors } from '../../../lib/forms.ts';
import { ErrorSummary } from '../../../views/components/ErrorSummary.tsx';
import { Checkbox, CsrfField, ContactFields, TextField } from '../../../views/components/Field.tsx';
import { Notice } from '../../../views/components/Notice/Notice.tsx';
import { Pagination, PaginationSummary, type PagingProps } from '../../../views/components/Pagination/Pagination.tsx';
import { Steps } from '../../../views/components/Steps.tsx';
import { SummaryList } from '../../../views/components/SummaryList/SummaryList.tsx';
import { AttachmentsBlock, type AttachmentsFeedback } from '../../../views/components/Attachments.tsx';
import type { AttachmentRow } from '../../../db/repositories/attachments.ts';
import { SignedInLayout, type SignedInFrame } from '../../../views/layouts/SignedInLayout.tsx';
import { requestMessages as m } from './messages.ts';

export interface Flow {
  title: string;
  steps: readonly string[];
  /** index (1-based) of the roles step in this flow */
  rolesStep: number;
  /** where the steps live, e.g. /profil/wniosek or /profil/<id>/wniosek */
  base: string;
  /** step 1 of the new-profile flow; absent when adding roles to a profile */
  unitStep: string | null;
}

export interface SearchParams {
  rodzaj: string;
  nip: string;
  regon: string;
  ksiega: string;
  nazwa: string;
  sortuj: 'name' | 'kind' | 'nip';
  kierunek: 'asc' | 'desc';
  strona: number;
  naStronie: 10 | 25 | 50 | 100;
}

/** "Dane wybranej jednostki"; `change` is the way back to step 1 where the flow has one. */
function UnitData({ unit, change }: { unit: UnitForRequest; change?: string | null }): JSX.Element {
  return (
    <SummaryList
      qa="unit-data"
      action={change ? { href: change, text: 'Wybierz inną jednostkę' } : undefined}
      rows={[
        { label: 'Rodzaj', value: unit.kindCode },
        { label: 'Nazwa', value: unit.name },
        { label: 'NIP', value: unit.nip },
        { label: 'REGON', value: unit.regon },
        { label: 'Numer księgi rejestrowej', value: unit.registryBookNo },
      ]}
    />
  );
}

const SEARCH_CRITERIA = ['rodzaj', 'nip', 'regon', 'ksiega', 'nazwa'] as const;

/** Paging of the unit list: every link and "Pokaż" keep the criteria and the sort order. */
function searchPaging(base: string, p: SearchParams, r: UnitSearchResult): PagingProps {
  const query: [string, string][] = SEARCH_CRITERIA.filter((k) => p[k]).map((k) => [k, p[k]]);
  query.push(['sortuj', p.sortuj], ['kierunek', p.kierunek], ['naStronie', String(p.naStronie)]);
  if (r.page > 1) query.push(['strona', String(r.page)]);
  return {
    path: base,
    query,
    pageParam: 'strona',
    sizeParam: 'naStronie',
    page: r.page,
    pageCount: r.pageCount,
    total: r.total,
    pageSize: p.naStronie,
    pageSizes: [10, 25, 50, 100],
    label: 'Strony wyników',
    sizeId: 'f-naStronie',
    totalQa: 'unit-total',
  };
}

export function UnitSearchPage(p: {
  frame: SignedInFrame;
  flow: Flow;
  kinds: { code: string; name: string }[];
  params: SearchParams;
  result: UnitSearchResult | null;
  searched: boolean;
}): JSX.Element {
  const r = p.result;
  const base = `${p.flow.base}`;
  const paging = r ? searchPaging(base, p.params, r) : null;
  return (
    <SignedInLayout title={p.flow.title} frame={p.frame}>
      <Steps steps={p.flow.steps} current={1} />
      <p class="muted">Wniosek o nowy profil w SSOZ II</p>
      <h1 data-qa="page-unit-search">Wyszukaj i wybierz jednostkę, za którą będziesz składał sprawozdania lub pełnił inną rolę</h1>
      <form method="get" action={base} class="search-form" role="search" aria-label="Wyszukiwarka jednostek">
        <p class="field__hint" id="search-hint">
          {m.searchHint}
        </p>
        <div class="field">
          <label class="field__label" for="f-rodzaj">
            Rodzaj
          </label>
          <select class="field__input" id="f-rodzaj" name="rodzaj">
            <option value="">— wszystkie —</option>
            {p.kinds.map((k) => (
              <option value={k.code} selected={k.code === p.params.rodzaj} safe>{`${k.code} — ${k.name}`}</option>
            ))}
          </select>
        </div>
        <TextField name="nip" label="NIP" value={p.params.nip} inputmode="numeric" maxlength={13} />
        <TextField name="regon" label="REGON" value={p.params.regon} inputmode="numeric" maxlength={17} />
        <TextField name="ksiega" label="Numer księgi rejestrowej" value={p.params.ksiega} maxlength={30} />
        <TextField
          name="nazwa"
          label="Nazwa jednostki"
          value={p.params.nazwa}
          maxlength={200}
          hint="Dla podmiotów leczniczych i praktyk zawodowych zgodna z Rejestrem Podmiotów Wykonujących Działalność Leczniczą – RPWDL"
        />
        <input type="hidden" name="sortuj" value={p.params.sortuj} />
        <input type="hidden" name="kierunek" value={p.params.kierunek} />
        <input type="hidden" name="naStronie" value={String(p.params.naStronie)} />
        <div class="button-group">
          <button class="button" type="submit">
            Szukaj
          </button>
          <a class="button button--secondary" href={base}>
            Wyczyść
          </a>
        </div>
      </form>
      {p.searched ? (
        <section aria-labelledby="units-title" data-qa="unit-results">
          <h2 id="units-title">Lista jednostek</h2>
          {!r || !paging || r.total === 0 ? (
            <p>{r ? 'Nie znaleziono jednostek spełniających podane kryteria. Sprawdź wpisane dane.' : m.searchHint}</p>
          ) : (
            <>
              <PaginationSummary {...paging} controls={['sortuj', 'kierunek']}>
                <label class="field__label" for="f-sortuj">
                  sortuj
                </label>
                <select class="field__input" id="f-sortuj" name="sortuj">
                  <option value="name" selected={p.params.sortuj === 'name'}>
                    Nazwa
                  </option>
                  <option value="kind" selected={p.params.sortuj === 'kind'}>
                    Rodzaj
                  </option>
                  <option value="nip" selected={p.params.sortuj === 'nip'}>
                    NIP
                  </option>
                </select>
                <label class="visually-hidden" for="f-kierunek">
                  Kierunek sortowania
                </label>
                <select class="field__input" id="f-kierunek" name="kierunek">
                  <option value="asc" selected={p.params.kierunek === 'asc'}>
                    rosnąco
                  </option>
                  <option value="desc" selected={p.params.kierunek === 'desc'}>
                    malejąco
                  </option>
                </select>
              </PaginationSummary>
              <table class="table" data-qa="unit-table">
                <caption class="visually-hidden">Jednostki spełniające kryteria wyszukiwania</caption>
                <thead>
                  <tr>
                    <th scope="col">Rodzaj</th>
                    <th scope="col">Nazwa</th>
                    <th scope="col">NIP</th>
                    <th scope="col">REGON</th>
                    <th scope="col">Numer księgi rejestrowej</th>
                    <th scope="col">Miejscowość</th>
                    <th scope="col">
                      <span class="visually-hidden">Akcja</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {r.rows.map((u) => (
                    <tr>
                      <td data-label="Rodzaj" safe>
                        {u.kindCode}
                      </td>
                      <td data-label="Nazwa" safe>
                        {u.name}
                      </td>
                      <td data-label="NIP" safe>
                        {u.nip ?? '—'}
                      </td>
                      <td data-label="REGON" safe>
                        {u.regon ?? '—'}
                      </td>
                      <td data-label="Numer księgi rejestrowej" safe>
                        {u.registryBookNo ?? '—'}
                      </td>
                      <td data-label="Miejscowość" safe>
                        {u.locality ?? '—'}
                      </td>
                      <td>
                        <form method="post" action={`${base}/jednostka`}>
                          <CsrfField token={p.frame.csrf} />
                          <input type="hidden" name="unitId" value={u.id} />
                          <button class="button button--secondary" type="submit" aria-label={`Wybierz: ${u.name}`}>
                            Wybierz
                          </button>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pagination {...paging} />
            </>
          )}
        </section>
      ) : (
        ''
      )}
    </SignedInLayout>
  );
}

export function RolesPage(p: {
  frame: SignedInFrame;
  flow: Flow;
  unit: UnitForRequest;
  offered: RoleDef[];
  held: RoleDef[];
  pending: RoleDef[];
  values: { roleCodes: string[]; phone: string; email: string };
  summary?: FormError[];
  errors?: FormErrors;
}): JSX.Element {
  const e = p.errors ?? {};
  return (
    <SignedInLayout title={p.flow.title} frame={p.frame} hasErrors={!!p.summary?.length}>
      <ErrorSummary errors={p.summary ?? []} />
      <Steps steps={p.flow.steps} current={p.flow.rolesStep} />
      <p class="muted" safe>
        {p.flow.title}
      </p>
      <h1 data-qa="page-roles">Wybierz role i podaj dane kontaktowe</h1>
      <h2>Dane wybranej jednostki</h2>
      <UnitData unit={p.unit} />
      <form method="post" action={`${p.flow.base}/role`} novalidate data-module="prevent-double-submit">
        <CsrfField token={p.frame.csrf} />
        <h2>Wybierz role</h2>
        {p.offered.length === 0 ? (
          <Notice tone="info" text={m.noRolesLeft} />
        ) : (
          <div class={`field${e.roles ? ' field--error' : ''}`}>
            <fieldset id="f-roles" aria-describedby={e.roles ? 'f-roles-error' : undefined}>
              <legend class="field__label">
                Wybierz role, które będziesz pełnił w wybranej jednostce<span aria-hidden="true"> *</span>
              </legend>
              {e.roles ? (
                <p class="field__error" id="f-roles-error">
                  <span class="visually-hidden">Błąd: </span>
                  <span safe>{e.roles}</span>
                </p>
              ) : (
                ''
              )}
              {p.offered.map((r, i) => (
                <div class="field--checkbox">
                  <input
                    class="checkbox__input"
                    type="checkbox"
                    id={`f-role-${i}`}
                    name="roles"
                    value={r.code}
                    checked={p.values.roleCodes.includes(r.code)}
                    aria-describedby={`f-role-${i}-hint`}
                  />
                  <label class="checkbox__label" for={`f-role-${i}`} safe>
                    {r.name}
                  </label>
                  <p class="field__hint" id={`f-role-${i}-hint`} safe>
                    {r.description}
                  </p>
                </div>
              ))}
            </fieldset>
          </div>
        )}
        {p.held.length ? (
          <>
            <h3>Role, które już pełnisz w tej jednostce</h3>
            <ul data-qa="held-roles">
              {p.held.map((r) => (
                <li safe>{`✓ ${r.name}`}</li>
              ))}
            </ul>
          </>
        ) : (
          ''
        )}
        {p.pending.length ? (
          <>
            <h3>Role, o które już wnioskujesz w tej jednostce</h3>
            <p class="field__hint">Wnioski o te role czekają na zakończenie lub na weryfikację.</p>
            <ul data-qa="pending-roles">
              {p.pending.map((r) => (
                <li safe>{r.name}</li>
              ))}
            </ul>
          </>
        ) : (
          ''
        )}
        <h2>Twoje dane kontaktowe w jednostce</h2>
        <ContactFields values={p.values} errors={e} />
        <p class="muted">* Pole obowiązkowe</p>
        <div class="button-group">
          <button class="button" type="submit" name="akcja" value="dalej" disabled={p.offered.length === 0}>
            Dalej &gt;
          </button>
          {p.flow.unitStep ? (
            <a class="button button--secondary" href={p.flow.unitStep}>
              ← Wstecz
            </a>
          ) : (
            ''
          )}
          <button class="button button--link" type="submit" name="akcja" value="anuluj" formnovalidate>
            Anuluj
          </button>
        </div>
      </form>
    </SignedInLayout>
  );
}

export function SummaryPage(p: {
  frame: SignedInFrame;
  flow: Flow;
  unit: UnitForRequest;
  roles: RoleDef[];
  phone: string;
  email: string;
  draftId: string;
  summary?: FormError[];
  errors?: FormErrors;
}): JSX.Element {
  const e = p.errors ?? {};
  return (
    <SignedInLayout title={p.flow.title} frame={p.frame} hasErrors={!!p.summary?.length}>
      <ErrorSummary errors={p.summary ?? []} />
      <Steps steps={p.flow.steps} current={p.flow.rolesStep + 1} />
      <p class="muted" safe>
        {p.flow.title}
      </p>
      <h1 data-qa="page-summary">Zweryfikuj dane</h1>
      <h2>Dane wybranej jednostki</h2>
      <UnitData unit={p.unit} change={p.flow.unitStep} />
      <h2>Wnioskowane role</h2>
      <ul data-qa="summary-roles">
        {p.roles.map((r) => (
          <li safe>{`✓ ${r.name}`}</li>
        ))}
      </ul>
      <p>
        <a href={`${p.flow.base}/role`}>Wybierz inne role</a>
      </p>
      <h2>Twoje dane kontaktowe w jednostce</h2>
      <SummaryList
        qa="summary-contact"
        rows={[
          { label: 'Telefon', value: p.phone },
          { label: 'Adres e-mail', value: p.email },
        ]}
        action={{ href: `${p.flow.base}/role#f-phone`, text: 'Popraw dane' }}
      />
      <form method="post" action={`${p.flow.base}/podsumowanie`} novalidate data-module="prevent-double-submit">
        <CsrfField token={p.frame.csrf} />
        <input type="hidden" name="draftId" value={p.draftId} />
        <h2>Oświadczenie</h2>
        <Checkbox
          name="statement"
          label="Potwierdzam zgodność danych ze stanem faktycznym"
          required
          errors={e}
          hint="Zapoznaj się z treścią oświadczenia i potwierdź je przed wysłaniem wniosku"
        />
        <p class="muted">* Pole obowiązkowe</p>
        <div class="button-group">
          <button class="button" type="submit" name="akcja" value="zapisz">
            Zapisz wniosek
          </button>
          <a class="button button--secondary" href={`${p.flow.base}/role`}>
            ← Wstecz
          </a>
          <button class="button button--link" type="submit" name="akcja" value="anuluj">
            Anuluj
          </button>
        </div>
      </form>
    </SignedInLayout>
  );
}

export function DownloadPage(p: {
  frame: SignedInFrame;
  title: string;
  steps: readonly string[];
  submissionId: string;
  requests: { number: string; roleName: string }[];
  downloaded: boolean;
  summary?: FormError[];
  errors?: FormErrors;
  files: AttachmentRow[];
  maxMb: number;
  added?: number;
  fileFeedback?: AttachmentsFeedback;
  delivery?: string;
  /** "Zakończ" was done: the requests are pending; the page stays for the PDF and the files */
  finished?: boolean;
}): JSX.Element {
  const e = p.errors ?? {};
  return (
    <SignedInLayout title={p.title} frame={p.frame} hasErrors={!!p.summary?.length}>
      <ErrorSummary errors={p.summary ?? []} />
      <Steps steps={p.steps} current={p.steps.length} />
      <p class="muted" safe>
        {p.title}
      </p>
      <h1 data-qa="page-download">Pobierz wniosek</h1>
      <Notice tone="success" text="Wygenerowano wnioski dla wybranych ról. Każda z ról uzyskała osobny numer wniosku." />
      <table class="table" data-qa="request-numbers">
        <caption class="visually-hidden">Numery wniosków</caption>
        <thead>
          <tr>
            <th scope="col">Numer wniosku</th>
            <th scope="col">Wnioskowana rola</th>
          </tr>
        </thead>
        <tbody>
          {p.requests.map((r) => (
            <tr>
              <td data-label="Numer wniosku" safe>
                {r.number}
              </td>
              <td data-label="Wnioskowana rola" safe>
                {r.roleName}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class={`field${e.pdf ? ' field--error' : ''}`} id="f-pdf">
        <p>
          <strong>Aby móc zakończyć proces wnioskowania, pobierz wniosek dla wszystkich wnioskowanych ról (plik PDF)</strong>
          <span aria-hidden="true"> *</span>
        </p>
        {e.pdf ? (
          <p class="field__error">
            <span class="visually-hidden">Błąd: </span>
            <span safe>{e.pdf}</span>
          </p>
        ) : (
          ''
        )}
        <p>
          <a class="button button--secondary" href={`/wnioski/${p.submissionId}/pdf`} data-qa="pdf-download">
            Pobierz
          </a>
          {p.downloaded ? <span class="badge badge--ok"> Pobrano</span> : ''}
        </p>
      </div>
      <h2>Załącz pobrany wniosek</h2>
      <p>Pobrany wniosek musisz przekazać do weryfikacji. Wymagane są pieczęć jednostki, twój podpis i podpis kierownika jednostki.</p>
      <p>Pobrany i podpisany wniosek przekaż do weryfikacji w następujący sposób:</p>
      <ol>
        <li>Załącz do systemu wniosek z pieczęcią podpisaną elektronicznie, lub</li>
        <li>Załącz do systemu skan lub zdjęcie wydrukowanego wniosku z pieczęcią jednostki i z podpisami ręcznymi, lub</li>
        <li>
          Wyślij mailem na wskazany adres e-mail wniosek podpisany elektronicznie, lub skan lub zdjęcie wniosku z pieczęcią i z podpisami ręcznymi — adres
          e-mail znajdziesz w sekcji „Miejsce przekazania wniosku”, lub
        </li>
        <li>
          Jeśli nie masz możliwości przekazania podpisanego wniosku drogą elektroniczną, wyślij wydrukowany dokument pocztą na adres wskazany w sekcji „Miejsce
          przekazania wniosku”.
        </li>
      </ol>
      <p>Jeśli nie możesz załączyć podpisanego wniosku teraz, możesz to zrobić później w widoku Moje konto.</p>
      {p.added ? <Notice tone="success" text={`Załączono plików: ${p.added}. Każdy plik jest sprawdzany pod kątem bezpieczeństwa.`} /> : ''}
      <AttachmentsBlock
        submissionId={p.submissionId}
        csrf={p.frame.csrf}
        files={p.files}
        returnTo="wniosek"
        canChange
        maxMb={p.maxMb}
        {...(p.fileFeedback ? { feedback: p.fileFeedback } : {})}
      />
      {p.finished ? (
        <div data-qa="request-finished">
          <Notice
            tone="info"
            text="Wniosek został zakończony i ma status oczekującego: jest widoczny dla osób uprawnionych do jego weryfikacji. Podpisany plik możesz nadal załączyć powyżej lub w widoku Moje konto."
          />
          <p>
            <a class="button" href="/moje-konto">
              Przejdź do widoku Moje konto
            </a>
          </p>
        </div>
      ) : (
        <form method="post" action={`/wnioski/${p.submissionId}/zakoncz`} novalidate data-module="prevent-double-submit">
          <CsrfField token={p.frame.csrf} />
          <div class={`field${e.delivery ? ' field--error' : ''}`}>
            <fieldset class="radios" id="f-delivery">
              <legend class="field__label">
                Kiedy chcesz przekazać podpisany wniosek<span aria-hidden="true"> *</span>
              </legend>
              {e.delivery ? (
                <p class="field__error">
                  <span class="visually-hidden">Błąd: </span>
                  <span safe>{e.delivery}</span>
                </p>
              ) : (
                ''
              )}
              <div class="radio">
                <input type="radio" id="f-delivery-now" name="delivery" value="now" checked={p.delivery === 'now' || (!p.delivery && p.files.length > 0)} />
                <label for="f-delivery-now">Teraz załączę plik</label>
              </div>
              <div class="radio">
                <input
                  type="radio"
                  id="f-delivery-later"
                  name="delivery"
                  value="later"
                  checked={p.delivery === 'later' || (!p.delivery && p.files.length === 0)}
                />
                <label for="f-delivery-later">Później załączę plik lub wyślę go mailem</label>
              </div>
            </fieldset>
          </div>
          <p class="muted">* Pole obowiązkowe</p>
          <div class="button-group">
            <button class="button" type="submit">
              Zakończ
            </button>
          </div>
        </form>
      )}
    </SignedInLayout>
  );
}
