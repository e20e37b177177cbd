import { FileWordOutlined } from '@ant-design/icons';
import type { Proposal } from '@yiting/domain';
import { App, Button } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { downloadFile } from '../../ui/downloadFile.ts';
import { useMe } from '../auth/useMe.ts';

/**
 * Downloads a unit's reply letter (答复函, .docx) once the office has approved its reply. Shown to whoever
 * may have it: everyone who reads the proposal except another handling unit's liaison.
 */
export function ReplyLetterButton({
  proposal,
  unit,
}: {
  proposal: Proposal;
  unit: Proposal['units'][number];
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [busy, setBusy] = useState(false);
  const otherUnit =
    !!me?.roles.includes('liaison') &&
    !me.roles.some((r) => r === 'admin' || r === 'staff' || r === 'leader') &&
    me.unitId !== unit.unitId;
  if (!unit.reply || !unit.finalCategory || otherUnit) return null;

  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(
        `/proposals/${proposal.id}/units/${unit.unitId}/reply-letter.docx`,
        undefined,
        `${t('proposal.replyLetter')}-${unit.unitName}.docx`,
      );
    } catch (e) {
      message.error(isApiError(e) ? (e.errors[0]?.message ?? e.title) : t('error.unexpected'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      icon={<FileWordOutlined />}
      loading={busy}
      onClick={download}
      data-testid="reply-letter"
    >
      {t('proposal.replyLetter')}
    </Button>
  );
}
