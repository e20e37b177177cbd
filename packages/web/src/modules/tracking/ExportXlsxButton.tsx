import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import type { Query } from '../../api/client.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { downloadFile } from '../../ui/downloadFile.ts';

/** Downloads a list's .xlsx export (`{path}/export.xlsx`) with the list's current filters. */
export function ExportXlsxButton({ path, query, block }: { path: string; query: Query; block?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const run = async () => {
    setExporting(true);
    try {
      await downloadFile(`${path}/export.xlsx`, query, 'export.xlsx');
    } catch (e) {
      message.error(isApiError(e) ? e.title : t('error.unexpected'));
    } finally {
      setExporting(false);
    }
  };
  return (
    <Button
      icon={<DownloadOutlined />}
      onClick={run}
      loading={exporting}
      block={block}
      data-testid="export-xlsx"
    >
      {t('common.exportXlsx')}
    </Button>
  );
}
