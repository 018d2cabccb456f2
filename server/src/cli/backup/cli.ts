/** Runs a backup/restore CLI: a BackupError or a locked data folder is a one-line message and exit code 1. */
import { DataDirLockedError } from '../../platform/db/lock.ts';
import { ConfigError } from '../../platform/config.ts';
import { BackupError } from './backup.ts';

export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof BackupError || error instanceof DataDirLockedError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
