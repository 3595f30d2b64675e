import type { DbOrTx } from '../db/client.ts';
import { identityAudit } from '../db/schema/index.ts';

export interface IdentityAuditEntry {
  /** e.g. pz.login, pz.code_sent, pz.code_wrong, pz.lockout, migration.found, account.updated, email.verified */
  action: string;
  outcome: 'success' | 'failure';
  accountId?: string | null;
  /** PZ user name or UEOZ login — never a PESEL */
  actor?: string | null;
  ip?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

/** Append to the identity provider's audit trail (who, when, from where, outcome). */
export async function recordIdentityAudit(db: DbOrTx, e: IdentityAuditEntry): Promise<void> {
  await db.insert(identityAudit).values({
    action: e.action,
    outcome: e.outcome,
    accountId: e.accountId ?? null,
    actor: e.actor ?? null,
    ip: e.ip ?? null,
    requestId: e.requestId ?? null,
    details: e.details ?? {},
  });
}
