import { CsrfField } from './Field.tsx';

/** Header menu of a logged-in user: name and "Wyloguj się" (a POST form: works without JavaScript). */
export function UserMenu({ name, csrf }: { name: string; csrf: string }): JSX.Element {
  return (
    <details class="user-menu" data-qa="user-menu">
      <summary>
        <span class="visually-hidden">Menu użytkownika: </span>
        <span safe>{name}</span>
      </summary>
      <div>
        <form method="post" action="/wyloguj">
          <CsrfField token={csrf} />
          <button class="button button--secondary" type="submit" data-qa="logout">Wyloguj się</button>
        </form>
      </div>
    </details>
  );
}
