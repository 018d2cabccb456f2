/** The route of the digital-signature system: my certificates, images and (administrators) the trust list. */
import type { RouteObject } from 'react-router';

export const signatureRoutes: RouteObject[] = [
  {
    path: 'signatures',
    lazy: async () => ({ Component: (await import('./SignaturesPage')).SignaturesPage }),
  },
];
