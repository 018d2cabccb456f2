/** Every module of EduGov, in dependency order. Add a module here and nowhere else. */
import type { AppModule } from './platform/context.ts';
import { identityModule } from './modules/identity/index.ts';
import { orgModule } from './modules/org/index.ts';

export const MODULES: readonly AppModule[] = [orgModule, identityModule];
