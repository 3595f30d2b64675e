import { z } from 'zod';
import { choice, stringList, text } from '../../http/input.ts';
import { dictionaryMessages as m } from './messages.ts';

/** A dictionary code in a path (unit kind, role, permission); one that is not in the dictionary is a page that does not exist (404 from the service). */
export const CodeParams = z.object({ code: z.string().min(1).max(60) });
/** An SSOZ I role name in a path (the mapping's key). */
export const LegacyParams = z.object({ name: z.string().min(1).max(300) });

export const ResultQuery = z.object({
  wynik: z.preprocess((v) => (typeof v === 'string' && ['zapisano', 'przywrocono', 'bez-zmian'].includes(v) ? v : ''), z.string()),
});

export const KIND_FIELDS = ['nazwa', 'klasa'] as const;
export const KindForm = z.object({
  nazwa: text({ max: 200, required: m.nameRequired, label: m.name }),
  centralna: choice(['tak']),
  nadzorujaca: choice(['tak']),
  sprawozdajaca: choice(['tak']),
});

export const NAMED_FIELDS = ['nazwa', 'opis'] as const;
export const RoleForm = z.object({
  nazwa: text({ max: 200, required: m.nameRequired, label: m.name }),
  opis: text({ max: 2000, multiline: true, required: m.descriptionRequired, label: m.description }),
});
export const PermissionForm = z.object({
  nazwa: text({ max: 200, required: m.nameRequired, label: m.name }),
  opis: text({ max: 1000, multiline: true, required: m.descriptionRequired, label: m.businessDescription }),
});

export const MatrixForm = z.object({ p: stringList(1000), wersja: text({ max: 64 }) });

export const LEGACY_FIELDS = ['rola', 'uwaga'] as const;
export const LegacyForm = z.object({
  rola: text({ max: 40 }),
  uwaga: text({ max: 500, multiline: true, label: m.note }),
});
