import { median, ms, ratio, table, type Print } from '@/tests/bench/bench-utils';
import { startTsa } from '@/tests/harness/tsa-server';
import { sha256Bytes } from '@/utils/export/digest';
import { requestTimestamp, sha256 } from '@/utils/trust/tsp-client';
import { verifyTimestampToken } from '@/utils/trust/tsp-verify';

// Verifying 200 captures' RFC 3161 tokens (made by the local openssl TSA) as `npm run verify`
// does, against hashing the same seal and token bytes in the same run: the least any check of
// them must do. Also prints the round trip of one stamp request to the local TSA.

const CAPTURES = 200;
const ROUNDS = 3;

export async function benchTokens(print: Print): Promise<void> {
  const tsa = await startTsa();
  try {
    const seals = Array.from({ length: CAPTURES }, (_, i) =>
      new TextEncoder().encode(
        JSON.stringify({
          format: 'listingproof-seal',
          captureId: `capture-${i}`,
          files: Array.from({ length: 6 }, (_, j) => ({ path: `file-${j}.png`, sha256: 'ab'.repeat(32), bytes: 1000 + j })),
        }),
      ),
    );
    const digests = await Promise.all(seals.map((s) => sha256(s)));
    const tokens: Uint8Array[] = [];
    const stampTimes: number[] = [];
    for (const digest of digests) {
      const t = performance.now();
      const outcome = await requestTimestamp(digest, [{ url: tsa.url }], { trustedRoots: [tsa.caDer] });
      stampTimes.push(performance.now() - t);
      if (outcome.status !== 'stamped') throw new Error(`local TSA did not stamp: ${outcome.reason}`);
      tokens.push(outcome.tsr);
    }

    const verifyTimes: number[] = [];
    const hashTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let t = performance.now();
      for (let i = 0; i < CAPTURES; i++) {
        const result = await verifyTimestampToken(tokens[i]!, await sha256(seals[i]!), { trustedRoots: [tsa.caDer] });
        if (result.status !== 'ok') throw new Error(`token ${i}: ${result.problems.join('; ')}`);
      }
      verifyTimes.push(performance.now() - t);
      t = performance.now();
      for (let i = 0; i < CAPTURES; i++) {
        await sha256Bytes(seals[i]!);
        await sha256Bytes(tokens[i]!);
      }
      hashTimes.push(performance.now() - t);
    }
    const verify = median(verifyTimes);
    const hash = median(hashTimes);
    const tokenBytes = tokens.reduce((n, t) => n + t.byteLength, 0);
    table(
      print,
      ['what', `${CAPTURES} captures`, 'per capture', 'vs hashing'],
      [
        ['verify every token (imprint, CMS signature, EKU, chain at genTime)', ms(verify, 0), ms(verify / CAPTURES), ratio(verify, hash)],
        ['reference: SHA-256 of the same seal and token bytes', ms(hash, 1), ms(hash / CAPTURES, 3), '1.00x'],
        ['stamp request round trip to the local openssl TSA (median)', '—', ms(median(stampTimes), 1), '—'],
      ],
    );
    print(`tokens: ${CAPTURES}, ${(tokenBytes / CAPTURES).toFixed(0)} bytes each on average (RSA-2048 TSA, certificates included); median of ${ROUNDS} rounds`);
  } finally {
    await tsa.stop();
  }
}
