/** One "label: value" row; `safeValue` is markup rendered by a component (a badge, a link), already escaped. */
export interface SummaryRow {
  label: string;
  value?: string | null | undefined;
  safeValue?: JSX.Element;
  /** a link to change this value ("Zmień"), named for screen readers with the row's label */
  change?: { href: string; text?: string } | undefined;
}

export interface SummaryListProps {
  rows: readonly SummaryRow[];
  qa?: string | undefined;
  /** shown for an empty value; the manual leaves no cell blank */
  empty?: string;
  /** one link for the whole list, below it ("Wybierz inną jednostkę", "Edytuj dane kontaktowe") */
  action?: { href: string; text: string; qa?: string; module?: string } | undefined;
}

/**
 * Label/value rows as a description list, the way the wizard summary, "Dane jednostki" and
 * "Dane kontaktowe" show them. Without change links a row is exactly `<dt>label</dt><dd>value</dd>`.
 */
export function SummaryList(p: SummaryListProps): JSX.Element {
  const empty = p.empty ?? '—';
  return (
    <>
      <dl class="kv summary-list" data-qa={p.qa}>
        {p.rows.map((r) => {
          const safeValue = r.safeValue;
          const text = r.value && r.value.trim() ? r.value : empty;
          return (
            <div>
              <dt safe>{r.label}</dt>
              {safeValue !== undefined ? <dd>{safeValue}</dd> : <dd safe>{text}</dd>}
              {r.change ? (
                <dd class="summary-list__actions">
                  <a href={r.change.href}>
                    <span safe>{r.change.text ?? 'Zmień'}</span>
                    <span class="visually-hidden" safe>{` ${r.label}`}</span>
                  </a>
                </dd>
              ) : (
                ''
              )}
            </div>
          );
        })}
      </dl>
      {p.action ? (
        <p class="summary-list__action">
          <a href={p.action.href} data-qa={p.action.qa} data-module={p.action.module} safe>
            {p.action.text}
          </a>
        </p>
      ) : (
        ''
      )}
    </>
  );
}
