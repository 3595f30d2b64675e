import type { FormError, FormErrors } from '../../../lib/forms.ts';
import { ErrorSummary } from '../../../views/components/ErrorSummary.tsx';
import { CsrfField, TextArea, TextField } from '../../../views/components/Field.tsx';
import { Notice } from '../../../views/components/Notice/Notice.tsx';
import { PortalLayout, type SignedInFrame } from '../../../views/layouts/SignedInLayout.tsx';
import { CONTACT_TOPICS, contactMessages as m } from './messages.ts';

export interface ContactPageProps {
  /** the user menu when a signed-in user writes; its token is the form's token */
  frame?: SignedInFrame | null;
  csrf: string;
  formId: string;
  values?: Record<string, string>;
  summary?: FormError[];
  errors?: FormErrors;
}

const crumbs = [{ href: '/', label: 'Strona główna' }, { label: m.title }];

export function ContactPage(p: ContactPageProps): JSX.Element {
  const v = p.values ?? {};
  const errors = p.errors ?? {};
  const topicError = errors.topic;
  return (
    <PortalLayout frame={p.frame} title={m.title} hasErrors={!!p.summary?.length} breadcrumbs={crumbs}>
      <ErrorSummary errors={p.summary ?? []} />
      <h1 data-qa="page-kontakt">Skontaktuj się z nami</h1>
      <section aria-labelledby="helpline">
        <h2 id="helpline">Infolinia Centrum e-Zdrowia</h2>
        <dl class="kv">
          <div>
            <dt>Telefon</dt>
            <dd>19239</dd>
          </div>
          <div>
            <dt>Sprawy logowania</dt>
            <dd>
              <a href="mailto:logowanie@cez.gov.pl">logowanie@cez.gov.pl</a>
            </dd>
          </div>
          <div>
            <dt>Sprawy statystyki</dt>
            <dd>
              <a href="mailto:statystyka@cez.gov.pl">statystyka@cez.gov.pl</a>
            </dd>
          </div>
        </dl>
        <p class="muted">W zgłoszeniu dotyczącym logowania podaj imię i nazwisko oraz 3 ostatnie cyfry numeru PESEL — nigdy cały numer.</p>
      </section>
      <section aria-labelledby="form-title">
        <h2 id="form-title">Napisz do nas</h2>
        <p>Odpowiemy na adres e-mail podany w formularzu. Pola oznaczone * są obowiązkowe.</p>
        <form method="post" action="/kontakt" novalidate data-module="prevent-double-submit" data-qa="contact-form">
          <CsrfField token={p.csrf} />
          <input type="hidden" name="formId" value={p.formId} />
          <TextField name="name" label="Imię i nazwisko" required autocomplete="name" maxlength={120} value={v.name} errors={errors} />
          <TextField name="email" label="Adres e-mail" type="email" required autocomplete="email" maxlength={254} value={v.email} errors={errors} />
          <div class={`field${topicError ? ' field--error' : ''}`}>
            <fieldset class="radios" id="f-topic" aria-describedby={topicError ? 'f-topic-error' : undefined}>
              <legend class="field__label">
                Temat<span aria-hidden="true"> *</span>
              </legend>
              {topicError ? (
                <p class="field__error" id="f-topic-error">
                  <span class="visually-hidden">Błąd: </span>
                  <span safe>{topicError}</span>
                </p>
              ) : (
                ''
              )}
              {CONTACT_TOPICS.map((t, i) => (
                <div class="radio">
                  <input type="radio" id={`f-topic-${i}`} name="topic" value={t.value} checked={v.topic === t.value} />
                  <label for={`f-topic-${i}`}>{t.label}</label>
                </div>
              ))}
            </fieldset>
          </div>
          <TextArea
            name="message"
            label="Treść wiadomości"
            required
            maxlength={4000}
            rows={8}
            value={v.message}
            errors={errors}
            hint="Nie podawaj w wiadomości numeru PESEL ani haseł."
          />
          <div class="button-group">
            <button class="button" type="submit">
              Wyślij wiadomość
            </button>
          </div>
        </form>
      </section>
    </PortalLayout>
  );
}

export function ContactSentPage({ referenceNo, frame }: { referenceNo: string; frame?: SignedInFrame | null }): JSX.Element {
  return (
    <PortalLayout frame={frame} title={m.sentTitle} breadcrumbs={crumbs}>
      <Notice tone="success" title="Wiadomość została wysłana" titleLevel={1} titleId="contact-sent-title" qa="contact-sent">
        <p>
          Numer zgłoszenia:{' '}
          <strong data-qa="contact-reference" safe>
            {referenceNo}
          </strong>
        </p>
      </Notice>
      <p>Potwierdzenie z numerem zgłoszenia wysłaliśmy na podany adres e-mail. Odpowiemy najszybciej, jak to możliwe.</p>
      <p>
        <a class="button button--secondary" href="/">
          Wróć do strony głównej
        </a>
      </p>
    </PortalLayout>
  );
}
