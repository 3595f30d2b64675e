/**
 * The portal's HTTP steps over real sockets: a small browser (cookies, CSRF, redirects), the login
 * through the simulated Profil Zaufany, the new-profile wizard up to "Zapisz" (accepted: a number is
 * given) and on to "Zakończ", and "Moje konto". Mirrors test/helpers/login.ts and
 * test/integration/request-wizard.test.ts, but against a running process.
 */
import pg from 'pg';

export class HttpError extends Error {
  constructor(
    readonly step: string,
    readonly status: number,
    body: string,
  ) {
    // an HTML page by its title („Wystąpił błąd systemu – …”), anything else by its start
    const title = /<title>([^<]*)<\/title>/.exec(body)?.[1];
    super(`${step}: HTTP ${status} ${title ?? body.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
}

export interface Res {
  status: number;
  location: string;
  body: string;
}

/** A browser of one person: its own cookie jar and its own client address (rate limits count per address). */
export class Browser {
  /** HTTP requests sent by every browser of this process */
  static requests = 0;
  readonly cookies = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly ip: string,
    readonly timeoutMs = 30_000,
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-forwarded-for': this.ip, ...extra };
  }

  private store(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()));
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private async send(method: string, url: string, body?: string | Buffer, type?: string): Promise<Res> {
    const u = url.startsWith('http') ? new URL(url) : new URL(url, this.base);
    const target = new URL(u.pathname + u.search, this.base);
    Browser.requests++;
    const res = await fetch(target, {
      method,
      redirect: 'manual',
      headers: this.headers(type ? { 'content-type': type } : {}),
      ...(body !== undefined ? { body } : {}),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    this.store(res);
    const text = (res.headers.get('content-type') ?? '').includes('application/pdf') ? `(pdf ${(await res.arrayBuffer()).byteLength} B)` : await res.text();
    const loc = res.headers.get('location') ?? '';
    return { status: res.status, location: loc ? new URL(loc, target).pathname + new URL(loc, target).search : '', body: text };
  }

  get(url: string): Promise<Res> {
    return this.send('GET', url);
  }

  post(url: string, fields: Record<string, string | string[]>, csrfFrom: string): Promise<Res> {
    const body = new URLSearchParams();
    body.set('_csrf', csrfOf(csrfFrom));
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return this.send('POST', url, body.toString(), 'application/x-www-form-urlencoded');
  }

  /** multipart/form-data as a browser sends "Załącz": the CSRF token first, then the files (field "pliki") */
  postFiles(url: string, files: { name: string; data: Buffer; type: string }[], csrfFrom: string): Promise<Res> {
    const boundary = `----ssozRel${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfOf(csrfFrom)}\r\n`)];
    for (const f of files) {
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="pliki"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`),
        f.data,
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return this.send('POST', url, Buffer.concat(parts), `multipart/form-data; boundary=${boundary}`);
  }

  async follow(res: Res, max = 10): Promise<Res> {
    let r = res;
    for (let i = 0; i < max && r.status >= 300 && r.status < 400 && r.location; i++) r = await this.get(r.location);
    return r;
  }
}

export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no CSRF field in page');
  return m[1];
}

function expect(step: string, r: Res, status: number, location?: RegExp): Res {
  if (r.status !== status || (location && !location.test(r.location))) throw new HttpError(`${step} (→ ${r.location || '-'})`, r.status, r.body);
  return r;
}

/** Activated demo accounts (src/demo/demo-accounts.ts): one per concurrent browser, so SMS codes never mix. */
export const DEMO_PEOPLE = [
  { login: 'jan.kowalski', phone: '+48 600 100 202' },
  { login: 'maria.wisniewska', phone: '+48 600 100 203' },
  { login: 'tomasz.lewandowski', phone: '+48 600 100 204' },
  { login: 'ewa.kaminska', phone: '+48 600 100 205' },
  { login: 'katarzyna.dabrowska', phone: '+48 600 100 206' },
  { login: 'robert.szymanski', phone: '+48 600 100 207' },
  { login: 'zofia.nowicka', phone: '+48 600 100 208' },
] as const;

async function newestCode(dbUrl: string, phone: string, after: Date): Promise<string | null> {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ text: string }>(
      `select text from messaging.messages where "to" = $1 and created_at >= $2 order by created_at desc limit 1`,
      [phone, after],
    );
    return /(\d{6})/.exec(rows[0]?.text ?? '')?.[1] ?? null;
  } finally {
    await c.end();
  }
}

