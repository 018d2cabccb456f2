import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, DEMO_PASSWORD, screenshot, startApp, type RunningApp } from './harness.ts';

const missing = chromiumMissing();
let app: RunningApp;

describe.skipIf(missing !== undefined)(`[PLATFORM] administration${missing ? ` — skipped: ${missing}` : ''}`, () => {
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('a system administrator logs in, switches to English, and browses the organisation tree at a past date', async () => {
    const { context, page } = await app.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto('/');
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByText('Quản trị hệ thống').first().isVisible(), { timeout: 20_000 }).toBe(true);
    await screenshot(page, 'home-vi');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Tiếng Việt' }).isVisible()).toBe(true);

    await page.goto('/admin/organizations');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Organisations' }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await page.getByLabel('Valid on').fill('2025-06-30');
    await expect
      .poll(() => page.getByText('63 provincial departments of education').isVisible(), { timeout: 20_000 })
      .toBe(true);
    const haGiang = page.getByRole('button', { name: 'Sở Giáo dục và Đào tạo Hà Giang', exact: true });
    await expect.poll(() => haGiang.isVisible()).toBe(true);
    await screenshot(page, 'organizations-2025-06-30');

    await page.getByLabel('Valid on').fill('2025-07-01');
    await expect
      .poll(() => page.getByText('34 provincial departments of education').isVisible(), { timeout: 20_000 })
      .toBe(true);
    // The former department is no longer in the tree; it is named only as a predecessor of the new one.
    expect(await haGiang.count()).toBe(0);
    await expect.poll(() => page.getByText('Merged from:').first().isVisible()).toBe(true);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('a wrong password shows the error in Vietnamese and stays on the login page', async () => {
    const { context, page } = await app.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto('/');
    await page.getByLabel('Tên đăng nhập').fill('hn.vanthu');
    await page.getByLabel('Mật khẩu').fill('Sai-mat-khau-2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect
      .poll(() => page.getByText('Tên đăng nhập hoặc mật khẩu không đúng').isVisible(), { timeout: 20_000 })
      .toBe(true);
    await screenshot(page, 'login-error-phone');
    await context.close();
  });
});
