import { z } from 'zod';
import { REPORT_KEYS } from './service.ts';

/** "/zarzadzanie/raporty/:raport.csv": one of the reports; anything else is not found. */
export const ReportCsvParams = z.object({ raport: z.enum(REPORT_KEYS) });
