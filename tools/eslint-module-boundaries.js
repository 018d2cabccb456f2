/**
 * ESLint rule: the module boundaries of ARCHITECTURE.md §4.
 * - server/src/platform/ imports no module;
 * - a module imports another module only through that module's index.ts.
 */
import path from 'node:path';

const SERVER_SRC = path.resolve(import.meta.dirname, '../server/src');

function locate(file) {
  const rel = path.relative(SERVER_SRC, file).split(path.sep);
  if (rel[0] === '..') return undefined;
  if (rel[0] === 'platform') return { area: 'platform' };
  if (rel[0] === 'modules' && rel.length > 2) return { area: 'module', module: rel[1], rest: rel.slice(2).join('/') };
  return { area: 'root' };
}

export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'platform/ imports no module; modules import each other only through index.ts' },
    messages: {
      platform: 'platform/ must not import a module ({{target}}): invert the dependency (pass a function in).',
      deep: 'Import module "{{module}}" through its public door modules/{{module}}/index.ts, not {{target}}.',
    },
    schema: [],
  },
  create(context) {
    const from = locate(context.filename);
    if (!from) return {};
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = locate(path.resolve(path.dirname(context.filename), source));
      if (!target || target.area !== 'module') return;
      if (from.area === 'platform') {
        context.report({ node, messageId: 'platform', data: { target: source } });
      } else if (from.area === 'module' && from.module !== target.module && target.rest !== 'index.ts') {
        context.report({ node, messageId: 'deep', data: { module: target.module, target: source } });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
