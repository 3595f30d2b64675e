import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { formDeadlines, formDefinitions, reportFormKinds } from '../schema/index.ts';
import type { FormDefinition } from '../../domain/reporting/definition.ts';
import { DEADLINE_SOURCE, FORM_KINDS, publishedDeadlines } from '../../domain/reporting/catalogue.ts';

/**
 * The reporting dictionaries, at every start and in every mode: the checked form definitions (the
 * files win: a definition is never edited in the portal), the form × kind catalogue, and the
 * published deadlines — inserted only for a form and year that has no schedule yet, so a deadline
 * changed (or a CeZ level removed) in "Terminy sprawozdań" stays as the administrator set it.
 */
export async function seedReportingReference(db: DbOrTx, defs: readonly FormDefinition[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const d of defs) {
      await tx
        .insert(formDefinitions)
        .values({ form: d.form, version: d.version, years: [...d.years], title: d.title, area: d.area, definition: d as unknown as Record<string, unknown> })
        .onConflictDoUpdate({
          target: [formDefinitions.form, formDefinitions.version],
          set: { years: sql`excluded.years`, title: sql`excluded.title`, area: sql`excluded.area`, definition: sql`excluded.definition` },
        });
    }
    await tx
      .insert(reportFormKinds)
      .values(FORM_KINDS.map((k) => ({ ...k })))
      .onConflictDoUpdate({
        target: [reportFormKinds.form, reportFormKinds.kindCode],
        set: { verifierKind: sql`excluded.verifier_kind`, bySurvey: sql`excluded.by_survey` },
      });
    const years = new Map<string, number[]>();
    for (const d of defs) years.set(d.form, [...(years.get(d.form) ?? []), ...d.years]);
    // only for a form and year with no schedule yet: a level an administrator removed in "Terminy
    // sprawozdań" (an empty CeZ date) must not come back at the next start
    const scheduled = new Set(
      (await tx.selectDistinct({ form: formDeadlines.form, year: formDeadlines.year }).from(formDeadlines)).map((r) => `${r.form}/${r.year}`),
    );
    const rows = publishedDeadlines(years).filter((r) => !scheduled.has(`${r.form}/${r.year}`));
    if (rows.length) {
      await tx
        .insert(formDeadlines)
        .values(rows.map((r) => ({ ...r, source: DEADLINE_SOURCE })))
        .onConflictDoNothing();
    }
  });
}
