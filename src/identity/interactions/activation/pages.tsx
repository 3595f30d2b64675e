import type { ActivationRefusal } from '../../account/service.ts';
import { CsrfField } from '../../../views/components/Field.tsx';
import { Layout } from '../../../views/layouts/Layout.tsx';
import { Notice } from '../components.tsx';

export function ActivatePage(p: { uid: string; csrf: string; email: string; info?: string; error?: string }): JSX.Element {
  return (
    <Layout title="Aktywuj konto" variant="ueoz" breadcrumbs={[{ label: 'Strona główna', href: '/' }, { label: 'Aktywuj konto' }]}>
      <h1 data-qa="page-activate">Aktywuj konto</h1>
      <div class="notice notice--warning">
        <p>
          <strong>Uwaga!</strong> Musisz zweryfikować swój adres e-mail aby aktywować swoje konto.
        </p>
      </div>
      <Notice kind="success" text={p.info} />
      <Notice kind="error" text={p.error} />
      <h2>Odbierz e-mail</h2>
      <p>
        Wysłaliśmy do Ciebie wiadomość na adres <strong safe>{p.email}</strong>. Sprawdź skrzynkę odbiorczą. Kliknij link aktywacyjny – i korzystaj ze swojego
        konta w UEOZ.
      </p>
      <h2>Nie otrzymałeś e-maila?</h2>
      <p>Upewnij się, że nie ma go w folderze ze spamem. Jeśli nie otrzymałeś od nas wiadomości, możemy wysłać ją ponownie.</p>
      <form method="post" action={`/ueoz/logowanie/${p.uid}/aktywacja/nowy-email`}>
        <CsrfField token={p.csrf} />
        <button class="button button--secondary" type="submit">
          Chcę dostać nowy e-mail
        </button>
      </form>
      <p>
        Jeżeli nadal nie masz od nas wiadomości, <a href="/kontakt">skontaktuj się z działem obsługi</a>.
      </p>
    </Layout>
  );
}

export function ActivationResultPage(p: { status: 'ok' | ActivationRefusal }): JSX.Element {
  const texts = {
    ok: {
      title: 'Konto zostało aktywowane',
      body: 'Adres e-mail został zweryfikowany, a Twoje konto w UEOZ jest aktywne. Zaloguj się, aby przejść do systemu SSOZ II.',
    },
    expired: {
      title: 'Link aktywacyjny wygasł',
      body: 'Link aktywacyjny jest ważny 24 godziny. Zaloguj się ponownie i wybierz „Chcę dostać nowy e-mail”, aby otrzymać nowy link.',
    },
    used: {
      title: 'Link aktywacyjny został już użyty',
      body: 'Tego linku użyto wcześniej. Jeżeli Twoje konto nie jest jeszcze aktywne, zaloguj się ponownie i wybierz „Chcę dostać nowy e-mail”.',
    },
    replaced: {
      title: 'Ten link aktywacyjny nie jest już ważny',
      body: 'Wysłaliśmy później nowszą wiadomość z linkiem aktywacyjnym. Użyj linku z najnowszej wiadomości e-mail albo zaloguj się ponownie i wybierz „Chcę dostać nowy e-mail”.',
    },
    invalid: {
      title: 'Nieprawidłowy link aktywacyjny',
      body: 'Link jest niepełny lub nieprawidłowy. Skopiuj cały link z wiadomości e-mail albo zaloguj się i poproś o nowy e-mail.',
    },
  }[p.status];
  return (
    <Layout title={texts.title} variant="ueoz">
      <h1 data-qa={`activation-${p.status}`} safe>
        {texts.title}
      </h1>
      <p safe>{texts.body}</p>
      <p>
        <a class="button" href="/logowanie">
          Zaloguj się/ Zarejestruj
        </a>
      </p>
    </Layout>
  );
}

/**
 * The page of the link from the activation e-mail. Opening it changes nothing (mail scanners open
 * links); the button activates the account.
 */
export function ActivationLinkPage(p: { token: string; csrf: string }): JSX.Element {
  return (
    <Layout title="Aktywuj konto" variant="ueoz">
      <h1 data-qa="page-activation-link">Aktywuj konto</h1>
      <p>Aby aktywować konto w Usługach Elektronicznych Ochrony Zdrowia i potwierdzić swój adres e-mail, wybierz „Aktywuj konto”.</p>
      <form method="post" action="/ueoz/aktywuj" data-module="prevent-double-submit">
        <CsrfField token={p.csrf} />
        <input type="hidden" name="token" value={p.token} />
        <div class="button-group">
          <button class="button" type="submit" data-qa="activate-button">
            Aktywuj konto
          </button>
        </div>
      </form>
    </Layout>
  );
}
