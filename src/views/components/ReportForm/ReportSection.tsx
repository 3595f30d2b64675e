import type { CellType, FieldDef, FieldsSection, FormDefinition, InputSpec, SectionDef, Severity, TableSection } from '../../../domain/reporting/definition.ts';
import { cellCode } from '../../../domain/reporting/definition.ts';
import { cellId, sectionId } from './ids.ts';

/** Cells marked by failing rules: the worst severity among them and the rules' codes. */
export interface RuleFlag {
  severity: Severity;
  ruleCodes: readonly string[];
}

export interface ReportSectionProps {
  /** the form the section belongs to; a section of another form or version is refused */
  def: FormDefinition;
  section: SectionDef;
  /** typed values by cell code (absent or '' = empty) */
  values: Readonly<Record<string, string>>;
  /** one message per cell code: what is wrong with the value itself */
  cellErrors?: Readonly<Record<string, string>> | undefined;
  /** cells read by failing rules */
  ruleFlags?: Readonly<Record<string, RuleFlag>> | undefined;
  /** the verifier's comment on a cell */
  cellComments?: Readonly<Record<string, string>> | undefined;
  /** values as text, no inputs (a sent report, the verifier's view) */
  readOnly: boolean;
  /** last year's values; when given, every cell shows its value from then as a hint */
  previous?: Readonly<Record<string, string>> | undefined;
}

const DATE_FORMAT = 'DD.MM.RRRR';
const INDENT_LEVELS = 3;

interface CellContext {
  value: string;
  error: string | undefined;
  flag: RuleFlag | undefined;
  comment: string | undefined;
  /** undefined: no previous year shown; '' : shown as empty */
  previous: string | undefined;
}

function contextOf(p: ReportSectionProps, code: string): CellContext {
  return {
    value: p.values[code] ?? '',
    error: p.cellErrors?.[code],
    flag: p.ruleFlags?.[code],
    comment: p.cellComments?.[code],
    previous: p.previous ? (p.previous[code] ?? '') : undefined,
  };
}

function joinIds(ids: readonly (string | false | undefined)[]): string | undefined {
  const out = ids.filter((x): x is string => typeof x === 'string' && x !== '').join(' ');
  return out || undefined;
}

/**
 * The on-screen keyboard for a number. Phone keyboards for `numeric` and `decimal` have no minus
 * sign, so a cell that accepts negative numbers gets the full keyboard.
 */
function inputMode(spec: InputSpec): string | undefined {
  if (spec.type !== 'integer' && spec.type !== 'decimal') return undefined;
  if (spec.min !== undefined && spec.min < 0) return undefined;
  return spec.type === 'integer' ? 'numeric' : 'decimal';
}

const isNumeric = (t: CellType): boolean => t === 'integer' || t === 'decimal';

/** A choice is shown by its label; a value no longer among the options is shown as typed. */
function displayText(spec: InputSpec, raw: string): string {
  if (spec.type !== 'choice') return raw;
  return spec.options?.find((o) => o.value === raw)?.label ?? raw;
}

/** "—" for the eye, "brak wartości" for the ear (a dash alone is read out as punctuation or not at all). */
function ValueText({ spec, raw }: { spec: InputSpec; raw: string }): JSX.Element {
  if (raw.trim() === '') {
    return (
      <>
        <span aria-hidden="true">—</span>
        <span class="visually-hidden">brak wartości</span>
      </>
    );
  }
  return <span safe>{displayText(spec, raw)}</span>;
}

const FLAG_TEXT: Readonly<Record<Severity, string>> = { blad: 'Błąd', ostrzezenie: 'Ostrzeżenie' };

/**
 * What is said about a cell: its own error, the rules it fails, its format, its help, last year's value
 * and the verifier's comment. Each part has an id the input points to. In a table all of it sits under
 * the input, so the grid keeps its shape; a field follows the portal's fields (Field.tsx): error and
 * hints above the input (`lead`), the rest under it (`trail`).
 */
