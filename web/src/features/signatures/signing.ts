/** Small rules shared by the screens that show or ask for signatures. */
import type { DisplayVerdict, Verdict } from './signatures.types';

/** What a document says about one file's signatures (its latest validation, in short). */
export interface FileSignatureSummary {
  verdict: Verdict;
  /** How many signatures the file carries; 0 is shown as "no digital signature". */
  signatureCount?: number;
}

export function summaryVerdict(summary: FileSignatureSummary): DisplayVerdict {
  return summary.signatureCount === 0 ? 'none' : summary.verdict;
}

/** The document's approval route is at its last stage (lãnh đạo duyệt, ký), still open. */
export function atLastStage(doc: {
  route: { status: string; currentStage: number; stages: readonly unknown[] } | null;
}): boolean {
  const route = doc.route;
  return route !== null && route.status === 'active' && route.currentStage === route.stages.length - 1;
}
