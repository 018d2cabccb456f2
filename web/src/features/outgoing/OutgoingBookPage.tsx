/**
 * Sổ đăng ký văn bản đi (Decree 30/2020, Phụ lục IV): the clerk chooses an outgoing register book and a year
 * and downloads the book as a spreadsheet or a PDF — every number issued that year, cancelled ones marked.
 * Confidential books are for clerks and leaders only (the server's rule, which also audits each export).
 */
import { Anchor, Badge, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { vietnamDate } from '../../lib/dates';
import { useRequiredMe } from '../auth/auth.queries';
import { hasRole } from '../auth/permissions';
import { registerBookUrl } from '../incoming/incoming.queries';

/** The years offered: this year and the four before it. */
const YEARS_BACK = 5;

export function OutgoingBookPage() {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const seesConfidential = hasRole(me, 'clerk', 'leader');
  const registers = useQuery({
    queryKey: ['outgoing', 'registers'],
    queryFn: () => unwrap(api.GET('/api/v1/registers', { params: { query: { direction: 'outgoing' } } })),
    select: (data) => data.items,
  });
  const books = (registers.data ?? []).filter((r) => seesConfidential || !r.confidential);
  const thisYear = Number(vietnamDate().slice(0, 4));
  const years = Array.from({ length: YEARS_BACK }, (_, i) => String(thisYear - i));
  const [chosen, setChosen] = useState<string | null>(null);
  const [year, setYear] = useState(String(thisYear));
  const book = books.find((r) => r.id === chosen) ?? books.find((r) => r.active) ?? books[0];
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;

  return (
    <>
      <PageHeader title={t('outgoing.book.title')} description={t('outgoing.book.description')} />
      {registers.isError && <QueryError error={registers.error} onRetry={() => void registers.refetch()} />}
      <Paper withBorder radius="md" p="md" maw={640}>
        <Stack gap="sm">
          <Select
            label={t('outgoing.book.register')}
            data={books.map((r) => ({
              value: r.id,
              label: [
                r.name,
                r.confidential ? t('outgoing.book.confidential') : '',
                r.active ? '' : t('outgoing.book.retired'),
              ]
                .filter(Boolean)
                .join(' — '),
            }))}
            value={book?.id ?? null}
            onChange={setChosen}
            allowDeselect={false}
            disabled={books.length === 0}
          />
          <Select
            label={t('outgoing.book.year')}
            data={years}
            value={year}
            onChange={(value) => value && setYear(value)}
            allowDeselect={false}
            w={160}
          />
          {registers.isSuccess && books.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('outgoing.book.none')}
            </Text>
          ) : (
            book && (
              <Stack gap={6}>
                <Group gap="xs">
                  <Text size="sm">{t('outgoing.book.period', { year })}</Text>
                  {book.confidential && (
                    <Badge color="orange" variant="outline" tt="none">
                      {t('outgoing.book.confidential')}
                    </Badge>
                  )}
                </Group>
                <Group gap="md">
                  <Anchor href={registerBookUrl(book.id, from, to, 'xlsx')} download>
                    {t('outgoing.book.xlsx', { year })}
                  </Anchor>
                  <Anchor href={registerBookUrl(book.id, from, to, 'pdf')} target="_blank" rel="noopener">
                    {t('outgoing.book.pdf', { year })}
                  </Anchor>
                </Group>
              </Stack>
            )
          )}
        </Stack>
      </Paper>
    </>
  );
}