function CellNotes(p: {
  id: string;
  spec: InputSpec;
  ctx: CellContext;
  help: string | undefined;
  showFormat: boolean;
  part?: 'all' | 'lead' | 'trail';
}): JSX.Element {
  const { id, ctx } = p;
  const part = p.part ?? 'all';
  const lead = part !== 'trail';
  const trail = part !== 'lead';
  return (
    <>
      {lead && ctx.error ? (
        <p class="report-note report-note--error" id={`${id}-error`}>
          <span class="visually-hidden">Błąd: </span>
          <span safe>{ctx.error}</span>
        </p>
      ) : (
        ''
      )}
      {trail && ctx.flag ? (
        <p class={`report-note report-flag report-flag--${ctx.flag.severity}`} id={`${id}-flag`}>
          <span safe>{`${FLAG_TEXT[ctx.flag.severity]} (${ctx.flag.ruleCodes.length === 1 ? 'reguła' : 'reguły'} ${ctx.flag.ruleCodes.join(', ')})`}</span>
        </p>
      ) : (
        ''
      )}
      {lead && p.showFormat ? (
        <p class="report-note report-note--hint" id={`${id}-format`}>
          Format: {DATE_FORMAT}
        </p>
      ) : (
        ''
      )}
      {lead && p.help ? (
        <p class="report-note report-note--hint" id={`${id}-help`} safe>
          {p.help}
        </p>
      ) : (
        ''
      )}
      {trail && ctx.previous !== undefined ? (
        <p class="report-note report-note--previous" id={`${id}-prev`}>
          Rok poprzedni: <ValueText spec={p.spec} raw={ctx.previous} />
        </p>
      ) : (
        ''
      )}
      {trail && ctx.comment ? (
        <p class="report-note report-note--comment" id={`${id}-comment`}>
          <strong>Uwaga weryfikującego:</strong> <span safe>{ctx.comment}</span>
        </p>
      ) : (
        ''
      )}
    </>
  );
}

/** The ids of CellNotes' parts, in the order a screen reader should read them after the name. */
function notesIds(id: string, ctx: CellContext, help: string | undefined, showFormat: boolean): (string | false)[] {
  return [
    !!ctx.error && `${id}-error`,
    !!ctx.flag && `${id}-flag`,
    showFormat && `${id}-format`,
    !!help && `${id}-help`,
    ctx.previous !== undefined && `${id}-prev`,
    !!ctx.comment && `${id}-comment`,
  ];
}

/**
 * A value is invalid for assistive technology when it has its own error or fails a blocking rule;
 * a warning does not make it invalid (it may be right and explained).
 */
const invalid = (ctx: CellContext): 'true' | undefined => (ctx.error || ctx.flag?.severity === 'blad' ? 'true' : undefined);

