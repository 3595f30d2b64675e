import type { LightMyRequestResponse } from 'fastify';
import type { Agent } from './agent.ts';
import type { TestApp } from './app.ts';

export type UploadFile = { name: string; data: Buffer; type?: string };

/**
 * The upload form's body as a browser sends it: the `_csrf` field first (it comes first in the
 * form), then the files in field "pliki". `csrf: null` leaves the token out.
 */
export function uploadBody(csrf: string | null, files: UploadFile[], opts: { csrfLast?: boolean } = {}): { body: Buffer; type: string } {
  const boundary = '----ssozUploadBoundary9QxB2';
  const field = csrf === null ? [] : [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`)];
  const parts: Buffer[] = [];
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="pliki"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    parts.push(f.data, Buffer.from('\r\n'));
  }
  const all = opts.csrfLast ? [...parts, ...field] : [...field, ...parts];
  all.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(all), type: `multipart/form-data; boundary=${boundary}` };
}

/** POST the upload form of a submission as `a` (the action's `?powrot=` as the page's form has it). */
export async function postUpload(
  t: TestApp,
  a: Agent,
  submissionId: string,
  csrf: string | null,
  files: UploadFile[],
  opts: { powrot?: string; csrfLast?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const { body, type } = uploadBody(csrf, files, opts);
  return t.app.inject({
    method: 'POST',
    url: `/wnioski/${submissionId}/zalaczniki${opts.powrot ? `?powrot=${opts.powrot}` : ''}`,
    payload: body,
    headers: { 'content-type': type, cookie: [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
}
