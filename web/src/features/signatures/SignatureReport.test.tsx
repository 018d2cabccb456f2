import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { renderWithProviders } from '../../test/renderWithProviders';
import { SignatureReport } from './SignatureReport';
import { SignatureVerdictBadge } from './SignatureVerdictBadge';
import { invalidReport, validation } from './signatures.testData';

describe('SignatureVerdictBadge', () => {
  afterEach(() => changeLanguage('vi'));

  it('says the verdict in words and colour', async () => {
    renderWithProviders(
      <>
        <SignatureVerdictBadge verdict="valid" />
        <SignatureVerdictBadge verdict="invalid" />
        <SignatureVerdictBadge verdict="indeterminate" />
        <SignatureVerdictBadge verdict="none" />
      </>,
    );
    const badges = ['Chữ ký hợp lệ', 'Chữ ký không hợp lệ', 'Chưa xác định được', 'Không có chữ ký số'].map((text) =>
      screen.getByText(text).closest('[data-verdict]'),
    );
    expect(badges.map((b) => b?.getAttribute('data-verdict'))).toEqual(['valid', 'invalid', 'indeterminate', 'none']);
    expect(badges.map((b) => (b as HTMLElement).style.getPropertyValue('--badge-color'))).toEqual([
      'var(--mantine-color-green-light-color)',
      'var(--mantine-color-red-light-color)',
      'var(--mantine-color-yellow-light-color)',
      'var(--mantine-color-gray-light-color)',
    ]);
    await act(() => changeLanguage('en'));
    expect(screen.getByText('Valid signature')).toBeTruthy();
    expect(screen.getByText('Invalid signature')).toBeTruthy();
  });
});

describe('SignatureReport', () => {
  afterEach(() => changeLanguage('vi'));

  it('shows, per signature, who signed, when, and each check, with the reasons in the current language', async () => {
    renderWithProviders(<SignatureReport report={invalidReport.report} />);
    expect(screen.getByText('Kết quả kiểm tra chữ ký số')).toBeTruthy();
    expect(screen.getByText('Kiểm tra lúc 21/11/2026 10:00')).toBeTruthy();
    expect(screen.getByText('Có chữ ký không hợp lệ')).toBeTruthy();

    const first = screen.getByRole('group', { name: 'Chữ ký 1: Nguyễn Văn Phúc' });
    expect(within(first).getByRole('row', { name: /Cơ quan, tổ chức/ }).textContent).toContain(
      'Bộ Giáo dục và Đào tạo',
    );
    expect(within(first).getByRole('row', { name: /Thời điểm ký/ }).textContent).toContain('21/11/2026 09:30');
    expect(within(first).getByText('Chữ ký hợp lệ')).toBeTruthy();
    expect(within(first).getByText('✓ Nội dung không bị thay đổi sau khi ký')).toBeTruthy();
    expect(within(first).getByText('Sau chữ ký này chỉ có thêm chữ ký khác')).toBeTruthy();
    expect(within(first).getByText('✓ Chứng thư thuộc danh sách tin cậy')).toBeTruthy();
    expect(within(first).getByText('✓ Còn hiệu lực tại thời điểm ký')).toBeTruthy();

    const second = screen.getByRole('group', { name: 'Chữ ký 2: Trần Thị Lan' });
    expect(within(second).getByText('Chữ ký không hợp lệ')).toBeTruthy();
    expect(within(second).getByRole('row', { name: /Thời điểm ký/ }).textContent).toContain('22/11/2026 14:05');
    expect(within(second).getByText('Có thay đổi được thêm sau khi ký')).toBeTruthy();
    expect(within(second).getByText('✗ Chứng thư không thuộc danh sách tin cậy')).toBeTruthy();
    expect(within(second).getByText('Tài liệu có thay đổi được thêm sau khi ký mà không được ký')).toBeTruthy();

    await act(() => changeLanguage('en'));
    const secondEn = screen.getByRole('group', { name: 'Signature 2: Trần Thị Lan' });
    expect(within(secondEn).getByText('Unsigned changes were added to the document after this signature')).toBeTruthy();
    expect(within(secondEn).getByText('The certificate does not chain to a trusted root')).toBeTruthy();
    expect(within(secondEn).getByText('Changes were added after signing')).toBeTruthy();
  });

  it('says plainly when the file has no signature', () => {
    renderWithProviders(<SignatureReport report={validation({ verdict: 'indeterminate', signatures: [] }).report} />);
    expect(screen.getByText('Không có chữ ký số')).toBeTruthy();
    expect(screen.getByText('Tệp không có chữ ký số.')).toBeTruthy();
    expect(screen.queryByRole('group')).toBeNull();
  });
});
