import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, isNull } from 'drizzle-orm';
import { attachments, auditLog, requestSubmissions, roleRequests } from '../../src/db/schema/index.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import type { Agent} from '../helpers/agent.ts';
import { csrfOf, multipart, pathOf } from '../helpers/agent.ts';
import { signedIn } from '../helpers/login.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.from('JFIF'), Buffer.alloc(64, 1)]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);


describe('signed application files', () => {
  let t: TestApp;
  let maria: Agent;
  let submissionId = '';
  const upload = async (a: Agent, files: { name: string; data: Buffer }[], csrf?: string) => {
    const page = await a.get(`/wnioski/${submissionId}/zalaczniki`);
    const token = csrf ?? csrfOf(page.body);
    const { body, type } = multipart(files);
    return t.app.inject({
      method: 'POST', url: `/wnioski/${submissionId}/zalaczniki?_csrf=${encodeURIComponent(token)}&powrot=zalaczniki`, payload: body,
      headers: { 'content-type': type, cookie: [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
  };
  before(async () => {
    t = await buildTestApp({ env: { ATTACHMENT_MAX_MB: '1' } });
    maria = await signedIn(t, 'maria.wisniewska', '+48 600 100 203');
    const [r] = await t.database.db.select().from(roleRequests).where(eq(roleRequests.number, 'U000593/2023'));
    submissionId = r!.submissionId;
  });
  after(() => t.close());

  it('a PDF and a JPEG are stored and wait for the malware scan; nobody can download them yet', async () => {
    const res = await upload(maria, [{ name: 'Wniosek podpisany.pdf', data: PDF }, { name: 'skan.JPG', data: JPEG }]);
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    assert.equal(pathOf(res), `/wnioski/${submissionId}/zalaczniki?zalaczono=2`);
    const rows = await t.database.db.select().from(attachments).where(eq(attachments.submissionId, submissionId));
    assert.equal(rows.length, 2);
    assert.ok(rows.every((r) => r.scanStatus === 'pending' && r.storageKey !== r.originalName));
    assert.deepEqual(rows.map((r) => r.contentType).sort(), ['application/pdf', 'image/jpeg']);
    const page = await maria.get(`/wnioski/${submissionId}/zalaczniki`);
    assert.match(page.body, /Pliki oczekujące na skanowanie pod kątem bezpieczeństwa/);
    assert.match(page.body, /Wniosek podpisany\.pdf \(PDF, 0\.\d\d KB\)/);
    assert.equal((await maria.get(`/wnioski/${submissionId}/zalaczniki/${rows[0]!.id}`)).statusCode, 404, 'pending: not downloadable');
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'attachment.uploaded'));
    assert.equal(audit.length, 2);
  });

  it('refuses a PNG renamed .jpg, an empty file and an oversize file, naming each', async () => {
    const res = await upload(maria, [
      { name: 'zdjecie.jpg', data: PNG },
      { name: 'pusty.pdf', data: Buffer.alloc(0) },
      { name: 'duzy.pdf', data: Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10)]) },
    ]);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Plik „zdjecie\.jpg” ma niedozwolony format/);
    assert.match(res.body, /Plik „pusty\.pdf” jest pusty/);
    assert.match(res.body, /Plik „duzy\.pdf” jest za duży\. Największy dopuszczalny rozmiar to 1 MB/);
    const rows = await t.database.db.select().from(attachments).where(eq(attachments.submissionId, submissionId));
    assert.equal(rows.length, 2, 'nothing refused was kept');
  });

  it('a clean file can be downloaded with its name; "Usuń" removes a file; another user gets 404', async () => {
    const [first] = await t.database.db.select().from(attachments).where(and(eq(attachments.submissionId, submissionId), isNull(attachments.deletedAt)));
    // the scanning pipeline (attachments issue) marks files clean; here the verdict is set directly
    await t.database.db.update(attachments).set({ scanStatus: 'clean' }).where(eq(attachments.id, first!.id));
    const dl = await maria.get(`/wnioski/${submissionId}/zalaczniki/${first!.id}`);
    assert.equal(dl.statusCode, 200);
    assert.match(String(dl.headers['content-disposition']), /attachment; filename=".+"; filename\*=UTF-8''/);
    assert.equal(dl.headers['content-type'], first!.contentType);

    const jan = await signedIn(t, 'jan.kowalski', '+48 600 100 202');
    assert.equal((await jan.get(`/wnioski/${submissionId}/zalaczniki/${first!.id}`)).statusCode, 404);
    assert.equal((await jan.get(`/wnioski/${submissionId}/zalaczniki`)).statusCode, 404);
    const janPage = await jan.get('/kontakt');
    assert.equal((await jan.post(`/wnioski/${submissionId}/zalaczniki/${first!.id}/usun`, { powrot: 'zalaczniki' }, { csrfFrom: janPage.body })).statusCode, 404);
    assert.equal((await upload(jan, [{ name: 'x.pdf', data: PDF }], csrfOf(janPage.body))).statusCode, 404);

    const page = await maria.get(`/wnioski/${submissionId}/zalaczniki`);
    const del = await maria.post(`/wnioski/${submissionId}/zalaczniki/${first!.id}/usun`, { powrot: 'zalaczniki' }, { csrfFrom: page.body });
    assert.equal(del.statusCode, 303);
    const [gone] = await t.database.db.select().from(attachments).where(eq(attachments.id, first!.id));
    assert.ok(gone?.deletedAt);
    assert.equal(gone?.deletedReason, 'owner');
    assert.equal((await maria.get(`/wnioski/${submissionId}/zalaczniki/${first!.id}`)).statusCode, 404);
  });

  it('an upload without the CSRF token is refused', async () => {
    const { body, type } = multipart([{ name: 'a.pdf', data: PDF }]);
    const res = await t.app.inject({
      method: 'POST', url: `/wnioski/${submissionId}/zalaczniki`, payload: body,
      headers: { 'content-type': type, cookie: [...maria.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    assert.equal(res.statusCode, 403);
  });

  it('"Teraz załączę plik" needs a file; "Później" does not', async () => {
    const [sub] = await t.database.db.select().from(requestSubmissions).where(eq(requestSubmissions.id, submissionId));
    assert.ok(sub);
    await t.database.db.update(requestSubmissions).set({ finishedAt: null }).where(eq(requestSubmissions.id, submissionId));
    await t.database.db.update(attachments).set({ deletedAt: new Date() }).where(eq(attachments.submissionId, submissionId));
    const page = await maria.get(`/wnioski/${submissionId}`);
    assert.match(page.body, /Teraz załączę plik/);
    const now = await maria.post(`/wnioski/${submissionId}/zakoncz`, { delivery: 'now' }, { csrfFrom: page.body });
    assert.equal(now.statusCode, 400);
    assert.match(now.body, /Załącz plik z podpisanym wnioskiem/);
    const later = await maria.post(`/wnioski/${submissionId}/zakoncz`, { delivery: 'later' }, { csrfFrom: page.body });
    assert.equal(pathOf(later), '/moje-konto?zlozono=1');
  });
});
