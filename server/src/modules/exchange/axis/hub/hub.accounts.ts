/**
 * The hub's accounts and directory: the systems allowed to use it (SystemId, SecretKey, the organisation codes
 * each may send as and read for) and the agency directory it lists. Both come from JSON files.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AxisAgency } from '../axis.types.ts';
import { readWireAgency } from '../axis.wire.ts';

export interface HubSystem {
  readonly systemId: string;
  /** Never logged, never echoed; compared in constant time. */
  readonly secretKey: string;
  /** Identifier codes this system may send as and read for. */
  readonly organizations: readonly string[];
}

const MIN_SECRET_LENGTH = 16;

/** Reads `[{systemId, secretKey, organizations: [...]}]`; throws an Error listing what is wrong. */
export function readHubSystems(json: unknown): HubSystem[] {
  if (!Array.isArray(json)) throw new Error('systems: expected a JSON array of {systemId, secretKey, organizations}');
  const problems: string[] = [];
  const seen = new Set<string>();
  const systems = json.map((entry: unknown, i): HubSystem => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const systemId = typeof e.systemId === 'string' ? e.systemId.trim() : '';
    const secretKey = typeof e.secretKey === 'string' ? e.secretKey : '';
    const organizations = Array.isArray(e.organizations)
      ? e.organizations.filter((o): o is string => typeof o === 'string' && o.trim() !== '').map((o) => o.trim())
      : [];
    if (systemId === '') problems.push(`systems[${i}].systemId is required`);
    else if (seen.has(systemId)) problems.push(`systems[${i}].systemId "${systemId}" is repeated`);
    seen.add(systemId);
    if (secretKey.length < MIN_SECRET_LENGTH) {
      problems.push(`systems[${i}].secretKey must be at least ${MIN_SECRET_LENGTH} characters`);
    }
    if (organizations.length === 0) problems.push(`systems[${i}].organizations must list at least one code`);
    return { systemId, secretKey, organizations };
  });
  if (problems.length > 0) throw new Error(problems.join('; '));
  return systems;
}

/** Reads `[{code, name, parentCode?}]`. */
export function readHubAgencies(json: unknown): AxisAgency[] {
  if (!Array.isArray(json)) throw new Error('agencies: expected a JSON array of {code, name, parentCode}');
  return json.map((entry, i) => {
    const agency = readWireAgency(entry);
    if (!agency) throw new Error(`agencies[${i}] needs a code and a name`);
    return agency;
  });
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
const DUMMY_SECRET = digest('no such system');

/**
 * The system whose SystemId and SecretKey these are, or undefined. The secrets are compared as SHA-256 digests
 * with timingSafeEqual, and an unknown SystemId costs the same comparison, so timing reveals neither.
 */
export function authenticateSystem(
  systems: readonly HubSystem[],
  systemId: string | undefined,
  secretKey: string | undefined,
): HubSystem | undefined {
  const system = systemId ? systems.find((s) => s.systemId === systemId) : undefined;
  const expected = system ? digest(system.secretKey) : DUMMY_SECRET;
  const matches = timingSafeEqual(expected, digest(secretKey ?? ''));
  return system && matches && secretKey ? system : undefined;
}

/** The directory the hub lists: the agency file, plus every organisation a system is registered for. */
export function hubDirectory(agencies: readonly AxisAgency[], systems: readonly HubSystem[]): AxisAgency[] {
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  for (const code of systems.flatMap((s) => s.organizations)) {
    if (!byCode.has(code)) byCode.set(code, { code, name: code, parentCode: null });
  }
  return [...byCode.values()];
}
