import { describe, expect, it } from 'vitest';
import type { OrganizationKind } from '../../api/types';
import { buildOrgTree, collectParentIds, countByKind, flattenOrgTree } from './org.tree';

function org(id: string, name: string, kind: OrganizationKind, parentId: string | null = null) {
  return { id, name, kind, parent: parentId === null ? null : { id: parentId } };
}

const ministry = org('bgd', 'Bộ Giáo dục và Đào tạo', 'ministry');
const ubndHn = org('ubnd-hn', 'Ủy ban nhân dân thành phố Hà Nội', 'provincial_committee');
const ubndAg = org('ubnd-ag', 'Ủy ban nhân dân tỉnh An Giang', 'provincial_committee');
const soHn = org('so-hn', 'Sở Giáo dục và Đào tạo Hà Nội', 'provincial_department', 'ubnd-hn');
const soAg = org('so-ag', 'Sở Giáo dục và Đào tạo An Giang', 'provincial_department', 'ubnd-ag');
const school = org('thpt', 'Trường THPT Chu Văn An', 'school', 'so-hn');
const uni = org('dhsp', 'Trường Đại học Sư phạm Hà Nội', 'university', 'bgd');

describe('buildOrgTree', () => {
  it('puts every organisation under its parent, the Ministry first, then the provinces by name', () => {
    const tree = buildOrgTree([school, soAg, uni, soHn, ubndAg, ubndHn, ministry]);
    // "Ủy ban nhân dân thành phố …" sorts before "Ủy ban nhân dân tỉnh …": the centrally-run cities come first.
    expect(tree.map((n) => n.org.id)).toEqual(['bgd', 'ubnd-hn', 'ubnd-ag']);
    expect(tree[0]?.children.map((n) => n.org.id)).toEqual(['dhsp']);
    expect(tree[1]?.children[0]?.org.id).toBe('so-hn');
    expect(tree[1]?.children[0]?.children[0]?.org.id).toBe('thpt');
    expect(tree[2]?.children[0]?.org.id).toBe('so-ag');
  });

  it('sorts names in Vietnamese alphabetical order (Đ after D, diacritics after the base letter)', () => {
    const names = ['Tỉnh Đắk Lắk', 'Tỉnh Cà Mau', 'Tỉnh Điện Biên', 'Tỉnh Bắc Ninh', 'Tỉnh An Giang', 'Tỉnh Dak Test'];
    const tree = buildOrgTree(names.map((name) => org(name, name, 'provincial_committee')));
    expect(tree.map((n) => n.org.name)).toEqual([
      'Tỉnh An Giang',
      'Tỉnh Bắc Ninh',
      'Tỉnh Cà Mau',
      'Tỉnh Dak Test',
      'Tỉnh Đắk Lắk',
      'Tỉnh Điện Biên',
    ]);
  });

  it('lists parents before their children when flattened', () => {
    const flat = flattenOrgTree(buildOrgTree([school, soHn, ubndHn, ministry, uni]));
    const position = (id: string) => flat.findIndex((n) => n.org.id === id);
    expect(position('ubnd-hn')).toBeLessThan(position('so-hn'));
    expect(position('so-hn')).toBeLessThan(position('thpt'));
    expect(position('bgd')).toBeLessThan(position('dhsp'));
    expect(flat.find((n) => n.org.id === 'thpt')?.depth).toBe(2);
    expect(flat).toHaveLength(5);
  });

  it('makes an organisation whose parent is not in the list a root', () => {
    const tree = buildOrgTree([school, soAg]);
    expect(tree.map((n) => n.org.id)).toEqual(['so-ag', 'thpt']);
    expect(tree.every((n) => n.children.length === 0)).toBe(true);
  });

  it('keeps every organisation even when parents form a cycle', () => {
    const a = org('a', 'A', 'other', 'b');
    const b = org('b', 'B', 'other', 'a');
    const flat = flattenOrgTree(buildOrgTree([a, b, ministry]));
    expect(flat.map((n) => n.org.id).sort()).toEqual(['a', 'b', 'bgd']);
  });

  it('finds the expandable nodes', () => {
    expect(collectParentIds(buildOrgTree([school, soHn, ubndHn])).sort()).toEqual(['so-hn', 'ubnd-hn']);
  });
});

describe('countByKind', () => {
  it('counts organisations per kind in kind order', () => {
    expect(countByKind([school, soHn, soAg, ministry, ubndHn])).toEqual([
      ['ministry', 1],
      ['provincial_committee', 1],
      ['provincial_department', 2],
      ['school', 1],
    ]);
  });
});
