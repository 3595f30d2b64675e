import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { requestDrafts } from '../schema/index.ts';

/** The user's draft of one wizard kind (one at a time per kind), untyped: the wizard's schema types it. */
export async function readDraft(db: DbOrTx, userId: string, kind: string): Promise<{ id: string; step: string; data: unknown } | null> {
  const [d] = await db
    .select()
    .from(requestDrafts)
    .where(and(eq(requestDrafts.userId, userId), eq(requestDrafts.kind, kind)));
  return d ? { id: d.id, step: d.step, data: d.data } : null;
}

export async function writeDraft(db: DbOrTx, userId: string, kind: string, step: string, data: Record<string, unknown>, now: Date): Promise<string> {
  const existing = await readDraft(db, userId, kind);
  if (existing) {
    await db.update(requestDrafts).set({ step, data, updatedAt: now }).where(eq(requestDrafts.id, existing.id));
    return existing.id;
  }
  const [row] = await db.insert(requestDrafts).values({ userId, kind, step, data, createdAt: now, updatedAt: now }).returning({ id: requestDrafts.id });
  return row!.id;
}

export async function deleteDraftById(db: DbOrTx, id: string): Promise<void> {
  await db.delete(requestDrafts).where(eq(requestDrafts.id, id));
}

// ── the request wizard's draft until it moves onto the step map ──
export type DraftKind = 'new_profile' | 'new_roles';
export interface WizardDraft {
  id: string;
  step: string;
  data: { unitId?: string; profileId?: string; roleCodes?: string[]; phone?: string; email?: string };
}
export async function getDraft(db: DbOrTx, userId: string, kind: DraftKind): Promise<WizardDraft | null> {
  const d = await readDraft(db, userId, kind);
  return d ? { id: d.id, step: d.step, data: d.data as WizardDraft['data'] } : null;
}
export async function saveDraft(db: DbOrTx, userId: string, kind: DraftKind, step: string, data: WizardDraft['data'], now: Date): Promise<string> {
  return writeDraft(db, userId, kind, step, data, now);
}
export const deleteDraft = deleteDraftById;
