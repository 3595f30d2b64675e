/**
 * Element ids of a rendered form, in one place: the error summary, the rule results and other pages
 * link to cells by these, so they must not drift from the markup.
 *
 * Codes are stable data (`D1.01.1`); an id keeps letters, digits, `_` and `-` and turns anything else
 * (the dots) into `-`, so `D1.01.1` → `cell-D1-01-1`. Two codes differing only in a dot versus a dash
 * would meet here; the definition check should allow only letters, digits and dots in codes.
 */
function idPart(code: string): string {
  return code.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** The input of a cell or field (for a choice field: its first radio), the target of "#cell-…" links. */
export function cellId(code: string): string {
  return `cell-${idPart(code)}`;
}

/** The default link to a cell on the same page. */
export function cellHref(code: string): string {
  return `#${cellId(code)}`;
}

export function sectionId(sectionCode: string): string {
  return `section-${idPart(sectionCode)}`;
}

/** The textarea explaining a warning; also the form field name (querystring-safe: no brackets). */
export function explanationName(ruleCode: string): string {
  return `${EXPLANATION_PREFIX}${ruleCode}`;
}

export const EXPLANATION_PREFIX = 'explain-';

export function explanationId(ruleCode: string): string {
  return `explain-${idPart(ruleCode)}`;
}

export function ruleResultId(ruleCode: string): string {
  return `rule-${idPart(ruleCode)}`;
}
