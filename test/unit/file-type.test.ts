import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { detectAcceptedType, formatSize, sanitizeFileName } from '../../src/files/file-type.ts';
import { LocalFileStorage } from '../../src/files/storage.ts';

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

describe('attachment storage (LocalFileStorage)', () => {
  it('builds paths from generated ids only: a user-supplied name or a path is refused; files land under the storage directory, readable by the owner only', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ssoz-storage-'));
    try {
      const storage = new LocalFileStorage(dir);
      for (const key of ['../../etc/passwd', 'Wniosek.pdf', '/tmp/x', `${randomUUID()}/../x`, '']) {
        await assert.rejects(storage.put(key, Readable.from([pdf])), /invalid storage key/, key);
        assert.throws(() => storage.get(key), /invalid storage key/, key);
        await assert.rejects(storage.delete(key), /invalid storage key/, key);
      }
      const key = randomUUID();
      assert.equal(await storage.put(key, Readable.from([pdf])), pdf.length);
      const file = path.join(dir, key.slice(0, 2), key);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      await assert.rejects(storage.put(key, Readable.from([jpeg])), /EEXIST/, 'an existing file is never overwritten');
      await storage.delete(key);
      assert.equal(existsSync(file), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
