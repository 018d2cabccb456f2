/**
 * Văn bản đến, end to end in the browser: the clerk registers a scanned PDF and presents it, the director
 * directs it to a unit with a deadline, the unit head assigns a specialist, the specialist completes it, and
 * the trail shows each step with who and when.
 */
import type { Page } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, DEMO_PASSWORD, screenshot, startApp, type RunningApp } from './harness.ts';

const missing = chromiumMissing();
let app: RunningApp;

const SUBJECT = 'Hướng dẫn tổ chức kỳ thi chọn học sinh giỏi cấp thành phố năm học 2026-2027';
const NUMBER = '2468/BGDĐT-QLCL';
const CLERK = 'Ngô Thị Mai';
const DIRECTOR = 'Hoàng Văn Thắng';
const UNIT_HEAD = 'Đặng Minh Tuấn';
const SPECIALIST = 'Trịnh Ngọc Ánh';
const UNIT = 'Phòng Giáo dục Phổ thông';

/** yyyy-mm-dd in Vietnam, `days` from today. */
function vietnamDay(days = 0): string {
  const at = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000);
  return at.toISOString().slice(0, 10);
}

/** "Chỉ đạo xử lý" → "chi-dao-xu-ly", for file names. */
function slug(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, '-');
}

/** dd/MM/yyyy of a yyyy-mm-dd date. */
function ddMMyyyy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** A one-page "scanned" letter, made here so the test needs no fixture file. */
async function scannedLetter(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  page.drawText('BO GIAO DUC VA DAO TAO', { x: 72, y: 770, size: 14, font });
  page.drawText(`So: ${NUMBER.replace('Đ', 'D')}`, { x: 72, y: 745, size: 12, font });
  page.drawText('Huong dan to chuc ky thi chon hoc sinh gioi', { x: 72, y: 700, size: 12, font });
  return Buffer.from(await pdf.save());
}

async function logIn(username: string): Promise<Page> {
  const { page } = await app.newPage();
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect
    .poll(() => page.getByRole('link', { name: 'Văn bản đến/đi', exact: true }).isVisible(), { timeout: 20_000 })
    .toBe(true);
  return page;
}

/** Picks an option of a Mantine Select (a combobox labelled `label`, inside `scope`). */
async function choose(page: Page, label: string, option: string, scope = page.locator('body')): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

async function visible(locator: { isVisible(): Promise<boolean> }, timeout = 20_000): Promise<void> {
  await expect.poll(() => locator.isVisible(), { timeout }).toBe(true);
}

/** Opens the document from the inbox view "Chờ xử lý", which must list it. */
async function openFromInbox(page: Page, shot?: string): Promise<void> {
  await page.getByRole('link', { name: 'Văn bản đến/đi', exact: true }).click();
  const toProcess = page.getByRole('link', { name: /^Chờ xử lý/ });
  await visible(toProcess);
  await toProcess.click();
  // Other (demo) documents may be waiting too: find this one by its number (searched on the server).
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(NUMBER);
  const row = page.getByRole('link', { name: SUBJECT });
  await visible(row);
  if (shot) await screenshot(page, shot);
  await row.click();
  await visible(page.getByRole('heading', { name: SUBJECT }));
}

/** Clicks a step's button, fills its dialog with `fill`, and submits it with the button of the same name. */
async function step(page: Page, action: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('toolbar', { name: 'Xử lý văn bản' }).getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await visible(dialog);
  await fill(dialog);
  await screenshot(page, `incoming-step-${slug(action)}`);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect.poll(() => dialog.count(), { timeout: 20_000 }).toBe(0);
}

