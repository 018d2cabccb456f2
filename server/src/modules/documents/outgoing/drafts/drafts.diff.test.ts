import { describe, expect, it } from 'vitest';
import { diffLines } from './drafts.diff.ts';

const ops = (a: string, b: string) =>
  diffLines(a, b).map((l) => `${{ same: ' ', added: '+', removed: '-' }[l.op]}${l.text}`);

describe('line diff of draft bodies', () => {
  it('keeps common lines and marks what was removed and added', () => {
    expect(ops('a\nb\nc\nd', 'a\nc\nx\nd')).toEqual([' a', '-b', ' c', '+x', ' d']);
    expect(ops('', 'một\nhai')).toEqual(['+một', '+hai']);
    expect(ops('một\nhai', '')).toEqual(['-một', '-hai']);
    expect(ops('giống', 'giống')).toEqual([' giống']);
  });

  it('numbers lines on each side', () => {
    expect(diffLines('a\nb', 'b\nc')).toEqual([
      { op: 'removed', text: 'a', fromLine: 1, toLine: null },
      { op: 'same', text: 'b', fromLine: 2, toLine: 1 },
      { op: 'added', text: 'c', fromLine: null, toLine: 2 },
    ]);
  });

  it('finds the longest common subsequence, not just the common ends', () => {
    expect(ops('x\n1\n2\n3\ny', 'z\n1\n3\n2\nw').filter((l) => l.startsWith(' '))).toHaveLength(2);
    expect(ops('a\r\nb', 'a\nb')).toEqual([' a', ' b']);
  });

  it('stays within memory on very different long texts', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `dòng ${i}`).join('\n');
    const b = Array.from({ length: 3000 }, (_, i) => `hàng ${i}`).join('\n');
    const d = diffLines(a, b);
    expect(d.filter((l) => l.op === 'removed')).toHaveLength(3000);
    expect(d.filter((l) => l.op === 'added')).toHaveLength(3000);
  });
});
