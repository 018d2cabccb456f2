import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesSearch, vietnameseOptionsFilter } from './search';

describe('Vietnamese search', () => {
  it('folds case and diacritics, including đ', () => {
    expect(foldVietnamese('Sở Giáo dục và Đào tạo Hà Nội')).toBe('so giao duc va dao tao ha noi');
    expect(foldVietnamese('Ủy ban nhân dân'.normalize('NFD'))).toBe('uy ban nhan dan');
  });

  it('matches every word anywhere in the text', () => {
    expect(matchesSearch('Trường THPT Chu Văn An', 'chu van an')).toBe(true);
    expect(matchesSearch('Trường THPT Chu Văn An', 'an chu')).toBe(true);
    expect(matchesSearch('Trường THPT Chu Văn An', 'chu van ba')).toBe(false);
  });

  it('filters options up to the limit', () => {
    const options = ['Hà Nội', 'Hà Giang', 'Hải Phòng'].map((label) => ({ value: label, label }));
    expect(vietnameseOptionsFilter({ options, search: 'ha', limit: 10 }).length).toBe(3);
    expect(vietnameseOptionsFilter({ options, search: 'ha', limit: 1 }).length).toBe(1);
    expect(vietnameseOptionsFilter({ options, search: 'ha noi', limit: 10 })).toEqual([
      { value: 'Hà Nội', label: 'Hà Nội' },
    ]);
  });
});
