import type { Severity } from '../../../domain/reporting/definition.ts';
import { cellHref, explanationId, explanationName, ruleResultId } from './ids.ts';

/** One failing rule, as the rule engine reports it; `cells` are the codes it reads, in form order. */
export interface RuleResult {
  code: string;
  severity: Severity;
  message: string;
  cells: readonly string[];
}

export interface RuleResultsListProps {
  errors: readonly RuleResult[];
  warnings: readonly RuleResult[];
  /** written explanations of warnings, by rule code */
  explanations: Readonly<Record<string, string>>;
  /** true: the reporter explains warnings here; false: the explanations are shown as text (verifier) */
  editable: boolean;
  /** where a cell is: the cell may be on another page of the form; defaults to `#cell-…` on this page */
  hrefFor?: ((cellCode: string) => string) | undefined;
  /** a refused explanation (missing, too long), by rule code */
  explanationErrors?: Readonly<Record<string, string>> | undefined;
  /** longest explanation accepted */
  explanationMaxLength?: number;
}

function ResultText({ r, href }: { r: RuleResult; href: string | undefined }): JSX.Element {
  const body = (
    <>
      <span class="rule-results__code" safe>
        {r.code}
      </span>{' '}
      <span safe>{r.message}</span>
    </>
  );
  // a rule that reads no cell (it should not happen: the definition check refuses it) has nowhere to point
  return href ? <a href={href}>{body}</a> : <span>{body}</span>;
}

function Explanation(p: RuleResultsListProps & { r: RuleResult }): JSX.Element {
  const code = p.r.code;
  const text = p.explanations[code] ?? '';
  if (!p.editable) {
    return (
      <p class="rule-results__explanation">
        <strong>Wyjaśnienie:</strong>{' '}
        {text.trim() ? (
          <span safe>{text}</span>
        ) : (
          <>
            <span aria-hidden="true">—</span>
            <span class="visually-hidden">brak wyjaśnienia</span>
          </>
        )}
      </p>
    );
  }
  const id = explanationId(code);
  const error = p.explanationErrors?.[code];
  return (
    <div class={`field rule-results__field${error ? ' field--error' : ''}`}>
      <label class="field__label" for={id} safe>
        {`Wyjaśnienie ostrzeżenia ${code}`}
      </label>
      {error ? (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">Błąd: </span>
          <span safe>{error}</span>
        </p>
      ) : (
        ''
      )}
      <textarea
        class="field__input field__textarea rule-results__textarea"
        id={id}
        name={explanationName(code)}
        rows="3"
        maxlength={p.explanationMaxLength ?? 2000}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        safe
      >
        {text}
      </textarea>
    </div>
  );
}

function Group(p: RuleResultsListProps & { title: string; items: readonly RuleResult[]; none: string; kind: Severity }): JSX.Element {
  const href = p.hrefFor ?? cellHref;
  const headingId = `rule-results-${p.kind}`;
  return (
    <section class={`rule-results__group rule-results__group--${p.kind}`} aria-labelledby={headingId} data-qa={`rule-results-${p.kind}`}>
      <h3 id={headingId}>
        <span safe>{p.title}</span> <span class="rule-results__count">({p.items.length})</span>
      </h3>
      {p.items.length === 0 ? (
        <p safe>{p.none}</p>
      ) : (
        <ul class="rule-results__list">
          {p.items.map((r) => {
            const first = r.cells[0];
            return (
              <li id={ruleResultId(r.code)}>
                <ResultText r={r} href={first === undefined ? undefined : href(first)} />
                {p.kind === 'ostrzezenie' ? <Explanation {...p} r={r} /> : ''}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/**
 * "Wyniki sprawdzenia": the failing rules of a report, errors (they block sending) apart from warnings
 * (they need a written explanation). Each result links to the first cell it reads.
 */
export function RuleResultsList(p: RuleResultsListProps): JSX.Element {
  return (
    <section class="rule-results" aria-labelledby="rule-results-title" data-qa="rule-results">
      <h2 id="rule-results-title">Wyniki sprawdzenia</h2>
      <Group {...p} kind="blad" title="Błędy — blokują wysłanie" items={p.errors} none="Brak błędów." />
      <Group {...p} kind="ostrzezenie" title="Ostrzeżenia — wymagają wyjaśnienia" items={p.warnings} none="Brak ostrzeżeń." />
    </section>
  );
}
