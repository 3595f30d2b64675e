import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectAcceptedType, formatSize, sanitizeFileName } from '../../src/files/file-type.ts';

const pdf = Buffer.from('%PDF-1.7\n');
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d]);

describe('attachment types', () => {
  it('accepts PDF and JPEG when content and extension agree', () => {
    assert.equal(detectAcceptedType('Wniosek.PDF', pdf)?.mime, 'application/pdf');
    assert.equal(detectAcceptedType('skan.jpg', jpeg)?.mime, 'image/jpeg');
    assert.equal(detectAcceptedType('skan.JPEG', jpeg)?.label, 'JPG');
  });
  it('refuses a PNG renamed .jpg, a PDF named .jpg, a JPEG named .pdf, other extensions and empty files', () => {
    assert.equal(detectAcceptedType('zdjecie.jpg', png), null);
    assert.equal(detectAcceptedType('wniosek.jpg', pdf), null);
    assert.equal(detectAcceptedType('skan.pdf', jpeg), null);
    assert.equal(detectAcceptedType('wniosek.docx', pdf), null);
    assert.equal(detectAcceptedType('pusty.pdf', Buffer.alloc(0)), null);
  });
  it('keeps a safe display name', () => {
    assert.equal(sanitizeFileName('C:\\Users\\a\\Wniosek (1).pdf'), 'Wniosek (1).pdf');
    assert.equal(sanitizeFileName('../../etc/passwd'), 'passwd');
    // a name that reads backwards, isolates and C1 controls are not kept; NFC; astral characters whole
    assert.equal(sanitizeFileName('faktura\u202Efdp.pdf'), 'faktura_fdp.pdf');
    assert.equal(sanitizeFileName('inv\u2066oice\u2069.pdf'), 'inv_oice_.pdf');
    assert.equal(sanitizeFileName('c1\u009b.pdf'), 'c1_.pdf');
    assert.equal(sanitizeFileName('Zo\u0301fia.pdf'), 'Zófia.pdf');
    assert.equal([...sanitizeFileName(`${'😀'.repeat(200)}.pdf`)].length, 150);
    assert.equal(sanitizeFileName('a"<b>.pdf'), 'a__b_.pdf');
    assert.equal(sanitizeFileName(''), 'plik');
  });
  it('formats sizes like the manual', () => {
    assert.equal(formatSize(73738), '72.01 KB');
    assert.equal(formatSize(13107200), '12.5 MB');
  });
});
