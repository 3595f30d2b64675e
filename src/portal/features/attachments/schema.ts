import { z } from 'zod';
import { id, queryInt, queryText } from '../../http/input.ts';

/** ids in the path; anything else is "Nie znaleziono strony" */
export const SubmissionParams = z.object({ id });
export const FileParams = z.object({ id, fileId: id });

/** Where a file action returns: step 4 of the wizard, Moje konto, or the attachments page (the default). */
export const ReturnTo = z.enum(['wniosek', 'konto', 'zalaczniki']).catch('zalaczniki');
export type ReturnTo = z.output<typeof ReturnTo>;

export const ReturnQuery = z.object({ powrot: ReturnTo }).catch({ powrot: 'zalaczniki' });

/** The attachments page: files just added, and the token of messages kept in the session. */
export const PageQuery = z.object({ zalaczono: queryInt(0, 20), pliki: queryText(64) });

/**
 * "Tak, usuń plik" sends `potwierdz=tak`; without it (an older "Usuń" form) the question is asked
 * first. A missing, `null` or non-object body does not parse: 400, nothing removed.
 */
export const DeleteForm = z.object({ powrot: ReturnTo, potwierdz: z.literal('tak').optional().catch(undefined) });
