/**
 * The organisation directory as a tree: each organisation under its parent (Sở under UBND tỉnh, schools
 * under their Sở, universities under the Ministry). Pure functions, so they are easy to test.
 */
import type { OrganizationKind } from '../../api/types';

/** The order in which kinds are listed: the Ministry first, then the provinces and what sits below them. */
export const ORGANIZATION_KINDS: readonly OrganizationKind[] = [
  'ministry',
  'provincial_committee',
  'provincial_department',
  'university',
  'college',
  'school',
  'commune_committee',
  'other',
  'external',
];

export interface TreeableOrganization {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganizationKind;
  readonly parent: { readonly id: string } | null;
}

export interface OrgTreeNode<T extends TreeableOrganization> {
  readonly org: T;
  readonly children: OrgTreeNode<T>[];
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

function kindRank(kind: OrganizationKind): number {
  const index = ORGANIZATION_KINDS.indexOf(kind);
  return index === -1 ? ORGANIZATION_KINDS.length : index;
}

/** Kind order first (Ministry, UBND tỉnh, Sở, …), then name in Vietnamese alphabetical order. */
export function compareOrganizations(a: TreeableOrganization, b: TreeableOrganization): number {
  return kindRank(a.kind) - kindRank(b.kind) || collator.compare(a.name, b.name);
}

interface MutableNode<T extends TreeableOrganization> {
  org: T;
  children: MutableNode<T>[];
  parent: MutableNode<T> | undefined;
}

/**
 * Builds the forest of organisations. An organisation whose parent is not in the list (another date,
 * filtered out by a search) becomes a root; so does one caught in a parent cycle, so nothing is lost.
 */
export function buildOrgTree<T extends TreeableOrganization>(items: readonly T[]): OrgTreeNode<T>[] {
  const nodes = new Map<string, MutableNode<T>>();
  for (const org of items) {
    if (!nodes.has(org.id)) nodes.set(org.id, { org, children: [], parent: undefined });
  }
  const roots: MutableNode<T>[] = [];
  for (const node of nodes.values()) {
    const parentId = node.org.parent?.id;
    const parent = parentId === undefined || parentId === node.org.id ? undefined : nodes.get(parentId);
    if (parent) {
      node.parent = parent;
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }

  const reached = new Set<MutableNode<T>>();
  const mark = (node: MutableNode<T>) => {
    const stack = [node];
    for (let current = stack.pop(); current; current = stack.pop()) {
      if (reached.has(current)) continue;
      reached.add(current);
      stack.push(...current.children);
    }
  };
  roots.forEach(mark);
  // Whatever is not reachable from a root sits in a parent cycle: cut the cycle and make it a root.
  for (const node of nodes.values()) {
    if (reached.has(node)) continue;
    if (node.parent) node.parent.children = node.parent.children.filter((child) => child !== node);
    node.parent = undefined;
    roots.push(node);
    mark(node);
  }

  const freeze = (node: MutableNode<T>): OrgTreeNode<T> => ({
    org: node.org,
    children: node.children.sort((a, b) => compareOrganizations(a.org, b.org)).map(freeze),
  });
  return roots.sort((a, b) => compareOrganizations(a.org, b.org)).map(freeze);
}

export interface FlatOrgTreeNode<T extends TreeableOrganization> {
  readonly org: T;
  readonly depth: number;
  readonly childCount: number;
}

/** The tree in reading order: every organisation right after its parent, with its depth. */
export function flattenOrgTree<T extends TreeableOrganization>(roots: readonly OrgTreeNode<T>[]): FlatOrgTreeNode<T>[] {
  const out: FlatOrgTreeNode<T>[] = [];
  const visit = (node: OrgTreeNode<T>, depth: number) => {
    out.push({ org: node.org, depth, childCount: node.children.length });
    node.children.forEach((child) => visit(child, depth + 1));
  };
  roots.forEach((root) => visit(root, 0));
  return out;
}

/** The ids of every organisation that has children (the nodes that can be expanded). */
export function collectParentIds<T extends TreeableOrganization>(roots: readonly OrgTreeNode<T>[]): string[] {
  return flattenOrgTree(roots)
    .filter((node) => node.childCount > 0)
    .map((node) => node.org.id);
}

/** How many organisations of each kind, in kind order, leaving out kinds with none. */
export function countByKind(items: readonly { readonly kind: OrganizationKind }[]): [OrganizationKind, number][] {
  const counts = new Map<OrganizationKind, number>();
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => kindRank(a) - kindRank(b));
}
