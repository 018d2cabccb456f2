/** Merger and split history of an organisation: "Hợp nhất từ: …", "Đã hợp nhất vào: …". */
import { Anchor, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Organization, OrganizationLink } from '../../api/types';

type Direction = 'from' | 'into';

/** Links to the other organisations' details (same page, `?org=<id>`), so they open like any tree entry. */
function LinkList({ links, onOpen }: { links: OrganizationLink[]; onOpen?: ((id: string) => void) | undefined }) {
  const [params] = useSearchParams();
  const hrefOf = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('org', id);
    return `?${next.toString()}`;
  };
  return (
    <>
      {links.map((link, index) => (
        <Fragment key={link.id}>
          {index > 0 && ', '}
          {onOpen ? (
            <Anchor
              href={hrefOf(link.id)}
              size="sm"
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                event.preventDefault();
                onOpen(link.id);
              }}
            >
              {link.name}
            </Anchor>
          ) : (
            link.name
          )}
        </Fragment>
      ))}
    </>
  );
}

function HistoryLine({
  links,
  direction,
  onOpen,
}: {
  links: OrganizationLink[];
  direction: Direction;
  onOpen?: ((id: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  if (links.length === 0) return null;
  const splits = links.filter((link) => link.kind === 'split');
  const mergers = links.filter((link) => link.kind !== 'split');
  const label = (kind: 'merger' | 'split') =>
    direction === 'from'
      ? t(kind === 'merger' ? 'orgs.mergedFrom' : 'orgs.splitFrom')
      : t(kind === 'merger' ? 'orgs.mergedInto' : 'orgs.splitInto');
  return (
    <>
      {mergers.length > 0 && (
        <Text size="sm" c="dimmed">
          {label('merger')}: <LinkList links={mergers} onOpen={onOpen} />
        </Text>
      )}
      {splits.length > 0 && (
        <Text size="sm" c="dimmed">
          {label('split')}: <LinkList links={splits} onOpen={onOpen} />
        </Text>
      )}
    </>
  );
}

/** Both directions: where it came from, and (when it was closed by a reorganisation) where it went. */
export function OrgHistory({
  org,
  onOpen,
}: {
  org: Pick<Organization, 'predecessors' | 'successors'>;
  onOpen?: ((id: string) => void) | undefined;
}) {
  return (
    <>
      <HistoryLine links={org.predecessors} direction="from" onOpen={onOpen} />
      <HistoryLine links={org.successors} direction="into" onOpen={onOpen} />
    </>
  );
}
