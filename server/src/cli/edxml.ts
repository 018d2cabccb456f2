/**
 * `npm run edxml -- <command>`: the edXML codec for integrators and tests.
 *
 *   parse <file> [--summary]            the package as JSON (exit 0) or its validation errors as JSON (exit 2);
 *                                        --summary shows each attachment's size and SHA-256 instead of its Base64
 *   build <json-file> [--key <pem> --cert <pem>]
 *                                        the XML of a JSON model (as printed by parse); signed when a key and
 *                                        certificate are given; validation errors as JSON on stderr (exit 2)
 *   verify <file> [--trust <pem>]...    checks the XML signature against the trust list (--trust files and/or
 *                                        EDXML_TRUST_LIST): exit 0 valid, 1 invalid, with a JSON report
 *
 * Options: --max-bytes <n> (default EDXML_MAX_BYTES, 50 MB). Exit 3 on usage or file errors.
 * Paths are relative to the directory npm was run from.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildEdxml,
  EdxmlError,
  parseEdxml,
  signEdxml,
  verifyEdxmlSignature,
  type EdxmlMessage,
} from '../modules/exchange/index.ts';
import { loadConfig } from '../platform/config.ts';

const USAGE = `Cách dùng / usage:
  npm run edxml -- parse <file.xml> [--summary] [--max-bytes <n>]
  npm run edxml -- build <model.json> [--key <key.pem> --cert <cert.pem>]
  npm run edxml -- verify <file.xml> [--trust <ca.pem>]... [--max-bytes <n>]
`;

class UsageError extends Error {}

const config = loadConfig();
const cwd = process.env.INIT_CWD ?? process.cwd();
const resolve = (file: string) => path.resolve(cwd, file);

function read(file: string): Buffer {
  try {
    return readFileSync(resolve(file));
  } catch (e) {
    throw new UsageError(`Không đọc được tệp / cannot read ${file}: ${(e as Error).message}`);
  }
}

function print(value: unknown, stream: NodeJS.WriteStream = process.stdout) {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}

function summarise(message: EdxmlMessage): unknown {
  if (message.kind !== 'package') return message;
  return {
    ...message,
    attachments: message.attachments.map(({ base64, ...rest }) => {
      const bytes = Buffer.from(base64, 'base64');
      return { ...rest, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    }),
  };
}

function main(argv: string[]): number {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      summary: { type: 'boolean' },
      'max-bytes': { type: 'string' },
      trust: { type: 'string', multiple: true },
      key: { type: 'string' },
      cert: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, file] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command ? 0 : 3;
  }
  if (!file || positionals.length > 2) throw new UsageError(USAGE);
  let maxBytes = config.edxmlMaxBytes;
  if (values['max-bytes'] !== undefined) {
    maxBytes = Number(values['max-bytes']);
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new UsageError('--max-bytes must be a positive integer');
  }
  const limits = { maxBytes };

  switch (command) {
    case 'parse': {
      const result = parseEdxml(read(file), { limits });
      if (!result.ok) {
        print({ ok: false, errors: result.errors, warnings: result.warnings });
        return 2;
      }
      print({
        ok: true,
        signed: result.signed,
        warnings: result.warnings,
        message: values.summary ? summarise(result.message) : result.message,
      });
      return 0;
    }
    case 'build': {
      let model: EdxmlMessage;
      try {
        const json = JSON.parse(read(file).toString('utf8')) as Record<string, unknown>;
        // Accept both a bare model and the output of `parse`.
        const inner = (json.message ?? json) as Record<string, unknown>;
        model = { kind: 'package', ...inner } as EdxmlMessage;
      } catch (e) {
        if (e instanceof UsageError) throw e;
        throw new UsageError(`JSON không hợp lệ / invalid JSON: ${(e as Error).message}`);
      }
      let xml: string;
      try {
        xml = buildEdxml(model);
      } catch (e) {
        if (!(e instanceof EdxmlError)) throw e;
        print({ ok: false, errors: e.issues.filter((i) => i.severity === 'error') }, process.stderr);
        return 2;
      }
      if (values.key || values.cert) {
        if (!values.key || !values.cert) throw new UsageError('--key and --cert go together');
        xml = signEdxml(xml, {
          privateKeyPem: read(values.key).toString('utf8'),
          certificatePem: read(values.cert).toString('utf8'),
        });
      }
      process.stdout.write(xml);
      return 0;
    }
    case 'verify': {
      const trustFiles = [...(values.trust ?? []).map(resolve), ...config.edxmlTrustList];
      const trustList = trustFiles.map((f) => read(f).toString('utf8'));
      const result = verifyEdxmlSignature(read(file), { trustList, limits });
      print({
        valid: result.valid,
        errors: result.errors,
        warnings: result.warnings,
        signer: result.signer ?? null,
        trustList: trustFiles,
      });
      return result.valid ? 0 : 1;
    }
    default:
      throw new UsageError(`Lệnh không hợp lệ / unknown command: ${command}\n${USAGE}`);
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 3;
  } else {
    throw e;
  }
}
