// Add or edit one custom provider: the same fields and validation as the
// bundled dataset (the one valibot schema), errors inline per field.
import { useMemo, useRef, useState } from 'preact/hooks';
import { RULE_IDS } from '../data/rule-ids';
import { RULES } from '../data/rules';
import { CLOUD_ACT, HDS, HDS_REFERENTIALS, LAWS, PROVIDER_CATEGORIES, SECNUMCLOUD, type Provider } from '../data/schema';
import { t, uiLanguage, type MessageKey } from '../shared/i18n';
import { CATEGORY_LABEL, CLOUD_ACT_LABEL, HDS_ACTIVITY_LABEL, HDS_LABEL, LAW_LABEL, SECNUMCLOUD_LABEL } from '../ui/level-label';
import { AreaField, CheckGroup, fieldDomId, fieldErrorText, SelectField, TextField } from './fields';
import { emptyFormValues, errorsByField, firstErrorField, providerToFormValues, validateProviderForm, type FieldError, type FieldKey, type ProviderFormValues } from './provider-form-model';

export interface ProviderFormProps {
  /** The provider being edited, or null for a new one. */
  editing: Provider | null;
  bundled: readonly Provider[];
  /** Ids of the other custom providers (an id may not be used twice). */
  takenIds: ReadonlySet<string>;
  /** Writes the provider; rejects with a message on failure (the form keeps its values). */
  onSave: (provider: Provider, previousId: string | null) => Promise<void>;
  onCancel: () => void;
}

type Section = 'jurisdiction' | 'cloudAct' | 'hds' | 'secnumcloud';

const statusOptions = (values: readonly string[], labels: Record<string, MessageKey>) =>
  values.map((value) => ({ value, label: value === 'unknown' ? t('statusUnknown') : t(labels[value]!) }));

/** "A source states it", or "Inferred from …" for each rule. */
const basisOptions = (lang: 'en' | 'fr') => [
  { value: 'observed', label: t('basisObserved') },
  ...RULE_IDS.map((r) => ({ value: r, label: t('basisInferred', [RULES[r].from[lang]]) })),
];