describe.skipIf(missing !== undefined)(
  `[INCOMING] incoming documents${missing ? ` — skipped: ${missing}` : ''}`,
  () => {
    beforeAll(async () => {
      app = await startApp();
    });
    afterAll(async () => {
      await app?.stop();
    });

    it('[INCOMING] a clerk registers a scanned PDF, the director assigns it to a unit with a deadline, the unit head assigns a specialist, the specialist completes it, and the trail shows every step with who and when', async () => {
      const today = vietnamDay();
      const deadline = vietnamDay(10);

      // Văn thư: vào sổ from the scan, then present to the director.
      const clerk = await logIn('hn.vanthu');
      await clerk.getByRole('link', { name: 'Văn bản đến/đi', exact: true }).click();
      await clerk.getByRole('link', { name: 'Vào sổ văn bản đến' }).click();
      await visible(clerk.getByRole('heading', { name: 'Vào sổ văn bản đến' }));
      const chooser = clerk.waitForEvent('filechooser');
      await clerk.getByRole('button', { name: 'Tải lên bản scan (PDF)' }).click();
      await (
        await chooser
      ).setFiles({ name: 'CV 2468 scan.pdf', mimeType: 'application/pdf', buffer: await scannedLetter() });
      await visible(clerk.getByText('CV 2468 scan.pdf'));
      await visible(clerk.locator('canvas').first());

      await clerk.getByLabel('Cơ quan ban hành').fill('Bộ Giáo dục và Đào tạo');
      await clerk.getByLabel('Số, ký hiệu').fill(NUMBER);
      await clerk.getByLabel('Ngày văn bản').fill(today);
      await choose(clerk, 'Loại văn bản', 'Công văn');
      await clerk.getByLabel('Trích yếu').fill(SUBJECT);
      await clerk.getByLabel('Người ký', { exact: true }).fill('Nguyễn Văn Phúc');
      await clerk.getByLabel('Chức vụ người ký').fill('Thứ trưởng');
      await clerk.getByLabel('Số trang').fill('1');
      await screenshot(clerk, 'incoming-register-form');
      await clerk.getByRole('button', { name: 'Vào sổ', exact: true }).click();

      const registered = clerk.getByRole('status').filter({ hasText: /^Đã vào sổ, số đến \d+$/ });
      await visible(registered);
      const arrivalNumber = /(\d+)$/.exec(await registered.innerText())![1]!;
      await visible(clerk.getByRole('heading', { name: SUBJECT }));
      const documentUrl = new URL(clerk.url()).pathname;
      expect(documentUrl).toMatch(/^\/e-office\/incoming\/[0-9a-f-]{36}$/);

      await step(clerk, 'Trình lãnh đạo', async (dialog) => {
        await choose(clerk, 'Lãnh đạo', DIRECTOR, dialog);
        await dialog.getByLabel('Ý kiến của văn thư').fill('Kính trình Giám đốc cho ý kiến chỉ đạo.');
      });
      await visible(clerk.getByText('Chờ chỉ đạo').first());

      // The register book now holds number 1, and can be exported for a period.
      await clerk.getByRole('link', { name: 'Sổ đăng ký' }).click();
      const book = clerk.getByRole('row', { name: /Sổ đăng ký văn bản đến/ });
      await visible(book);
      expect(await book.innerText()).toContain(`${arrivalNumber} (năm ${today.slice(0, 4)})`);
      await book.getByRole('button', { name: /Xuất sổ/ }).click();
      const exportLink = clerk.getByRole('dialog').getByRole('link', { name: 'Tải về tệp Excel (.xlsx)' });
      await visible(exportLink);
      expect(await exportLink.getAttribute('href')).toMatch(
        /^\/api\/v1\/registers\/[0-9a-f-]{36}\/book\?from=\d{4}-01-01&to=\d{4}-\d{2}-\d{2}&format=xlsx$/,
      );
      await clerk.context().close();

      // Giám đốc: direct it to Phòng Giáo dục Phổ thông with a deadline.
      const director = await logIn('hn.lanhdao');
      await openFromInbox(director, 'incoming-inbox-director');
      await step(director, 'Chỉ đạo xử lý', async (dialog) => {
        await choose(director, 'Đơn vị chủ trì', UNIT, dialog);
        await dialog.getByText('Ngày cụ thể').click();
        await dialog.getByLabel('Ngày hết hạn').fill(deadline);
        await dialog.getByLabel('Ý kiến chỉ đạo').fill('Giao Phòng GDPT chủ trì, tham mưu kế hoạch tổ chức kỳ thi.');
      });
      await visible(director.getByText(`Hạn xử lý: ${ddMMyyyy(deadline)}`));
      await director.context().close();

      // Trưởng phòng: hand it to the specialist.
      const unitHead = await logIn('hn.truongphong');
      await openFromInbox(unitHead);
      await step(unitHead, 'Giao xử lý', async (dialog) => {
        await choose(unitHead, 'Người chủ trì', SPECIALIST, dialog);
        await dialog.getByLabel('Ý kiến chỉ đạo').fill('Đồng chí Ánh dự thảo kế hoạch.');
      });
      await visible(unitHead.getByRole('list', { name: 'Vết xử lý' }).getByText('Giao xử lý'));
      await unitHead.context().close();

      // Chuyên viên: complete it.
      const specialist = await logIn('hn.chuyenvien');
      await openFromInbox(specialist);
      await step(specialist, 'Hoàn thành', async (dialog) => {
        await dialog.getByLabel('Kết quả xử lý').fill('Đã dự thảo kế hoạch, trình lãnh đạo ký ban hành.');
        await dialog.getByLabel('Trả lời bằng văn bản số').fill('125/KH-SGDĐT');
      });
      await visible(specialist.getByText('Đã giải quyết').first());

      // The trail: every step, who and when (dd/MM/yyyy HH:mm).
      const trail = specialist.getByRole('list', { name: 'Vết xử lý' });
      await visible(trail);
      const steps = trail.getByRole('listitem');
      await expect.poll(() => steps.count()).toBe(5);
      const expected: [string, string][] = [
        ['Vào sổ văn bản đến', CLERK],
        ['Trình lãnh đạo', CLERK],
        ['Chỉ đạo xử lý', DIRECTOR],
        ['Giao xử lý', UNIT_HEAD],
        ['Hoàn thành xử lý', SPECIALIST],
      ];
      const when = new RegExp(`${ddMMyyyy(today).replace(/\//g, '\\/')} \\d{2}:\\d{2}`);
      for (const [i, [label, who]] of expected.entries()) {
        const text = (await steps.nth(i).innerText()).replace(/\s+/g, ' ');
        expect(text, `step ${i + 1}`).toContain(label);
        expect(text, `step ${i + 1}`).toContain(who);
        expect(text, `step ${i + 1}`).toMatch(when);
      }
      expect((await steps.nth(2).innerText()).replace(/\s+/g, ' ')).toContain(
        `Chủ trì: ${UNIT} (hạn ${ddMMyyyy(deadline)})`,
      );
      expect((await steps.nth(3).innerText()).replace(/\s+/g, ' ')).toContain(`Chủ trì: ${SPECIALIST}`);
      expect((await steps.nth(4).innerText()).replace(/\s+/g, ' ')).toContain('125/KH-SGDĐT');

      // The scan is previewed on the document's page.
      await visible(specialist.getByRole('region', { name: 'Xem trước tệp PDF' }).locator('canvas'));
      await screenshot(specialist, 'incoming-completed');
      await specialist.context().close();

      // Supervision: the director sees the unit's row count it as completed on time.
      const supervisor = await logIn('hn.lanhdao');
      await supervisor.getByRole('link', { name: 'Văn bản đến/đi', exact: true }).click();
      await supervisor.getByRole('link', { name: 'Theo dõi, đôn đốc' }).click();
      await visible(supervisor.getByRole('heading', { name: 'Theo dõi, đôn đốc giải quyết văn bản đến' }));
      const unitRow = supervisor.getByRole('row', { name: new RegExp(UNIT) });
      await visible(unitRow);
      const onTime = unitRow.getByRole('button', { name: new RegExp(`^Đúng hạn: \\d+ — ${UNIT}$`) });
      await visible(onTime);
      await screenshot(supervisor, 'incoming-supervision');
      // The documents behind the number include this one.
      await onTime.click();
      await visible(supervisor.getByRole('dialog').getByRole('link', { name: SUBJECT }));
      await supervisor.context().close();
    });
  },
);
