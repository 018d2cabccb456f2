/**
 * Văn bản đi, end to end in the browser: a specialist of the Ministry drafts a Công văn to two Sở GD&ĐT, the
 * head of the Vụ, the clerk (form check) and the leader approve — the leader signs digitally with the PIN of
 * his certificate (a wrong PIN is refused and leaves the document unapproved) — and the clerk issues it with
 * number NN/BGDĐT-GDPT, sealing it with the Ministry's certificate; both departments' clerks find it in
 * "Chờ vào sổ" with a valid signature; Hà Nội registers it and its director directs it to a unit, and the
 * Ministry sees 04 (after 03) for Hà Nội and 01 for Nghệ An. In demo mode every person and organisation has
 * a DEMO certificate with the PIN 123456.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, DEMO_PASSWORD, screenshot, startApp, type RunningApp } from './harness.ts';

const missing = chromiumMissing();
let app: RunningApp;

const SUBJECT = 'V/v hướng dẫn thực hiện nhiệm vụ giáo dục trung học năm học 2026-2027 (kiểm thử E2E)';
const HA_NOI = 'Sở Giáo dục và Đào tạo Hà Nội';
const NGHE_AN = 'Sở Giáo dục và Đào tạo Nghệ An';
const LEADER = 'Nguyễn Văn Minh';
const HN_DIRECTOR = 'Hoàng Văn Thắng';
const HN_UNIT = 'Phòng Giáo dục Phổ thông';
/** Công văn of the Ministry drafted by Vụ Giáo dục Phổ thông (seed abbreviations BGDĐT and GDPT). */
const NUMBER = /^\d{2,}\/BGDĐT-GDPT$/;
/** PIN of every demo certificate (server/src/modules/signatures DEMO_SIGNING_PIN). */
const DEMO_PIN = '123456';
const PIN_LABEL = 'Mã PIN chứng thư số';
const VALID = 'Chữ ký hợp lệ';

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
async function choose(page: Page, label: string, option: string | RegExp, scope = page.locator('body')): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).first().click();
}

async function visible(locator: { isVisible(): Promise<boolean> }, timeout = 20_000): Promise<void> {
  await expect.poll(() => locator.isVisible(), { timeout }).toBe(true);
}

/** Adds an organisation on EduGov to the recipients: searched on the server, then picked by its full name. */
async function addRecipient(page: Page, search: string, name: string): Promise<void> {
  const field = page.getByRole('combobox', { name: 'Nơi nhận trên EduGov' });
  await field.click();
  await field.fill(search);
  const option = page.getByRole('option', { name, exact: true });
  await visible(option);
  await option.click();
  await page.keyboard.press('Escape');
}

/** Opens the outgoing document from the list view `view` (a link of the E-office menu), which must list it. */
async function openOutgoing(page: Page, view: RegExp, shot?: string): Promise<void> {
  await page.getByRole('link', { name: 'Văn bản đến/đi', exact: true }).click();
  const link = page.getByRole('link', { name: view });
  await visible(link);
  await link.click();
  await page.getByRole('searchbox', { name: 'Tìm theo trích yếu, nội dung' }).fill('kiểm thử E2E');
  const row = page.getByRole('link', { name: SUBJECT });
  await visible(row);
  if (shot) await screenshot(page, shot);
  await row.click();
  await visible(page.getByRole('heading', { name: SUBJECT }));
}

/**
 * Opens the incoming copy from the clerk's view "Chờ vào sổ", which must list it with the verdict of its
 * digital signature.
 */
async function openToRegister(page: Page, shot?: string): Promise<void> {
  await page.getByRole('link', { name: 'Văn bản đến/đi', exact: true }).click();
  const toRegister = page.getByRole('link', { name: /^Chờ vào sổ/ });
  await visible(toRegister);
  await toRegister.click();
  const row = page.getByRole('link', { name: SUBJECT });
  await visible(row);
  expect(await page.getByRole('row').filter({ has: row }).innerText()).toContain(VALID);
  if (shot) await screenshot(page, shot);
  await row.click();
  await visible(page.getByRole('heading', { name: SUBJECT }));
}

/** Clicks a step's button in the toolbar, fills its dialog, and submits it with the button of the same name. */
async function step(
  page: Page,
  action: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => {},
  shot?: string,
): Promise<void> {
  await page.getByRole('toolbar', { name: 'Xử lý văn bản' }).getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await visible(dialog);
  await fill(dialog);
  if (shot) await screenshot(page, shot);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect.poll(() => dialog.count(), { timeout: 20_000 }).toBe(0);
}

/** Logs in as `username`, opens the document from "Chờ tôi duyệt" and approves it with a comment. */
async function approveAs(username: string, comment: string): Promise<void> {
  const page = await logIn(username);
  await openOutgoing(page, /^Chờ tôi duyệt/);
  await step(page, 'Đồng ý', async (dialog) => {
    await dialog.getByLabel('Ý kiến').fill(comment);
  });
  await visible(page.getByText(comment).first());
  await page.context().close();
}

