/** Exchange statuses of a dispatched document (STANDARDS §2.7), plus 'queued' (external) and 'listed' (paper). */
export const DISPATCH_CHANNELS = ['edugov', 'axis', 'external', 'paper'] as const;
export type DispatchChannel = (typeof DISPATCH_CHANNELS)[number];

export const DISPATCH_STATUSES = ['queued', 'listed', '01', '02', '03', '04', '05', '06', '13', '15', '16'] as const;
export type DispatchStatus = (typeof DISPATCH_STATUSES)[number];

export const DISPATCH_LABELS: Readonly<Record<DispatchStatus, { vi: string; en: string }>> = {
  queued: { vi: 'Chờ gửi qua trục liên thông', en: 'Queued for the exchange' },
  listed: { vi: 'Gửi bản giấy', en: 'Sent on paper' },
  '01': { vi: 'Đã đến', en: 'Arrived' },
  '02': { vi: 'Từ chối tiếp nhận', en: 'Refused' },
  '03': { vi: 'Đã tiếp nhận', en: 'Registered' },
  '04': { vi: 'Phân công', en: 'Assigned' },
  '05': { vi: 'Đang xử lý', en: 'In progress' },
  '06': { vi: 'Hoàn thành', en: 'Completed' },
  '13': { vi: 'Yêu cầu thu hồi', en: 'Recall requested' },
  '15': { vi: 'Đồng ý thu hồi', en: 'Recall accepted' },
  '16': { vi: 'Từ chối thu hồi', en: 'Recall refused' },
};

/** The dispatch status an incoming status of the recipient's copy means (undefined: no change to report). */
export function statusOfIncoming(status: string): DispatchStatus | undefined {
  switch (status) {
    case 'registered':
    case 'presented':
      return '03';
    case 'assigned':
      return '04';
    case 'in_progress':
      return '05';
    case 'completed':
      return '06';
    default:
      return undefined;
  }
}
