/**
 * Wizards as data: a map of steps (path, schema of what the step adds to the draft, when the step is
 * reachable, next step) over one typed draft store and one step guard. The guard sends a request for
 * a step that is not reachable yet to the last reachable one; a GET never writes.
 */
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { deleteDraftById, readDraft, writeDraft } from '../../db/repositories/drafts.ts';

export interface StepDef<D> {
  id: string;
  /** path of the step's page */
  path: string;
  /** can the user be on this step with this draft? */
  reachable(draft: D | null): boolean;
  /** the step after this one, if any */
  next?: string;
}

export interface Wizard<D> {
  /** the draft's kind in the store */
  kind: string;
  /** the draft's shape: a stored draft that no longer parses counts as none */
  draft: z.ZodType<D>;
  steps: readonly StepDef<D>[];
}

export interface Draft<D> {
  id: string;
  step: string;
  data: D;
}

export type Guard = { ok: true } | { ok: false; redirect: string };

export function defineWizard<D>(w: Wizard<D>): Wizard<D> {
  const ids = new Set(w.steps.map((s) => s.id));
  for (const s of w.steps) if (s.next && !ids.has(s.next)) throw new Error(`wizard ${w.kind}: step ${s.id} goes to unknown ${s.next}`);
  return w;
}

export function stepOf<D>(w: Wizard<D>, id: string): StepDef<D> {
  const s = w.steps.find((x) => x.id === id);
  if (!s) throw new Error(`wizard ${w.kind} has no step ${id}`);
  return s;
}

/** The one step guard: is `id` reachable with this draft? If not, the last reachable step before it. */
export function guardStep<D>(w: Wizard<D>, id: string, draft: D | null): Guard {
  const i = w.steps.findIndex((s) => s.id === id);
  if (i === -1) throw new Error(`wizard ${w.kind} has no step ${id}`);
  if (w.steps[i]!.reachable(draft)) return { ok: true };
  for (let j = i - 1; j >= 0; j--) if (w.steps[j]!.reachable(draft)) return { ok: false, redirect: w.steps[j]!.path };
  return { ok: false, redirect: w.steps[0]!.path };
}

/** The typed draft store: one draft per user and wizard kind, kept server-side between steps. */
export const drafts = {
  async get<D>(db: DbOrTx, w: Wizard<D>, userId: string): Promise<Draft<D> | null> {
    const row = await readDraft(db, userId, w.kind);
    if (!row) return null;
    const parsed = w.draft.safeParse(row.data);
    return parsed.success ? { id: row.id, step: row.step, data: parsed.data } : null;
  },
  async save<D>(db: DbOrTx, w: Wizard<D>, userId: string, step: string, data: D, now: Date): Promise<string> {
    return writeDraft(db, userId, w.kind, step, w.draft.parse(data) as Record<string, unknown>, now);
  },
  async remove(db: DbOrTx, id: string): Promise<void> {
    await deleteDraftById(db, id);
  },
};
