import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockServer, specialistMe } from '../../test/fixtures';
import { renderWithProviders } from '../../test/renderWithProviders';
import { NotificationBell } from './NotificationBell';
import { useLiveNotifications } from './notifications.live';
import type { AppNotification } from './notifications.queries';

/** Stands in for the browser's EventSource: the test emits the server's events. */
class FakeEventSource extends EventTarget {
  static instances: FakeEventSource[] = [];
  closed = false;
  constructor(readonly url: string) {
    super();
    FakeEventSource.instances.push(this);
  }
  emit(type: string, data = '') {
    this.dispatchEvent(new MessageEvent(type, { data }));
  }
  close() {
    this.closed = true;
  }
}

const notice = (id: number, title: string, more: Partial<AppNotification> = {}): AppNotification => ({
  id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  organizationId: specialistMe.organizationId,
  kind: 'incoming.assigned',
  title: { vi: title, en: `EN: ${title}` },
  body: { vi: 'Hạn xử lý: 05/12/2026', en: 'Due 05/12/2026' },
  link: `/e-office/incoming/${id}`,
  createdAt: '2026-11-20T02:30:00.000Z',
  readAt: null,
  ...more,
});

function Screen({ onNotice }: { onNotice?: (n: AppNotification) => void }) {
  useLiveNotifications(onNotice ?? (() => undefined));
  return (
    <Routes>
      <Route path="/" element={<NotificationBell />} />
      <Route path="/e-office/incoming/:id" element={<p>Trang văn bản đến</p>} />
    </Routes>
  );
}

describe('NotificationBell', () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows the unread count, lists the notices, and opens one, marking it read', async () => {
    let unread = 2;
    const asked = mockServer({
      '/api/v1/notifications/unread-count': () => Response.json({ count: unread }),
      '/api/v1/notifications': () =>
        Response.json({
          items: [
            notice(1, 'Văn bản 12/SGDĐT được giao cho bạn'),
            notice(2, 'Nhắc hạn xử lý', { readAt: '2026-11-20T03:00:00.000Z', body: null }),
          ],
          nextBefore: null,
        }),
      '/api/v1/notifications/00000000-0000-4000-8000-000000000001/read': () => {
        unread = 1;
        return Response.json(notice(1, 'Văn bản 12/SGDĐT được giao cho bạn', { readAt: new Date().toISOString() }));
      },
    });
    renderWithProviders(<Screen />, { me: specialistMe });

    const bell = await screen.findByRole('button', { name: 'Thông báo: 2 chưa đọc' });
    expect(bell.parentElement?.textContent).toContain('2');
    fireEvent.click(bell);
    // Older than a day: date and time in Vietnam (09:30 at UTC+7).
    expect(await screen.findByText('Văn bản 12/SGDĐT được giao cho bạn')).toBeTruthy();
    expect(screen.getAllByText('20/11/2026 09:30')).toHaveLength(2);

    expect(screen.queryByRole('button', { name: /^Chưa đọc Nhắc hạn/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^Chưa đọc Văn bản 12\/SGDĐT được giao cho bạn/ }));
    expect(await screen.findByText('Trang văn bản đến')).toBeTruthy();
    await waitFor(() => expect(asked).toContain('/api/v1/notifications/00000000-0000-4000-8000-000000000001/read'));
  });

  it('updates the count live, shows a toast and tells other features', async () => {
    let unread = 0;
    const asked = mockServer({
      '/api/v1/notifications/unread-count': () => Response.json({ count: unread }),
    });
    const onNotice = vi.fn();
    renderWithProviders(<Screen onNotice={onNotice} />, { me: specialistMe });
    expect(await screen.findByRole('button', { name: 'Thông báo: 0 chưa đọc' })).toBeTruthy();
    const [source] = FakeEventSource.instances;
    expect(source?.url).toBe('/api/v1/notifications/stream');

    unread = 1;
    const live = notice(3, 'Có văn bản đến mới');
    act(() => source!.emit('notification', JSON.stringify(live)));
    expect(await screen.findByRole('button', { name: 'Thông báo: 1 chưa đọc' })).toBeTruthy();
    expect(await screen.findByText('Có văn bản đến mới')).toBeTruthy(); // the toast
    expect(onNotice).toHaveBeenCalledWith(live);
    expect(asked.filter((a) => a === '/api/v1/notifications/unread-count')).toHaveLength(2);
  });

  it('marks all read', async () => {
    let unread = 3;
    const asked = mockServer({
      '/api/v1/notifications/unread-count': () => Response.json({ count: unread }),
      '/api/v1/notifications': () => Response.json({ items: [notice(1, 'Một')], nextBefore: null }),
      '/api/v1/notifications/read-all': () => {
        unread = 0;
        return Response.json({ updated: 3 });
      },
    });
    renderWithProviders(<Screen />, { me: specialistMe });
    fireEvent.click(await screen.findByRole('button', { name: 'Thông báo: 3 chưa đọc' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Đánh dấu đã đọc tất cả' }));
    expect(await screen.findByRole('button', { name: 'Thông báo: 0 chưa đọc' })).toBeTruthy();
    expect(asked).toContain('/api/v1/notifications/read-all');
  });
});
