import { FileOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { isApiError } from '../../api/ApiError.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { downloadFile } from '../../ui/downloadFile.ts';
import type { StoredFile } from './StoredFile.ts';

function size(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A stored file, downloaded through the API (the session decides who may read it). */
export function FileLink({ file }: { file: StoredFile }) {
  const { message } = App.useApp();
  const { t } = useI18n();
  return (
    <Button
      type="link"
      size="small"
      icon={<FileOutlined />}
      style={{ paddingInline: 0, height: 'auto' }}
      onClick={() =>
        downloadFile(`/files/${file.id}`, undefined, file.name).catch((e: unknown) =>
          message.error(isApiError(e) ? e.title : t('error.unexpected')),
        )
      }
    >
      {file.name}
      <span style={{ color: '#8c8c8c', marginInlineStart: 6, fontSize: 12 }}>{size(file.size)}</span>
    </Button>
  );
}
