import type { TestApp } from './test-app.js';

/**
 * A login someone else opened, taken up by its holder as a person would: log in with the password they
 * were handed, set their own (which ends that session), log in again. Answers the new bearer token.
 */
export async function takeUpLogin(
  t: TestApp,
  username: string,
  openersPassword: string,
  ownPassword = `${openersPassword}-mine`,
): Promise<string> {
  const first = await t.api().post('/auth/login', { username, password: openersPassword }).expect(200);
  await t
    .api(first.body.token as string)
    .post('/auth/password', { currentPassword: openersPassword, newPassword: ownPassword })
    .expect(204);
  const own = await t.api().post('/auth/login', { username, password: ownPassword }).expect(200);
  return own.body.token as string;
}
