import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DAY_MS } from '../common/clock.js';
import { TokenService } from './token.service.js';

/** The browser cookie that marks a device its account logged in from before (`__Host-` over HTTPS). */
export const DEVICE_COOKIE = 'mp_device';

/** How long a device stays known after its last successful login. */
export const DEVICE_DAYS = 180;

const normalised = (username: string) => username.trim().toLowerCase().slice(0, 128);

/**
 * Devices an account logged in from before (OWASP's "device cookies"), so that guessing at an account
 * from elsewhere cannot lock its owner out: the back-off of the account (`LoginThrottle`) holds for
 * logins from unknown devices, while a known device has a back-off of its own. A device is a signed
 * cookie set by the console's login form: a random id, the day it was issued and a MAC binding both to
 * the username, under the key that signs the tokens. It proves only that this browser logged in to this
 * account before; the password is still checked, and wrong ones on the device are throttled as well.
 */
@Injectable()
export class KnownDevices {
  constructor(private readonly tokens: TokenService) {}

  /** A new device cookie's value for `username`, issued `now`. */
  async issue(username: string, now = new Date()): Promise<string> {
    const id = randomBytes(16).toString('base64url');
    const day = String(Math.floor(now.getTime() / DAY_MS));
    return `${id}.${day}.${await this.mac(username, id, day)}`;
  }

  /**
   * The throttle key of the device the cookie names, when it is well signed for this username and not
   * older than `DEVICE_DAYS`; else null (no cookie, another account's, forged or stale: an unknown device).
   */
  async throttleKey(username: string, cookie: string | null, now = new Date()): Promise<string | null> {
    const [id, day, mac, ...rest] = (cookie ?? '').split('.');
    if (!id || !day || !mac || rest.length > 0 || !/^\d{1,7}$/.test(day)) return null;
    if (Math.floor(now.getTime() / DAY_MS) - Number(day) > DEVICE_DAYS) return null;
    const expected = Buffer.from(await this.mac(username, id, day));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return `device:${id}`;
  }

  private mac(username: string, id: string, day: string): Promise<string> {
    return this.tokens.macOf('known-device', `${normalised(username)}\n${id}\n${day}`);
  }
}
