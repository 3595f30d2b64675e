import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './app.ts';

/**
 * A tiny browser over app.inject: keeps cookies, follows redirects on request, reads form tokens.
 * Cookie paths are ignored (every cookie is sent everywhere), which is enough for these flows.
 */
export class Agent {
  readonly cookies = new Map<string, string>();
  constructor(private readonly t: TestApp) {}

  private store(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && new Date(c.expires).getTime() < Date.now()) || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** path of a same-app absolute URL, or the path as is */
  static path(location: string): string {
    if (location.startsWith('http')) {
      const u = new URL(location);
      return u.pathname + u.search;
    }
    return location;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const res = await this.t.app.inject({ method: 'GET', url: Agent.path(url), headers: { cookie: this.cookieHeader() } });
    this.store(res);
    return res;
  }

  async post(url: string, fields: Record<string, string>, opts: { csrfFrom?: string } = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams(fields);
    if (!body.has('_csrf')) body.set('_csrf', opts.csrfFrom ? csrfOf(opts.csrfFrom) : await this.csrf());
    const res = await this.t.app.inject({
      method: 'POST',
      url: Agent.path(url),
      payload: body.toString(),
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    this.store(res);
    return res;
  }

  /** a CSRF token for this agent's cookie (from the contact page's form) */
  async csrf(): Promise<string> {
    return csrfOf((await this.get('/kontakt')).body);
  }

  /** follow 30x redirects from a response, up to `max` hops; returns the last response */
  async follow(res: LightMyRequestResponse, max = 10): Promise<LightMyRequestResponse> {
    let r = res;
    for (let i = 0; i < max && r.statusCode >= 300 && r.statusCode < 400 && r.headers.location; i++) r = await this.get(String(r.headers.location));
    return r;
  }
}

export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no CSRF field in page');
  return m[1];
}

export function pathOf(res: LightMyRequestResponse): string {
  return Agent.path(String(res.headers.location ?? ''));
}

/** multipart/form-data by hand, as a browser sends a file form (field "pliki") */
export function multipart(files: { name: string; data: Buffer; type?: string }[]): { body: Buffer; type: string } {
  const boundary = '----ssozTestBoundary7MA4YWxk';
  const parts: Buffer[] = [];
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="pliki"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    parts.push(f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}
