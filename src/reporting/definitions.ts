import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FormDefinition } from '../domain/reporting/definition.ts';
import { loadDefinitions } from '../domain/reporting/definition-check.ts';

const FORMS_DIR = new URL('../../reference/forms/', import.meta.url);

/** A definition file that fails its check stops the start with every message, not a stack trace. */
export class FormDefinitionError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Definicje formularzy zawierają błędy — popraw pliki w reference/forms/:\n- ${problems.join('\n- ')}`);
    this.name = 'FormDefinitionError';
  }
}

/** Reads and checks every `reference/forms/*.json` (examples excluded). */
export function readFormDefinitions(dir: URL = FORMS_DIR): FormDefinition[] {
  const path = fileURLToPath(dir);
  const files = readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const text = readFileSync(`${path}/${f}`, 'utf8');
      try {
        return { path: `reference/forms/${f}`, json: JSON.parse(text) as unknown };
      } catch (e) {
        throw new FormDefinitionError([`reference/forms/${f}: not valid JSON (${(e as Error).message})`]);
      }
    });
  const r = loadDefinitions(files);
  if (!r.ok) throw new FormDefinitionError(r.errors);
  return r.defs;
}

let cached: FormRegistry | null = null;

export interface FormRegistry {
  all: readonly FormDefinition[];
  /** the definition a report was filled against */
  get(form: string, version: number): FormDefinition | undefined;
  /** the version used for a data year */
  forYear(form: string, year: number): FormDefinition | undefined;
}

export function buildRegistry(defs: readonly FormDefinition[]): FormRegistry {
  const byVersion = new Map(defs.map((d) => [`${d.form} ${d.version}`, d]));
  return {
    all: defs,
    get: (form, version) => byVersion.get(`${form} ${version}`),
    forYear: (form, year) => defs.find((d) => d.form === form && d.years.includes(year)),
  };
}

/** The shipped forms, read and checked once per process (bootstrap calls it first, so a bad file stops the start). */
export function formRegistry(): FormRegistry {
  cached ??= buildRegistry(readFormDefinitions());
  return cached;
}
