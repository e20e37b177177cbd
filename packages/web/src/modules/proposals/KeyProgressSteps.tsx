import { KEY_STEPS, type KeyProposal, keyStepLabel } from '@yiting/domain';
import { Steps } from 'antd';
import { useI18n } from '../../i18n/useI18n.ts';

/**
 * 立案 → 交办 → 联系提案人 → 答复 → 评价 → 办结 (跟踪落实 while a B/C answer is followed up): the steps done,
 * the current one (red when its deadline has passed) and those to come.
 */
export function KeyProgressSteps({ item, compact }: { item: KeyProposal; compact: boolean }) {
  const { locale } = useI18n();
  const followingUp = item.stage === 'follow_up';
  const overdue = item.warning === 'red';
  return (
    <Steps
      data-testid="key-steps"
      data-done={item.stepsDone}
      type="dot"
      size="small"
      responsive={false}
      current={item.stepsDone}
      status={item.stage === 'ended' ? 'wait' : overdue ? 'error' : 'process'}
      items={KEY_STEPS.map((step) => ({
        key: step,
        title: keyStepLabel(step, { kind: item.kind, followingUp, locale, short: compact }),
      }))}
    />
  );
}
