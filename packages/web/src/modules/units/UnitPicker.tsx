import { Select, type SelectProps } from 'antd';
import { useI18n } from '../../i18n/useI18n.ts';
import { unitLabel } from '../matters/unitLabel.ts';
import { useUnitOptions } from './useUnitOptions.ts';

/**
 * Picks a unit — the body's own or a shared government department — by its short or full name. Takes the
 * props a Form.Item gives (value, onChange, id) and any Select prop.
 */
export function UnitPicker(props: SelectProps<string>) {
  const { t } = useI18n();
  const units = useUnitOptions();
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      options={(units.data ?? []).map((u) => ({ value: u.id, label: unitLabel(u) }))}
      loading={units.isPending}
      placeholder={t('matterAction.unitHint')}
      {...props}
    />
  );
}
