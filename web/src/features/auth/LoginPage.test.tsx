import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { renderWithProviders } from '../../test/renderWithProviders';
import { LoginPage } from './LoginPage';

describe('LoginPage', () => {
  afterEach(async () => {
    await changeLanguage('vi');
  });

  it('is in Vietnamese first', () => {
    renderWithProviders(<LoginPage />, { route: '/login' });
    expect(screen.getByLabelText('Tên đăng nhập')).toBeTruthy();
    expect(screen.getByLabelText('Mật khẩu')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Đăng nhập' })).toBeTruthy();
  });

  it('switches its labels to English and back, and remembers the choice', async () => {
    renderWithProviders(<LoginPage />, { route: '/login' });

    fireEvent.click(screen.getByRole('button', { name: 'English' }));

    expect(await screen.findByLabelText('Username')).toBeTruthy();
    expect(screen.getByLabelText('Password')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Log in' })).toBeTruthy();
    expect(screen.queryByLabelText('Tên đăng nhập')).toBeNull();
    expect(localStorage.getItem('edugov.lang')).toBe('en');
    expect(document.cookie).toContain('lang=en');
    expect(document.documentElement.lang).toBe('en');

    fireEvent.click(screen.getByRole('button', { name: 'Tiếng Việt' }));

    expect(await screen.findByLabelText('Tên đăng nhập')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Đăng nhập' })).toBeTruthy();
  });
});
