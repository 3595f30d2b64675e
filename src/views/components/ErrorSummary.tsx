import type { FormError } from '../../lib/forms.ts';

/** GOV.UK error summary: first thing in <main>, links to each field, focused by app.js. */
export function ErrorSummary({ errors, title }: { errors: readonly FormError[]; title?: string }): JSX.Element {
  if (errors.length === 0) return '';
  return (
    <div class="error-summary" role="alert" tabindex="-1" data-module="error-summary" data-qa="error-summary" aria-labelledby="error-summary-title">
      <h2 class="error-summary__title" id="error-summary-title" safe>
        {title ?? 'Zabrakło wymaganych danych lub dane niepoprawne'}
      </h2>
      <ul class="error-summary__list">
        {errors.map((e) => (
          <li>
            <a href={e.href} safe>
              {e.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
