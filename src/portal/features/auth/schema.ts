import { z } from 'zod';
import { queryText } from '../../http/input.ts';

/** The OIDC callback's error parameters (RFC 6749 §4.1.2.1); a control character drops the value. */
export const CallbackQuery = z.object({ error: queryText(100), error_description: queryText(300) });
