/** The demo password used by tests (the policy accepts it). */
export const TEST_PASSWORD = 'Kiem-thu-2026-an-toan';
