import { Card, Form, Input, Radio, Typography } from 'antd';
import type { MessageKey } from '../../i18n/I18nProvider.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import type { FieldError } from '../../ui/fieldErrors.ts';
import { PersonPicker } from '../matters/PersonPicker.tsx';

/** The office's choice on a new proposal or report: a named member, or an organisation and its name. */
export interface SubmitterValues {
  /** An organisation's kind (界别, 党派, …); unset: a member or deputy. */
  submitter?: string;
  proposerPersonId?: string;
  submitterName?: string;
}

export const isOrganisation = (v: SubmitterValues | undefined) => !!v?.submitter;

/**
 * What the office's choice adds to the create input, and what it lacks: a member's submission names its
 * proposer (the rest of the form says individual or joint), an organisation's its kind and name.
 */
export function submitterInput(v: SubmitterValues, required: string) {
  const missing = (name: string): FieldError[] => [{ name: [name], errors: [required] }];
  if (v.submitter) {
    const name = v.submitterName?.trim();
    return {
      input: { submitterKind: v.submitter, ...(name ? { submitterName: name } : {}) },
      errors: name ? [] : missing('submitterName'),
    };
  }
  return {
    input: v.proposerPersonId ? { proposerPersonId: v.proposerPersonId } : {},
    errors: v.proposerPersonId ? [] : missing('proposerPersonId'),
  };
}

/** The member or the kind; unset shows as the member, so an untouched form leaves no browser draft. */
function KindChoice({
  value,
  onChange,
  options,
  id,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  options: { value: string; label: string }[];
  id?: string;
}) {
  return (
    <Radio.Group
      id={id}
      optionType="button"
      value={value ?? ''}
      onChange={(e) => onChange?.(e.target.value || undefined)}
      options={options}
      data-testid="submitter-kind"
    />
  );
}

/**
 * For the office entering a submission received on paper: whose it is — a member or deputy (picked by name;
 * the co-signers follow in the form) or an organisation of the given kinds (党派, 界别, …) by its name.
 */
export function SubmitterFields({
  memberLabel,
  personLabel,
  kinds,
}: {
  /** The member's option, e.g. 个人/联名. */
  memberLabel: string;
  /** The named person's field, e.g. 提案人. */
  personLabel: string;
  /** The organisations that may submit, with their labels. */
  kinds: { value: string; label: string }[];
}) {
  const { t } = useI18n();
  const form = Form.useFormInstance<SubmitterValues>();
  const kind = Form.useWatch('submitter', form);
  return (
    <Card
      size="small"
      type="inner"
      title={t('submitter.by')}
      style={{ marginBottom: 24 }}
      data-testid="submitter-fields"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('submitter.hint')}
      </Typography.Paragraph>
      <Form.Item name="submitter" style={{ marginBottom: 16 }}>
        <KindChoice options={[{ value: '', label: memberLabel }, ...kinds]} />
      </Form.Item>
      {kind ? (
        <Form.Item name="submitterName" label={t('submitter.name')} required style={{ marginBottom: 0 }}>
          <Input
            maxLength={100}
            placeholder={t(`submitter.namePlaceholder.${kind}` as MessageKey)}
            data-testid="submitter-name"
          />
        </Form.Item>
      ) : (
        <Form.Item name="proposerPersonId" label={personLabel} required style={{ marginBottom: 0 }}>
          <PersonPicker source="cosigners" placeholder={t('proposal.cosignersPlaceholder')} />
        </Form.Item>
      )}
    </Card>
  );
}