/** The control of one cell or field (not a choice in a fields section: that is a radio group). */
function Control(p: {
  id: string;
  code: string;
  spec: InputSpec;
  ctx: CellContext;
  labelledBy?: string;
  describedBy: string | undefined;
  required: boolean;
  extraClass?: string;
}): JSX.Element {
  const cls = `report-input${isNumeric(p.spec.type) || p.spec.type === 'date' ? ' report-input--short' : ''}${p.extraClass ? ` ${p.extraClass}` : ''}`;
  // No `required` attribute: a draft is saved half-filled, the server says what is missing at submission.
  const common = {
    id: p.id,
    name: p.code,
    'aria-labelledby': p.labelledBy,
    'aria-describedby': p.describedBy,
    'aria-invalid': invalid(p.ctx),
    'aria-required': p.required ? 'true' : undefined,
  };
  if (p.spec.type === 'choice') {
    return (
      <select class={`${cls} report-input--select`} {...common}>
        <option value="" selected={p.ctx.value === ''}>
          — wybierz —
        </option>
        {(p.spec.options ?? []).map((o) => (
          <option value={o.value} selected={o.value === p.ctx.value} safe>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  // a longer free text (remarks) gets a text area; a short one and every number stay one line
  if (p.spec.type === 'text' && (p.spec.maxLength ?? 500) > 200) {
    return (
      <textarea class={`${cls} report-input--text`} {...common} rows="4" maxlength={p.spec.maxLength ?? 500} safe>
        {p.ctx.value}
      </textarea>
    );
  }
  return (
    <input
      class={cls}
      type="text"
      {...common}
      value={p.ctx.value}
      inputmode={inputMode(p.spec)}
      maxlength={p.spec.type === 'text' ? p.spec.maxLength : undefined}
      spellcheck={p.spec.type === 'text' ? undefined : 'false'}
      autocomplete="off"
    />
  );
}

function Help({ id, text, about }: { id: string; text: string | undefined; about: string }): JSX.Element {
  if (!text) return '';
  return (
    <details class="report-help">
      <summary>
        Wyjaśnienie<span class="visually-hidden" safe>{` – ${about}`}</span>
      </summary>
      <p id={id} safe>
        {text}
      </p>
    </details>
  );
}

function TableBody(p: ReportSectionProps & { section: TableSection; base: string }): JSX.Element {
  const s = p.section;
  const rowId = (r: string) => `${p.base}-row-${r.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const colId = (c: string) => `${p.base}-col-${c.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <tbody>
      {s.rows.map((r) => {
        const indent = Math.min(Math.max(r.indent ?? 0, 0), INDENT_LEVELS);
        return (
          <tr>
            <th scope="row" class={`report-table__row${indent ? ` report-table__row--indent-${indent}` : ''}`}>
              <span id={rowId(r.code)}>
                <span class="report-table__code" safe>
                  {r.code}
                </span>{' '}
                <span safe>{r.label}</span>
              </span>
              <Help id={`${rowId(r.code)}-help`} text={r.help} about={`wiersz ${r.code}`} />
              {r.help ? (
                // what the cells of the row are described by: text in a closed <details> is not read as a
                // description by Chromium, a `hidden` element referenced by id is (and is not read twice)
                <span hidden id={`${rowId(r.code)}-desc`} safe>
                  {r.help}
                </span>
              ) : (
                ''
              )}
            </th>
            {s.columns.map((c) => {
              const code = cellCode(s.code, r.code, c.code);
              const override = s.cells?.[`${r.code}.${c.code}`] ?? {};
              const id = cellId(code);
              if (override.na) {
                return (
                  <td class="report-cell report-cell--na">
                    <span class="visually-hidden">nie dotyczy</span>
                  </td>
                );
              }
              const { code: _c, label: _l, help: _h, ...columnSpec } = c;
              const spec: InputSpec = { ...columnSpec, required: override.required ?? c.required ?? false };
              const ctx = contextOf(p, code);
              // the cell's own help is shown in the cell; the row's help sits in the row header and each
              // cell of the row is described by it (as cellsOf gives a cell its row's help)
              const ownHelp = override.help;
              const rowHelpId = !ownHelp && r.help ? `${rowId(r.code)}-desc` : undefined;
              const showFormat = !p.readOnly && spec.type === 'date';
              const classes = [
                'report-cell',
                isNumeric(spec.type) ? 'report-cell--number' : '',
                ctx.error ? 'report-cell--error' : '',
                ctx.flag ? `report-cell--flag-${ctx.flag.severity}` : '',
              ]
                .filter(Boolean)
                .join(' ');
              if (p.readOnly) {
                return (
                  <td class={classes} id={id}>
                    <span class="report-cell__value">
                      <ValueText spec={spec} raw={ctx.value} />
                    </span>
                    <CellNotes id={id} spec={spec} ctx={ctx} help={ownHelp} showFormat={false} />
                  </td>
                );
              }
              return (
                <td class={classes}>
                  <Control
                    id={id}
                    code={code}
                    spec={spec}
                    ctx={ctx}
                    labelledBy={`${rowId(r.code)} ${colId(c.code)}`}
                    describedBy={joinIds([...notesIds(id, ctx, ownHelp, showFormat), rowHelpId])}
                    required={spec.required === true}
                  />
                  <CellNotes id={id} spec={spec} ctx={ctx} help={ownHelp} showFormat={showFormat} />
                </td>
              );
            })}
          </tr>
        );
      })}
    </tbody>
  );
}

function Table(p: ReportSectionProps & { section: TableSection; base: string; helpId: string | undefined }): JSX.Element {
  const s = p.section;
  const captionId = `${p.base}-caption`;
  const colId = (c: string) => `${p.base}-col-${c.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    // a wide table scrolls inside its own box on a phone; the box takes keyboard focus so it can be
    // scrolled without a mouse, and is named by the caption
    <div class="table-scroll report-table-scroll" role="region" aria-labelledby={captionId} tabindex="0">
      <table class="report-table" aria-describedby={p.helpId}>
        <caption id={captionId} class="visually-hidden" safe>
          {s.title}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="report-table__corner">
              Wyszczególnienie
            </th>
            {s.columns.map((c) => (
              <th scope="col" class="report-table__col">
                <span id={colId(c.code)}>
                  <span safe>{c.label}</span>
                  {c.unit ? (
                    <span class="report-table__unit" safe>
                      {` (${c.unit})`}
                    </span>
                  ) : (
                    ''
                  )}
                </span>
                <Help id={`${colId(c.code)}-help`} text={c.help} about={`kolumna ${c.label}`} />
              </th>
            ))}
          </tr>
        </thead>
        <TableBody {...p} />
      </table>
    </div>
  );
}

function FieldLabelText({ f }: { f: FieldDef }): JSX.Element {
  return (
    <>
      <span safe>{f.label}</span>
      {f.unit ? <span safe>{` (${f.unit})`}</span> : ''}
      {f.required ? <span aria-hidden="true"> *</span> : ''}
    </>
  );
}

function Field(p: ReportSectionProps & { section: FieldsSection; field: FieldDef }): JSX.Element {
  const f = p.field;
  const code = `${p.section.code}.${f.code}`;
  const id = cellId(code);
  const ctx = contextOf(p, code);
  const showFormat = f.type === 'date';
  const describedBy = joinIds(notesIds(id, ctx, f.help, showFormat));
  const fieldClass = `field report-field${ctx.error || ctx.flag?.severity === 'blad' ? ' field--error' : ''}${ctx.flag ? ` report-cell--flag-${ctx.flag.severity}` : ''}`;
  if (f.type === 'choice') {
    return (
      <div class={fieldClass}>
        <fieldset class="radios" aria-describedby={describedBy}>
          <legend class="field__label">
            <FieldLabelText f={f} />
          </legend>
          <CellNotes id={id} spec={f} ctx={ctx} help={f.help} showFormat={false} part="lead" />
          {(f.options ?? []).map((o, i) => {
            // the first radio carries the field's id: error links and rule results land on it
            const optionId = i === 0 ? id : `${id}-o${i + 1}`;
            return (
              <div class="radio">
                <input type="radio" id={optionId} name={code} value={o.value} checked={o.value === ctx.value} />
                <label for={optionId} safe>
                  {o.label}
                </label>
              </div>
            );
          })}
          <CellNotes id={id} spec={f} ctx={ctx} help={f.help} showFormat={false} part="trail" />
        </fieldset>
      </div>
    );
  }
  return (
    <div class={fieldClass}>
      <label class="field__label" for={id}>
        <FieldLabelText f={f} />
      </label>
      <CellNotes id={id} spec={f} ctx={ctx} help={f.help} showFormat={showFormat} part="lead" />
      <Control id={id} code={code} spec={f} ctx={ctx} describedBy={describedBy} required={f.required === true} extraClass="field__input" />
      <CellNotes id={id} spec={f} ctx={ctx} help={f.help} showFormat={showFormat} part="trail" />
    </div>
  );
}

/** A read-only fields section is a description list; each value keeps the cell id links point to. */
function FieldsReadOnly(p: ReportSectionProps & { section: FieldsSection }): JSX.Element {
  return (
    <dl class="kv report-fields">
      {p.section.fields.map((f) => {
        const code = `${p.section.code}.${f.code}`;
        const id = cellId(code);
        const ctx = contextOf(p, code);
        return (
          <div class={ctx.flag ? `report-cell--flag-${ctx.flag.severity}` : undefined}>
            <dt>
              <FieldLabelText f={{ ...f, required: false }} />
            </dt>
            <dd id={id}>
              <span class="report-cell__value">
                <ValueText spec={f} raw={ctx.value} />
              </span>
              <CellNotes id={id} spec={f} ctx={ctx} help={undefined} showFormat={false} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/**
 * One section of a statistical form, rendered from its definition: a table section as a real table
 * (caption, column and row headers, one input per cell named by its code), a fields section as
 * labelled inputs. Input names are the plain cell codes: @fastify/formbody parses with querystring,
 * which has no `v[code]` nesting.
 */
export function ReportSection(p: ReportSectionProps): JSX.Element {
  const s = p.section;
  // a section from another version of the form would give cells codes the report does not have
  if (!p.def.sections.some((x) => x.code === s.code && x.kind === s.kind && x.title === s.title)) {
    throw new Error(`section ${s.code} is not part of ${p.def.form} version ${p.def.version}`);
  }
  const base = sectionId(s.code);
  const titleId = `${base}-title`;
  const helpId = s.help ? `${base}-help` : undefined;
  return (
    // not a named region: the table's scroll box already is one, named by the same title
    <section class="report-section" id={base}>
      <h2 id={titleId} safe>
        {s.title}
      </h2>
      {s.help ? (
        <p class="report-section__help" id={helpId} safe>
          {s.help}
        </p>
      ) : (
        ''
      )}
      {s.kind === 'table' ? (
        <Table {...p} section={s} base={base} helpId={helpId} />
      ) : p.readOnly ? (
        <FieldsReadOnly {...p} section={s} />
      ) : (
        s.fields.map((f) => <Field {...p} section={s} field={f} />)
      )}
    </section>
  );
}
