import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { attachments, auditLog, requestSubmissions, roleRequests, users } from '../../src/db/schema/index.ts';
import { WITHDRAWN_REASON } from '../../src/domain/status.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import type { Agent } from '../helpers/agent.ts';
import { csrfOf, pathOf } from '../helpers/agent.ts';
import { loginAs, signedIn } from '../helpers/login.ts';
import { buildRequest } from '../builders/index.ts';
import { LocalFileStorage } from '../../src/files/storage.ts';
import { postUpload, uploadBody, type UploadFile } from '../helpers/upload.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.from('JFIF'), Buffer.alloc(64, 1)]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** the upload form of a page: its action and whether `_csrf` comes before the file input */
function uploadForm(html: string): { action: string; csrfFirst: boolean } {
  const form = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  assert.ok(form, 'an upload form');
  const body = form[2]!;
  const csrfAt = body.indexOf('name="_csrf"');
  const fileAt = body.indexOf('type="file"');
  return { action: form[1]!, csrfFirst: csrfAt >= 0 && fileAt > csrfAt };
}

describe('signed application files', () => {
  let t: TestApp;
  let maria: Agent;
  let submissionId = '';
  const storedFiles = () => {
    const dir = path.join(t.config.dataDir, 'attachments');
    return existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).length > 3).length : 0;
  };
  const upload = async (a: Agent, files: UploadFile[], opts: { csrf?: string; powrot?: string } = {}) => {
    const token = opts.csrf ?? csrfOf((await a.get(`/wnioski/${submissionId}/zalaczniki`)).body);
    return postUpload(t, a, submissionId, token, files, { powrot: opts.powrot ?? 'zalaczniki' });
  };
  const liveFiles = () =>
    t.database.db
      .select()
      .from(attachments)
      .where(and(eq(attachments.submissionId, submissionId), isNull(attachments.deletedAt)));
  before(async () => {
    t = await buildTestApp({ env: { ATTACHMENT_MAX_MB: '1' } });
    maria = await signedIn(t, 'maria.wisniewska', '+48 600 100 203');
    const [r] = await t.database.db.select().from(roleRequests).where(eq(roleRequests.number, 'U000593/2023'));
    submissionId = r!.submissionId;
  });
  after(() => t.close());

  it('a PDF and a JPEG are stored and wait for the malware scan; nobody can download them yet', async () => {
    const res = await upload(maria, [
      { name: 'Wniosek podpisany.pdf', data: PDF },
      { name: 'skan.JPG', data: JPEG },
    ]);
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

  it('a file over the size limit gets only the size message (no "najwyżej 10 naraz")', async () => {
    const res = await upload(maria, [{ name: 'skan-21MB.pdf', data: Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10)]) }]);
    assert.equal(res.statusCode, 400);
    const summary = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(res.body)?.[0] ?? '';
    assert.equal(summary.match(/<li>/g)?.length, 1, 'one message in the error summary');
    assert.match(summary, /Plik „skan-21MB\.pdf” jest za duży\. Największy dopuszczalny rozmiar to 1 MB\./);
    assert.doesNotMatch(res.body, /najwyżej 10 naraz/);
  });

  it('a double extension (wniosek.pdf.html, skan.jpg.exe) is refused by name, whatever the content', async () => {
    const before = (await liveFiles()).length;
    const res = await upload(maria, [
      { name: 'wniosek.pdf.html', data: PDF },
      { name: 'skan.jpg.exe', data: JPEG },
    ]);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Plik „wniosek\.pdf\.html” ma niedozwolony format/);
    assert.match(res.body, /Plik „skan\.jpg\.exe” ma niedozwolony format/);
    assert.equal((await liveFiles()).length, before, 'nothing stored');
  });

  it('a refused file is an audited security event: who, from where, which file and why (attachment.refused)', async () => {
    const res = await upload(maria, [{ name: 'podrobka.jpg', data: PNG }]);
    assert.equal(res.statusCode, 400);
    const [mariaUser] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.login, 'maria.wisniewska'));
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'attachment.refused'), eq(auditLog.subjectId, submissionId)));
    const row = rows.find((r) => r.details.name === 'podrobka.jpg');
    assert.ok(row, `audited: ${JSON.stringify(rows)}`);
    assert.equal(row.outcome, 'failure');
    assert.equal(row.actorUserId, mariaUser!.id);
    assert.equal(row.subjectType, 'submission');
    assert.ok(row.ip && row.requestId && row.occurredAt instanceof Date, 'from where and when, joinable with the logs');
    assert.match(String(row.details.message), /ma niedozwolony format/);
  });

  it('the upload form carries its CSRF token as the first field, not in the URL', async () => {
    for (const url of [`/wnioski/${submissionId}/zalaczniki`, `/wnioski/${submissionId}`]) {
      const form = uploadForm((await maria.get(url)).body);
      assert.doesNotMatch(form.action, /_csrf/, `${url}: no token in the form's URL`);
      assert.ok(form.csrfFirst, `${url}: _csrf before the file input`);
    }
  });

  it('an upload without a valid token first in the body is refused before any file is stored', async () => {
    const token = csrfOf((await maria.get(`/wnioski/${submissionId}/zalaczniki`)).body);
    const jan = await signedIn(t, 'jan.kowalski', '+48 600 100 202');
    const foreign = csrfOf((await jan.get('/kontakt')).body);
    const rowsBefore = (await liveFiles()).length;
    const filesBefore = storedFiles();
    const cookie = [...maria.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const oldForm = uploadBody(null, [{ name: 'd.pdf', data: PDF }]);
    const attempts = [
      await postUpload(t, maria, submissionId, null, [{ name: 'a.pdf', data: PDF }]),
      await postUpload(t, maria, submissionId, foreign, [{ name: 'b.pdf', data: PDF }]),
      await postUpload(t, maria, submissionId, token, [{ name: 'c.pdf', data: PDF }], { csrfLast: true }),
      // the former form: the token in the action's query string
      await t.app.inject({
        method: 'POST',
        url: `/wnioski/${submissionId}/zalaczniki?_csrf=${encodeURIComponent(token)}`,
        payload: oldForm.body,
        headers: { 'content-type': oldForm.type, cookie },
      }),
    ];
    assert.deepEqual(
      attempts.map((r) => r.statusCode),
      [403, 403, 403, 403],
    );
    assert.match(attempts[0]!.body, /<h1>Brak dostępu<\/h1>/);
    assert.equal((await liveFiles()).length, rowsBefore, 'no row');
    assert.equal(storedFiles(), filesBefore, 'no bytes written');
  });

  it('a refused file uploaded from step 4 keeps the user on step 4, with the error summary and "Zakończ"', async () => {
    // a submission saved with "Zapisz wniosek" and not finished yet: step 4 still has "Zakończ"
    const { submissionId: saved, profile } = await buildRequest(t.database.db, { status: 'zapisany' });
    const owner = await loginAs(t, profile.userId);
    const step4 = await owner.get(`/wnioski/${saved}`);
    assert.equal(step4.statusCode, 200);
    const files = [
      { name: 'Wniosek.pdf', data: PDF },
      { name: 'zdjecie.jpg', data: PNG },
    ];
    const res = await postUpload(t, owner, saved, csrfOf(step4.body), files, { powrot: 'wniosek' });
    assert.equal(res.statusCode, 303);
    const to = pathOf(res);
    assert.match(to, new RegExp(`^/wnioski/${saved}\\?pliki=[\\w-]+&zalaczono=1$`), 'back to step 4; no file name in the URL');
    const page = await owner.get(to);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-qa="page-download"/);
    assert.match(page.body, /<div class="error-summary"[\s\S]*?<a href="#f-pliki">Plik „zdjecie\.jpg” ma niedozwolony format/);
    assert.match(page.body, /<div class="field__error" id="f-pliki-error">[\s\S]*?Plik „zdjecie\.jpg” ma niedozwolony format/);
    assert.match(page.body, /Załączono plików: 1\./);
    assert.match(page.body, /<button class="button" type="submit">Zakończ<\/button>/);
    // a token of another page or another submission shows nothing
    assert.doesNotMatch((await owner.get(`/wnioski/${saved}?pliki=zly`)).body, /niedozwolony format/);
    const clean = await owner.get(`/wnioski/${saved}`);
    assert.doesNotMatch(clean.body, /error-summary/);
  });

  it('"Usuń" asks first on its own page; "Tak, usuń plik" removes the file and says so', async () => {
    const [file] = await liveFiles();
    assert.ok(file);
    const list = await maria.get(`/wnioski/${submissionId}/zalaczniki`);
    const href = `/wnioski/${submissionId}/zalaczniki/${file.id}/usun?powrot=zalaczniki`;
    assert.ok(list.body.includes(`href="${href}"`), 'Usuń is a link to the question');
    const ask = await maria.get(href);
    assert.equal(ask.statusCode, 200);
    assert.ok(ask.body.includes(`Czy na pewno chcesz usunąć plik „${file.originalName}”?`));
    assert.match(ask.body, /<a class="button button--secondary" href="\/wnioski\/[^"]+\/zalaczniki">Nie<\/a>/);
    assert.match(ask.body, /Tak, usuń plik/);
    // a "Usuń" form without the confirmation (Moje konto's) is asked first; nothing removed
    const unconfirmed = await maria.post(`/wnioski/${submissionId}/zalaczniki/${file.id}/usun`, { powrot: 'konto' }, { csrfFrom: ask.body });
    assert.equal(unconfirmed.statusCode, 303);
    assert.equal(pathOf(unconfirmed), `/wnioski/${submissionId}/zalaczniki/${file.id}/usun?powrot=konto`);
    assert.equal(
      (await liveFiles()).some((f) => f.id === file.id),
      true,
    );

    const yes = await maria.post(`/wnioski/${submissionId}/zalaczniki/${file.id}/usun`, { powrot: 'zalaczniki', potwierdz: 'tak' }, { csrfFrom: ask.body });
    assert.equal(yes.statusCode, 303);
    assert.match(pathOf(yes), new RegExp(`^/wnioski/${submissionId}/zalaczniki\\?pliki=[\\w-]+$`));
    const [gone] = await t.database.db.select().from(attachments).where(eq(attachments.id, file.id));
    assert.ok(gone?.deletedAt);
    assert.equal(gone?.deletedReason, 'owner');
    const storedPath = path.join(t.config.dataDir, 'attachments', file.storageKey.slice(0, 2), file.storageKey);
    assert.equal(existsSync(storedPath), false, 'the bytes are gone');
    const after1 = await maria.get(pathOf(yes));
    assert.ok(after1.body.includes(`Plik „${file.originalName}” został usunięty.`));
    assert.equal((await maria.get(href)).statusCode, 404, 'a removed file cannot be removed again');
  });

  it('after "Usuń" from step 4 or Moje konto the user is back there with the notice', async () => {
    const up = await upload(maria, [
      { name: 'drugi.pdf', data: PDF },
      { name: 'trzeci.pdf', data: PDF },
    ]);
    assert.equal(up.statusCode, 303);
    const files = await liveFiles();
    const second = files.find((f) => f.originalName === 'drugi.pdf')!;
    const third = files.find((f) => f.originalName === 'trzeci.pdf')!;
    const step4 = await maria.get(`/wnioski/${submissionId}`);
    assert.ok(step4.body.includes(`href="/wnioski/${submissionId}/zalaczniki/${second.id}/usun?powrot=wniosek"`));
    const fromStep4 = await maria.post(
      `/wnioski/${submissionId}/zalaczniki/${second.id}/usun`,
      { powrot: 'wniosek', potwierdz: 'tak' },
      { csrfFrom: step4.body },
    );
    assert.match(pathOf(fromStep4), new RegExp(`^/wnioski/${submissionId}\\?pliki=`));
    const back4 = await maria.get(pathOf(fromStep4));
    assert.match(back4.body, /data-qa="page-download"/);
    assert.match(back4.body, /Plik „drugi\.pdf” został usunięty\./);

    const fromAccount = await maria.post(
      `/wnioski/${submissionId}/zalaczniki/${third.id}/usun`,
      { powrot: 'konto', potwierdz: 'tak' },
      { csrfFrom: step4.body },
    );
    assert.match(String(fromAccount.headers.location), /^\/moje-konto\?pliki=[\w-]+#oczekujace-wnioski$/);
    const account = await maria.get(pathOf(fromAccount));
    assert.match(account.body, /Plik „trzeci\.pdf” został usunięty\./);
  });

  it('a missing or null body on "Usuń" answers 400 with the question and removes nothing', async () => {
    const [file] = await liveFiles();
    assert.ok(file);
    const token = csrfOf((await maria.get(`/wnioski/${submissionId}/zalaczniki`)).body);
    const cookie = [...maria.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const url = `/wnioski/${submissionId}/zalaczniki/${file.id}/usun`;
    const missing = await t.app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': token } });
    const nullBody = await t.app.inject({
      method: 'POST',
      url,
      payload: 'null',
      headers: { cookie, 'x-csrf-token': token, 'content-type': 'application/json' },
    });
    for (const res of [missing, nullBody]) {
      assert.equal(res.statusCode, 400, res.body.slice(0, 200));
      assert.ok(res.body.includes(`Czy na pewno chcesz usunąć plik „${file.originalName}”?`));
    }
    const [still] = await t.database.db.select().from(attachments).where(eq(attachments.id, file.id));
    assert.equal(still?.deletedAt, null, 'not removed');
    assert.equal(existsSync(path.join(t.config.dataDir, 'attachments', file.storageKey.slice(0, 2), file.storageKey)), true);
  });

  it('a clean file can be downloaded with its name; another user gets 404', async () => {
    const [first] = await liveFiles();
    // the scanning pipeline (scanning.test.ts) marks files clean; here the verdict is set directly
    await t.database.db.update(attachments).set({ scanStatus: 'clean' }).where(eq(attachments.id, first!.id));
    const dl = await maria.get(`/wnioski/${submissionId}/zalaczniki/${first!.id}`);
    assert.equal(dl.statusCode, 200);
    assert.match(String(dl.headers['content-disposition']), /attachment; filename=".+"; filename\*=UTF-8''/);
    assert.equal(dl.headers['content-type'], first!.contentType);

    const jan = await signedIn(t, 'jan.kowalski', '+48 600 100 202');
    assert.equal((await jan.get(`/wnioski/${submissionId}/zalaczniki/${first!.id}`)).statusCode, 404);
    assert.equal((await jan.get(`/wnioski/${submissionId}/zalaczniki`)).statusCode, 404);
    assert.equal((await jan.get(`/wnioski/${submissionId}/zalaczniki/${first!.id}/usun`)).statusCode, 404);
    const janPage = await jan.get('/kontakt');
    assert.equal(
      (await jan.post(`/wnioski/${submissionId}/zalaczniki/${first!.id}/usun`, { powrot: 'zalaczniki', potwierdz: 'tak' }, { csrfFrom: janPage.body }))
        .statusCode,
      404,
    );
    assert.equal((await postUpload(t, jan, submissionId, csrfOf(janPage.body), [{ name: 'x.pdf', data: PDF }])).statusCode, 404);
    const [kept] = await t.database.db.select().from(attachments).where(eq(attachments.id, first!.id));
    assert.equal(kept?.deletedAt, null);
  });

  it("another user's clean file id under one's own submission answers 404 (download and delete)", async () => {
    const db = t.database.db;
    const [mine] = await db.select().from(requestSubmissions).where(eq(requestSubmissions.id, submissionId));
    const [theirs] = await db.select().from(requestSubmissions).where(ne(requestSubmissions.userId, mine!.userId)).limit(1);
    assert.ok(theirs);
    const key = randomUUID();
    await t.app.deps.storage.put(key, Readable.from([PDF]));
    const [foreign] = await db
      .insert(attachments)
      .values({
        submissionId: theirs.id,
        ownerUserId: theirs.userId,
        originalName: 'cudzy.pdf',
        storageKey: key,
        contentType: 'application/pdf',
        sizeBytes: PDF.length,
        sha256: 'x'.repeat(64),
        scanStatus: 'clean',
      })
      .returning();
    const base = `/wnioski/${submissionId}/zalaczniki/${foreign!.id}`;
    assert.equal((await maria.get(base)).statusCode, 404, 'download');
    assert.equal((await maria.get(`${base}/usun`)).statusCode, 404, 'the question');
    const page = await maria.get(`/wnioski/${submissionId}/zalaczniki`);
    assert.equal((await maria.post(`${base}/usun`, { powrot: 'zalaczniki', potwierdz: 'tak' }, { csrfFrom: page.body })).statusCode, 404, 'delete');
    const [kept] = await db.select().from(attachments).where(eq(attachments.id, foreign!.id));
    assert.equal(kept?.deletedAt, null, 'not removed');
  });

  it('the attachments page lists only the pending requests, and leads back to step 4 while the submission is not finished', async () => {
    const db = t.database.db;
    await db.update(roleRequests).set({ status: 'odrzucony', rejectReason: WITHDRAWN_REASON }).where(eq(roleRequests.number, 'U000594/2023'));
    let page = (await maria.get(`/wnioski/${submissionId}/zalaczniki`)).body;
    assert.match(page, /\(U000593\/2023\)/);
    assert.doesNotMatch(page, /U000594\/2023/, 'a withdrawn request is not listed');
    assert.doesNotMatch(page, /data-qa="back-to-wizard"/, 'a finished submission has no way back to step 4');
    await db.update(requestSubmissions).set({ finishedAt: null }).where(eq(requestSubmissions.id, submissionId));
    page = (await maria.get(`/wnioski/${submissionId}/zalaczniki`)).body;
    assert.ok(page.includes(`<a href="/wnioski/${submissionId}" data-qa="back-to-wizard">`));
    await db.update(roleRequests).set({ status: 'oczekujacy', rejectReason: null }).where(eq(roleRequests.number, 'U000594/2023'));
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

  it('a full disk (ENOSPC while writing): a clear message, nothing recorded as attached, no partial file left', async () => {
    // the real full file system is in reliability/ (disk-full group, a small tmpfs); here the store
    // fails as a full disk does, after part of the file was written
    const before = (await liveFiles()).length;
    const filesBefore = storedFiles();
    const put = LocalFileStorage.prototype.put;
    LocalFileStorage.prototype.put = async function (key: string, data: Readable) {
      await put.call(this, key, Readable.from([PDF.subarray(0, 8)]));
      data.resume();
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    try {
      const res = await upload(maria, [{ name: 'pelny-dysk.pdf', data: PDF }]);
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /Pliku nie załączono: na serwerze zabrakło miejsca na pliki/);
    } finally {
      LocalFileStorage.prototype.put = put;
    }
    assert.equal((await liveFiles()).length, before, 'nothing recorded as attached');
    assert.equal(storedFiles(), filesBefore, 'the partly written file was removed');
  });
});
