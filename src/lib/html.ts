import { escapeHtml as kitaEscape } from '@kitajs/html';

/** Escape text for HTML built outside JSX (e-mail bodies). */
export function escapeHtml(value: string): string {
  return kitaEscape(value);
}
