/** load config → open db (lock, migrate, seed in demo) → build app → listen; graceful shutdown. */
import { buildApp } from './app.ts';
import { seedDemoIncoming } from './modules/documents/index.ts';
import { ensureDemoSigningMaterial } from './modules/signatures/index.ts';
import { connect, migrateAndSeedReference, seedDemo, type DemoSeedResult } from './bootstrap.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { startJobs } from './platform/jobs/jobs.ts';
import { createLogger } from './platform/logger.ts';
import { ALL_JOBS } from './app.ts';
import { DEMO_ACCOUNTS } from './modules/identity/index.ts';

function banner(config: Config, url: string, demo: DemoSeedResult | undefined): string {
  const lines = [
    '',
    `  EduGov ${config.version} — ${url}`,
    `  Cơ sở dữ liệu / database: ${config.engine === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}`,
    `  Tài liệu API / API docs: ${url}/api/docs`,
    `  Thư điện tử / e-mail: ${mailServer(config) ?? 'tắt / off (SMTP_URL chưa đặt / not set)'}`,
  ];
  if (demo) {
    lines.push('', '  Tài khoản demo / demo accounts:');
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.username.padEnd(16)} ${a.fullName}`);
    lines.push(
      demo.generated
        ? `  Mật khẩu / password: ${demo.password}   (sinh ngẫu nhiên mỗi lần chạy / generated at each start; set DEMO_PASSWORD to fix it)`
        : '  Mật khẩu / password: the value of DEMO_PASSWORD',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The SMTP server's scheme, host and port, never its user or password. */
function mailServer(config: Config): string | undefined {
  if (!config.smtpUrl) return undefined;
  const url = new URL(config.smtpUrl);
  return `${url.protocol}//${url.host}`;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config);
  let handle;
  try {
    handle = await connect(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(3);
    }
    throw error;
  }
  if (config.engine === 'pglite') {
    const applied = await migrateAndSeedReference(handle);
    if (applied.length) logger.info({ applied }, 'migrations applied');
  } else {
    // On PostgreSQL migrations are an explicit step (npm run db:migrate); refuse to run on an old schema.
    const { migrationsPending } = await import('./cli/migration-status.ts');
    const pending = await migrationsPending(handle.db);
    if (pending.length > 0) {
      process.stderr.write(
        `Cơ sở dữ liệu chưa được cập nhật / The database needs migrating: run \`npm run db:migrate\` (${pending.length} pending)\n`,
      );
      await handle.close();
      process.exit(4);
    }
  }
  const demo = config.demo ? await seedDemo(handle, config) : undefined;
  if (config.smtpUrl) logger.info({ smtp: mailServer(config), from: config.mailFrom }, 'e-mail notifications on');
  else logger.info('e-mail notifications off: SMTP_URL is not set');
  const jobs = await startJobs({
    db: handle.db,
    config,
    executeSql: handle.executeSql,
    jobs: ALL_JOBS,
    work: config.jobs,
    logger,
  });
  const app = await buildApp({ config, db: handle.db, engine: handle.engine, jobs, logger, listen: handle.listen });
  if (demo) {
    const seeded = await seedDemoIncoming({ db: handle.db, jobs, config });
    if (seeded > 0) logger.info({ documents: seeded }, 'demo incoming documents created');
    // The demo PKI (keys, certificates, PKCS#12; seconds on first start) is made before the server listens:
    // once an organisation has a certificate its approvals sign, so the flow must not change under a user.
    try {
      const credentials = await ensureDemoSigningMaterial({ db: handle.db, config });
      if (credentials > 0) logger.info({ credentials }, 'demo signing certificates created (PIN 123456)');
    } catch (err) {
      logger.warn({ err }, 'could not create the demo signing certificates');
    }
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close(); // stops accepting, lets in-flight requests finish
      await jobs.stop();
      await handle.close(); // releases the PGlite folder lock
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  process.stdout.write(banner(config, url, demo));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `EduGov failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
