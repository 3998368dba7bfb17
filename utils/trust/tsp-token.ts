import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ensurePkijsEngine } from '@/utils/trust/pkijs-engine';
import { bytesToHex, equalBytes, integerHex, toArrayBuffer } from '@/utils/trust/bytes';

// Reading an RFC 3161 TimeStampResp and the checks that need no trust decision: status,
// imprint, CMS signature and the signer's timeStamping purpose. The client (before keeping a
// token) and the verifier (offline, later) both use these, so they judge tokens alike.

const ID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const ID_CT_TST_INFO = '1.2.840.113549.1.9.16.1.4';
const ID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const ID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const ID_SHA256 = '2.16.840.1.101.3.4.2.1';
const ID_EXT_KEY_USAGE = '2.5.29.37';
const ID_KP_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';

const STATUS_NAMES = ['granted', 'grantedWithMods', 'rejection', 'waiting', 'revocationWarning', 'revocationNotification'];

export class TokenFormatError extends Error {}

export interface ParsedToken {
  signedData: pkijs.SignedData;
  tstInfo: pkijs.TSTInfo;
  signerCert: pkijs.Certificate;
  certificates: pkijs.Certificate[];
  genTime: Date;
  /** lowercase hex */
  serial: string;
  /** lowercase hex of the nonce, when the token has one */
  nonce?: string;
  imprintAlgorithm: string;
  imprint: Uint8Array;
  /** the TSA's name from the token, else the signer certificate's subject */
  tsaName: string;
}

export type ParsedResponse = { granted: true; token: ParsedToken } | { granted: false; status: string; text: string };

export function describeName(name: pkijs.RelativeDistinguishedNames): string {
  const short: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST' };
  return name.typesAndValues.map((tv) => `${short[tv.type] ?? tv.type}=${String((tv.value.valueBlock as { value?: unknown }).value ?? '')}`).join(', ');
}

function findSigner(signedData: pkijs.SignedData, certificates: pkijs.Certificate[]): pkijs.Certificate | undefined {
  const sid = signedData.signerInfos[0]?.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
  }
  return undefined; // subjectKeyIdentifier signers are matched in checkTokenSignature (needs hashing)
}

async function findSignerByKeyId(signedData: pkijs.SignedData, certificates: pkijs.Certificate[]): Promise<pkijs.Certificate | undefined> {
  const sid = signedData.signerInfos[0]?.sid as asn1js.Constructed | asn1js.Primitive | undefined;
  if (!sid || sid instanceof pkijs.IssuerAndSerialNumber) return undefined;
  const inner = sid.idBlock.isConstructed ? ((sid as asn1js.Constructed).valueBlock.value[0] as asn1js.OctetString | undefined) : (sid as asn1js.Primitive);
  if (!inner) return undefined;
  const keyId = new Uint8Array(inner.valueBlock.valueHexView);
  for (const cert of certificates) {
    const spki = new Uint8Array(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', spki));
    if (equalBytes(digest, keyId)) return cert;
  }
  return undefined;
}

/** Parses a DER TimeStampResp. Throws TokenFormatError naming what is malformed. */
export async function parseTimeStampResp(der: Uint8Array): Promise<ParsedResponse> {
  ensurePkijsEngine();
  let resp: pkijs.TimeStampResp;
  try {
    resp = pkijs.TimeStampResp.fromBER(toArrayBuffer(der));
  } catch (e) {
    throw new TokenFormatError(`not a DER TimeStampResp (${e instanceof Error ? e.message : String(e)})`);
  }
  const status = resp.status.status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) {
    const text = (resp.status.statusStrings ?? []).map((s) => s.valueBlock.value).join('; ');
    return { granted: false, status: STATUS_NAMES[status] ?? `status ${status}`, text };
  }
  const content = resp.timeStampToken;
  if (!content || content.contentType !== ID_SIGNED_DATA) throw new TokenFormatError('status granted but no SignedData timeStampToken');
  let signedData: pkijs.SignedData;
  let tstInfo: pkijs.TSTInfo;
  try {
    signedData = new pkijs.SignedData({ schema: content.content });
    if (signedData.encapContentInfo.eContentType !== ID_CT_TST_INFO) throw new Error(`content type ${signedData.encapContentInfo.eContentType}, not TSTInfo`);
    const eContent = signedData.encapContentInfo.eContent;
    if (!eContent) throw new Error('no TSTInfo content');
    tstInfo = pkijs.TSTInfo.fromBER(eContent.getValue());
  } catch (e) {
    throw new TokenFormatError(`malformed timeStampToken (${e instanceof Error ? e.message : String(e)})`);
  }
  if (signedData.signerInfos.length !== 1) throw new TokenFormatError(`timeStampToken has ${signedData.signerInfos.length} signers, RFC 3161 requires one`);
  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const signerCert = findSigner(signedData, certificates) ?? (await findSignerByKeyId(signedData, certificates));
  if (!signerCert) throw new TokenFormatError('the TSA certificate is not in the token (request it with certReq)');
  const genTime = tstInfo.genTime;
  if (!(genTime instanceof Date) || Number.isNaN(genTime.getTime())) throw new TokenFormatError('the token has no valid genTime');
  const tsaName = tstInfo.tsa?.type === 4 ? describeName(tstInfo.tsa.value as pkijs.RelativeDistinguishedNames) : describeName(signerCert.subject);
  return {
    granted: true,
    token: {
      signedData,
      tstInfo,
      signerCert,
      certificates,
      genTime,
      serial: integerHex(new Uint8Array(tstInfo.serialNumber.valueBlock.valueHexView)),
      nonce: tstInfo.nonce ? integerHex(new Uint8Array(tstInfo.nonce.valueBlock.valueHexView)) : undefined,
      imprintAlgorithm: tstInfo.messageImprint.hashAlgorithm.algorithmId,
      imprint: new Uint8Array(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView),
      tsaName,
    },
  };
}

