/**
 * QCVN 102:2016 organisation identifier `V1V2V3.Z1Z2.Y1Y2.MX1X2` (STANDARDS.md §2.1): level 4 (3 digits),
 * level 3 (2 digits), level 2 (2 digits), level 1 (a letter and 2 digits); "00"/"000" = level not used.
 */
export const QCVN_IDENTIFIER = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

export function isQcvnIdentifier(value: string): boolean {
  return QCVN_IDENTIFIER.test(value);
}
