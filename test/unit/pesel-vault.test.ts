import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { decryptPesel, encryptPesel, maskPesel, parsePeselKey, sealPesel } from '../../src/portal/auth/pesel-vault.ts';

const PESEL = '85031401244';
const key = randomBytes(32);

describe('PESEL vault: AES-256-GCM under PESEL_KEY, and the mask', () => {
  it('round trip: the stored form is v1:<iv>:<ciphertext>:<tag> in base64url, a fresh IV each time, never the number', () => {
    const a = encryptPesel(key, PESEL);
    const b = encryptPesel(key, PESEL);
    assert.match(a, /^v1:[\w-]{16}:[\w-]{15}:[\w-]{22}$/);
    assert.notEqual(a, b);
    assert.notEqual(a.split(':')[1], b.split(':')[1]);
    assert.ok(!a.includes(PESEL));
    assert.equal(decryptPesel(key, a), PESEL);
    assert.equal(decryptPesel(key, b), PESEL);
  });

  it('another key opens nothing', () => {
    assert.equal(decryptPesel(randomBytes(32), encryptPesel(key, PESEL)), null);
  });

  it('a tampered IV, ciphertext, tag or version opens nothing', () => {
    const [v, iv, ct, tag] = encryptPesel(key, PESEL).split(':') as [string, string, string, string];
    const flip = (s: string) => {
      const buf = Buffer.from(s, 'base64url');
      buf[0] = buf[0]! ^ 1;
      return buf.toString('base64url');
    };
    assert.equal(decryptPesel(key, [v, flip(iv), ct, tag].join(':')), null);
    assert.equal(decryptPesel(key, [v, iv, flip(ct), tag].join(':')), null);
    assert.equal(decryptPesel(key, [v, iv, ct, flip(tag)].join(':')), null);
    assert.equal(decryptPesel(key, ['v2', iv, ct, tag].join(':')), null);
    assert.equal(decryptPesel(key, [v, iv, ct].join(':')), null);
    assert.equal(decryptPesel(key, [v, iv, ct, tag.slice(0, 10)].join(':')), null, 'a shortened tag is refused');
    assert.equal(decryptPesel(key, ''), null);
    assert.equal(decryptPesel(key, 'v1:::'), null);
  });

  it('masks as the rest of the portal does: the first two digits and nine stars', () => {
    assert.equal(maskPesel(PESEL), '85*********');
    const sealed = sealPesel(key, PESEL);
    assert.equal(sealed?.masked, '85*********');
    assert.equal(decryptPesel(key, sealed!.enc), PESEL);
    assert.equal(sealPesel(key, null), null);
    assert.equal(sealPesel(key, '85031401245'), null, 'a wrong checksum is not stored');
    assert.equal(sealPesel(key, '8503140124'), null);
  });

  it('PESEL_KEY: 32 bytes as 64 hex digits, base64 or base64url; anything else refused', () => {
    const raw = randomBytes(32);
    assert.deepEqual(parsePeselKey(raw.toString('hex')), raw);
    assert.deepEqual(parsePeselKey(raw.toString('base64')), raw);
    assert.deepEqual(parsePeselKey(raw.toString('base64url')), raw);
    assert.equal(parsePeselKey(randomBytes(16).toString('hex')), null);
    assert.equal(parsePeselKey(randomBytes(31).toString('base64')), null);
    assert.equal(parsePeselKey('z'.repeat(64)), null);
    assert.equal(parsePeselKey(''), null);
  });
});