/** Problem text when the token's imprint is not this SHA-256 digest, else undefined. */
export function checkImprint(token: ParsedToken, digest: Uint8Array): string | undefined {
  if (token.imprintAlgorithm !== ID_SHA256) return `the token's imprint uses ${token.imprintAlgorithm}, not SHA-256`;
  if (!equalBytes(token.imprint, digest)) return `the token covers ${bytesToHex(token.imprint)}, not this data (${bytesToHex(digest)})`;
  return undefined;
}

/** Checks the CMS signature over the TSTInfo with the signer certificate's key. Problem text or undefined. */
export async function checkTokenSignature(token: ParsedToken): Promise<string | undefined> {
  ensurePkijsEngine();
  const engine = pkijs.getCrypto(true);
  const signerInfo = token.signedData.signerInfos[0];
  const eContent = token.signedData.encapContentInfo.eContent;
  if (!signerInfo || !eContent) return 'the token has no signer or no content';
  const hash = engine.getAlgorithmByOID(signerInfo.digestAlgorithm.algorithmId);
  if (!('name' in hash)) return `unsupported digest algorithm ${signerInfo.digestAlgorithm.algorithmId}`;
  let signedBytes: ArrayBuffer = eContent.getValue();
  const attrs = signerInfo.signedAttrs;
  if (attrs) {
    const contentType = attrs.attributes.find((a) => a.type === ID_CONTENT_TYPE)?.values[0];
    const digestAttr = attrs.attributes.find((a) => a.type === ID_MESSAGE_DIGEST)?.values[0];
    if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== ID_CT_TST_INFO)
      return 'the signed content-type attribute is not TSTInfo';
    if (!(digestAttr instanceof asn1js.OctetString)) return 'the signed message-digest attribute is missing';
    const actual = new Uint8Array(await crypto.subtle.digest(hash.name, signedBytes));
    if (!equalBytes(actual, new Uint8Array(digestAttr.valueBlock.valueHexView))) return 'the signature does not cover this TSTInfo (message digest differs)';
    signedBytes = attrs.encodedValue;
  }
  let ok: boolean;
  try {
    ok = await engine.verifyWithPublicKey(signedBytes, signerInfo.signature, token.signerCert.subjectPublicKeyInfo, signerInfo.signatureAlgorithm, hash.name);
  } catch (e) {
    return `the signature cannot be checked (${e instanceof Error ? e.message : String(e)})`;
  }
  return ok ? undefined : 'the TSA signature is not valid';
}

/** RFC 3161 §2.3: the TSA certificate has one extended key usage, timeStamping, marked critical. */
export function checkTimeStampingPurpose(cert: pkijs.Certificate): string | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === ID_EXT_KEY_USAGE);
  if (!ext) return 'the TSA certificate has no extended key usage (timeStamping required)';
  const usage = ext.parsedValue as pkijs.ExtKeyUsage | undefined;
  const purposes = usage?.keyPurposes ?? [];
  if (!purposes.includes(ID_KP_TIME_STAMPING)) return `the TSA certificate is not for time stamping (purposes ${purposes.join(', ') || 'none'})`;
  if (purposes.length !== 1) return 'the TSA certificate has other purposes besides timeStamping';
  if (!ext.critical) return "the TSA certificate's timeStamping purpose is not marked critical";
  return undefined;
}
