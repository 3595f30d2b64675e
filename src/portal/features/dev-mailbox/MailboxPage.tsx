import type { MailboxMessage } from '../../../db/repositories/messages.ts';
import { formatDateTimePl } from '../../../lib/text.ts';
import { Layout } from '../../../views/layouts/Layout.tsx';

const crumbs = [{ href: '/', label: 'Strona główna' }, { label: 'Skrzynka demonstracyjna' }];

export function MailboxPage({ messages, to }: { messages: MailboxMessage[]; to: string }): JSX.Element {
  return (
    <Layout title="Skrzynka demonstracyjna" breadcrumbs={crumbs}>
      <h1 data-qa="page-poczta">Skrzynka demonstracyjna</h1>
      <div class="notice notice--warning">
        <p>
          Tryb demonstracyjny: wszystkie wiadomości e-mail i SMS wysłane przez system trafiają tutaj, a nie do prawdziwych adresatów. Ta strona nie istnieje w
          trybie produkcyjnym.
        </p>
      </div>
      <form method="get" action="/dev/poczta" class="field">
        <label class="field__label" for="f-to">
          Adresat (e-mail lub numer telefonu)
        </label>
        <input class="field__input" id="f-to" name="to" type="text" value={to} />
        <div class="button-group">
          <button class="button button--secondary" type="submit">
            Filtruj
          </button>
          <a class="button button--link" href="/dev/poczta">
            Pokaż wszystkie
          </a>
        </div>
      </form>
      <p>
        Wszystkich pozycji: <strong data-qa="mailbox-count">{messages.length}</strong>
      </p>
      {messages.length === 0 ? (
        <p class="muted">Brak wiadomości.</p>
      ) : (
        <ol class="mailbox">
          {messages.map((m) => (
            <li class="mailbox__item" data-qa="mailbox-item">
              <p class="mailbox__meta">
                <span class="badge">{m.channel === 'sms' ? 'SMS' : 'E-mail'}</span> <span safe>{`do: ${m.to}`}</span> ·{' '}
                <time datetime={m.createdAt} safe>
                  {formatDateTimePl(new Date(m.createdAt))}
                </time>
              </p>
              <p>
                <a href={`/dev/poczta/${m.id}`} safe>
                  {m.subject ?? m.text.slice(0, 80)}
                </a>
              </p>
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}

/** Links in the message text become clickable; everything else is escaped. */
function linkify(text: string): JSX.Element {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return parts
    .map((part, i) =>
      i % 2 === 1 ? (
        <a href={part} safe>
          {part}
        </a>
      ) : (
        <span safe>{part}</span>
      ),
    )
    .join('');
}

export function MessagePage({ message }: { message: MailboxMessage }): JSX.Element {
  const title = message.subject ?? (message.channel === 'sms' ? 'Wiadomość SMS' : 'Wiadomość');
  return (
    <Layout title={title} breadcrumbs={[...crumbs.slice(0, 1), { href: '/dev/poczta', label: 'Skrzynka demonstracyjna' }, { label: title }]}>
      <h1 safe>{title}</h1>
      <dl class="kv">
        <div>
          <dt>Kanał</dt>
          <dd>{message.channel === 'sms' ? 'SMS' : 'E-mail'}</dd>
        </div>
        <div>
          <dt>Do</dt>
          <dd safe>{message.to}</dd>
        </div>
        <div>
          <dt>Wysłano</dt>
          <dd safe>{formatDateTimePl(new Date(message.createdAt))}</dd>
        </div>
      </dl>
      <h2>Treść</h2>
      <pre class="mailbox__text" data-qa="message-text">
        {linkify(message.text)}
      </pre>
      <p>
        <a href="/dev/poczta">Wróć do listy wiadomości</a>
      </p>
    </Layout>
  );
}
