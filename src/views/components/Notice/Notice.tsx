import type { PropsWithChildren } from '@kitajs/html';

export type NoticeTone = 'success' | 'info' | 'warning' | 'error';

/**
 * How a notice is announced. `status` (polite) for the result of the action that led to the page,
 * `alert` (assertive) for something the user must act on now, `none` for text that is simply part
 * of the page (a live region on static text would be read out again on every load).
 */
export type NoticeRole = 'status' | 'alert' | 'none';

export interface NoticeProps {
  tone: NoticeTone;
  /** a one-paragraph message (escaped); longer content goes in children */
  text?: string | undefined;
  /** a heading inside the notice (escaped); it labels the notice for assistive technology */
  title?: string | undefined;
  /** level of `title`: 2 by default, 1 when the notice carries the page's own heading */
  titleLevel?: 1 | 2 | 3;
  /** id of the title; needed when more than one titled notice is on a page */
  titleId?: string | undefined;
  /** defaults by tone: success → status, error → alert, info and warning → none */
  role?: NoticeRole;
  qa?: string | undefined;
}

const DEFAULT_ROLE: Readonly<Record<NoticeTone, NoticeRole>> = { success: 'status', info: 'none', warning: 'none', error: 'alert' };

/** The portal's notice box ("Dane kontaktowe zostały zapisane.", "Uwaga! …"): one markup for every page. */
export function Notice(p: PropsWithChildren<NoticeProps>): JSX.Element {
  const role = p.role ?? DEFAULT_ROLE[p.tone];
  const titleId = p.title ? (p.titleId ?? `notice-${p.tone}-title`) : undefined;
  const level = p.titleLevel ?? 2;
  const safeBody = p.children ?? '';
  const title = p.title ? (
    level === 1 ? (
      <h1 id={titleId} safe>
        {p.title}
      </h1>
    ) : level === 3 ? (
      <h3 id={titleId} safe>
        {p.title}
      </h3>
    ) : (
      <h2 id={titleId} safe>
        {p.title}
      </h2>
    )
  ) : (
    ''
  );
  return (
    <div class={`notice notice--${p.tone}`} role={role === 'none' ? undefined : role} aria-labelledby={titleId} data-qa={p.qa}>
      {title}
      {p.text ? <p safe>{p.text}</p> : ''}
      {safeBody}
    </div>
  );
}
