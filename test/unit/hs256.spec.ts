import { createHmac, randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { verifyHs256 } from '../../src/identity/hs256.js';

const key = new TextEncoder().encode(randomBytes(32).toString('base64'));
const now = Math.floor(Date.now() / 1000);
const expected = { issuer: 'micropower', nowSeconds: now };

const issued = (claims: Record<string, unknown> = {}, signingKey = key, expiresAt = now + 600) =>
  new SignJWT({ pid: 'person', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('micropower')
    .setSubject('account')
    .setJti('session')
    .setIssuedAt(now)
    .setExpirationTime(expiresAt)
    .sign(signingKey);

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token built by hand, signed with our key over whatever header and claims are given. */
const forged = (header: unknown, claims: unknown, signingKey = key) => {
  const body = `${b64(header)}.${b64(claims)}`;
  return `${body}.${createHmac('sha256', signingKey).update(body).digest('base64url')}`;
};

describe(verifyHs256.name, () => {
  it('accepts the tokens we issue and gives back their claims', async () => {
    expect(verifyHs256(await issued(), key, expected)).toMatchObject({
      sub: 'account',
      pid: 'person',
      jti: 'session',
      iss: 'micropower',
    });
  });

  it('refuses a token signed with another key, or with its payload changed', async () => {
    expect(verifyHs256(await issued({}, new TextEncoder().encode('another key')), key, expected)).toBeNull();
    const [header, , signature] = (await issued()).split('.');
    const otherPerson = b64({
      pid: 'someone else',
      sub: 'account',
      jti: 'session',
      iss: 'micropower',
      exp: now + 600,
    });
    expect(verifyHs256(`${header}.${otherPerson}.${signature}`, key, expected)).toBeNull();
  });

  it('refuses "alg: none", other algorithms and extra header fields, even when the HMAC is right', () => {
    const claims = { sub: 'account', pid: 'person', jti: 'session', iss: 'micropower', exp: now + 600 };
    const unsigned = `${b64({ alg: 'none' })}.${b64(claims)}.`;
    expect(verifyHs256(unsigned, key, expected)).toBeNull();
    expect(verifyHs256(forged({ alg: 'HS512' }, claims), key, expected)).toBeNull();
    expect(verifyHs256(forged({ alg: 'HS256', crit: ['exp'] }, claims), key, expected)).toBeNull();
    expect(verifyHs256(forged({ alg: 'HS256' }, claims), key, expected)).not.toBeNull();
  });

  it('refuses an expired token, one without expiry, one not yet valid, and one from another issuer', async () => {
    expect(verifyHs256(await issued({}, key, now), key, expected)).toBeNull();
    const base = { sub: 'account', pid: 'person', jti: 'session', iss: 'micropower' };
    expect(verifyHs256(forged({ alg: 'HS256' }, base), key, expected)).toBeNull();
    expect(
      verifyHs256(forged({ alg: 'HS256' }, { ...base, exp: String(now + 600) }), key, expected),
    ).toBeNull();
    expect(
      verifyHs256(forged({ alg: 'HS256' }, { ...base, exp: now + 600, nbf: now + 60 }), key, expected),
    ).toBeNull();
    expect(
      verifyHs256(forged({ alg: 'HS256' }, { ...base, exp: now + 600, iss: 'elsewhere' }), key, expected),
    ).toBeNull();
  });

  it('refuses malformed tokens without throwing', async () => {
    const good = await issued();
    for (const token of [
      '',
      'a.b',
      'a.b.c.d',
      `${good}x`,
      `${good}.`,
      good.replace('.', '..'),
      '...',
      `x${good}`,
    ]) {
      expect(verifyHs256(token, key, expected)).toBeNull();
    }
    expect(verifyHs256(forged({ alg: 'HS256' }, 'not an object'), key, expected)).toBeNull();
    expect(verifyHs256(forged([], { exp: now + 600, iss: 'micropower' }), key, expected)).toBeNull();
  });
});
