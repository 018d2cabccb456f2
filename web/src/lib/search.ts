/** Vietnamese-friendly matching: "ha noi" finds "Hà Nội", "dao tao" finds "Đào tạo". */
import type { ComboboxParsedItem, OptionsFilter } from '@mantine/core';

/** Lower case without diacritics (đ → d), for comparing Vietnamese text typed with or without marks. */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** True when every word of the search occurs in the text, ignoring case and diacritics. */
export function matchesSearch(text: string, search: string): boolean {
  const folded = foldVietnamese(text);
  return foldVietnamese(search)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => folded.includes(word));
}

/** Option filter for Mantine's Select, MultiSelect and Autocomplete using `matchesSearch`. */
export const vietnameseOptionsFilter: OptionsFilter<string> = ({ options, search, limit }) => {
  const out: ComboboxParsedItem<string>[] = [];
  for (const option of options) {
    if (out.length >= limit) break;
    if ('group' in option) {
      const items = option.items.filter((item) => matchesSearch(item.label, search));
      if (items.length > 0) out.push({ group: option.group, items });
    } else if (matchesSearch(option.label, search)) {
      out.push(option);
    }
  }
  return out;
};
