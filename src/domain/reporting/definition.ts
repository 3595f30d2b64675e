/**
 * A statistical form as data (DHIS2 "data set" + "section form"; ONS: answers keyed by stable codes).
 * One JSON file per form version under `reference/forms/`, loaded into the database at start and
 * validated first (definition-check.ts): a definition with a duplicate or unknown code stops the start.
 *
 * Cell codes are stable: a table cell is `<section>.<row>.<column>` (e.g. `D1.01.1`), a field of a
 * fields section is `<section>.<field>` (e.g. `D0.01`). Values are kept as the typed strings, keyed by
 * those codes, so a later version of the form can still read an old report.
 */

/** integer: whole number ≥ 0 unless `min` says otherwise; decimal: comma or dot, `scale` digits; date: DD.MM.RRRR */
export type CellType = 'integer' | 'decimal' | 'text' | 'date' | 'choice';

export interface ChoiceOption {
  value: string;
  label: string;
}

/** What a single input accepts. Shared by table columns (inherited by their cells) and fields. */
export interface InputSpec {
  type: CellType;
  /** unit of measure shown beside the input and in the header, e.g. "osoby", "zł", "etaty" */
  unit?: string;
  /** decimal places allowed for 'decimal' (default 2) */
  scale?: number;
  min?: number;
  max?: number;
  /** for 'text' */
  maxLength?: number;
  /** for 'choice' */
  options?: readonly ChoiceOption[];
  /** must be filled before the report can be submitted */
  required?: boolean;
}

export interface FieldDef extends InputSpec {
  code: string;
  label: string;
  help?: string;
}

export interface RowDef {
  code: string;
  label: string;
  help?: string;
  /** a row printed as a "w tym" (of which) line, indented under the row above */
  indent?: number;
}

export interface ColumnDef extends InputSpec {
  code: string;
  label: string;
  help?: string;
}

/** Per-cell exceptions to the column's spec, keyed by `<row>.<column>` (e.g. "03.2"). */
export interface CellOverride {
  /** the cell does not apply: shown greyed, no input, never validated */
  na?: boolean;
  required?: boolean;
  help?: string;
  /** a cell computed by the form (e.g. a total): shown read-only with the computed value */
}

export interface TableSection {
  kind: 'table';
  code: string;
  title: string;
  help?: string;
  rows: readonly RowDef[];
  columns: readonly ColumnDef[];
  cells?: Readonly<Record<string, CellOverride>>;
}

export interface FieldsSection {
  kind: 'fields';
  code: string;
  title: string;
  help?: string;
  fields: readonly FieldDef[];
}

export type SectionDef = TableSection | FieldsSection;

export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'both_or_neither';

/**
 * DHIS2's missing-value strategy: skip the rule when any (or all) of the cells it reads are empty,
 * or never skip (an empty cell counts as 0).
 */
export type MissingValueStrategy = 'skip_if_any_missing' | 'skip_if_all_missing' | 'never_skip';

/** błąd blocks submission; ostrzeżenie lets it through with a written explanation shown to the verifier. */
export type Severity = 'blad' | 'ostrzezenie';

export interface RuleDef {
  code: string;
  /**
   * Expressions over cell codes: numbers, cell codes, + - * /, parentheses, `sum(a, b, …)` and
   * `prev(code)` (the unit's approved value of the previous reporting year; missing when there is none).
   */
  left: string;
  operator: Operator;
  right: string;
  message: string;
  severity: Severity;
  missing: MissingValueStrategy;
}

export type ReportArea = 'niefinansowe' | 'finansowe' | 'karty_psychiatryczne';

export interface FormDefinition {
  /** form code, e.g. "MZ-11" */
  form: string;
  /** definition version; a report keeps the version it was filled against */
  version: number;
  /** reporting years (years of the data) this version is used for */
  years: readonly number[];
  title: string;
  area: ReportArea;
  /** "roczna" only for now; part 2 adds quarterly and monthly forms */
  periodicity: 'roczna';
  /** the notice shown on the form: it is a simplified model of the official form, and where it comes from */
  modelNotice: string;
  /** public sources of the structure and of the facts in it */
  sources: readonly string[];
  /** which registry facts the identification header shows (filled from the unit, not typed) */
  header: readonly ('name' | 'regon' | 'teryt' | 'registryBookNo' | 'nip' | 'address')[];
  sections: readonly SectionDef[];
  rules: readonly RuleDef[];
}

/** Every input of a definition, flattened with its code, section and inherited spec. */
export interface CellRef extends InputSpec {
  code: string;
  sectionCode: string;
  /** "Dział 1, wiersz 01 „Porady ogółem”, kolumna 1 „Ogółem”" — the label an error message points to */
  label: string;
  na: boolean;
  help?: string;
}

export function cellCode(section: string, row: string, column: string): string {
  return `${section}.${row}.${column}`;
}

/** All cells of a definition (not-applicable ones included, flagged), in form order. */
export function cellsOf(def: FormDefinition): CellRef[] {
  const out: CellRef[] = [];
  for (const s of def.sections) {
    if (s.kind === 'fields') {
      for (const f of s.fields) {
        const { code, label, help, ...spec } = f;
        out.push({ ...spec, code: `${s.code}.${code}`, sectionCode: s.code, label, na: false, ...(help ? { help } : {}) });
      }
      continue;
    }
    for (const r of s.rows) {
      for (const c of s.columns) {
        const o = s.cells?.[`${r.code}.${c.code}`] ?? {};
        const { code: _c, label: colLabel, help: _h, ...spec } = c;
        const help = o.help ?? r.help;
        out.push({
          ...spec,
          ...(o.required !== undefined ? { required: o.required } : {}),
          code: cellCode(s.code, r.code, c.code),
          sectionCode: s.code,
          label: `${s.title}, wiersz ${r.code} „${r.label}”, kolumna ${c.code} „${colLabel}”`,
          na: o.na === true,
          ...(help ? { help } : {}),
        });
      }
    }
  }
  return out;
}

/** Typed values of a report, keyed by cell code (absent or '' = empty). */
export type ReportValues = Readonly<Record<string, string>>;
