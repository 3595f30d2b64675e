import { z } from 'zod';

/** ids in the path; anything else is "Nie znaleziono strony" (guid: the demo seed's ids are not all RFC 4122) */
export const SubmissionParams = z.object({ id: z.guid() });
export const FileParams = z.object({ id: z.guid(), fileId: z.guid() });

/** Where a file action returns: step 4 of the wizard, Moje konto, or the attachments page (the default). */
export const ReturnTo = z.enum(['wniosek', 'konto', 'zalaczniki']).catch('zalaczniki');
export type ReturnTo = z.output<typeof ReturnTo>;

export const ReturnQuery = z.object({ powrot: ReturnTo }).catch({ powrot: 'zalaczniki' });

/**
 * "Tak, usuń plik" sends `potwierdz=tak`; without it (an older "Usuń" form) the question is asked
 * first. A missing, `null` or non-object body does not parse: 400, nothing removed.
 */
export const DeleteForm = z.object({ powrot: ReturnTo, potwierdz: z.literal('tak').optional().catch(undefined) });