/** The "Chữ ký số" card of the outgoing detail. */
function signatureCard(page: Page) {
  return page.getByRole('region', { name: 'Chữ ký số', exact: true });
}

/** The row of the "Tình trạng gửi" table for one recipient, its text with spaces collapsed. */
async function dispatchRow(page: Page, organization: string): Promise<string> {
  const table = page.getByRole('table', { name: 'Tình trạng gửi' });
  await visible(table);
  const row = table.getByRole('row').filter({ hasText: organization });
  await visible(row);
  return (await row.innerText()).replace(/\s+/g, ' ');
}

describe.skipIf(missing !== undefined)(
  `[OUTGOING] outgoing documents${missing ? ` — skipped: ${missing}` : ''}`,
  () => {
    beforeAll(async () => {
      app = await startApp();
    });
    afterAll(async () => {
      await app?.stop();
    });

    it('[OUTGOING] a Ministry specialist drafts a Công văn to two Sở, the unit head, the clerk and the leader approve (the leader signing with his PIN after a wrong one is refused), the clerk issues and seals it as NN/BGDĐT-GDPT, both Sở clerks see it to register with a valid signature, Hà Nội registers and assigns it, and the Ministry sees 03 then 04 for Hà Nội and 01 for Nghệ An', async () => {
      // Chuyên viên (Vụ GDPT): the draft.
      const specialist = await logIn('bgd.chuyenvien');
      await specialist.goto('/e-office/outgoing/new');
      await visible(specialist.getByRole('heading', { name: 'Soạn dự thảo văn bản đi' }));
      await choose(specialist, 'Loại văn bản', 'Công văn');
      await specialist.getByLabel('Trích yếu').fill(SUBJECT);
      await specialist
        .getByLabel('Nội dung')
        .fill(
          'Bộ Giáo dục và Đào tạo hướng dẫn các Sở Giáo dục và Đào tạo thực hiện nhiệm vụ giáo dục trung học.\n' +
            'Đề nghị các Sở triển khai và báo cáo kết quả trước ngày 15/12/2026.',
        );
      await choose(specialist, 'Thẩm quyền ký', 'KT. (ký thay)');
      await choose(specialist, 'Người ký', new RegExp(`^${LEADER}`));
      await specialist.getByLabel('Chức vụ người ký').fill('Thứ trưởng');
      await addRecipient(specialist, 'Đào tạo Hà Nội', HA_NOI);
      await addRecipient(specialist, 'Đào tạo Nghệ An', NGHE_AN);
      await screenshot(specialist, 'outgoing-draft-form');
      await specialist.getByRole('button', { name: 'Lưu dự thảo' }).click();
      await visible(specialist.getByRole('heading', { name: SUBJECT }));
      const documentUrl = new URL(specialist.url()).pathname;
      expect(documentUrl).toMatch(/^\/e-office\/outgoing\/[0-9a-f-]{36}$/);
      await step(specialist, 'Trình duyệt', undefined, 'outgoing-submit');
      await visible(specialist.getByText('Đang trình duyệt').first());
      await specialist.context().close();

      // The default route: head of the Vụ → the clerk's form check → the leader.
      await approveAs('bgd.truongvu', 'Vụ GDPT đồng ý, kính trình Lãnh đạo Bộ.');
      await approveAs('bgd.vanthu', 'Thể thức đúng quy định.');

      // Thứ trưởng: the last stage signs with his certificate. A wrong PIN is refused with the server's
      // message and the document stays where it was; the right PIN approves and signs it.
      const leader = await logIn('bgd.lanhdao');
      await openOutgoing(leader, /^Chờ tôi duyệt/);
      const toolbar = leader.getByRole('toolbar', { name: 'Xử lý văn bản' });
      await toolbar.getByRole('button', { name: 'Đồng ý', exact: true }).click();
      const approveDialog = leader.getByRole('dialog', { name: 'Đồng ý' });
      await visible(approveDialog);
      await approveDialog.getByLabel(PIN_LABEL).fill('654321');
      await approveDialog.getByRole('button', { name: 'Đồng ý', exact: true }).click();
      await visible(approveDialog.getByRole('alert').filter({ hasText: 'Mã PIN của chứng thư số không đúng' }));
      await screenshot(leader, 'outgoing-approve-wrong-pin');
      await approveDialog.getByRole('button', { name: 'Hủy', exact: true }).click();
      await expect.poll(() => approveDialog.count(), { timeout: 20_000 }).toBe(0);
      await leader.reload();
      await visible(leader.getByRole('heading', { name: SUBJECT }));
      await visible(leader.getByText('Đang trình duyệt').first());
      await visible(toolbar.getByRole('button', { name: 'Đồng ý', exact: true }));
      expect(await signatureCard(leader).innerText()).not.toContain('Ký số bởi');
      await step(
        leader,
        'Đồng ý',
        async (dialog) => {
          await dialog.getByLabel('Ý kiến').fill('Đồng ý ban hành.');
          await dialog.getByLabel(PIN_LABEL).fill(DEMO_PIN);
        },
        'outgoing-approve-pin',
      );
      await visible(leader.getByText('Đã duyệt').first());
      await visible(signatureCard(leader).getByText(`Ký số bởi ${LEADER}`));
      await visible(signatureCard(leader).getByRole('link', { name: 'Bản đã ký' }));
      await screenshot(leader, 'outgoing-signed-by-leader');
      await leader.context().close();

      // Văn thư Bộ: issue; the number is NN/BGDĐT-GDPT.
      const clerk = await logIn('bgd.vanthu');
      await clerk.goto(documentUrl);
      await visible(clerk.getByRole('heading', { name: SUBJECT }));
      await visible(clerk.getByText('Đã duyệt').first());
      await visible(signatureCard(clerk).getByText(`Ký số bởi ${LEADER}`));
      await step(
        clerk,
        'Phát hành',
        async (dialog) => {
          await dialog.getByLabel(PIN_LABEL).fill(DEMO_PIN);
        },
        'outgoing-issue',
      );
      await visible(clerk.getByText('Đã phát hành').first());
      // The official PDF carries the leader's signature and the Ministry's seal, and validates.
      await visible(signatureCard(clerk).getByText(VALID, { exact: true }));
      await screenshot(clerk, 'outgoing-issued');
      // "Số: 01/BGDĐT-GDPT · Ngày phát hành: …" under the trích yếu.
      const numberLine = clerk.getByText(/^Số: \S+/);
      await visible(numberLine);
      const issuedNumber = /^Số: (\S+)/.exec(await numberLine.first().innerText())![1]!;
      expect(issuedNumber).toMatch(NUMBER);
      expect(await dispatchRow(clerk, HA_NOI)).toContain('01 Đã đến');
      expect(await dispatchRow(clerk, NGHE_AN)).toContain('01 Đã đến');
      await clerk.context().close();

      // Nghệ An's clerk sees it waiting to be registered (and leaves it there).
      const naClerk = await logIn('na.vanthu');
      await openToRegister(naClerk, 'outgoing-na-to-register');
      await visible(naClerk.getByText(issuedNumber).first());
      await naClerk.context().close();

      // Hà Nội's clerk: vào sổ, then present to the director.
      const hnClerk = await logIn('hn.vanthu');
      await openToRegister(hnClerk, 'outgoing-hn-to-register');
      await visible(hnClerk.getByText(issuedNumber).first());
      // Before registering it, the clerk sees that the main file's digital signature is valid.
      const hnFiles = hnClerk.getByRole('region', { name: 'Tệp văn bản', exact: true });
      await visible(hnFiles.getByRole('link', { name: `${issuedNumber.replace('/', '-')}.pdf` }));
      await visible(hnFiles.getByText(VALID, { exact: true }));
      await screenshot(hnClerk, 'outgoing-hn-signature-valid');
      await step(hnClerk, 'Vào sổ');
      await visible(hnClerk.getByText(/Số đến \d+\/\d{4}/).first());
      await step(hnClerk, 'Trình lãnh đạo', async (dialog) => {
        await choose(hnClerk, 'Lãnh đạo', new RegExp(`^${HN_DIRECTOR}`), dialog);
      });
      await visible(hnClerk.getByText('Chờ chỉ đạo').first());
      await hnClerk.context().close();

      // The Ministry sees Hà Nội's copy registered (03); Nghệ An's has only arrived (01).
      const watcher = await logIn('bgd.vanthu');
      await openOutgoing(watcher, /^Tất cả văn bản đi/);
      expect(await dispatchRow(watcher, HA_NOI)).toContain('03 Đã tiếp nhận');
      expect(await dispatchRow(watcher, NGHE_AN)).toContain('01 Đã đến');
      await watcher.context().close();

      // Giám đốc Sở Hà Nội: direct it to Phòng Giáo dục Phổ thông.
      const director = await logIn('hn.lanhdao');
      await director.getByRole('link', { name: 'Văn bản đến/đi', exact: true }).click();
      const toProcess = director.getByRole('link', { name: /^Chờ xử lý/ });
      await visible(toProcess);
      await toProcess.click();
      await director.getByRole('link', { name: SUBJECT }).click();
      await visible(director.getByRole('heading', { name: SUBJECT }));
      await step(director, 'Chỉ đạo xử lý', async (dialog) => {
        await choose(director, 'Đơn vị chủ trì', HN_UNIT, dialog);
        await dialog.getByLabel('Ý kiến chỉ đạo').fill('Giao Phòng GDPT chủ trì triển khai.');
      });
      await visible(director.getByText('Đã giao đơn vị').first());
      await director.context().close();

      // Back at the Ministry: Hà Nội's copy is now assigned (04); Nghệ An's has still only arrived (01).
      const author = await logIn('bgd.chuyenvien');
      await openOutgoing(author, /^Văn bản đi — Dự thảo của tôi/);
      await visible(author.getByText(`Số: ${issuedNumber}`, { exact: false }).first());
      expect(await dispatchRow(author, HA_NOI)).toContain('04 Phân công');
      expect(await dispatchRow(author, NGHE_AN)).toContain('01 Đã đến');
      await screenshot(author, 'outgoing-dispatch-status');
      await author.context().close();
    }, 300_000);
  },
);
