/** The seven business systems of EduGov, in the order of the architecture (S1–S7). */
import type { ComponentType } from 'react';
import type { Me } from '../../api/types';
import {
  ArchiveIcon,
  ChartIcon,
  CounterIcon,
  DocumentIcon,
  ExchangeIcon,
  SignatureIcon,
  VideoIcon,
} from '../../components/icons';
import { canUseExchangeConsole } from '../auth/permissions';

export type SystemKey = 'eOffice' | 'exchange' | 'signatures' | 'records' | 'statistics' | 'oneStop' | 'meetings';

export interface BusinessSystem {
  readonly key: SystemKey;
  readonly path: string;
  readonly icon: ComponentType<{ size?: number }>;
  /** In use already (the others show "under construction"). */
  readonly available?: boolean;
  /** Who sees it in the navigation (everyone when absent). */
  readonly visibleTo?: (me: Me) => boolean;
}

export const SYSTEMS: readonly BusinessSystem[] = [
  { key: 'eOffice', path: '/e-office', icon: DocumentIcon, available: true },
  { key: 'exchange', path: '/exchange', icon: ExchangeIcon, available: true, visibleTo: canUseExchangeConsole },
  { key: 'signatures', path: '/signatures', icon: SignatureIcon, available: true },
  { key: 'records', path: '/records', icon: ArchiveIcon },
  { key: 'statistics', path: '/statistics', icon: ChartIcon },
  { key: 'oneStop', path: '/one-stop', icon: CounterIcon },
  { key: 'meetings', path: '/meetings', icon: VideoIcon },
];
