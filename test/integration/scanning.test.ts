import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { eq, like } from 'drizzle-orm';
import pino from 'pino';
import { attachments, messages, requestSubmissions, roleRequests } from '../../src/db/schema/index.ts';
import { BuiltinEicarScanner, EICAR } from '../../src/files/scanner.ts';
import { scanAttachment } from '../../src/jobs/scan-attachment.ts';
import { buildTestApp, eventually, type TestApp } from '../helpers/app.ts';
import { Agent, csrfOf, pathOf } from '../helpers/agent.ts';
import { pzLogin, startLogin } from '../helpers/login.ts';
import { postUpload } from '../helpers/upload.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.from('JFIF'), Buffer.alloc(64, 7)]);
const INFECTED_PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(EICAR), Buffer.from('\n%%EOF\n')]);

async function upload(t: TestApp, a: Agent, submissionId: string, files: { name: string; data: Buffer }[]) {
  const page = await a.get(`/wnioski/${submissionId}/zalaczniki`);
  const res = await postUpload(t, a, submissionId, csrfOf(page.body), files);
  assert.equal(res.statusCode, 303, res.body.slice(0, 400));
}

const storedPath = (t: TestApp, key: string) => path.join(t.config.dataDir, 'attachments', key.slice(0, 2), key);

async function mariaSignedIn(t: TestApp): Promise<{ a: Agent; landing: string }> {
  const a = new Agent(t);
  const base = await startLogin(a);
  const done = await pzLogin(t, a, base, 'maria.wisniewska', '+48 600 100 203');
  let r = done;
  for (let i = 0; i < 10 && r.statusCode >= 300 && r.statusCode < 400 && !pathOf(r).startsWith('/przypomnienie'); i++)
    r = await a.get(String(r.headers.location));
  return { a, landing: pathOf(r) };
}

