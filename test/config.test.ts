import { describe, expect, it } from 'vitest';
import { loadConfig, configHelp } from '../src/config.ts';
import { ConfigError } from '../src/errors.ts';

describe('loadConfig', () => {
  it('uses the declared defaults: localhost, port 3000, data/stancewatch.db', () => {
    const config = loadConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3000);
    expect(config.dbPath).toBe('data/stancewatch.db');
    expect(config.scheduler).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads environment variables and overrides', () => {
    const config = loadConfig({ PORT: '8080', STANCEWATCH_DB: '/tmp/x.db', STANCEWATCH_SCHEDULER: 'off' }, { host: '0.0.0.0' });
    expect(config).toMatchObject({ port: 8080, dbPath: '/tmp/x.db', scheduler: false, host: '0.0.0.0' });
  });

  it('reports every bad value at once, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', STANCEWATCH_LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: '99999', STANCEWATCH_LOG_LEVEL: 'loud' });
    } catch (err) {
      expect((err as Error).message).toContain('PORT');
      expect((err as Error).message).toContain('STANCEWATCH_LOG_LEVEL');
    }
  });

  it('documents every setting in the help text', () => {
    expect(configHelp()).toMatch(/STANCEWATCH_ADMIN_TOKEN/);
    expect(configHelp()).toMatch(/HOST .*localhost/);
  });
});
