import type { WarningLevel } from '@yiting/domain';
import { Tag } from 'antd';
import { useI18n } from '../../i18n/useI18n.ts';
import { WARNING_COLORS } from './warningColors.ts';

const TAG_COLORS: Record<WarningLevel, string> = { green: 'success', yellow: 'warning', red: 'error' };

export function WarningTag({ level }: { level: WarningLevel | null }) {
  const { label } = useI18n();
  if (!level) return null;
  return (
    <Tag color={TAG_COLORS[level]} data-warning={level} style={{ marginInlineEnd: 0 }}>
      <span
        aria-hidden
        style={{
          display: 'inline-block',
          width: 8,
          height: 8,
          borderRadius: '50%',
          background: WARNING_COLORS[level],
          marginInlineEnd: 6,
        }}
      />
      {label('warning', level)}
    </Tag>
  );
}
