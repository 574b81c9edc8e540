import { ConfigError, loadConfig } from '../../src/config/app-config.js';

describe('loadConfig', () => {
  it.each([
    ['1', 1],
    ['loopback', 'loopback'],
    ['10.0.0.0/8, loopback', '10.0.0.0/8,loopback'],
    ['fd00::/8', 'fd00::/8'],
    ['false', false],
  ])('takes TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(['true', 'True', 'yes', '10.0.0.0/33', 'proxy.example'])(
    'refuses TRUST_PROXY=%s at start, instead of believing any client or failing at the first request',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
    },
  );

  it('names statements unless told the database is behind a transaction-mode pooler', () => {
    const url = 'postgres://app@pgbouncer:6432/micropower';
    expect(loadConfig({ DATABASE_URL: url }).database).toMatchObject({ namedStatements: true });
    expect(loadConfig({ DATABASE_URL: url, DATABASE_PREPARED_STATEMENTS: 'off' }).database).toMatchObject({
      namedStatements: false,
    });
    expect(() => loadConfig({ DATABASE_URL: url, DATABASE_PREPARED_STATEMENTS: 'no' })).toThrow(ConfigError);
  });

  it('delivers timers in two loops per process by default, and refuses a count it cannot mean', () => {
    expect(loadConfig({}).timerWorkers).toBe(2);
    expect(loadConfig({ TIMER_WORKERS: '4' }).timerWorkers).toBe(4);
    for (const value of ['0', '17', 'two'])
      expect(() => loadConfig({ TIMER_WORKERS: value })).toThrow(ConfigError);
  });

  it('builds links on PUBLIC_URL without its trailing slash, and on localhost by default', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://cunwu.example.cn/' }).publicUrl).toBe(
      'https://cunwu.example.cn',
    );
    expect(loadConfig({ PORT: '3100' }).publicUrl).toBe('http://localhost:3100');
    expect(() => loadConfig({ PUBLIC_URL: 'cunwu.example.cn' })).toThrow(ConfigError);
  });

  it('refuses to start in production without the database or the public address, naming both', () => {
    const production = { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) };
    expect(() => loadConfig(production)).toThrow(/DATABASE_URL is required[\s\S]*PUBLIC_URL is required/);
    expect(() => loadConfig({ ...production, DATABASE_URL: 'postgres://db/micropower' })).toThrow(
      /PUBLIC_URL is required/,
    );
    const config = loadConfig({
      ...production,
      DATABASE_URL: 'postgres://db/micropower',
      PUBLIC_URL: 'https://cunwu.example.cn',
    });
    expect(config.publicUrl).toBe('https://cunwu.example.cn');
  });
});
