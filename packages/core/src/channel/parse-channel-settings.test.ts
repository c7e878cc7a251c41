import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigurationError } from '../errors/configuration-error';
import { defaultEnvironment, parseChannelSettings } from './parse-channel-settings';

const Schema = z.object({ authToken: z.string().min(32), from: z.string().default('+15005550006') });

describe('parseChannelSettings', () => {
  it('returns the parsed settings with defaults filled in', () => {
    expect(parseChannelSettings(Schema, { authToken: 'x'.repeat(32) }, 'twilio')).toEqual({
      authToken: 'x'.repeat(32),
      from: '+15005550006',
    });
  });

  it('names the first bad field in a ConfigurationError and never echoes the value', () => {
    const secret = 'short-secret-value';
    const error = (() => {
      try {
        parseChannelSettings(Schema, { authToken: secret }, 'twilio');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).message).toContain('Invalid settings: authToken:');
    expect((error as ConfigurationError).source).toBe('twilio');
    expect(String((error as Error).message)).not.toContain(secret);
  });

  it('reads the process environment in Node', () => {
    expect(defaultEnvironment()).toBe(process.env);
  });
});
