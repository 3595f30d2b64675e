import { z } from 'zod';
import { queryText } from '../../http/input.ts';

export { IdParams } from '../../http/input.ts';

/** "?to=" an address or a phone number; anything unusable is no filter. */
export const MailboxQuery = z.object({ to: queryText(254) });
