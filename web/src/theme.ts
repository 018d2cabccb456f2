import {
  Autocomplete,
  createTheme,
  MultiSelect,
  NumberInput,
  PasswordInput,
  Select,
  Textarea,
  TextInput,
  type InputWrapperProps,
} from '@mantine/core';
import { vietnameseOptionsFilter } from './lib/search';

/**
 * Dropdown options are mounted only while open: a closed, hidden listbox is labelled by its input's
 * label too, and would make "find the field labelled X" ambiguous for assistive tech and tests.
 */
const comboboxProps = { keepMounted: false, withinPortal: true } as const;
/** Typing "ha noi" finds "Hà Nội". */
const filter = vietnameseOptionsFilter;

/** Hints go under the field, so fields side by side stay aligned whether or not they have one. */
const inputWrapperOrder: InputWrapperProps['inputWrapperOrder'] = ['label', 'input', 'description', 'error'];

/** EduGov's look: Mantine defaults with the sector's blue and fonts that render Vietnamese well. */
export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  headings: { fontWeight: '700' },
  cursorType: 'pointer',
  components: {
    Select: Select.extend({ defaultProps: { comboboxProps, inputWrapperOrder, filter } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { comboboxProps, inputWrapperOrder, filter } }),
    Autocomplete: Autocomplete.extend({ defaultProps: { comboboxProps, inputWrapperOrder, filter } }),
    TextInput: TextInput.extend({ defaultProps: { inputWrapperOrder } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { inputWrapperOrder } }),
    Textarea: Textarea.extend({ defaultProps: { inputWrapperOrder } }),
    NumberInput: NumberInput.extend({ defaultProps: { inputWrapperOrder } }),
  },
});
