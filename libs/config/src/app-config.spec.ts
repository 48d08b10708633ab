import { AppConfig, ConfigValidationError, loadConfig } from './app-config.js';

const valid = {
  DATABASE_URL: 'postgres://hearth:secret@db:5432/hearth',
  JWT_SECRET: 'a'.repeat(32),
};

describe(AppConfig.name, () => {
  it('fills in defaults and converts numbers and booleans', () => {
    const config = loadConfig({ ...valid, PORT: '8080', MIGRATIONS_RUN: 'false' });
    expect(config.PORT).toBe(8080);
    expect(config.MIGRATIONS_RUN).toBe(false);
    expect(config.WORKER_HEALTH_PORT).toBe(3001);
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.ACCESS_TOKEN_TTL_SECONDS).toBe(900);
  });

  it('names a malformed DATABASE_URL', () => {
    expect(() => loadConfig({ ...valid, DATABASE_URL: 'mysql://db/hearth' })).toThrow(
      'DATABASE_URL must be a postgres:// connection string',
    );
  });

  it('names every missing variable at once', () => {
    try {
      loadConfig({});
      throw new Error('expected a ConfigValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      expect((error as ConfigValidationError).variables.sort()).toEqual([
        'DATABASE_URL',
        'JWT_SECRET',
      ]);
    }
  });

  it('never echoes a secret value in its message', () => {
    const secret = 'too-short-secret';
    expect(() => loadConfig({ ...valid, JWT_SECRET: secret })).toThrow(
      'JWT_SECRET must be at least 32 characters',
    );
    try {
      loadConfig({ ...valid, JWT_SECRET: secret, REDIS_URL: 'http://user:pw@cache' });
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
      expect((error as Error).message).not.toContain('pw@cache');
    }
  });

  it('ignores variables it does not know', () => {
    const config = loadConfig({ ...valid, PATH: '/usr/bin', HOME: '/root' });
    expect(Object.keys(config)).not.toContain('PATH');
  });

  it('links to the port the api listens on unless PUBLIC_URL is given', () => {
    expect(loadConfig(valid).PUBLIC_URL).toBe('http://localhost:3000');
    expect(loadConfig({ ...valid, PORT: '3100' }).PUBLIC_URL).toBe('http://localhost:3100');
    expect(
      loadConfig({ ...valid, PORT: '3100', PUBLIC_URL: 'https://hearth.example' }).PUBLIC_URL,
    ).toBe('https://hearth.example');
  });

  it('treats an empty optional variable as unset', () => {
    expect(loadConfig({ ...valid, REDIS_URL: '', SMTP_URL: '' }).REDIS_URL).toBeUndefined();
  });
});

describe('LiveKit settings', () => {
  const livekit = {
    LIVEKIT_URL: 'http://livekit:7880',
    LIVEKIT_API_KEY: 'devkey',
    LIVEKIT_API_SECRET: 's'.repeat(32),
  };

  it('takes all three or none', () => {
    expect(loadConfig({ ...valid, ...livekit }).LIVEKIT_URL).toBe('http://livekit:7880');
    expect(loadConfig(valid).LIVEKIT_URL).toBeUndefined();
    expect(() => loadConfig({ ...valid, LIVEKIT_URL: livekit.LIVEKIT_URL })).toThrow(
      'LIVEKIT_API_KEY is required when LIVEKIT_URL is set',
    );
  });

  it('wants the room open by the time joining opens', () => {
    expect(() => loadConfig({ ...valid, ROOM_OPEN_LEAD_MINUTES: '5' })).toThrow(
      'ROOM_OPEN_LEAD_MINUTES',
    );
  });
});
