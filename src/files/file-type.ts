/** The formats the manual accepts for a signed application: PDF and JPEG. */
export type AcceptedType = { mime: 'application/pdf'; label: 'PDF' } | { mime: 'image/jpeg'; label: 'JPG' };

const PDF: AcceptedType = { mime: 'application/pdf', label: 'PDF' };
const JPEG: AcceptedType = { mime: 'image/jpeg', label: 'JPG' };

/**
 * Decide the type from the content (magic bytes) and the extension together: a PNG renamed .jpg
 * or a PDF named .jpg is refused. `head` is the start of the file (at least 5 bytes when present).
 */
export function detectAcceptedType(fileName: string, head: Buffer): AcceptedType | null {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  const isPdf = head.subarray(0, 5).toString('latin1') === '%PDF-';
  const isJpeg = head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
  if (ext === 'pdf' && isPdf) return PDF;
  if ((ext === 'jpg' || ext === 'jpeg') && isJpeg) return JPEG;
  return null;
}

/** A display name: no path, no control characters, at most 150 characters. */
export function sanitizeFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // control characters (C0, DEL, C1), bidirectional overrides and isolates (a name that reads backwards,
  // "faktura\u202Efdp.pdf") and characters Windows refuses become "_"
  const clean = [...base]
    .map((ch) => {
      const c = ch.codePointAt(0) ?? 0;
      const unsafe = c < 32 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || '"<>|*?:'.includes(ch);
      return unsafe ? '_' : ch;
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  // counted in characters, not UTF-16 units, so an astral character is never cut in half
  return [...(clean || 'plik')].slice(-150).join('');
}

/** "72.01 KB" / "12.5 MB" as in the manual. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2).replace(/\.?0+$/, '')} MB`;
  return `${(bytes / 1024).toFixed(2)} KB`;
}
