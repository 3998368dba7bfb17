import { ensurePkijsEngine } from '@/utils/trust/pkijs-engine';
import { pemToDer } from '@/utils/trust/bytes';
import { BUNDLED_TSA_ROOTS } from '@/utils/trust/tsa-roots';
import { checkImprint, checkTimeStampingPurpose, checkTokenSignature, parseTimeStampResp, TokenFormatError } from '@/utils/trust/tsp-token';
import { checkTokenChain, parseCertificates } from '@/utils/trust/tsp-chain';

// Offline check of a stored RFC 3161 token (seal.tsr, signature.tsr) against the digest it
// should cover. `untrusted` means the token is sound but its TSA chains to no root we trust:
// a warning for the verifier, unlike `failed`, which means the token proves nothing.

export interface TokenVerification {
  status: 'ok' | 'failed' | 'untrusted';
  /** ISO 8601 UTC, when the token could be read */
  genTime?: string;
  serial?: string;
  /** the TSA's name (from the token, else its certificate's subject) */
  tsa?: string;
  /** the trusted root the chain ends at, when ok */
  root?: string;
  problems: string[];
}

export interface VerifyTokenOptions {
  /** DER roots; see bundledRootsDer() for the pinned roots of the default TSAs */
  trustedRoots: readonly Uint8Array[];
  /** when to judge the chain's validity; the token's own genTime by default */
  at?: Date;
}

export function bundledRootsDer(): Uint8Array[] {
  return BUNDLED_TSA_ROOTS.flatMap((r) => pemToDer(r.pem));
}

export async function verifyTimestampToken(tsr: Uint8Array, digest: Uint8Array, options: VerifyTokenOptions): Promise<TokenVerification> {
  ensurePkijsEngine();
  let parsed;
  try {
    parsed = await parseTimeStampResp(tsr);
  } catch (e) {
    return { status: 'failed', problems: [e instanceof TokenFormatError ? e.message : `unreadable token (${e instanceof Error ? e.message : String(e)})`] };
  }
  if (!parsed.granted) return { status: 'failed', problems: [`the TSA refused (${parsed.status}${parsed.text ? `: ${parsed.text}` : ''}); there is no token`] };
  const token = parsed.token;
  const base = { genTime: token.genTime.toISOString(), serial: token.serial, tsa: token.tsaName };
  const problems = [checkImprint(token, digest), await checkTokenSignature(token), checkTimeStampingPurpose(token.signerCert)].filter((p): p is string => !!p);
  let roots;
  try {
    roots = parseCertificates(options.trustedRoots);
  } catch (e) {
    return { status: 'failed', ...base, problems: [...problems, `a trusted root is not a DER certificate (${e instanceof Error ? e.message : String(e)})`] };
  }
  const chain = await checkTokenChain(token, roots, options.at ?? token.genTime);
  if (chain.status === 'failed') problems.push(chain.problem);
  if (problems.length) return { status: 'failed', ...base, problems };
  if (chain.status !== 'ok') return { status: 'untrusted', ...base, problems: [chain.problem] };
  return { status: 'ok', ...base, root: chain.root, problems: [] };
}