export function ProviderForm({ editing, bundled, takenIds, onSave, onCancel }: ProviderFormProps) {
  const [values, setValues] = useState<ProviderFormValues>(() => (editing ? providerToFormValues(editing) : emptyFormValues()));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [startFrom, setStartFrom] = useState('');
  const summary = useRef<HTMLDivElement>(null);

  const byField = useMemo(() => errorsByField(errors), [errors]);
  const errs = (field: FieldKey) => byField.get(field) ?? [];
  const set = <K extends FieldKey>(field: K) => (value: ProviderFormValues[K]) => setValues((v) => ({ ...v, [field]: value }));
  const bundledById = useMemo(() => new Map(bundled.map((p) => [p.id, p])), [bundled]);
  const sortedBundled = useMemo(() => [...bundled].sort((a, b) => a.name.localeCompare(b.name)), [bundled]);
  const overridden = bundledById.get(values.id.trim());
  const headingId = 'provider-form-heading';

  const submit = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    setSaveError(null);
    const result = validateProviderForm(values, takenIds);
    if (!result.ok) {
      setErrors(result.errors);
      const first = firstErrorField(result.errors);
      // After render: focus the first wrong field, or the summary for a form-level error.
      queueMicrotask(() => {
        const target = first ? document.getElementById(fieldDomId(first)) : summary.current;
        (target ?? summary.current)?.focus();
      });
      return;
    }
    setErrors([]);
    setSaving(true);
    try {
      await onSave(result.provider, editing?.id ?? null);
    } catch (err) {
      setSaveError(err instanceof Error ? err.message : String(err));
      queueMicrotask(() => summary.current?.focus());
    } finally {
      setSaving(false);
    }
  };

  const copyBundled = () => {
    const source = bundledById.get(startFrom);
    if (!source) return;
    setValues(providerToFormValues(source));
    setErrors([]);
  };

  const reasonFields = (s: Section) => (
    <div class="pair">
      <AreaField field={`${s}.reason.en`} label={t('fieldReasonEn')} errors={errs(`${s}.reason.en`)} value={values[`${s}.reason.en`]} onInput={set(`${s}.reason.en`)} rows={2} />
      <AreaField field={`${s}.reason.fr`} label={t('fieldReasonFr')} errors={errs(`${s}.reason.fr`)} value={values[`${s}.reason.fr`]} onInput={set(`${s}.reason.fr`)} rows={2} />
    </div>
  );
  const sourcesField = (s: Section) => (
    <AreaField field={`${s}.sources`} label={t('fieldSources')} hint="fieldSourcesHint" errors={errs(`${s}.sources`)} value={values[`${s}.sources`]} onInput={set(`${s}.sources`)} rows={2} />
  );
  const basisField = (s: Exclude<Section, 'jurisdiction'>) => (
    <SelectField field={`${s}.basis`} label={t('fieldBasis')} errors={errs(`${s}.basis`)} value={values[`${s}.basis`]} onChange={set(`${s}.basis`)} options={basisOptions(uiLanguage())} />
  );
  const formErrors = byField.get('') ?? [];

  return (
    <form class="provider-form" data-testid="provider-form" aria-labelledby={headingId} noValidate onSubmit={(e) => void submit(e)}>
      <h3 id={headingId}>{editing ? t('formEditHeading', [editing.name]) : t('formAddHeading')}</h3>

      <div ref={summary} tabIndex={-1} class="form-summary" data-testid="form-errors" role="alert">
        {errors.length > 0 ? <p class="error">{t('formErrorsSummary', [String(errors.length)])}</p> : null}
        {formErrors.length > 0 ? (
          <ul class="error">
            {formErrors.map((e, i) => (
              <li key={i}>{fieldErrorText(e)}</li>
            ))}
          </ul>
        ) : null}
        {saveError ? (
          <p class="error" data-testid="save-error">
            {t('optionsSaveFailed', [saveError])}
          </p>
        ) : null}
      </div>

      {editing ? null : (
        <div class="field start-from">
          <label for="pf-start-from">{t('formStartFrom')}</label>
          <div class="inline">
            <select id="pf-start-from" data-testid="start-from" value={startFrom} onChange={(e) => setStartFrom(e.currentTarget.value)}>
              <option value="">{t('formStartFromNone')}</option>
              {sortedBundled.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.id})
                </option>
              ))}
            </select>
            <button type="button" class="button" disabled={!startFrom} onClick={copyBundled}>
              {t('formStartFromLoad')}
            </button>
          </div>
        </div>
      )}

      <fieldset class="section">
        <legend>{t('formSectionIdentity')}</legend>
        <div class="pair">
          <TextField field="id" label={t('fieldId')} hint="fieldIdHint" errors={errs('id')} value={values.id} onInput={set('id')} required autocomplete="off" spellcheck={false} maxLength={64} />
          <TextField field="name" label={t('fieldName')} errors={errs('name')} value={values.name} onInput={set('name')} required autocomplete="off" maxLength={120} />
        </div>
        {overridden ? (
          <p class="note" data-testid="override-note">
            {t('formOverrideNote', [overridden.name])}
          </p>
        ) : null}
        <CheckGroup
          field="categories"
          label={t('fieldCategories')}
          errors={errs('categories')}
          values={values.categories}
          onChange={set('categories')}
          options={PROVIDER_CATEGORIES.map((c) => ({ value: c, label: t(CATEGORY_LABEL[c]) }))}
        />
        <AreaField field="domains" label={t('fieldDomains')} hint="fieldDomainsHint" errors={errs('domains')} value={values.domains} onInput={set('domains')} />
        <AreaField field="aliases" label={t('fieldAliases')} hint="fieldAliasesHint" errors={errs('aliases')} value={values.aliases} onInput={set('aliases')} />
        <AreaField field="weakAliases" label={t('fieldWeakAliases')} hint="fieldWeakAliasesHint" errors={errs('weakAliases')} value={values.weakAliases} onInput={set('weakAliases')} rows={2} />
      </fieldset>

      <fieldset class="section">
        <legend>{t('claimJurisdiction')}</legend>
        <div class="pair">
          <TextField field="jurisdiction.entity" label={t('fieldEntity')} errors={errs('jurisdiction.entity')} value={values['jurisdiction.entity']} onInput={set('jurisdiction.entity')} />
          <TextField field="jurisdiction.hq" label={t('fieldHq')} hint="fieldCountryHint" errors={errs('jurisdiction.hq')} value={values['jurisdiction.hq']} onInput={set('jurisdiction.hq')} maxLength={2} spellcheck={false} />
        </div>
        <div class="pair">
          <TextField field="jurisdiction.parent" label={t('fieldParent')} errors={errs('jurisdiction.parent')} value={values['jurisdiction.parent']} onInput={set('jurisdiction.parent')} />
          <TextField field="jurisdiction.parentHq" label={t('fieldParentHq')} hint="fieldCountryHint" errors={errs('jurisdiction.parentHq')} value={values['jurisdiction.parentHq']} onInput={set('jurisdiction.parentHq')} maxLength={2} spellcheck={false} />
        </div>
        {reasonFields('jurisdiction')}
        {sourcesField('jurisdiction')}
      </fieldset>

      <fieldset class="section">
        <legend>{t('claimCloudAct')}</legend>
        <SelectField field="cloudAct.status" label={t('fieldStatus')} errors={errs('cloudAct.status')} value={values['cloudAct.status']} onChange={set('cloudAct.status')} options={statusOptions(CLOUD_ACT, CLOUD_ACT_LABEL)} />
        {basisField('cloudAct')}
        <CheckGroup field="cloudAct.laws" label={t('fieldLaws')} errors={errs('cloudAct.laws')} values={values['cloudAct.laws']} onChange={set('cloudAct.laws')} options={LAWS.map((l) => ({ value: l, label: t(LAW_LABEL[l]) }))} />
        {reasonFields('cloudAct')}
        {sourcesField('cloudAct')}
      </fieldset>

      <fieldset class="section">
        <legend>{t('claimHds')}</legend>
        <SelectField field="hds.status" label={t('fieldStatus')} errors={errs('hds.status')} value={values['hds.status']} onChange={set('hds.status')} options={statusOptions(HDS, HDS_LABEL)} />
        {basisField('hds')}
        <TextField field="hds.holder" label={t('fieldHolder')} errors={errs('hds.holder')} value={values['hds.holder']} onInput={set('hds.holder')} />
        <div class="pair">
          <AreaField field="hds.services" label={t('fieldHdsServices')} errors={errs('hds.services')} value={values['hds.services']} onInput={set('hds.services')} rows={2} />
          <AreaField field="hds.notCovered" label={t('fieldHdsNotCovered')} errors={errs('hds.notCovered')} value={values['hds.notCovered']} onInput={set('hds.notCovered')} rows={2} />
        </div>
        <CheckGroup
          field="hds.activities"
          label={t('fieldActivities')}
          errors={errs('hds.activities')}
          values={values['hds.activities']}
          onChange={set('hds.activities')}
          options={[1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: t(HDS_ACTIVITY_LABEL[n]!) }))}
        />
        <div class="pair">
          <TextField field="hds.certificateId" label={t('fieldCertificateId')} errors={errs('hds.certificateId')} value={values['hds.certificateId']} onInput={set('hds.certificateId')} />
          <TextField field="hds.certifier" label={t('fieldCertifier')} errors={errs('hds.certifier')} value={values['hds.certifier']} onInput={set('hds.certifier')} />
        </div>
        <div class="pair">
          <SelectField
            field="hds.referential"
            label={t('fieldHdsReferential')}
            errors={errs('hds.referential')}
            value={values['hds.referential']}
            onChange={set('hds.referential')}
            options={[{ value: '', label: t('referentialNotStated') }, ...HDS_REFERENTIALS.map((r) => ({ value: r, label: r }))]}
          />
          <TextField field="hds.validUntil" type="date" label={t('fieldValidUntil')} errors={errs('hds.validUntil')} value={values['hds.validUntil']} onInput={set('hds.validUntil')} />
        </div>
        {reasonFields('hds')}
        {sourcesField('hds')}
      </fieldset>

      <fieldset class="section">
        <legend>{t('claimSecNumCloud')}</legend>
        <SelectField
          field="secnumcloud.status"
          label={t('fieldStatus')}
          errors={errs('secnumcloud.status')}
          value={values['secnumcloud.status']}
          onChange={set('secnumcloud.status')}
          options={statusOptions(SECNUMCLOUD, SECNUMCLOUD_LABEL)}
        />
        {basisField('secnumcloud')}
        <AreaField
          field="secnumcloud.services"
          label={t('sncServices')}
          hint="fieldServicesHint"
          errors={errs('secnumcloud.services')}
          value={values['secnumcloud.services']}
          onInput={set('secnumcloud.services')}
          rows={2}
        />
        {reasonFields('secnumcloud')}
        {sourcesField('secnumcloud')}
      </fieldset>

      <div class="form-actions">
        <button type="submit" class="button primary" data-testid="provider-save" disabled={saving} aria-busy={saving}>
          {t('formSave')}
        </button>
        <button type="button" class="button" data-testid="provider-cancel" onClick={onCancel}>
          {t('optionsCancel')}
        </button>
      </div>
    </form>
  );
}
