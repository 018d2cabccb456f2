/**
 * Comparing two revisions of a draft: which structured fields changed (before → after), and a line diff of
 * the body by longest common subsequence, the way reviewers read tracked changes.
 */
import { canonicalJson } from '../../../../platform/audit/audit.ts';
import { DRAFT_FIELDS, type DraftContent, type RevisionFile } from './drafts.types.ts';

export interface DiffLine {
  readonly op: 'same' | 'added' | 'removed';
  readonly text: string;
  /** 1-based line number in the older text (null for an added line). */
  readonly fromLine: number | null;
  /** 1-based line number in the newer text (null for a removed line). */
  readonly toLine: number | null;
}

/** Above this many cells the table would cost too much memory: the changed middle is shown as replaced. */
const MAX_CELLS = 4_000_000;

const linesOf = (text: string) => (text === '' ? [] : text.split(/\r?\n/));

export function diffLines(before: string, after: string): DiffLine[] {
  const a = linesOf(before);
  const b = linesOf(after);
  // The unchanged head and tail need no table.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const out: DiffLine[] = [];
  const same = (i: number, j: number) => out.push({ op: 'same', text: a[i]!, fromLine: i + 1, toLine: j + 1 });
  const removed = (i: number) => out.push({ op: 'removed', text: a[i]!, fromLine: i + 1, toLine: null });
  const added = (j: number) => out.push({ op: 'added', text: b[j]!, fromLine: null, toLine: j + 1 });
  for (let i = 0; i < start; i += 1) same(i, i);

  const n = endA - start;
  const m = endB - start;
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    for (let i = start; i < endA; i += 1) removed(i);
    for (let j = start; j < endB; j += 1) added(j);
  } else {
    // lcs[i][j] = length of the longest common subsequence of a[start+i..endA) and b[start+j..endB).
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i -= 1) {
      for (let j = m - 1; j >= 0; j -= 1) {
        lcs[i * width + j] =
          a[start + i] === b[start + j]
            ? lcs[(i + 1) * width + j + 1]! + 1
            : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (a[start + i] === b[start + j]) {
        same(start + i, start + j);
        i += 1;
        j += 1;
      } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
        removed(start + i);
        i += 1;
      } else {
        added(start + j);
        j += 1;
      }
    }
    for (; i < n; i += 1) removed(start + i);
    for (; j < m; j += 1) added(start + j);
  }
  for (let k = 0; endA + k < a.length; k += 1) same(endA + k, endB + k);
  return out;
}

export interface FieldChange {
  readonly field: Exclude<(typeof DRAFT_FIELDS)[number], 'body'> | 'files';
  readonly before: unknown;
  readonly after: unknown;
}

/** The fields (other than the body) and the file list that differ between two revisions. */
export function changedFields(
  before: { content: DraftContent; files: readonly RevisionFile[] },
  after: { content: DraftContent; files: readonly RevisionFile[] },
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of DRAFT_FIELDS) {
    if (field === 'body') continue;
    const x = before.content[field] ?? null;
    const y = after.content[field] ?? null;
    if (canonicalJson(x) !== canonicalJson(y)) changes.push({ field, before: x, after: y });
  }
  if (canonicalJson(before.files) !== canonicalJson(after.files)) {
    changes.push({ field: 'files', before: before.files, after: after.files });
  }
  return changes;
}
