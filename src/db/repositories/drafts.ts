import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { requestDrafts } from '../schema/index.ts';

export type DraftKind = 'new_profile' | 'new_roles';

export interface WizardDraft {
  id: string;
  step: string;
  data: { unitId?: string; profileId?: string; roleCodes?: string[]; phone?: string; email?: string };
}

/** The user's draft of one wizard (one at a time per kind), kept server-side between steps. */
export async function getDraft(db: DbOrTx, userId: string, kind: DraftKind): Promise<WizardDraft | null> {
  const [d] = await db.select().from(requestDrafts).where(and(eq(requestDrafts.userId, userId), eq(requestDrafts.kind, kind)));
  return d ? { id: d.id, step: d.step, data: d.data as WizardDraft['data'] } : null;
}

export async function saveDraft(db: DbOrTx, userId: string, kind: DraftKind, step: string, data: WizardDraft['data'], now: Date): Promise<string> {
  const existing = await getDraft(db, userId, kind);
  if (existing) {
    await db.update(requestDrafts).set({ step, data, updatedAt: now }).where(eq(requestDrafts.id, existing.id));
    return existing.id;
  }
  const [row] = await db.insert(requestDrafts).values({ userId, kind, step, data, createdAt: now, updatedAt: now }).returning({ id: requestDrafts.id });
  return row!.id;
}

export async function deleteDraft(db: DbOrTx, id: string): Promise<void> {
  await db.delete(requestDrafts).where(eq(requestDrafts.id, id));
}
