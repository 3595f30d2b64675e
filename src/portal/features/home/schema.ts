import { z } from 'zod';

/** "/start?przeniesiono=1" after the SSOZ I transfer. */
export const HomeQuery = z.object({
  przeniesiono: z.preprocess((v) => {
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === 'string' && s !== '';
  }, z.boolean()),
});