/**
 * "Zaloguj się" → UEOZ → Profil Zaufany (password, SMS code read from the outbox as the demo mailbox
 * shows it) → back in the portal, signed in. Every hop goes through `b.base` (nginx: any instance).
 */
export async function login(b: Browser, dbUrl: string, person: { login: string; phone: string }): Promise<void> {
  const start = expect('GET /logowanie', await b.get('/logowanie'), 303, /\/ueoz\/oidc\/auth\?/);
  const auth = expect('GET oidc/auth', await b.get(start.location), 303, /^\/ueoz\/logowanie\/[\w-]+$/);
  const base = auth.location;
  const pz = expect('GET pz', await b.get(`${base}/pz`), 200);
  const since = new Date(Date.now() - 2000);
  expect('POST pz', await b.post(`${base}/pz`, { login: person.login, password: 'Demo-2026!' }, pz.body), 303, /\/kod$/);
  const codePage = expect('GET kod', await b.get(`${base}/kod`), 200);
  let code: string | null = null;
  for (let i = 0; i < 100 && !code; i++) {
    code = await newestCode(dbUrl, person.phone, since);
    if (!code) await new Promise((r) => setTimeout(r, 100));
  }
  if (!code) throw new Error(`no SMS code for ${person.login}`);
  const done = await b.follow(await b.post(`${base}/kod`, { code }, codePage.body));
  if (done.status !== 200) throw new HttpError('login end', done.status, done.body);
  const account = await b.get('/moje-konto');
  if (account.status !== 200) throw new HttpError('GET /moje-konto after login', account.status, account.body);
}

/**
 * The wizard for a unit, up to "Zapisz" on the summary: answers the submission id once the portal
 * said it was saved (a 303 to /wnioski/<id>) — from then on it is accepted work that must not be lost.
 */
export async function submitRequest(b: Browser, unitId: string, email: string): Promise<string> {
  const search = expect('GET /profil/wniosek', await b.get('/profil/wniosek'), 200);
  const chosen = expect('POST jednostka', await b.post('/profil/wniosek/jednostka', { unitId }, search.body), 303, /\/wniosek\/role$/);
  const rolesPage = expect('GET role', await b.get(chosen.location), 200);
  const offered = [...rolesPage.body.matchAll(/name="roles" value="([A-Z_]+)"(?! checked)/g)].map((m) => m[1]!);
  if (offered.length === 0) throw new Error(`no role offered in unit ${unitId}`);
  const toSummary = expect(
    'POST role',
    await b.post(chosen.location, { roles: offered.slice(0, 2), phone: '600 100 299', email }, rolesPage.body),
    303,
    /\/podsumowanie$/,
  );
  const summary = expect('GET podsumowanie', await b.get(toSummary.location), 200);
  const draftId = /name="draftId" value="([^"]+)"/.exec(summary.body)?.[1] ?? '';
  const saved = expect(
    'POST podsumowanie',
    await b.post(toSummary.location, { akcja: 'zapisz', statement: 'tak', draftId }, summary.body),
    303,
    /^\/wnioski\/[0-9a-f-]{36}/,
  );
  return saved.location.split('/')[2]!.split('?')[0]!;
}

/** Step 4: the PDF, then "Zakończ" (the confirmation e-mail is queued) and "Moje konto". */
export async function finishRequest(b: Browser, submissionId: string): Promise<void> {
  const page = expect('GET wniosek', await b.get(`/wnioski/${submissionId}`), 200);
  expect('GET pdf', await b.get(`/wnioski/${submissionId}/pdf`), 200);
  expect('POST zakoncz', await b.post(`/wnioski/${submissionId}/zakoncz`, { delivery: 'later' }, page.body), 303, /^\/moje-konto/);
  const account = expect('GET /moje-konto', await b.get('/moje-konto?zlozono=1'), 200);
  if (!account.body.includes('Wniosek ma status oczekującego')) throw new Error('Moje konto does not confirm the submission');
}

/**
 * Active units of the demo registry where the wizard offers roles (medical entities and practices)
 * and no one has a profile yet, in a stable order: each submission of a run goes to a unit of its own.
 */
export async function reportingUnits(dbUrl: string, limit: number): Promise<string[]> {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: string }>(
      `select u.id from portal.units u
        where u.is_active and u.kind_code in ('PODM', 'PRAKT')
          and not exists (select 1 from portal.profiles p where p.unit_id = u.id)
        order by md5(u.source_key) limit $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  } finally {
    await c.end();
  }
}
