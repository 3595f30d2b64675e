import type { FormError, FormErrors } from '../../../lib/forms.ts';
import { ErrorSummary } from '../../../views/components/ErrorSummary.tsx';
import { CsrfField, ContactFields, TextField } from '../../../views/components/Field.tsx';
import { Steps } from '../../../views/components/Steps.tsx';
import { SignedInLayout, type SignedInFrame } from '../../../views/layouts/SignedInLayout.tsx';
import { transferMessages as m } from './messages.ts';
import type { TransferSummary } from './service.ts';

export function TransferLoginPage(p: { frame: SignedInFrame; login?: string; summary?: FormError[]; errors?: FormErrors }): JSX.Element {
  return (
    <SignedInLayout title={m.title} frame={p.frame} hasErrors={!!p.summary?.length}>
      <ErrorSummary errors={p.summary ?? []} />
      <Steps steps={m.steps} current={1} />
      <h1 data-qa="page-transfer-login">Przeniesienie uprawnień z SSOZ I do profilu w SSOZ II</h1>
      <p class="lead">Wpisz login i hasło do twojego konta w SSOZ I</p>
      <form method="post" action="/profil/przeniesienie" novalidate data-module="prevent-double-submit">
        <CsrfField token={p.frame.csrf} />
        <TextField name="login" label="Login konta SSOZ I" autocomplete="off" maxlength={100} value={p.login} errors={p.errors} />
        <TextField name="password" label="Hasło konta SSOZ I" type="password" autocomplete="off" maxlength={200} errors={p.errors} />
        <div class="button-group">
          <a class="button button--secondary" href="/witaj">
            Anuluj
          </a>
          <button class="button" type="submit">
            Dalej &gt;
          </button>
        </div>
      </form>
    </SignedInLayout>
  );
}

export function TransferSummaryPage(p: {
  frame: SignedInFrame;
  s: TransferSummary;
  values: Record<string, string>;
  summary?: FormError[];
  errors?: FormErrors;
}): JSX.Element {
  const u = p.s.unit;
  return (
    <SignedInLayout title={`${m.title} — Podsumowanie`} frame={p.frame} hasErrors={!!p.summary?.length}>
      <ErrorSummary errors={p.summary ?? []} />
      <Steps steps={m.steps} current={2} />
      <p class="muted" safe>
        {u.name}
      </p>
      <h1 data-qa="page-transfer-summary">Podsumowanie</h1>
      <h2>Dane jednostki</h2>
      <table class="table" data-qa="transfer-unit">
        <caption class="visually-hidden">Dane jednostki</caption>
        <thead>
          <tr>
            <th scope="col">Rodzaj jednostki</th>
            <th scope="col">Nazwa</th>
            <th scope="col">NIP</th>
            <th scope="col">REGON</th>
            <th scope="col">Numer księgi rejestrowej</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td data-label="Rodzaj jednostki" safe>
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
          </tr>
        </tbody>
      </table>
      <form method="post" action="/profil/przeniesienie/podsumowanie" novalidate data-module="prevent-double-submit">
        <CsrfField token={p.frame.csrf} />
        <h2>Twoje dane kontaktowe w jednostce</h2>
        <ContactFields values={{ phone: p.values.phone ?? '', email: p.values.email ?? '' }} errors={p.errors} emailLabel="Adres e-mail" />
        <h2>Twoje role w jednostce</h2>
        <h3>Przydzielone role</h3>
        <ul data-qa="carried-roles">
          {p.s.carried.map((c) => (
            <li>
              <strong safe>{c.role.name}</strong> <span class="muted" safe>{`(w SSOZ I: ${c.legacyName})`}</span>
            </li>
          ))}
        </ul>
        {p.s.notCarried.length ? (
          <>
            <h3>Role, które nie zostaną przeniesione</h3>
            <ul data-qa="not-carried-roles">
              {p.s.notCarried.map((n) => (
                <li>
                  <span safe>{n.legacyName}</span>
                  {n.note ? <span class="muted" safe>{` — ${n.note}`}</span> : ''}
                </li>
              ))}
            </ul>
          </>
        ) : (
          ''
        )}
        <p class="muted">* Pole obowiązkowe</p>
        <div class="button-group">
          <a class="button button--secondary" href="/profil/przeniesienie">
            Wróć do poprzedniej strony
          </a>
          <button class="button" type="submit">
            Zakończ
          </button>
        </div>
      </form>
    </SignedInLayout>
  );
}
