/**
 * The organisation tree as nested lists (a disclosure tree): each row has a toggle for its children and a
 * button that opens the organisation's details.
 */
import { ActionIcon, Box, Group, Text, UnstyledButton } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../api/types';
import { ChevronDownIcon, ChevronRightIcon } from '../../components/icons';
import { useValidityText } from '../../components/Validity';
import { OrgIdentifier } from './OrgBadges';
import { OrgHistory } from './OrgHistory';
import type { OrgTreeNode } from './org.tree';
import classes from './OrgTree.module.css';

interface OrgTreeProps {
  roots: OrgTreeNode<Organization>[];
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onOpen: (id: string) => void;
}

export function OrgTree({ roots, collapsed, onToggle, onOpen }: OrgTreeProps) {
  return (
    <ul className={classes.list}>
      {roots.map((node) => (
        <OrgTreeItem key={node.org.id} node={node} collapsed={collapsed} onToggle={onToggle} onOpen={onOpen} />
      ))}
    </ul>
  );
}

interface OrgTreeItemProps {
  node: OrgTreeNode<Organization>;
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onOpen: (id: string) => void;
}

const OrgTreeItem = memo(function OrgTreeItem({ node, collapsed, onToggle, onOpen }: OrgTreeItemProps) {
  const { t } = useTranslation();
  const validity = useValidityText();
  const { org, children } = node;
  const hasChildren = children.length > 0;
  const expanded = hasChildren && !collapsed.has(org.id);
  const childListId = `org-children-${org.id}`;

  return (
    <li className={classes.item}>
      <Group gap={6} wrap="nowrap" align="flex-start" className={classes.row}>
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="md"
            aria-expanded={expanded}
            aria-controls={expanded ? childListId : undefined}
            aria-label={t(expanded ? 'orgs.collapse' : 'orgs.expand', { name: org.name })}
            onClick={() => onToggle(org.id)}
          >
            {expanded ? <ChevronDownIcon size={16} /> : <ChevronRightIcon size={16} />}
          </ActionIcon>
        ) : (
          <Box w={28} style={{ flexShrink: 0 }} />
        )}
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Group gap={8} wrap="wrap" align="baseline">
            <UnstyledButton className={classes.name} onClick={() => onOpen(org.id)}>
              {org.name}
            </UnstyledButton>
            {hasChildren && (
              <Text size="xs" c="dimmed">
                ({children.length})
              </Text>
            )}
          </Group>
          <Group gap="xs" wrap="wrap" mt={2}>
            <OrgIdentifier org={org} />
            <Text size="sm" c="dimmed">
              {validity(org.validFrom, org.validTo)}
            </Text>
          </Group>
          <OrgHistory org={org} onOpen={onOpen} />
        </Box>
      </Group>
      {expanded && (
        <ul id={childListId} className={classes.list}>
          {children.map((child) => (
            <OrgTreeItem key={child.org.id} node={child} collapsed={collapsed} onToggle={onToggle} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </li>
  );
});