describe('malware scanning, removal notice and the missing-attachment reminder', () => {
  let t: TestApp;
  let a: Agent;
  let submissionId = '';
  before(async () => {
    // CI runs a real clamd (CLAMD_URL); elsewhere the demo's built-in EICAR check decides
    t = await buildTestApp(process.env.CLAMD_URL ? { env: { CLAMD_URL: process.env.CLAMD_URL } } : {});
    const [r] = await t.database.db.select().from(roleRequests).where(eq(roleRequests.number, 'U000594/2023'));
    submissionId = r!.submissionId;
  });
  after(() => t.close());

  it('the reminder lists pending requests without a safe file at login', async () => {
    const s = await mariaSignedIn(t);
    a = s.a;
    assert.equal(s.landing, '/przypomnienie');
    const page = await a.get('/przypomnienie');
    assert.match(page.body, /Brak załączników do wniosków o rolę/);
    assert.match(page.body, /Do poniższych wniosków nie załączyłeś potwierdzenia wnioskowanych uprawnień/);
    assert.match(page.body, /U000593\/2023/);
    assert.match(page.body, /U000594\/2023/);
    assert.match(page.body, /29\.11\.2023/);
    const later = await a.post('/przypomnienie', {}, { csrfFrom: page.body });
    assert.equal(pathOf(later), '/start');
  });

  it('a clean PDF and JPEG become "Bezpieczne pliki załączone do wniosku", with "Pobierz" and "Usuń"', async () => {
    await upload(t, a, submissionId, [
      { name: 'Wniosek podpisany.pdf', data: PDF },
      { name: 'skan.jpg', data: JPEG },
    ]);
    await eventually(async () => {
      const [x] = await t.database.db.select().from(attachments).where(eq(attachments.originalName, 'skan.jpg'));
      return x?.scanStatus === 'clean' ? x : null;
    }, 30_000);
    const row = await eventually(async () => {
      const [x] = await t.database.db.select().from(attachments).where(eq(attachments.originalName, 'Wniosek podpisany.pdf'));
      return x?.scanStatus === 'clean' ? x : null;
    }, 30_000);
    assert.ok(row.scannedAt);
    const account = await a.get('/moje-konto');
    assert.match(account.body, /Bezpieczne pliki załączone do wniosku/);
    assert.match(account.body, /skan\.jpg \(JPG, 0\.\d\d KB\)/);
    assert.ok(account.body.includes(`href="/wnioski/${submissionId}/zalaczniki/${row.id}"`), 'Pobierz in Moje konto');
    assert.ok(account.body.includes(`action="/wnioski/${submissionId}/zalaczniki/${row.id}/usun"`), 'Usuń in Moje konto');
    assert.equal((await a.get(`/wnioski/${submissionId}/zalaczniki/${row.id}`)).statusCode, 200);
  });

  it('the EICAR test file named .pdf is removed, the banner shows and the e-mail goes out', async () => {
    await upload(t, a, submissionId, [{ name: 'zarazony.pdf', data: INFECTED_PDF }]);
    // the final outcome, not the first sign of it: the removal is recorded and the bytes are gone
    const row = await eventually(async () => {
      const [x] = await t.database.db.select().from(attachments).where(eq(attachments.originalName, 'zarazony.pdf'));
      return x?.scanStatus === 'infected' && x.deletedAt && !existsSync(storedPath(t, x.storageKey)) ? x : null;
    }, 30_000);
    assert.equal(row.deletedReason, 'malware');
    assert.match(row.scanDetail ?? '', /EICAR/i);
    const mail = await eventually(async () => {
      const list = (await t.app.inject({ url: '/dev/poczta.json?to=maria.wisniewska@example.pl' })).json() as Array<{
        subject: string;
        text: string;
        html: string;
      }>;
      return list.find((m) => m.text.includes('negatywnie zweryfikowany'));
    });
    assert.match(mail.text, /zarazony\.pdf \(PDF 0\.\d\d KB\)/);
    assert.match(mail.text, /Profil dla jednostki\n-Prywatna Specjalistyczna Przychodnia Stomatologiczna K-Dent spółka z o\.o\. \(Podmiot leczniczy\)/);
    assert.match(mail.text, /Wypełniający sprawozdania finansowe \(U000594\/2023\)/);
    assert.match(mail.text, /Uwaga! Do zakończenia procesu wnioskowania niezbędne jest załączenie innego pliku/);
    assert.match(mail.html, /<strong>Uwaga!<\/strong>/);
    const account = await a.get('/moje-konto');
    assert.match(account.body, /Niebezpieczne pliki zostały usunięte z wniosku/);
    assert.match(account.body, /zostały przesłane drogą mailową/);
  });

  it('a crash between the verdict and the deletion never leaves a removed file on disk; the retry finishes the removal', async () => {
    const db = t.database.db;
    const [sub] = await db.select().from(requestSubmissions).where(eq(requestSubmissions.id, submissionId));
    const key = randomUUID();
    const storage = t.app.deps.storage;
    await storage.put(key, Readable.from([INFECTED_PDF]));
    const [row] = await db
      .insert(attachments)
      .values({
        submissionId,
        ownerUserId: sub!.userId,
        originalName: 'awaria.pdf',
        storageKey: key,
        contentType: 'application/pdf',
        sizeBytes: INFECTED_PDF.length,
        sha256: 'x'.repeat(64),
      })
      .returning();
    const deps = {
      db,
      storage,
      scanner: new BuiltinEicarScanner(),
      outbox: t.app.deps.outbox,
      logger: pino({ level: 'silent' }),
      portalUrl: t.config.publicUrl,
      now: () => new Date(),
    };
    // the process "dies" when it deletes the bytes
    const crashing = {
      ...deps,
      storage: {
        put: storage.put.bind(storage),
        get: storage.get.bind(storage),
        delete: async () => {
          throw new Error('crash');
        },
      },
    };
    await assert.rejects(scanAttachment(crashing, row!.id), /crash/);
    const [afterCrash] = await db.select().from(attachments).where(eq(attachments.id, row!.id));
    assert.equal(afterCrash?.deletedAt, null, 'not marked removed while the bytes are on disk');
    assert.equal(existsSync(storedPath(t, key)), true);
    assert.equal((await a.get(`/wnioski/${submissionId}/zalaczniki/${row!.id}`)).statusCode, 404, 'an infected file is never downloadable');
    // the job's retry
    assert.equal(await scanAttachment(deps, row!.id), 'infected');
    const [done] = await db.select().from(attachments).where(eq(attachments.id, row!.id));
    assert.ok(done?.deletedAt);
    assert.equal(done?.deletedReason, 'malware');
    assert.equal(existsSync(storedPath(t, key)), false, 'the bytes are gone');
    const mails = await db.select().from(messages).where(like(messages.text, '%awaria.pdf%'));
    assert.equal(mails.length, 1, 'one e-mail');
    assert.equal(await scanAttachment(deps, row!.id), 'skipped', 'a further retry does nothing');
  });

  it('with the scanner unreachable the file stays pending, and becomes safe once a scanner answers', async () => {
    const down = await buildTestApp({ env: { CLAMD_URL: 'tcp://127.0.0.1:1' } });
    try {
      const s = await mariaSignedIn(down);
      const [r] = await down.database.db.select().from(roleRequests).where(eq(roleRequests.number, 'U000593/2023'));
      await upload(down, s.a, r!.submissionId, [{ name: 'czeka.pdf', data: PDF }]);
      const row = await eventually(async () => {
        const [x] = await down.database.db.select().from(attachments).where(eq(attachments.originalName, 'czeka.pdf'));
        return x && x.scanAttempts >= 1 ? x : null;
      }, 30_000);
      assert.equal(row.scanStatus, 'pending', 'never marked safe without a verdict');
      assert.equal((await s.a.get(`/wnioski/${r!.submissionId}/zalaczniki/${row.id}`)).statusCode, 404);
      const page = await s.a.get(`/wnioski/${r!.submissionId}/zalaczniki`);
      assert.match(page.body, /Pliki oczekujące na skanowanie pod kątem bezpieczeństwa/);
      // the retried job, once a scanner answers
      const verdict = await scanAttachment(
        {
          db: down.database.db,
          storage: down.app.deps.storage,
          scanner: new BuiltinEicarScanner(),
          outbox: down.app.deps.outbox,
          logger: pino({ level: 'silent' }),
          portalUrl: down.config.publicUrl,
          now: () => new Date(),
        },
        row.id,
      );
      assert.equal(verdict, 'clean');
    } finally {
      await down.close();
    }
  });

  it(
    'with clamd stopped the file stays pending and becomes safe after clamd starts again',
    { skip: process.env.CLAMD_URL ? false : 'CLAMD_URL not set: needs Debian clamd (bash scripts/clamd.sh start)' },
    async () => {
      const port = '3319';
      execFileSync('bash', ['scripts/clamd.sh', 'stop', port]);
      const app = await buildTestApp({ env: { CLAMD_URL: `tcp://127.0.0.1:${port}` } });
      try {
        const s = await mariaSignedIn(app);
        const [r] = await app.database.db.select().from(roleRequests).where(eq(roleRequests.number, 'U000593/2023'));
        await upload(app, s.a, r!.submissionId, [{ name: 'po-awarii.pdf', data: PDF }]);
        const pending = await eventually(async () => {
          const [x] = await app.database.db.select().from(attachments).where(eq(attachments.originalName, 'po-awarii.pdf'));
          return x && x.scanAttempts >= 1 ? x : null;
        }, 30_000);
        assert.equal(pending.scanStatus, 'pending');
        execFileSync('bash', ['scripts/clamd.sh', 'start', port]);
        // the queue retries with backoff (first retry after about 10 s)
        const clean = await eventually(async () => {
          const [x] = await app.database.db.select().from(attachments).where(eq(attachments.id, pending.id));
          return x?.scanStatus === 'clean' ? x : null;
        }, 90_000);
        assert.equal(clean.scanDetail, 'clamd');
      } finally {
        execFileSync('bash', ['scripts/clamd.sh', 'stop', port]);
        await app.close();
      }
    },
  );

  it('"Plik został wysłany mailem lub wydruk pocztą" stops the reminder for that request', async () => {
    const [r593] = await t.database.db.select().from(roleRequests).where(eq(roleRequests.number, 'U000593/2023'));
    const account = await a.get('/moje-konto');
    assert.match(account.body, /Plik został wysłany mailem lub wydruk pocztą — nie przypominaj mi o braku załącznika do tego wniosku/);
    const res = await a.post(`/wnioski/${r593!.id}/bez-przypomnien`, { optOut: 'tak' }, { csrfFrom: account.body });
    assert.equal(res.statusCode, 303);
    const [after1] = await t.database.db.select().from(roleRequests).where(eq(roleRequests.id, r593!.id));
    assert.equal(after1?.reminderOptOut, true);
    // U000594/2023 has a safe file now, U000593/2023 is opted out: no reminder at the next login
    const next = await mariaSignedIn(t);
    assert.notEqual(next.landing, '/przypomnienie');
    const jan = new Agent(t);
    const base = await startLogin(jan);
    await jan.follow(await pzLogin(t, jan, base, 'jan.kowalski', '+48 600 100 202'));
    const janPage = await jan.get('/kontakt');
    assert.equal((await jan.post(`/wnioski/${r593!.id}/bez-przypomnien`, { optOut: 'tak' }, { csrfFrom: janPage.body })).statusCode, 404);
  });
});
