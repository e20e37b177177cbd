import { ProposalInput, type ProposalKind, type SubmitterKind } from '@yiting/domain';
import { Breadcrumb, Button, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/useI18n.ts';
import { useMe } from '../modules/auth/useMe.ts';
import { usePermission } from '../modules/auth/usePermission.ts';
import { PersonPicker } from '../modules/matters/PersonPicker.tsx';
import { useProposalKind } from '../modules/proposals/useProposalKind.ts';
import { ItemSubmitForm } from '../modules/tracking/ItemSubmitForm.tsx';
import {
  isOrganisation,
  SubmitterFields,
  type SubmitterValues,
  submitterInput,
} from '../modules/tracking/SubmitterFields.tsx';
import { useIsMobile } from '../modules/tracking/useIsMobile.ts';
import { PageHeader } from '../ui/PageHeader.tsx';

interface Values extends SubmitterValues {
  title?: string;
  content?: string;
  category?: string;
  cosignerIds?: string[];
  sessionTerm?: number | null;
  sessionMeeting?: number | null;
}

/** Who besides members submits: a CPPCC's sectors, parties, people's organisations and committees; an NPC's delegations. */
const ORGANISATIONS: Record<ProposalKind, SubmitterKind[]> = {
  proposal: ['sector', 'party', 'organisation', 'committee'],
  suggestion: ['delegation'],
};

/**
 * A member's or deputy's own proposal, written here and kept as a browser draft until it is sent; or the
 * office entering one received on paper, for a member (with co-signers) or for an organisation.
 */
export function ProposalSubmitPage() {
  const { t, label, validation } = useI18n();
  const { data: me } = useMe();
  const office = usePermission('proposal.manage');
  const kind = useProposalKind();
  const mobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Values | undefined;
  const [showSession, setShowSession] = useState(false);
  const k = kind === 'proposal' ? 'proposals' : 'suggestions';
  const organisation = office && isOrganisation(values);
  // The proposer is never their own co-signer: the office's chosen member, or the member writing.
  const proposer = office ? values?.proposerPersonId : me?.account.personId;

  const toInput = (v: Values) => {
    const byOrganisation = office && isOrganisation(v);
    return {
      kind,
      title: v.title ?? '',
      content: v.content ?? '',
      ...(v.category?.trim() ? { category: v.category } : {}),
      ...(office ? submitterInput(v, validation('required')).input : {}),
      ...(v.cosignerIds?.length && !byOrganisation ? { cosignerIds: v.cosignerIds } : {}),
      ...(v.sessionTerm ? { sessionTerm: v.sessionTerm } : {}),
      ...(v.sessionMeeting ? { sessionMeeting: v.sessionMeeting } : {}),
    };
  };

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/proposals">{t(`${k}.title`)}</Link> }, { title: t(`${k}.create`) }]}
      />
      <PageHeader title={t(`${k}.create`)} subtitle={t('proposal.draftHint')} />
      <ItemSubmitForm<Values>
        form={form}
        draftKey={`proposal.${me?.body?.id ?? ''}.${me?.account.id ?? ''}`}
        path="/proposals"
        schema={ProposalInput}
        toInput={toInput}
        check={(v) => (office ? submitterInput(v, validation('required')).errors : [])}
        submitText={t('proposal.submit')}
        submittedText={t('proposal.submitted')}
        submitTestId="proposal-submit"
        // The session is asked for only when the body has none set: open that part of the form.
        onFieldErrors={(fields) => {
          if (fields.some((f) => f.name[0] === 'sessionTerm' || f.name[0] === 'sessionMeeting'))
            setShowSession(true);
        }}
      >
        {office ? (
          <SubmitterFields
            memberLabel={`${label('submitterKind', 'individual')}/${label('submitterKind', 'joint')}`}
            personLabel={t(`${k}.proposer`)}
            kinds={ORGANISATIONS[kind].map((s) => ({ value: s, label: label('submitterKind', s) }))}
          />
        ) : null}
        <Form.Item name="title" label={t('proposal.title')} required>
          <Input maxLength={200} showCount data-testid="proposal-title" />
        </Form.Item>
        <Form.Item name="content" label={t('proposal.content')} required extra={t('proposal.contentHint')}>
          <Input.TextArea
            autoSize={{ minRows: mobile ? 8 : 10, maxRows: 24 }}
            maxLength={20000}
            data-testid="proposal-content"
          />
        </Form.Item>
        <Typography.Text
          type="secondary"
          style={{ display: 'block', marginTop: -16, marginBottom: 16, fontSize: 12 }}
        >
          {t('item.chars', { n: values?.content?.length ?? 0 })}
        </Typography.Text>
        <Form.Item name="category" label={t('proposal.category')}>
          <Input maxLength={40} placeholder={t('proposal.categoryHint')} />
        </Form.Item>
        {organisation ? null : (
          <Form.Item name="cosignerIds" label={t('proposal.cosigners')} extra={t('proposal.cosignersHint')}>
            <PersonPicker
              multiple
              source="cosigners"
              exclude={proposer ? [proposer] : []}
              placeholder={t('proposal.cosignersPlaceholder')}
            />
          </Form.Item>
        )}
        {showSession ? (
          <Flex gap={8}>
            <Form.Item name="sessionTerm" label={t('proposal.sessionTerm')} extra={t('proposal.sessionHint')}>
              <InputNumber min={1} max={99} data-testid="proposal-term" />
            </Form.Item>
            <Form.Item name="sessionMeeting" label={t('proposal.sessionMeeting')}>
              <InputNumber min={1} max={99} data-testid="proposal-meeting" />
            </Form.Item>
          </Flex>
        ) : (
          <Button type="link" style={{ padding: 0, marginBottom: 16 }} onClick={() => setShowSession(true)}>
            {t('proposal.chooseSession')}
          </Button>
        )}
      </ItemSubmitForm>
    </>
  );
}
