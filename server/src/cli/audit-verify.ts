/**
 * `npm run audit:verify`: recomputes the audit hash chain. Exit 0 with the row count when intact;
 * exit 1 naming the first tampered row.
 */
import { connect } from '../bootstrap.ts';
import { verifyAuditChain } from '../platform/audit/audit.ts';
import { loadConfig } from '../platform/config.ts';

const config = loadConfig();
const handle = await connect(config);
try {
  const result = await verifyAuditChain(handle.db);
  if (result.ok) {
    process.stdout.write(`Nhật ký kiểm toán toàn vẹn / audit trail intact: ${result.rows} rows\n`);
  } else {
    process.stdout.write(
      `Nhật ký kiểm toán bị thay đổi / audit trail TAMPERED at row ${result.firstBadSeq}: ${result.reason} ` +
        `(${result.rows} rows verified before it)\n`,
    );
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
