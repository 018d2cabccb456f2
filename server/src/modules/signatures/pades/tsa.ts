/**
 * RFC 3161 timestamps: a client for a time-stamping authority over HTTP (PAdES B-T), and reading the
 * time and the imprint of a token for validation.
 */
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, type TimestampFn } from './cms.ts';

export class TimestampError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimestampError';
  }
}

/** A TimestampFn asking the TSA at `url` (application/timestamp-query) for a token over a SHA-256 digest. */
export function httpTimestamp(url: string, options: { timeoutMs?: number } = {}): TimestampFn {
  return async (digest) => {
    const nonce = randomBytes(8);
    nonce[0] = nonce[0]! & 0x7f;
    const request = new pkijs.TimeStampReq({
      version: 1,
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
        hashedMessage: new asn1js.OctetString({ valueHex: digest }),
      }),
      nonce: new asn1js.Integer({ valueHex: nonce }),
      certReq: true,
    });
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/timestamp-query' },
        body: new Uint8Array(request.toSchema().toBER(false)),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new TimestampError(`The time-stamping authority did not answer: ${String(error)}`);
    }
    if (!response.ok) throw new TimestampError(`The time-stamping authority answered HTTP ${response.status}`);
    const body = new Uint8Array(await response.arrayBuffer());
    let parsed: pkijs.TimeStampResp;
    try {
      parsed = pkijs.TimeStampResp.fromBER(body);
    } catch {
      throw new TimestampError('The time-stamping authority sent something that is not a TimeStampResp');
    }
    // 0 granted, 1 granted with modifications.
    if (parsed.status.status > 1 || !parsed.timeStampToken) {
      throw new TimestampError(`The time-stamping authority refused (status ${parsed.status.status})`);
    }
    const token = new Uint8Array(parsed.timeStampToken.toSchema().toBER(false));
    const info = readTimestampToken(token);
    if (Buffer.compare(Buffer.from(info.imprint), Buffer.from(digest)) !== 0) {
      throw new TimestampError('The timestamp does not cover the signature');
    }
    return token;
  };
}

export interface TimestampInfo {
  readonly genTime: Date;
  readonly imprint: Uint8Array;
  readonly imprintAlgorithm: string;
  readonly signedData: pkijs.SignedData;
  /** The TSTInfo DER (the token's signed content). */
  readonly content: Uint8Array;
}

/** The time and the message imprint of a token (a ContentInfo of SignedData over a TSTInfo). */
export function readTimestampToken(token: Uint8Array): TimestampInfo {
  const contentInfo = pkijs.ContentInfo.fromBER(token);
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const eContent = signedData.encapContentInfo.eContent;
  if (!eContent) throw new TimestampError('The timestamp token has no content');
  const content = new Uint8Array(eContent.getValue());
  const tstInfo = pkijs.TSTInfo.fromBER(content);
  return {
    genTime: tstInfo.genTime,
    imprint: new Uint8Array(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView),
    imprintAlgorithm: tstInfo.messageImprint.hashAlgorithm.algorithmId,
    signedData,
    content,
  };
}
