// Labelled form controls with hints and inline errors (aria-describedby,
// aria-invalid), each carrying `data-field` for browser tests.
import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../shared/i18n';
import { localiseIssue } from '../ui/issue-messages';
import type { FieldError, FieldKey } from './provider-form-model';

export const fieldDomId = (field: FieldKey) => `pf-${field.replaceAll('.', '-')}`;
const hintId = (field: FieldKey) => `${fieldDomId(field)}-hint`;
const errorId = (field: FieldKey) => `${fieldDomId(field)}-error`;

/** A field error in the UI language ("Line 3, url: Links must start with https://."). */
export function fieldErrorText(e: FieldError): string {
  const local = localiseIssue(e.message);
  const message = e.code === 'duplicate-id' ? t('formErrorDuplicateId') : local ? t(local.key, local.subs) : e.message;
  if (e.line === undefined) return message;
  return e.part ? t('formErrorLinePart', [String(e.line), e.part, message]) : t('formErrorLine', [String(e.line), message]);
}

function describedBy(field: FieldKey, hasHint: boolean, errors: readonly FieldError[]): string | undefined {
  const ids = [hasHint ? hintId(field) : '', errors.length > 0 ? errorId(field) : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Hint({ field, hint }: { field: FieldKey; hint?: MessageKey | undefined }) {
  return hint ? (
    <p id={hintId(field)} class="hint field-hint">
      {t(hint)}
    </p>
  ) : null;
}

function Errors({ field, errors }: { field: FieldKey; errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <ul id={errorId(field)} class="field-error" data-field-error={field}>
      {errors.map((e, i) => (
        <li key={i}>{fieldErrorText(e)}</li>
      ))}
    </ul>
  );
}

interface BaseProps {
  field: FieldKey;
  label: string;
  hint?: MessageKey | undefined;
  errors: readonly FieldError[];
}

export function TextField({ field, label, hint, errors, value, onInput, type = 'text', required = false, extra, ...rest }: BaseProps & {
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'date';
  required?: boolean;
  extra?: ComponentChildren;
  maxLength?: number;
  placeholder?: string;
  autocomplete?: string;
  spellcheck?: boolean;
}) {
  const id = fieldDomId(field);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={field}
        data-field={field}
        // Preact's typings split inputs by type; both kinds take the same attributes here.
        type={type as 'text'}
        value={value}
        required={required}
        aria-invalid={errors.length > 0}
        aria-describedby={describedBy(field, Boolean(hint), errors)}
        onInput={(e) => onInput(e.currentTarget.value)}
        {...rest}
      />
      {extra}
      <Hint field={field} hint={hint} />
      <Errors field={field} errors={errors} />
    </div>
  );
}

export function AreaField({ field, label, hint, errors, value, onInput, rows = 3 }: BaseProps & { value: string; onInput: (value: string) => void; rows?: number }) {
  const id = fieldDomId(field);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        name={field}
        data-field={field}
        rows={rows}
        value={value}
        spellcheck={false}
        aria-invalid={errors.length > 0}
        aria-describedby={describedBy(field, Boolean(hint), errors)}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <Hint field={field} hint={hint} />
      <Errors field={field} errors={errors} />
    </div>
  );
}

export function SelectField({ field, label, hint, errors, value, onChange, options }: BaseProps & {
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
}) {
  const id = fieldDomId(field);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        name={field}
        data-field={field}
        value={value}
        aria-invalid={errors.length > 0}
        aria-describedby={describedBy(field, Boolean(hint), errors)}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Hint field={field} hint={hint} />
      <Errors field={field} errors={errors} />
    </div>
  );
}

/** A group of checkboxes: the first one gets the field's dom id so errors can focus it. */
export function CheckGroup({ field, label, hint, errors, values, onChange, options }: BaseProps & {
  values: readonly string[];
  onChange: (values: string[]) => void;
  options: readonly { value: string; label: string }[];
}) {
  const id = fieldDomId(field);
  const toggle = (value: string, on: boolean) => onChange(options.map((o) => o.value).filter((v) => (v === value ? on : values.includes(v))));
  return (
    <fieldset class="field check-group" data-field={field} aria-describedby={describedBy(field, Boolean(hint), errors)}>
      <legend>{label}</legend>
      <div class="checks">
        {options.map((o, i) => (
          <label key={o.value} class="check">
            <input id={i === 0 ? id : undefined} type="checkbox" name={field} value={o.value} data-value={o.value} checked={values.includes(o.value)} onChange={(e) => toggle(o.value, e.currentTarget.checked)} />
            {o.label}
          </label>
        ))}
      </div>
      <Hint field={field} hint={hint} />
      <Errors field={field} errors={errors} />
    </fieldset>
  );
}
