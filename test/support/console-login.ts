import request from 'supertest';
import { TEST_PASSWORD, type MemberKey, type VillageWorld } from '../factories/village.factory.js';
import type { TestApp } from './test-app.js';

/** Logs `who` in through the login form, as a browser would; returns the session cookie to send. */
export async function consoleCookie(t: TestApp, world: VillageWorld, who: MemberKey): Promise<string> {
  const response = await request(t.app.getHttpServer())
    .post('/login')
    .type('form')
    .send({ username: world.people[who].username, password: TEST_PASSWORD, next: '/c' })
    .expect(303);
  return (response.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
}

/** The message a console redirect leaves for the next page (its flash cookie), as `kind: text`. */
export function flashOf(response: request.Response): string | null {
  const cookies = (response.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  const value = cookies
    .find((cookie) => cookie.startsWith('mp_flash='))
    ?.split(';')[0]
    .slice('mp_flash='.length);
  if (!value) return null;
  const [kind, encoded] = value.split('.');
  return `${kind}: ${Buffer.from(encoded, 'base64url').toString('utf8')}`;
}
