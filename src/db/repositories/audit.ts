import { auditLog } from '../schema/index.ts';
import type { DbOrTx } from '../client.ts';

export interface AuditEntry {
  action: string;
  actorUserId?: string | null;
  /** who, when there is no portal user yet (e.g. an anonymous contact form): never a PESEL */
  actorLabel?: string | null;
  subjectType?: string;
  subjectId?: string;
  outcome?: 'success' | 'failure';
  ip?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

/** Append one entry to the portal audit log, inside the caller's transaction. */
export async function recordAudit(tx: DbOrTx, e: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    action: e.action,
    actorUserId: e.actorUserId ?? null,
    actorLabel: e.actorLabel ?? null,
    subjectType: e.subjectType ?? null,
    subjectId: e.subjectId ?? null,
    outcome: e.outcome ?? 'success',
    ip: e.ip ?? null,
    requestId: e.requestId ?? null,
    details: e.details ?? {},
  });
}
