/**
 * A validation report as people read it: the overall verdict and its reasons, then per signature who signed
 * (and for which organisation), when (dd/MM/yyyy HH:mm, Vietnam time), whether the signed content is intact,
 * whether it covers the whole document or changes followed, whether the certificate is trusted and was valid
 * at the signing time, and the reasons in the current language.
 */
import { Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../incoming/format';
import { SignatureVerdictBadge } from './SignatureVerdictBadge';
import { displayVerdict, type Reason, type SignatureCheck, type ValidationReport } from './signatures.types';

function useReasonText() {
  const { i18n } = useTranslation();
  return (reason: Reason) => (i18n.language === 'en' ? reason.en : reason.vi);
}

function Check({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  return (
    <Text size="sm" c={ok ? 'green.8' : 'red.8'}>
      {ok ? '✓' : '✗'} {ok ? yes : no}
    </Text>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={170} style={{ verticalAlign: 'top', fontWeight: 500 }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function OneSignature({ check }: { check: SignatureCheck }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const unknown = t('signatures.report.unknown');
  const name = t('signatures.report.signature', { index: check.index });
  return (
    <Paper withBorder radius="sm" p="sm" role="group" aria-label={`${name}: ${check.signerName ?? unknown}`}>
      <Group gap="xs" mb={6}>
        <Text fw={600} size="sm">
          {name}
        </Text>
        <SignatureVerdictBadge verdict={check.verdict} size="xs" />
      </Group>
      <Table verticalSpacing={4} fz="sm">
        <Table.Tbody>
          <Row label={t('signatures.report.signer')}>{check.signerName ?? unknown}</Row>
          <Row label={t('signatures.report.organization')}>{check.organization ?? unknown}</Row>
          <Row label={t('signatures.report.signingTime')}>
            {check.signingTime ? formatMinute(check.signingTime) : unknown}
            {check.timestamped ? ` (${t('signatures.report.timestamped')})` : ''}
          </Row>
          <Row label={t('signatures.report.intact')}>
            <Check ok={check.intact} yes={t('signatures.report.intactYes')} no={t('signatures.report.intactNo')} />
          </Row>
          <Row label={t('signatures.report.coverage')}>
            <Text size="sm" c={check.laterChanges === 'unsigned_changes' ? 'red.8' : undefined}>
              {t(`signatures.report.laterChanges.${check.laterChanges}`)}
            </Text>
          </Row>
          <Row label={t('signatures.report.trusted')}>
            <Check ok={check.trusted} yes={t('signatures.report.trustedYes')} no={t('signatures.report.trustedNo')} />
            {check.trustAnchor && (
              <Text size="xs" c="dimmed">
                {check.trustAnchor}
              </Text>
            )}
          </Row>
          <Row label={t('signatures.report.validAtSigning')}>
            <Check
              ok={check.certificateValidAtSigningTime}
              yes={t('signatures.report.validAtSigningYes')}
              no={t('signatures.report.validAtSigningNo')}
            />
          </Row>
          {check.issuer && <Row label={t('signatures.report.issuer')}>{check.issuer}</Row>}
          {check.reasons.length > 0 && (
            <Row label={t('signatures.report.reasons')}>
              <List size="sm" spacing={2}>
                {check.reasons.map((reason) => (
                  <List.Item key={reason.code}>{reasonText(reason)}</List.Item>
                ))}
              </List>
            </Row>
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export function SignatureReport({ report }: { report: ValidationReport }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const verdict = displayVerdict(report);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Title order={3} size="h5">
          {t('signatures.report.title')}
        </Title>
        <SignatureVerdictBadge verdict={verdict} />
      </Group>
      <Text size="xs" c="dimmed">
        {t('signatures.report.validatedAt', { time: formatMinute(report.validatedAt) })}
      </Text>
      {verdict === 'none' ? (
        <Text size="sm">{t('signatures.report.noSignatures')}</Text>
      ) : (
        report.reasons.length > 0 && (
          <List size="sm" spacing={2} aria-label={t('signatures.report.reasons')}>
            {report.reasons.map((reason) => (
              <List.Item key={reason.code}>{reasonText(reason)}</List.Item>
            ))}
          </List>
        )
      )}
      {report.signatures.map((check) => (
        <OneSignature key={check.index} check={check} />
      ))}
      {verdict !== 'none' && (
        <Text size="xs" c="dimmed">
          {t('signatures.report.revocation')}
        </Text>
      )}
    </Stack>
  );
}
