/** A button that uploads one file, showing progress, a cancel button and why an upload was refused. */
import { Alert, Button, FileButton, Group, Progress, Stack, Text, type ButtonProps } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCEPTED_FILES, type UploadedFile } from './files.api';
import { fileErrorText } from './fileErrorText';
import { useUploadFile } from './useUploadFile';

export interface FileUploadButtonProps {
  /** Called with the stored file once the server has accepted it. */
  onUploaded: (file: UploadedFile) => void;
  /** Button text; default "Tải tệp lên" / "Upload a file". */
  label?: string;
  /** The file picker's filter; default the accepted types (PDF, DOCX, XLSX, PNG, JPEG, TIFF). */
  accept?: string;
  disabled?: boolean;
  variant?: ButtonProps['variant'];
  /** Shows the accepted types under the button. */
  withHint?: boolean;
}

export function FileUploadButton({
  onUploaded,
  label,
  accept = ACCEPTED_FILES,
  disabled = false,
  variant = 'default',
  withHint = false,
}: FileUploadButtonProps) {
  const { t, i18n } = useTranslation();
  const { upload, uploading, progress, error, file, cancel, reset } = useUploadFile();
  const resetPicker = useRef<() => void>(null);

  const pick = (picked: File | null) => {
    // Let the same file be picked again after a refusal.
    resetPicker.current?.();
    if (!picked) return;
    reset();
    upload(picked).then(onUploaded, () => undefined);
  };
  const percent = Math.round((progress ?? 0) * 100);

  return (
    <Stack gap={6}>
      <Group gap="xs">
        <FileButton onChange={pick} accept={accept} disabled={disabled || uploading} resetRef={resetPicker}>
          {(props) => (
            <Button {...props} variant={variant} disabled={disabled || uploading}>
              {label ?? t('files.upload.button')}
            </Button>
          )}
        </FileButton>
        {uploading && (
          <Button variant="subtle" color="gray" onClick={cancel}>
            {t('files.upload.cancel')}
          </Button>
        )}
      </Group>
      {withHint && !uploading && (
        <Text size="xs" c="dimmed">
          {t('files.upload.hint')}
        </Text>
      )}
      {uploading && (
        <Stack gap={4}>
          <Text size="sm">{t('files.upload.progress', { name: file?.name ?? '', percent })}</Text>
          <Progress value={percent} aria-label={t('files.upload.progress', { name: file?.name ?? '', percent })} />
        </Stack>
      )}
      {error !== null && error !== undefined && (
        <Alert color="red" variant="light" role="alert">
          {fileErrorText(error, t, i18n.language)}
        </Alert>
      )}
    </Stack>
  );
}
