import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { activeAdministratorEmails, claimDigest, overdueElsewhere, pendingByVerifier, type DigestRequest } from '../db/repositories/request-digest.ts';
import { loadVerifierCandidates } from '../db/repositories/verifiers.ts';
import { decisionDueAt, polishDay } from '../domain/decision-deadline.ts';
import { formatDatePl } from '../lib/text.ts';
import type { Outbox } from '../mail/outbox.ts';
import { requestDigest } from '../mail/templates.ts';

export interface DigestDeps {
  db: Db;
  outbox: Outbox;
  portalUrl: string;
  /** days from "Zakończ" to the decision due date (config.requests.decisionDays) */
  decisionDays: number;
  logger?: Logger;
}

/**
 * The daily digest (`request-digest` job, once a day): each verifying unit with pending requests gets
 * one e-mail to each of its active administrators listing what waits and what is past the decision due
 * date (count, numbers, link to the queue); Centrum e-Zdrowia's also lists the overdue requests of the
 * other units (escalation). Idempotent per unit and Polish calendar day: the claim row and the e-mails
 * are written in one transaction, so a second run the same day (or a concurrent one) sends nothing.
 * A unit without an active administrator gets nothing (its new requests already go to CeZ; CeZ's
 * digest lists them once they are overdue).
 */
export async function sendRequestDigests(deps: DigestDeps, now: Date): Promise<{ units: number; messages: number }> {
  const day = polishDay(now);
  const dueBefore = new Date(now.getTime() - deps.decisionDays * 86_400_000);
  const line = (r: DigestRequest) => ({ number: r.number, due: formatDatePl(decisionDueAt(r.submittedAt, deps.decisionDays)) });
  const groups = await pendingByVerifier(deps.db);
  // CeZ hears of escalated requests even on a day nothing is routed to it
  const { cez } = await loadVerifierCandidates(deps.db);
  const own = groups.get(cez.unitId);
  groups.set(cez.unitId, { unitName: cez.name, isCentral: true, requests: own?.requests ?? [] });
  let units = 0;
  let messages = 0;
  for (const [unitId, g] of groups) {
    const escalated = g.isCentral ? await overdueElsewhere(deps.db, unitId, dueBefore) : [];
    if (g.requests.length === 0 && escalated.length === 0) continue;
    const recipients = await activeAdministratorEmails(deps.db, unitId);
    if (recipients.length === 0) {
      deps.logger?.warn({ unitId, waiting: g.requests.length }, 'request digest: the verifying unit has no active administrator');
      continue;
    }
    const overdue = g.requests.filter((r) => r.submittedAt.getTime() < dueBefore.getTime());
    const onTime = g.requests.filter((r) => r.submittedAt.getTime() >= dueBefore.getTime());
    const sent = await deps.db.transaction(async (tx) => {
      const claimed = await claimDigest(tx, { unitId, day, at: now, recipients: recipients.length, waiting: g.requests.length, overdue: overdue.length });
      if (!claimed) return 0;
      const mail = requestDigest({
        unitName: g.unitName,
        day,
        decisionDays: deps.decisionDays,
        overdue: overdue.map(line),
        onTime: onTime.map(line),
        escalated: escalated.map(line),
        queueUrl: `${deps.portalUrl}/zarzadzanie/wnioski`,
      });
      for (const to of recipients) await deps.outbox.enqueue(tx, { channel: 'email', to, ...mail });
      return recipients.length;
    });
    if (sent > 0) {
      units += 1;
      messages += sent;
    }
  }
  deps.logger?.info({ day, units, messages }, 'request digests sent');
  return { units, messages };
}
