import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Modal, Progress, Result, Steps, Table, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { type ApiError, isApiError, type ProblemIssue } from '../../api/ApiError.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { downloadFile } from '../../ui/downloadFile.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { type ImportPhase, type ImportProgress, type ImportResult, runImport } from './runImport.ts';

const PHASES: ImportPhase[] = ['parse', 'validate', 'write'];

type State =
  | { step: 'choose' }
  | { step: 'running'; progress: ImportProgress | null }
  | { step: 'done'; result: ImportResult }
  | { step: 'failed'; error: unknown };

export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: 'choose' });
  const abort = useRef<AbortController | null>(null);

  const reset = () => {
    setFile(null);
    setState({ step: 'choose' });
  };
  const close = () => {
    abort.current?.abort();
    reset();
    onClose();
  };

  const start = async () => {
    if (!file) return;
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'running', progress: null });
    try {
      const result = await runImport(
        file,
        (progress) => setState({ step: 'running', progress }),
        controller.signal,
      );
      setState({ step: 'done', result });
      await queryClient.invalidateQueries({
        predicate: (q) => /^\/(people|units)/.test(String(q.queryKey[0])),
      });
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      setState({ step: 'failed', error: e });
    }
  };

  const template = async () => {
    try {
      await downloadFile('/people/import-template.xlsx', undefined, 'import-template.xlsx');
    } catch (e) {
      message.error(isApiError(e) ? e.title : t('error.unexpected'));
    }
  };

  const footer =
    state.step === 'choose' ? (
      <Flex justify="space-between">
        <Button icon={<DownloadOutlined />} onClick={template}>
          {t('import.template')}
        </Button>
        <Flex gap={8}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" disabled={!file} onClick={start} data-testid="import-start">
            {t('import.start')}
          </Button>
        </Flex>
      </Flex>
    ) : state.step === 'running' ? (
      <Button onClick={close}>{t('common.cancel')}</Button>
    ) : (
      <Flex justify="flex-end" gap={8}>
        {state.step === 'failed' ? <Button onClick={reset}>{t('import.again')}</Button> : null}
        <Button type="primary" onClick={close}>
          {t('common.close')}
        </Button>
      </Flex>
    );

  return (
    <Modal open={open} onCancel={close} title={t('import.title')} footer={footer} width={760} destroyOnHidden>
      {state.step === 'choose' ? (
        <>
          <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            multiple={false}
            fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.drop')}</p>
            <p className="ant-upload-hint">{t('import.dropHint')}</p>
          </Upload.Dragger>
        </>
      ) : null}
      {state.step === 'running' ? <Running progress={state.progress} /> : null}
      {state.step === 'done' ? (
        <Result
          status="success"
          title={t('import.done')}
          subTitle={t('import.doneCounts', state.result as unknown as Record<string, number>)}
        />
      ) : null}
      {state.step === 'failed' ? <Failure error={state.error} /> : null}
    </Modal>
  );
}

function Running({ progress }: { progress: ImportProgress | null }) {
  const { t } = useI18n();
  const current = progress ? PHASES.indexOf(progress.phase) : 0;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div style={{ padding: '16px 0' }} data-testid="import-progress">
      <Steps
        size="small"
        current={current}
        items={PHASES.map((p) => ({ title: t(`import.phase.${p}`) }))}
        style={{ marginBottom: 24 }}
      />
      <Progress percent={percent} status="active" />
      <Typography.Text type="secondary">
        {progress
          ? t('import.progress', {
              phase: t(`import.phase.${progress.phase}`),
              done: progress.done,
              total: progress.total,
            })
          : t('import.uploading')}
      </Typography.Text>
    </div>
  );
}

function Failure({ error }: { error: unknown }) {
  const { t } = useI18n();
  const rows: (ProblemIssue & { key: number })[] = isApiError(error)
    ? (error as ApiError).errors.map((e, i) => ({ ...e, key: i }))
    : [];
  if (!rows.length) return <ErrorAlert error={error} />;
  return (
    <div data-testid="import-errors">
      <Alert
        type="error"
        showIcon
        title={(error as ApiError).title}
        description={t('import.errorCount', { n: rows.length })}
        style={{ marginBottom: 16 }}
      />
      <Table
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        columns={[
          { title: t('import.col.sheet'), dataIndex: 'sheet', width: 140 },
          { title: t('import.col.row'), dataIndex: 'row', width: 70 },
          { title: t('import.col.column'), dataIndex: 'column', width: 140 },
          { title: t('import.col.message'), dataIndex: 'message' },
        ]}
      />
    </div>
  );
}
