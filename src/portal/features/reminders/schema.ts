import { z } from 'zod';
import { choice, queryText } from '../../http/input.ts';

export { IdParams } from '../../http/input.ts';

/** Where the login was heading; safeRelativePath decides whether it may be followed. */
export const ReminderQuery = z.object({ next: queryText(2048) });

/** "Przypomnij mi przy kolejnym logowaniu": the hidden `next` only. */
export const ReminderForm = z.object({ next: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string()) });

/** "Plik został wysłany mailem lub wydruk pocztą — nie przypominaj mi…": checked or not. */
export const OptOutForm = z.object({ optOut: choice(['tak']) });
