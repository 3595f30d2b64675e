import type { FormErrors } from '../../lib/forms.ts';

interface BaseProps {
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  errors?: FormErrors;
  /** defaults to `f-<name>`; the error summary links to it */
  id?: string;
}

function ErrorMessage({ id, text }: { id: string; text: string | undefined }): JSX.Element {
  if (!text) return '';
  return (
    <p class="field__error" id={`${id}-error`}>
      <span class="visually-hidden">Błąd: </span>
      <span safe>{text}</span>
    </p>
  );
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

/** Label, hint and inline error around one control, the same for every text control. */
function FieldShell(p: {
  id: string;
  label: string;
  required?: boolean | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  children: JSX.Element;
}): JSX.Element {
  const safeControl = p.children;
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <label class="field__label" for={p.id}>
        <span safe>{p.label}</span>
        {p.required ? <span aria-hidden="true"> *</span> : ''}
      </label>
      {p.hint ? (
        <p class="field__hint" id={`${p.id}-hint`} safe>
          {p.hint}
        </p>
      ) : (
        ''
      )}
      <ErrorMessage id={p.id} text={p.error} />
      {safeControl}
    </div>
  );
}

export function TextField(
  props: BaseProps & {
    value?: string | undefined;
    type?: 'text' | 'email' | 'tel' | 'password';
    autocomplete?: string;
    maxlength?: number;
    readonly?: boolean;
    inputmode?: string;
  },
): JSX.Element {
  const id = props.id ?? `f-${props.name}`;
  const error = props.errors?.[props.name];
  return (
    <FieldShell id={id} label={props.label} required={props.required} hint={props.hint} error={error}>
      <input
        class="field__input"
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        inputmode={props.inputmode}
        readonly={props.readonly}
        required={props.required}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
      />
    </FieldShell>
  );
}

export function TextArea(props: BaseProps & { value?: string | undefined; rows?: number; maxlength?: number }): JSX.Element {
  const id = props.id ?? `f-${props.name}`;
  const error = props.errors?.[props.name];
  return (
    <FieldShell id={id} label={props.label} required={props.required} hint={props.hint} error={error}>
      <textarea
        class="field__input field__textarea"
        id={id}
        name={props.name}
        rows={String(props.rows ?? 6)}
        maxlength={props.maxlength}
        required={props.required}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
        safe
      >
        {props.value ?? ''}
      </textarea>
    </FieldShell>
  );
}

export function Checkbox(props: BaseProps & { checked?: boolean; value?: string; labelHtml?: JSX.Element }): JSX.Element {
  const id = props.id ?? `f-${props.name}`;
  // labelHtml is markup rendered by a component (escaped there)
  const safeLabel = props.labelHtml ?? <span safe>{props.label}</span>;
  const error = props.errors?.[props.name];
  return (
    <div class={`field field--checkbox${error ? ' field--error' : ''}`}>
      <ErrorMessage id={id} text={error} />
      <input
        class="checkbox__input"
        type="checkbox"
        id={id}
        name={props.name}
        value={props.value ?? 'tak'}
        checked={props.checked}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
      />
      <label class="checkbox__label" for={id}>
        {safeLabel}
        {props.required ? <span aria-hidden="true"> *</span> : ''}
      </label>
      {props.hint ? (
        <p class="field__hint" id={`${id}-hint`} safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

/** The hidden CSRF field every state-changing form carries. */
export function CsrfField({ token }: { token: string }): JSX.Element {
  return <input type="hidden" name="_csrf" value={token} />;
}

/**
 * "Twoje dane kontaktowe w jednostce": Telefon * and E-mail *, as the wizard, the SSOZ I transfer and
 * "Edycja danych kontaktowych użytkownika" ask for them (the transfer's summary says "Adres e-mail").
 */
export function ContactFields(p: { values: { phone: string; email: string }; errors?: FormErrors | undefined; emailLabel?: string }): JSX.Element {
  return (
    <>
      <TextField
        name="phone"
        label="Telefon"
        type="tel"
        required
        autocomplete="tel"
        maxlength={30}
        value={p.values.phone}
        errors={p.errors}
        hint="np. +48 600 100 200"
      />
      <TextField
        name="email"
        label={p.emailLabel ?? 'E-mail'}
        type="email"
        required
        autocomplete="email"
        maxlength={254}
        value={p.values.email}
        errors={p.errors}
      />
    </>
  );
}

/**
 * A drop-down list (`<select>`): filters of the management lists and choices in their forms. `options`
 * are [value, label] pairs; with `errors` it shows its message like the other fields.
 */
export function SelectField(p: {
  name: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  errors?: FormErrors | undefined;
  required?: boolean;
}): JSX.Element {
  const error = p.errors?.[p.name];
  const id = `f-${p.name}`;
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label class="field__label" for={id}>
        <span safe>{p.label}</span>
        {p.required ? <span aria-hidden="true"> *</span> : ''}
      </label>
      {error ? (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">Błąd: </span>
          <span safe>{error}</span>
        </p>
      ) : (
        ''
      )}
      <select class="field__input" id={id} name={p.name} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {p.options.map(([v, label]) => (
          <option value={v} selected={v === p.value} safe>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
