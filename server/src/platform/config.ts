/**
 * Configuration: read from the environment once, validated, frozen. Nothing else reads process.env.
 * A bad value stops the process at boot with the list of what is wrong.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type DatabaseEngine = 'pglite' | 'postgresql';

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly databaseUrl: string | undefined;
  readonly engine: DatabaseEngine;
  readonly dataDir: string;
  /** Demo mode seeds demo organisations' people and accounts. Defaults to on with the embedded database. */
  readonly demo: boolean;
  readonly demoPassword: string | undefined;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly bodyLimitBytes: number;
  readonly sessionTtlHours: number;
  /** How long a resolved session may be served from memory (0: read the database at every request). */
  readonly sessionCacheSeconds: number;
  readonly cookieSecure: boolean;
  readonly trustProxy: boolean;
  readonly loginMaxFailures: number;
  readonly loginLockMinutes: number;
  readonly webDist: string;
  readonly jobs: boolean;
  readonly version: string;
  /** Where uploaded files live: a local folder (default `<DATA_DIR>/files`) or `s3://bucket/prefix` with S3_*. */
  readonly filesUrl: string | undefined;
  readonly s3: {
    readonly endpoint: string | undefined;
    readonly region: string;
    readonly accessKeyId: string | undefined;
    readonly secretAccessKey: string | undefined;
  };
  /** The largest file a user may upload. */
  readonly uploadMaxBytes: number;
  /** SMTP server for e-mail notifications (`smtp://user:pass@host:port`); e-mail is off when unset. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** The address people use to open the app, for links in e-mails. */
  readonly publicUrl: string;
  /** Remind the assignee when a deadline is this many working days away. */
  readonly dueSoonWorkingDays: number;
  /**
   * Secret (≥ 32 characters) that wraps the PKCS#12 signing credentials stored in the database; required in
   * production, a fixed development key otherwise.
   */
  readonly signingKeySecret: string | undefined;
  /** RFC 3161 time-stamping authority; when set, every signature gets a timestamp (PAdES B-T). */
  readonly tsaUrl: string | undefined;
  /** Largest edXML package accepted by the exchange (bytes, default 50 MB). */
  readonly edxmlMaxBytes: number;
  /** PEM files of the certificates trusted for edXML signatures (EDXML_TRUST_LIST, comma-separated paths). */
  readonly edxmlTrustList: readonly string[];
  /** Base URL of the document interchange axis (national axis adapter, sector hub or peer); off when unset. */
  readonly exchangeAxisUrl: string | undefined;
  /** This deployment's SystemId on the axis. */
  readonly exchangeSystemId: string | undefined;
  /** Its SecretKey: a secret — never logged, never printed in the banner or in errors. */
  readonly exchangeSecretKey: string | undefined;
  readonly exchangeAxisKind: 'national' | 'hub' | 'peer';
  /** Exchange outbox: first retry delay, its cap (doubled each try) and the tries before a message is dead. */
  readonly exchangeRetryBaseSeconds: number;
  readonly exchangeRetryCapSeconds: number;
  readonly exchangeMaxAttempts: number;
  /**
   * Peer exchange (EduGov to EduGov, no hub): the deployments we send to — EXCHANGE_PEERS, JSON or
   * `file:<path>`, `[{url, systemId, secretKey, codes}]`, read by the exchange module — and the systems allowed
   * to send to us at /axis — EXCHANGE_PEER_SYSTEMS, `[{systemId, secretKey, organizations}]`. Secrets inside.
   */
  readonly exchangePeers: unknown;
  readonly exchangePeerSystems: unknown;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, production or test (got "${nodeEnv}")`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const logLevel = (env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info')) as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const demoPassword = env.DEMO_PASSWORD || undefined;
  if (demoPassword !== undefined) {
    const weak = checkPasswordPolicy(demoPassword, 'admin');
    if (weak) problems.push(`DEMO_PASSWORD: ${weak.en}`);
  }
  // Relative to where the user ran npm (npm workspaces run scripts inside server/).
  const dataDir = path.resolve(env.INIT_CWD ?? process.cwd(), env.DATA_DIR ?? 'data');

  const filesUrl = env.FILES_URL?.trim() || undefined;
  if (filesUrl !== undefined && !/^(s3:\/\/[a-z0-9.-]+(\/.*)?|file:\/\/\/.+)$/.test(filesUrl)) {
    problems.push('FILES_URL must be s3://bucket[/prefix] or file:///absolute/path');
  }
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl !== undefined && !/^smtps?:\/\//.test(smtpUrl))
    problems.push('SMTP_URL must start with smtp:// or smtps://');
  const port = int('PORT', 3000, 0, 65535);
  const signingKeySecret = env.SIGNING_KEY_SECRET || undefined;
  if (signingKeySecret !== undefined && signingKeySecret.length < 32) {
    problems.push('SIGNING_KEY_SECRET must be at least 32 characters');
  }
  const tsaUrl = env.TSA_URL?.trim() || undefined;
  if (tsaUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(tsaUrl)) problems.push('TSA_URL must be an http(s) URL');
  const exchangeAxisUrl = env.EXCHANGE_AXIS_URL?.trim() || undefined;
  const exchangeSystemId = env.EXCHANGE_SYSTEM_ID?.trim() || undefined;
  const exchangeSecretKey = env.EXCHANGE_SECRET_KEY || undefined;
  const exchangeAxisKind = (env.EXCHANGE_AXIS_KIND?.trim() || 'hub') as Config['exchangeAxisKind'];
  if (exchangeAxisUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(exchangeAxisUrl)) {
    problems.push('EXCHANGE_AXIS_URL must be an http(s) URL');
  }
  if (exchangeAxisUrl !== undefined && (!exchangeSystemId || !exchangeSecretKey)) {
    problems.push('EXCHANGE_AXIS_URL needs EXCHANGE_SYSTEM_ID and EXCHANGE_SECRET_KEY');
  }
  if (!['national', 'hub', 'peer'].includes(exchangeAxisKind)) {
    problems.push('EXCHANGE_AXIS_KIND must be national, hub or peer');
  }
  const exchangePeers = jsonSetting(env, 'EXCHANGE_PEERS', problems);
  const exchangePeerSystems = jsonSetting(env, 'EXCHANGE_PEER_SYSTEMS', problems);
  if (exchangeAxisUrl !== undefined && exchangePeers !== undefined) {
    problems.push('EXCHANGE_AXIS_URL and EXCHANGE_PEERS exclude each other: one axis connector per deployment');
  }

  const config: Config = {
    env: nodeEnv as Config['env'],
    host: env.HOST ?? '0.0.0.0',
    port,
    databaseUrl,
    engine: databaseUrl ? 'postgresql' : 'pglite',
    dataDir,
    demo: bool('DEMO', databaseUrl === undefined),
    demoPassword,
    logLevel,
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 30),
    sessionCacheSeconds: int('SESSION_CACHE_SECONDS', 30, 0, 300),
    cookieSecure: bool('COOKIE_SECURE', nodeEnv === 'production'),
    trustProxy: bool('TRUST_PROXY', false),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: int('LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    webDist: path.resolve(env.WEB_DIST ?? path.join(import.meta.dirname, '../../../web/dist')),
    jobs: bool('JOBS', true),
    version: env.npm_package_version ?? '0.1.0',
    filesUrl,
    s3: {
      endpoint: env.S3_ENDPOINT?.trim() || undefined,
      region: env.S3_REGION?.trim() || 'us-east-1',
      accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
    },
    uploadMaxBytes: int('UPLOAD_MAX_BYTES', 25 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    smtpUrl,
    mailFrom: env.MAIL_FROM?.trim() || 'EduGov <no-reply@edugov.local>',
    publicUrl: (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, ''),
    dueSoonWorkingDays: int('DUE_SOON_WORKING_DAYS', 2, 0, 30),
    signingKeySecret,
    tsaUrl,
    edxmlMaxBytes: int('EDXML_MAX_BYTES', 50 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    edxmlTrustList: (env.EDXML_TRUST_LIST ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p) => path.resolve(env.INIT_CWD ?? process.cwd(), p)),
    exchangeAxisUrl,
    exchangeSystemId,
    exchangeSecretKey,
    exchangeAxisKind,
    exchangeRetryBaseSeconds: int('EXCHANGE_RETRY_BASE_SECONDS', 30, 1, 24 * 60 * 60),
    exchangeRetryCapSeconds: int('EXCHANGE_RETRY_CAP_SECONDS', 3600, 1, 7 * 24 * 60 * 60),
    exchangeMaxAttempts: int('EXCHANGE_MAX_ATTEMPTS', 10, 1, 100),
    exchangePeers,
    exchangePeerSystems,
    ...overrides,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

export interface PolicyViolation {
  readonly vi: string;
  readonly en: string;
}

/** Password policy (ASVS V2.1): length 12–128, letters and digits, not the username. */
export function checkPasswordPolicy(password: string, username: string): PolicyViolation | undefined {
  if (password.length < 12 || password.length > 128) {
    return { vi: 'Mật khẩu phải dài từ 12 đến 128 ký tự', en: 'Password must be 12 to 128 characters long' };
  }
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) {
    return { vi: 'Mật khẩu phải có cả chữ và số', en: 'Password must contain letters and digits' };
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    return { vi: 'Mật khẩu không được chứa tên đăng nhập', en: 'Password must not contain the username' };
  }
  return undefined;
}

/** A JSON setting given inline or as `file:<path>` (kept out of the environment: it holds secrets); undefined if unset. */
function jsonSetting(env: NodeJS.ProcessEnv, name: string, problems: string[]): unknown {
  const value = env[name]?.trim();
  if (!value) return undefined;
  try {
    const text = value.startsWith('file:') ? readFileSync(value.slice('file:'.length), 'utf8') : value;
    return JSON.parse(text) as unknown;
  } catch (error) {
    // Never the value itself in the message: it carries secret keys.
    problems.push(`${name} must be JSON or file:<path to a JSON file> (${(error as Error).name})`);
    return undefined;
  }
}
