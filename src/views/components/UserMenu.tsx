import { CsrfField } from './Field.tsx';

export interface MenuProfile {
  id: string;
  unitName: string;
}

/**
 * Header menu of a signed-in user, as in the manual: "Twoje aktywne profile" with "Pracuj w tym
 * profilu", "Moje konto", "Wyloguj się". Plain forms and links: works without JavaScript.
 */
export function UserMenu({
  name,
  csrf,
  profiles,
  currentProfileId,
  management,
}: {
  name: string;
  csrf: string;
  profiles?: MenuProfile[];
  currentProfileId?: string | null;
  management?: boolean;
}): JSX.Element {
  const list = profiles ?? [];
  return (
    <details class="user-menu" data-qa="user-menu">
      <summary>
        <span class="visually-hidden">Menu użytkownika: </span>
        <span safe>{name}</span>
      </summary>
      <div>
        {list.length ? (
          <form method="post" action="/profil/pracuj" class="field" data-qa="profile-switch">
            <CsrfField token={csrf} />
            <label class="field__label" for="f-menu-profile">
              Twoje aktywne profile
            </label>
            <select class="field__input" id="f-menu-profile" name="profileId">
              {list.map((p) => (
                <option value={p.id} selected={p.id === currentProfileId} safe>
                  {p.unitName}
                </option>
              ))}
            </select>
            <button class="button button--secondary" type="submit">
              Pracuj w tym profilu
            </button>
          </form>
        ) : (
          ''
        )}
        <ul>
          {management ? (
            <li>
              <a href="/zarzadzanie" data-qa="menu-management">
                Zarządzanie
              </a>
            </li>
          ) : (
            ''
          )}
          <li>
            <a href="/moje-konto">Moje konto</a>
          </li>
          <li>
            <form method="post" action="/wyloguj">
              <CsrfField token={csrf} />
              <button class="button button--link" type="submit" data-qa="logout">
                Wyloguj się
              </button>
            </form>
          </li>
        </ul>
      </div>
    </details>
  );
}
