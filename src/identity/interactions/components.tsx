/** The notice of the UEOZ pages (info, success, warning, error); nothing when there is no text. */
export function Notice({ text, kind }: { text?: string | undefined; kind: 'info' | 'success' | 'warning' | 'error' }): JSX.Element {
  if (!text) return '';
  return (
    <div class={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-qa={`notice-${kind}`}>
      <p safe>{text}</p>
    </div>
  );
}

/** The breadcrumb back to the portal's home page. */
export const home = { href: '/', label: 'Strona główna' };
