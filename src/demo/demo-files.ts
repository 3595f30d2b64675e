// The demo queue's signed applications ("bezpieczne pliki"): rows written by the seed, bytes written
// to the running app's storage at start (the seed itself has no storage: the test template is seeded
// without one). Each file is a tiny valid one-page PDF under a storage key derived from its request's
// demo key, so writing it again is a no-op.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, eq, like } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { attachments, requestSubmissions, roleRequests } from '../db/schema/index.ts';
import type { FileStorage } from '../files/storage.ts';

/** A minimal valid PDF (one page, one line of text), with a correct cross-reference table. */
export function demoSignedPdf(title: string): Buffer {
  const text = title.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '');
  const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A deterministic storage key (a UUID-shaped hash) for a demo request's file. */
export function demoStorageKey(queueKey: string): string {
  const h = createHash('sha256').update(`ssoz-demo-file:${queueKey}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function demoFileTitle(number: string): string {
  return `Podpisany wniosek ${number} - dane demonstracyjne SSOZ II`;
}

/** Writes the bytes of every demo queue file that storage does not hold yet (idempotent; run at each demo start). */
export async function ensureDemoFiles(db: DbOrTx, storage: FileStorage): Promise<number> {
  const rows = await db
    .select({ storageKey: attachments.storageKey, number: roleRequests.number })
    .from(attachments)
    .innerJoin(requestSubmissions, eq(requestSubmissions.id, attachments.submissionId))
    .innerJoin(roleRequests, eq(roleRequests.submissionId, attachments.submissionId))
    .where(and(like(requestSubmissions.idempotencyKey, 'demo-queue:%'), eq(attachments.scanStatus, 'clean')));
  let written = 0;
  for (const r of rows) {
    try {
      await storage.put(r.storageKey, Readable.from(demoSignedPdf(demoFileTitle(r.number))));
      written += 1;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return written;
}
