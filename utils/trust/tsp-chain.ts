import * as pkijs from 'pkijs';
import { ensurePkijsEngine } from '@/utils/trust/pkijs-engine';
import { toArrayBuffer } from '@/utils/trust/bytes';
import type { ParsedToken } from '@/utils/trust/tsp-token';

// Does the TSA certificate chain, through the certificates the token carries, to one of the
// trusted roots, with every certificate valid at the token's own time? Revocation is not
// checked: verification is offline and the token carries no CRLs.

export type ChainOutcome = { status: 'ok'; root: string } | { status: 'untrusted'; problem: string } | { status: 'failed'; problem: string };

/** pkijs codes for "no path to a trusted root" (as opposed to a path that is broken or expired). */
const NO_TRUSTED_PATH = new Set([60, 97]);

export function parseCertificates(ders: readonly Uint8Array[]): pkijs.Certificate[] {
  ensurePkijsEngine();
  return ders.map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der)));
}

export async function checkTokenChain(token: ParsedToken, trustedRoots: readonly pkijs.Certificate[], at: Date): Promise<ChainOutcome> {
  ensurePkijsEngine();
  if (!trustedRoots.length) return { status: 'untrusted', problem: 'no trusted root to check the TSA certificate against' };
  const intermediates = token.certificates.filter((c) => c !== token.signerCert);
  const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: [...trustedRoots], certs: [...intermediates, token.signerCert], checkDate: at });
  let result: pkijs.CertificateChainValidationEngineVerifyResult;
  try {
    result = await engine.verify({ passedWhenNotRevValues: true });
  } catch (e) {
    const code = (e as { code?: number; resultCode?: number }).code ?? (e as { resultCode?: number }).resultCode;
    const message = (e as { resultMessage?: string }).resultMessage ?? (e instanceof Error ? e.message : String(e));
    return { status: 'failed', problem: `the TSA certificate chain is not valid (${message}, code ${code})` };
  }
  if (result.result) {
    const root = result.certificatePath?.at(-1);
    return { status: 'ok', root: root ? describeSubject(root) : '' };
  }
  if (NO_TRUSTED_PATH.has(result.resultCode))
    return { status: 'untrusted', problem: `the TSA certificate does not chain to a trusted root (${result.resultMessage})` };
  return { status: 'failed', problem: `the TSA certificate chain is not valid at ${at.toISOString()}: ${result.resultMessage}` };
}

function describeSubject(cert: pkijs.Certificate): string {
  return cert.subject.typesAndValues.map((tv) => String((tv.value.valueBlock as { value?: unknown }).value ?? '')).join(', ');
}
