/**
 * Tells this process's listeners which tables its own statements write, right after each write statement
 * runs (inside its transaction, before the commit). A module that keeps a copy of some rows in memory (the
 * session cache) forgets it at once when this process changes them; changes made by other processes reach
 * it by NOTIFY instead (a trigger), a little later.
 *
 * Only statements built with Kysely's query builder are seen (insert, update and delete, also inside WITH);
 * raw SQL text is not parsed.
 */
import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

export interface TableWrite {
  readonly table: string;
  /** 'upsert': an insert with ON CONFLICT … DO UPDATE (it may change an existing row). */
  readonly kind: 'insert' | 'upsert' | 'update' | 'delete';
  /**
   * The columns an update or upsert sets (empty for inserts and deletes). An update whose columns cannot be
   * read has none listed: listeners must treat an empty list as "any column".
   */
  readonly columns: readonly string[];
}

export type WriteListener = (write: TableWrite) => void;

const WRITE_KINDS: Readonly<Record<string, 'insert' | 'update' | 'delete'>> = {
  InsertQueryNode: 'insert',
  UpdateQueryNode: 'update',
  DeleteQueryNode: 'delete',
};

/** The plugin to give the Kysely instance at construction, and where listeners register. */
export class WriteWatch implements KyselyPlugin {
  private readonly listeners = new Set<WriteListener>();
  private readonly pending = new WeakMap<object, TableWrite[]>();

  /** Calls `listener` after each write statement of this process; returns the unsubscribe. */
  onWrite(listener: WriteListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.listeners.size > 0) {
      const writes: TableWrite[] = [];
      collectWrites(args.node, writes);
      if (writes.length > 0) this.pending.set(args.queryId, writes);
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const writes = this.pending.get(args.queryId);
    if (writes) {
      this.pending.delete(args.queryId);
      for (const write of writes) for (const listener of this.listeners) listener(write);
    }
    return args.result;
  }
}

/** Write statements anywhere in the tree (a WITH can hold them under a SELECT). */
function collectWrites(node: OperationNode, into: TableWrite[]): void {
  const kind = WRITE_KINDS[node.kind];
  if (kind) {
    const table = tableOf(node, kind);
    const onConflict = (node as { onConflict?: { updates?: readonly OperationNode[] } }).onConflict;
    if (table && kind === 'insert' && onConflict?.updates) {
      into.push({ table, kind: 'upsert', columns: columnsOf(onConflict.updates) });
    } else if (table) {
      const updates = (node as { updates?: readonly OperationNode[] }).updates ?? [];
      into.push({ table, kind, columns: kind === 'update' ? columnsOf(updates) : [] });
    }
  }
  const withNode = (node as { with?: { expressions?: readonly { expression?: OperationNode }[] } }).with;
  for (const cte of withNode?.expressions ?? []) if (cte.expression) collectWrites(cte.expression, into);
}

function tableOf(node: OperationNode, kind: TableWrite['kind']): string | undefined {
  const n = node as {
    into?: OperationNode;
    table?: OperationNode;
    from?: { froms?: readonly OperationNode[] };
  };
  const target = kind === 'insert' ? n.into : kind === 'update' ? n.table : n.from?.froms?.[0];
  return target ? tableName(target) : undefined;
}

function tableName(node: OperationNode): string | undefined {
  const n = node as {
    kind: string;
    node?: OperationNode;
    table?: { identifier?: { name?: string } };
  };
  if (n.kind === 'AliasNode' && n.node) return tableName(n.node);
  if (n.kind === 'TableNode') return n.table?.identifier?.name;
  return undefined;
}

/** The column names of SET items; [] as soon as one is not a plain column (then: any column). */
function columnsOf(updates: readonly OperationNode[]): string[] {
  const names: string[] = [];
  for (const u of updates) {
    const column = (u as { column?: { kind?: string; column?: { name?: string } } }).column;
    if (u.kind !== 'ColumnUpdateNode' || column?.kind !== 'ColumnNode' || !column.column?.name) return [];
    names.push(column.column.name);
  }
  return names;
}

const watches = new WeakMap<object, WriteWatch>();

/** Records that `db` was built with `watch` among its plugins (see `openDatabase`). */
export function attachWriteWatch(db: object, watch: WriteWatch): void {
  watches.set(db, watch);
}

/**
 * Calls `listener` after each write statement sent through `db` (the instance `openDatabase` returned) or its
 * transactions; returns the unsubscribe, or undefined when `db` has no watch.
 */
export function onWrite(db: object, listener: WriteListener): (() => void) | undefined {
  return watches.get(db)?.onWrite(listener);
}
