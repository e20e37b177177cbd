import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload, type UploadFile } from 'antd';
import { isApiError } from '../../api/ApiError.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import type { StoredFile } from './StoredFile.ts';

export type UploadedFile = UploadFile<StoredFile>;

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.ofd';

/**
 * Evidence files are uploaded as soon as they are chosen (POST /files checks type and size by content); the
 * action then refers to their ids. A refused file stays in the list with the server's reason.
 */
export function EvidenceUpload({
  fileList,
  onChange,
  id,
}: {
  fileList?: UploadedFile[];
  onChange?: (files: UploadedFile[]) => void;
  id?: string;
}) {
  const { t } = useI18n();
  return (
    <Upload<StoredFile>
      multiple
      accept={ACCEPT}
      fileList={fileList ?? []}
      onChange={({ fileList: next }) => onChange?.(next)}
      customRequest={async ({ file, onSuccess, onError }) => {
        const body = new FormData();
        body.append('file', file as Blob, (file as File).name);
        try {
          onSuccess?.(await api.post<StoredFile>('/files', body));
        } catch (e) {
          const err = new Error(isApiError(e) ? e.title : t('error.unexpected'));
          onError?.(err);
        }
      }}
      itemRender={(node, file) =>
        file.status === 'error' ? (
          <div title={file.error instanceof Error ? file.error.message : undefined}>
            {node}
            <div style={{ color: '#cf1322', fontSize: 12 }}>
              {file.error instanceof Error ? file.error.message : ''}
            </div>
          </div>
        ) : (
          node
        )
      }
    >
      <Button icon={<UploadOutlined />} id={id} data-testid="evidence-upload">
        {t('files.choose')}
      </Button>
    </Upload>
  );
}
